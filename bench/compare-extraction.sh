#!/usr/bin/env bash
# Extraction speed of builds side by side, one JMH fork of each in turn, round after round (a busy
# machine drifts; alternating spreads the drift over every build). Figures: docs/BENCHMARKS.md.
#   bench/compare-extraction.sh --rounds 5 e031f92 work      (options: --help)
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
"$java_bin" -cp "$bench_cp" io.topictracker.bench.extract.CompareExtraction "$@"
