# Sourced by the bench/run-*.sh scripts: builds the bench module when needed and sets $bench_cp.
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$bench_dir")"
bench_jar="$bench_dir/target/topic-tracker-bench-0.1.0-SNAPSHOT.jar"
if [ ! -f "$bench_jar" ] || [ "${BENCH_REBUILD:-0}" = 1 ] || \
   [ -n "$(find "$root" -path "$root/.git" -prune -o -path '*/target' -prune -o \
        \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$bench_jar" -print -quit)" ]; then
  echo "Building the bench module (and the modules it runs)..." >&2
  (cd "$root" && ./mvnw -q -B ${BENCH_MVN_OPTS:-} -DskipTests -pl bench -am install) >&2
fi
bench_cp="$bench_jar:$bench_dir/target/lib/*"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$root"
