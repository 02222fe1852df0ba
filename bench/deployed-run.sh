#!/usr/bin/env bash
# Runs one mode of net.wagw.bench.DeployedBenchmark against the deployed artifact, for the bench/
# scripts that measure it (deployed.sh, deployed-cds.sh, dynamodb-calls.sh): builds
# target/function.zip first if it is missing, compiles the benchmark, copies AWS's runtime client.
# Usage: bench/deployed-run.sh MODE N ZIP [ARG]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
if [ ! -f target/function.zip ]; then ./mvnw -q -B package -DskipTests >/dev/null; fi
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt \
  dependency:copy@lambda-runtime >/dev/null
exec java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  net.wagw.bench.DeployedBenchmark "$@"
