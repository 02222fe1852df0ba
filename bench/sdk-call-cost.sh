#!/usr/bin/env bash
# The AWS SDK's own CPU per DynamoDB call, by HTTP client and endpoint configuration, each in its
# own JVM with Lambda's C1-only flags, alternating, [reps] times (default 3): what the SDK's part of
# a warm request (about 60% of its CPU, bench/jfr-top.java) could lose by a configuration.
# Usage: bench/sdk-call-cost.sh [calls per series, default 3000] [reps] [configs, default apache,url,apache+fixedep,apache+noacct]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-3000}"; reps="${2:-3}"; configs="${3:-apache,url,apache+fixedep,apache+noacct}"
mkdir -p target/bench
sdk="$(sed -n "s:.*<aws.sdk.version>\(.*\)</aws.sdk.version>.*:\1:p" pom.xml)"
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
# the URL-connection client is no longer a dependency of the gateway: fetched for this comparison only
./mvnw -q -B dependency:copy -Dartifact=software.amazon.awssdk:url-connection-client:$sdk -DoutputDirectory=target/bench/url >/dev/null
cp="$(cat target/bench/classpath.txt):$(ls target/bench/url/*.jar | tr '\n' ':')"
for rep in $(seq "$reps"); do
  for config in ${configs//,/ }; do
    java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" bench/sdk-call-cost.java "$n" "$config" 2>&1 | grep -v "WARN\|^Note:"
  done
done
