#!/usr/bin/env bash
# AppCDS for the deployed artifact (see README, "Benchmarks"): per function of infra/template.yaml,
# a class-data archive recorded under AWS's runtime interface client (-XX:ArchiveClassesAtExit, the
# function's first request, then SIGTERM as Lambda's shutdown), then [rounds] cold starts without
# and with it (-XX:SharedArchiveFile), alternating; prints the medians of init and of process start
# to first answer, and the saving. Each JVM home given (comma-separated; default: this java) gets
# its own archives and figures, e.g. /usr/lib/jvm/temurin-25-jdk-amd64 for JDK 25's cold starts.
# Usage: bench/deployed-cds.sh [rounds, default 3] [zip] [java homes]   (builds target/function.zip if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"; zip="${2:-target/function.zip}"
homes="${3:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
exec bench/deployed-run.sh cds "$rounds" "$zip" "$homes"
