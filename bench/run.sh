#!/usr/bin/env bash
# Ordo's benchmark: builds the service jar and the benchmark client, then runs the client, which starts the jar (and a
# plain-Axon baseline) on fresh stores, drives them over HTTP and prints a table (also written to
# bench/results/<time>-<store>.json, with a chart beside it in <time>-<store>.svg). What each figure means:
# docs/performance.md.
#
#   bench/run.sh                  # embedded H2 file store, as the default profile
#   bench/run.sh --postgres       # an embedded PostgreSQL (fsync and synchronous_commit on) and the postgres profile
#   bench/run.sh --help           # every option (clients, durations, JVM options, service properties, ...)
#
# Not part of ./mvnw verify. Takes about twelve minutes on 2 cores, plus the build.
set -euo pipefail
cd "$(dirname "$0")/.."

# --help needs only the client's classes: it builds them if they are missing, never rebuilds (a build takes both cores)
if [[ " $* " == *" --help "* && -f target/bench-classpath.txt ]]; then
  BENCH_SKIP_BUILD=1
fi
if [[ "${BENCH_SKIP_BUILD:-}" != "1" ]]; then
  ./mvnw -B -q -Pbenchmark package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
# package -DskipTests compiles the test sources (src/test/java and, in the profile, src/bench/java) but runs nothing
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

export ORDO_BENCH_COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo -dirty)"
exec java -Xms256m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$classpath" io.ordo.bench.Benchmark "$@"
