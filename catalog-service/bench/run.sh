#!/usr/bin/env bash
# Benchmark: catalog reads vs a bare Quarkus endpoint of the same size, same JVM, same machine.
# Starts a second catalog-service instance on port 18081 with the bare baseline endpoints enabled (reads the same
# local database; writes nothing), runs bench/Bench.java against it, then stops that instance.
# Usage: catalog-service/bench/run.sh [threads] [seconds] [rounds]   (after: mvn -pl catalog-service package)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(dirname "$here")"
port=18081
CATALOG_BENCH=true HTTP_PORT=$port java -Xmx256m -jar "$module/target/quarkus-app/quarkus-run.jar" \
  > "$here/bench-server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  if curl -sf -o /dev/null "http://127.0.0.1:$port/bench/bare/list"; then break; fi
  sleep 1
done
java "$here/Bench.java" "http://127.0.0.1:$port" "${1:-8}" "${2:-10}" "${3:-3}" | tee "$here/last-result.txt"
