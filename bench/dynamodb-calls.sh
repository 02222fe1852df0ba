#!/usr/bin/env bash
# DynamoDB calls per operation of the deployed artifact (verify, opt-in, session and template
# sends, inbound message, status, duplicate webhook, idle dispatch and sweep), counted on their way
# to dynalite by a proxy in front of it; mean of 5 runs of each operation on warm functions.
# Usage: bench/dynamodb-calls.sh [zip]   (builds target/function.zip first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
zip="${1:-target/function.zip}"
mkdir -p target/bench
if [ ! -f target/function.zip ]; then ./mvnw -q -B package -DskipTests >/dev/null; fi
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt \
  dependency:copy@lambda-runtime >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  net.wagw.bench.DeployedBenchmark calls 0 "$zip"
