#!/usr/bin/env bash
# Starts the gateway with the README's local command, reports the time from that command to the
# first answered verification, then 1,000 sequential verify round trips (median, p99), and stops it.
# Usage: bench/local-verify.sh [n]   (port 8080 must be free)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
auth='Key ZGVtbzpkZW1vLWFjY2Vzcy1rZXktbG9jYWwtb25seQ=='   # the local demo bot (application.properties)
log="$(mktemp)"
start=$(date +%s.%N)
setsid ./mvnw -B quarkus:dev -Dquarkus.console.enabled=false >"$log" 2>&1 &
pgid=$!
trap 'kill -- -"$pgid" 2>/dev/null || true; wait "$pgid" 2>/dev/null || true' EXIT
until curl -sf -o /dev/null -H "Authorization: $auth" http://localhost:8080/accounts/+5531988889999; do
  if ! kill -0 "$pgid" 2>/dev/null; then cat "$log"; echo "local gateway did not start" >&2; exit 1; fi
  sleep 0.1
done
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "local command to first answered verification: %.1f s\n", e - s }'
java bench/VerifyRoundTrip.java http://localhost:8080 "$auth" "$n"
