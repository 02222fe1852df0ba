#!/usr/bin/env bash
# Starts WireMock as Meta (answering every send at once) and the gateway with the README's local
# command pointed at it, then 1,000 sequential template sends (median, p99, DynamoDB calls per
# send), and stops both. Usage: bench/local-send.sh [n]   (ports 8080 and 8089 must be free)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
auth='Key ZGVtbzpkZW1vLWFjY2Vzcy1rZXktbG9jYWwtb25seQ=='   # the local demo bot (application.properties)
./mvnw -q -B dependency:copy -Dartifact=org.wiremock:wiremock-standalone:3.13.2 -DoutputDirectory=target/bench >/dev/null
mappings="$(mktemp -d)"; mkdir -p "$mappings/mappings"
cat >"$mappings/mappings/send.json" <<'JSON'
{"request":{"method":"POST","urlPathPattern":"/v23.0/[0-9]+/messages"},
 "response":{"status":200,"headers":{"Content-Type":"application/json"},
  "body":"{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"5531988880000\",\"wa_id\":\"5531988880000\"}],\"messages\":[{\"id\":\"wamid.BENCH\"}]}"}}
JSON
log="$(mktemp)"
setsid java -jar target/bench/wiremock-standalone-3.13.2.jar --port 8089 --bind-address 127.0.0.1 \
  --root-dir "$mappings" --disable-banner --no-request-journal >/dev/null 2>&1 &
wiremock=$!
setsid ./mvnw -B quarkus:dev -Dquarkus.console.enabled=false \
  -Dquarkus.rest-client.meta.url=http://127.0.0.1:8089 >"$log" 2>&1 &
gateway=$!
trap 'kill -- -"$gateway" -"$wiremock" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
until curl -sf -o /dev/null -H "Authorization: $auth" http://localhost:8080/accounts/+5531988889999; do
  if ! kill -0 "$gateway" 2>/dev/null; then cat "$log"; echo "local gateway did not start" >&2; exit 1; fi
  sleep 0.2
done
java bench/SendRoundTrip.java http://localhost:8080 "$auth" "$n"
