#!/usr/bin/env bash
# Starts the gateway with the README's local command, its bot (WireMock) answering every delivery
# after a delay (300 ms unless told), then ingests signed one-message webhooks at each concurrency
# (median, p99, throughput, DynamoDB calls per message) and, in the same run and against the same
# dynalite, the same DynamoDB writes without the gateway; then a 1,000-message batch; then stops.
# Usage: bench/local-webhook.sh [n] [concurrencies] [bot-delay-ms]   (port 8080, or $WAGW_BENCH_PORT, and 8089 must be free)
# WAGW_BENCH_JFR=FILE.jfr records the gateway's JVM for the whole run (read it with bench/jfr-top.java).
# WAGW_BENCH_GATEWAY_ARGS="-Dkey=value ..." passes more settings to the gateway (e.g. -Dwagw.local.pump-consumers=1).
# WAGW_BENCH_LOAD_CLIENT=apache (default), jdk, or both (jdk,apache): the load client's HTTP client, each series once per client.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-2000}"; concurrencies="${2:-1,16,64}"; delay="${3:-300}"; port="${WAGW_BENCH_PORT:-8080}"
auth='Key ZGVtbzpkZW1vLWFjY2Vzcy1rZXktbG9jYWwtb25seQ=='
mkdir -p target/bench
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
./mvnw -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory=target/bench >/dev/null
mappings="$(mktemp -d)"; mkdir -p "$mappings/mappings"
cat >"$mappings/mappings/bot.json" <<JSON
{"request":{"method":"POST","urlPathPattern":"/bot/.*"},"response":{"status":200,"fixedDelayMilliseconds":$delay}}
JSON
log="$(mktemp)"
setsid java -jar target/bench/wiremock-standalone-3.13.2.jar --port 8089 --bind-address 127.0.0.1 \
  --root-dir "$mappings" --disable-banner --no-request-journal --container-threads 200 >/dev/null 2>&1 &
bot=$!
setsid ./mvnw -B quarkus:dev -Dquarkus.console.enabled=false \
  "-D%dev.wagw.bots.demo.messages-url=http://127.0.0.1:8089/bot/messages" \
  "-D%dev.wagw.bots.demo.notifications-url=http://127.0.0.1:8089/bot/notifications" -Dwagw.local.port="$port" \
  ${WAGW_BENCH_GATEWAY_ARGS:-} \
  ${WAGW_BENCH_PORT:+-Dquarkus.lambda.mock-event-server.dev-port=$((port + 100))} \
  ${WAGW_BENCH_JFR:+"-Djvm.args=-XX:StartFlightRecording=filename=$(realpath -m "$WAGW_BENCH_JFR"),settings=profile,dumponexit=true"} \
  >"$log" 2>&1 &
gateway=$!
trap 'kill -- -"$gateway" -"$bot" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
until curl -sf -o /dev/null -H "Authorization: $auth" http://localhost:$port/accounts/+5531988889999; do
  if ! kill -0 "$gateway" 2>/dev/null; then cat "$log"; echo "local gateway did not start" >&2; exit 1; fi
  sleep 0.2
done
echo "bot answers after $delay ms"
java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  net.wagw.bench.WebhookIngestBenchmark http://localhost:$port "$n" "$concurrencies"
