#!/usr/bin/env bash
# The queue's drain and fault suite in virtual time (domain level: the real SendService, Pacer,
# MetaErrors and Outbox on in-memory ports and a virtual-time queue; no gateway, no ports): 10,000
# template sends at 80 and at 1,000 msg/s, a Meta allowing less than configured (130429), Meta's
# unclear answers, 5xx bursts and a bot down 3 days. Prints per scenario the simulated drain time,
# sends/s, 130429 and 5xx answers, duplicates, given up, told unclear, stuck, lost deliveries and
# the simulation's wall time, medians of the runs. Usage: bench/queue-drain.sh [runs]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
mkdir -p target/bench
./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/classpath.txt >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  net.wagw.bench.QueueDrainBenchmark "$runs" 2>/dev/null
