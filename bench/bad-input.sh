#!/usr/bin/env bash
# The fault suite's bad-input figure: OversizedInputTest sends oversized ids, names and texts to
# every bot route, straight and as LIME commands, against the test profile's gateway (dynalite,
# ElasticMQ, WireMock as Meta) and prints how many were answered 5xx (or "try again").
# Usage: bench/bad-input.sh [mock-event-server port]   (default 28081)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-28081}"
./mvnw -B verify -Dtest=OversizedInputTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dquarkus.lambda.mock-event-server.test-port="$port" 2>&1 | grep -E "5xx answers to bad input|Tests run:.*Oversized"
