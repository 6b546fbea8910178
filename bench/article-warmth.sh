#!/usr/bin/env bash
# Extraction CPU time per KB of articles that come cold (as in a stream), right after themselves, or
# right after their own words shuffled: branch predictions or cache? Figures: docs/BENCHMARKS.md.
#   bench/article-warmth.sh --rounds 5      (options: --help)
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
"$java_bin" -cp "$bench_cp" io.topictracker.bench.extract.ArticleWarmth "$@"
