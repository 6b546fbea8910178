#!/usr/bin/env bash
# HTTP query load with wrk (apt-get install -y wrk): req/s and p50/p90/p99 per endpoint, GET /health
# in the same run as the HTTP stack's limit; --entities 1000000 first fills the entity store. Options: --help.
#   bench/run-queries.sh --rounds 3
#   bench/run-queries.sh --entities 1000000 --endpoints '/api/themes/security,/api/entities?limit=20,/api/entities?type=ORG&limit=20'
source "$(dirname "${BASH_SOURCE[0]}")/bench-env.sh"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
"$java_bin" -Dlog4j2.configurationFile=bench-log4j2.xml ${BENCH_JAVA_OPTS:-} -cp "$bench_cp" io.topictracker.bench.e2e.QueryBench "$@"
