#!/usr/bin/env bash
# The AWS SDK's own CPU per DynamoDB call, by HTTP client and endpoint configuration, each in its
# own JVM with Lambda's C1-only flags, alternating, [reps] times (default 3): what the SDK's part of
# a warm request (about 60% of its CPU, bench/jfr-top.java) could lose by a configuration.
# Usage: bench/sdk-call-cost.sh [calls per series, default 3000] [reps] [configs, default url,apache,url+fixedep,url+noacct]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-3000}"; reps="${2:-3}"; configs="${3:-url,apache,url+fixedep,url+noacct}"
mkdir -p target/bench
sdk="$(sed -n "s:.*<aws.sdk.version>\(.*\)</aws.sdk.version>.*:\1:p" pom.xml)"
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
# the Apache client is not a dependency of the gateway: fetched for this comparison only
./mvnw -q -B dependency:copy -Dartifact=software.amazon.awssdk:apache-client:$sdk -DoutputDirectory=target/bench/apache >/dev/null
for a in org.apache.httpcomponents:httpclient:4.5.14 org.apache.httpcomponents:httpcore:4.4.16 \
    commons-logging:commons-logging:1.2 commons-codec:commons-codec:1.17.1; do
  ./mvnw -q -B dependency:copy -Dartifact="$a" -DoutputDirectory=target/bench/apache >/dev/null
done
cp="$(cat target/bench/classpath.txt):$(ls target/bench/apache/*.jar | tr '\n' ':')"
for rep in $(seq "$reps"); do
  for config in ${configs//,/ }; do
    java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" bench/sdk-call-cost.java "$n" "$config" 2>&1 | grep -v "WARN\|^Note:"
  done
done
