#!/usr/bin/env bash
# Heap taken by one stream thread's lexicon of word forms when (nearly) full: random forms, each its
# own stem, the worst case. Figures: README.md and the Lexicon javadoc.
#   bench/lexicon-memory.sh --forms 95000      (options: --help)
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
"$java_bin" -cp "$bench_cp" io.topictracker.bench.extract.LexiconMemory "$@"
