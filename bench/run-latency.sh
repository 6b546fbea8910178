#!/usr/bin/env bash
# Freshness: producer ack -> count visible through the HTTP API, p50/p99, under steady background
# load, with a plain consumer's ack -> record latency in the same run as the floor. Options: --help.
#   bench/run-latency.sh --probes 300 --background-rate 100
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
"$java_bin" -Dlog4j2.configurationFile=bench-log4j2.xml ${BENCH_JAVA_OPTS:-} -cp "$bench_cp" io.topictracker.bench.e2e.LatencyBench "$@"
