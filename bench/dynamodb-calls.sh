#!/usr/bin/env bash
# DynamoDB calls per operation of the deployed artifact (verify, opt-in, session and template
# sends, inbound message, status, duplicate webhook, idle dispatch and sweep), counted on their way
# to dynalite by a proxy in front of it; mean of 5 runs of each operation on warm functions.
# Usage: bench/dynamodb-calls.sh [zip]   (builds target/function.zip first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
zip="${1:-target/function.zip}"
exec bench/deployed-run.sh calls 0 "$zip"
