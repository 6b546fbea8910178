#!/usr/bin/env bash
# Hot methods of a JFR recording (CPU samples), e.g. of `run-throughput.sh --jfr DIR`:
#   bench/jfr-top.sh bench/target/jfr/tt-bench-r1-*.jfr [threadNameFilter] [rows]
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
"$java_bin" -cp "$bench_cp" io.topictracker.bench.profile.JfrTop "$@"
