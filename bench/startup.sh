#!/usr/bin/env bash
# Startup benchmark: full-stack cold start (infrastructure + five services), then each service's time-to-ready and
# resident memory (RSS) when idle after start. Writes bench/results/<date>-startup.md. Assumes a built tree
# (./expat up once). Timings here are measurements for the record, never assertions.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
OUT="bench/results/$(date +%Y-%m-%d)-startup.md"
SERVICES=(catalog-service:8081 application-service:8082 document-service:8083 scheduling-service:8084 fee-service:8085)

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
now_ms() { date +%s%3N; }

./expat down >/dev/null 2>&1 || true
t0=$(now_ms)
deploy/local/stack.sh up >/dev/null
t_stack=$(( $(now_ms) - t0 ))

# services one at a time, so each time-to-ready is not inflated by the others starting on the same 2 cores
declare -A ready rss
for s in "${SERVICES[@]}"; do
  name=${s%%:*}; port=${s##*:}
  ts=$(now_ms)
  ./expat start "$name" >/dev/null 2>&1 || { echo "could not start $name" >&2; exit 1; }
  ready[$name]=$(( $(now_ms) - ts ))
done
t_all=$(( $(now_ms) - t0 ))
sleep 10   # let start-up garbage settle before reading RSS
for s in "${SERVICES[@]}"; do
  name=${s%%:*}
  rss[$name]=$(rss_mb "$(cat .stack/pids/$name.pid)")
done

{
  echo "# Startup benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)"
  echo "Command: \`bench/startup.sh\` (services started one by one with \`./expat start <service>\` from the last build; JVM options: \`${SERVICE_JAVA_OPTS:--XX:+UseSerialGC}\`, heap ${SERVICE_HEAP:-256m})"
  echo
  echo "| what | figure |"
  echo "|---|---|"
  echo "| infrastructure cold start (PostgreSQL, Kafka, S3, Keycloak; downloads cached) | ${t_stack} ms |"
  echo "| whole system (infrastructure + five services, sequential) | ${t_all} ms |"
  for s in "${SERVICES[@]}"; do
    name=${s%%:*}
    echo "| $name: start until /q/health/ready is UP | ${ready[$name]} ms |"
    echo "| $name: RSS idle after start | ${rss[$name]} MB |"
  done
  echo
  echo "Ceiling for comparison: none yet for start-up (to be improved later: a bare Quarkus app's time-to-ready on the same machine)."
} | tee "$OUT"
