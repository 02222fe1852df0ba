#!/usr/bin/env bash
# Starts the gateway with the README's local command, then ingests signed one-message webhooks at a
# concurrency of 16 (median, p99, throughput, DynamoDB calls per message) and, in the same run and
# against the same dynalite, the same DynamoDB writes without the gateway; then stops it.
# Usage: bench/local-webhook.sh [n] [concurrency]   (port 8080, or $WAGW_BENCH_PORT, must be free)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-2000}"; concurrency="${2:-16}"; port="${WAGW_BENCH_PORT:-8080}"
auth='Key ZGVtbzpkZW1vLWFjY2Vzcy1rZXktbG9jYWwtb25seQ=='
mkdir -p target/bench
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
log="$(mktemp)"
setsid ./mvnw -B quarkus:dev -Dquarkus.console.enabled=false -Dwagw.local.port="$port" \
  ${WAGW_BENCH_PORT:+-Dquarkus.lambda.mock-event-server.dev-port=$((port + 100))} >"$log" 2>&1 &
gateway=$!
trap 'kill -- -"$gateway" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
until curl -sf -o /dev/null -H "Authorization: $auth" http://localhost:$port/accounts/+5531988889999; do
  if ! kill -0 "$gateway" 2>/dev/null; then cat "$log"; echo "local gateway did not start" >&2; exit 1; fi
  sleep 0.2
done
java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  net.wagw.bench.WebhookIngestBenchmark "http://localhost:$port" "$n" "$concurrency"
