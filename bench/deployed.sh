#!/usr/bin/env bash
# The deployed artifact under AWS's runtime interface client (see README, "The deployed artifact,
# tested"): each function of infra/template.yaml started alone from target/function.zip with
# Lambda's JVM flags; prints its init time, its cold start (process start to first answered
# request), the process's CPU time by then, and warm p50/p99 over n requests through the API front
# (dispatch: n SQS events of one queued work item each), first without priming
# (WAGW_PRIMING=false), then with it (the default), in the same run.
# Usage: bench/deployed.sh [n] [zip] [primings, default false,true; a number N: primed, its AWS calls N
# times (wagw.priming-rounds), as before a SnapStart snapshot]   (builds target/function.zip if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200}"; zip="${2:-target/function.zip}"; primings="${3:-false,true}"
exec bench/deployed-run.sh cold "$n" "$zip" "$primings"
