#!/usr/bin/env bash
# End-to-end throughput: our streams app vs Apache Kafka's WordCountDemo vs a plain KafkaConsumer,
# same input, same broker, interleaved runs. Figures: docs/BENCHMARKS.md. Options: --help.
#   bench/run-throughput.sh --articles 20000 --runs 3
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
"$java_bin" -Dlog4j2.configurationFile=bench-log4j2.xml ${BENCH_JAVA_OPTS:-} -cp "$bench_cp" io.topictracker.bench.e2e.ThroughputBench "$@"
