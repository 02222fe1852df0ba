#!/usr/bin/env bash
# The AWS SDK's own CPU per DynamoDB call, by HTTP client and endpoint configuration, each in its
# own JVM with Lambda's C1-only flags, alternating, [reps] times (default 3): what the SDK's part of
# a warm request (about 60% of its CPU, bench/jfr-top.java) could lose by a configuration.
# Usage: bench/sdk-call-cost.sh [calls per series, default 3000] [reps] [configs, default apache,url,crt,apache+fixedep,apache+noacct]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-3000}"; reps="${2:-3}"; configs="${3:-apache,url,crt,apache+fixedep,apache+noacct}"
mkdir -p target/bench
sdk="$(sed -n "s:.*<aws.sdk.version>\(.*\)</aws.sdk.version>.*:\1:p" pom.xml)"
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
# the URL-connection client is no longer a dependency of the gateway: fetched for this comparison only
./mvnw -q -B dependency:copy -Dartifact=software.amazon.awssdk:url-connection-client:$sdk -DoutputDirectory=target/bench/url >/dev/null
# so is the CRT client, and its native library (every platform's, 23 MB: the one jar served)
crt="$(sed -n "s:.*<awscrt.version>\(.*\)</awscrt.version>.*:\1:p" ~/.m2/repository/software/amazon/awssdk/aws-sdk-java-pom/$sdk/aws-sdk-java-pom-$sdk.pom 2>/dev/null || true)"
./mvnw -q -B dependency:copy -Dartifact=software.amazon.awssdk:aws-crt-client:$sdk -DoutputDirectory=target/bench/url >/dev/null
./mvnw -q -B dependency:copy -Dartifact=software.amazon.awssdk.crt:aws-crt:${crt:-0.49.0} -DoutputDirectory=target/bench/url >/dev/null
cp="$(cat target/bench/classpath.txt):$(ls target/bench/url/*.jar | tr '\n' ':')"
for rep in $(seq "$reps"); do
  for config in ${configs//,/ }; do
    java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" bench/sdk-call-cost.java "$n" "$config" 2>&1 | grep -v "WARN\|^Note:"
  done
done
