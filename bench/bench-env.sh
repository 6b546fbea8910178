# Sourced by the bench/run-*.sh scripts: builds the bench module when needed, then runs from a
# private snapshot of its classpath ($bench_cp), so a rebuild during a long run cannot pull jars
# from under the running JVMs. The snapshot is deleted when the script exits.
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
bench_snapshot="$(mktemp -d "${TMPDIR:-/tmp}/topic-tracker-bench.XXXXXX")"
trap 'rm -rf "$bench_snapshot"' EXIT
cp "$bench_jar" "$bench_snapshot/bench.jar"
cp -r "$bench_dir/target/lib" "$bench_snapshot/lib"
bench_cp="$bench_snapshot/bench.jar:$bench_snapshot/lib/*"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$root"
