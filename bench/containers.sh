#!/usr/bin/env bash
# Container figures (issue #20), run by `bench/run.sh --containers` (or alone): image sizes, image build time cold
# and cached, time from `docker-compose up` to every instance ready and healthy, RSS per container. The ceiling of
# the start-up and memory figures is the same build started as ./expat's processes in the same run (same eight
# instances, same databases), alternating with the container rounds. Writes bench/results/<date>-containers.md.
# It STOPS the services of ./expat up (the local stack keeps running) and leaves the processes running at the end.
set -euo pipefail
# Debian's docker client (same version as its engine) before any other on PATH: a newer client (e.g. 28 in
# /usr/local/bin) warns on every legacy build, and BuildKit (buildx) is not packaged with docker.io 20.10
export PATH="/usr/bin:$PATH"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"
ROUNDS=${BENCH_ROUNDS:-3}
OUT="bench/results/$(date +%Y-%m-%d)-containers.md"
RUN=deploy/containers/run.sh
export COMPOSE_PROJECT_NAME=expat-centre
COMPOSE=(docker-compose --compatibility --project-directory "$ROOT" -f "$($RUN compose-file)" --profile replicas)
INSTANCES=(catalog-service:8081 application-service:8082 document-service:8083 scheduling-service:8084
           fee-service:8085 notification-service:8086 application-service-2:8092 scheduling-service-2:8094)
MODULES=(catalog-service application-service document-service scheduling-service fee-service notification-service)

say() { printf '[bench containers %4ds] %s\n' "$SECONDS" "$*" >&2; }
now_ms() { date +%s%3N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END { if (NR==0) print ""; else if (NR%2) print a[(NR+1)/2]; else printf "%.1f", (a[NR/2]+a[NR/2+1])/2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b+0 > 0 && a != "") printf "%.2f", a/b; else printf "n/a" }'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b/1048576 }'; }
ready() { curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$(( $1 + 10000 ))/q/health/ready" 2>/dev/null; }
all_ready() { local s; for s in "${INSTANCES[@]}"; do ready "${s##*:}" || return 1; done; }
stop_processes() { local s; for s in "${INSTANCES[@]}"; do [[ -f .stack/pids/${s%%:*}.pid ]] && kill "$(cat ".stack/pids/${s%%:*}.pid")" 2>/dev/null || true; done
  local i; for i in $(seq 1 60); do any_listening || return 0; sleep 1; done; }
any_listening() { local s; for s in "${INSTANCES[@]}"; do (exec 3<>"/dev/tcp/127.0.0.1/${s##*:}") 2>/dev/null && return 0; done; return 1; }
wait_all_ready() { local t0=$1; until all_ready; do (( $(now_ms) - t0 < 300000 )) || { echo "not ready after 300 s" >&2; exit 1; }; sleep 0.2; done; echo $(( $(now_ms) - t0 )); }
rss_process_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$(cat ".stack/pids/$1.pid")/status"; }

[[ -f catalog-service/target/quarkus-app/quarkus-run.jar ]] || { echo "build first: ./expat up" >&2; exit 1; }
say "load average at start: $(load) on $(nproc) cores"
load_start=$(load)
stop_processes
"${COMPOSE[@]}" down >/dev/null 2>&1 || true   # containers left by run.sh up: every round starts from none
# the engine and the base images (cached after the first run; their cold cost is measured below)
$RUN images >/dev/null

# ------------------------------------------------------------------------------------------ image build times
say "image builds: cold (--no-cache, runtime image and six services) and cached, $ROUNDS rounds"
declare -a cold cached
for r in $(seq 1 "$ROUNDS"); do
  t0=$(now_ms)
  docker build -q --no-cache --network host -t expat/java-runtime:17 deploy/containers/base >/dev/null
  for m in "${MODULES[@]}"; do
    docker build -q --no-cache --network host --build-arg BASE_IMAGE=expat/java-runtime:17 \
      -f "$m/src/main/docker/Dockerfile.jvm" -t "expat/$m:dev" "$m" >/dev/null
  done
  cold+=($(( $(now_ms) - t0 )))
  t0=$(now_ms)
  for m in "${MODULES[@]}"; do
    docker build -q --network host --build-arg BASE_IMAGE=expat/java-runtime:17 \
      -f "$m/src/main/docker/Dockerfile.jvm" -t "expat/$m:dev" "$m" >/dev/null
  done
  cached+=($(( $(now_ms) - t0 )))
  docker image prune -f >/dev/null   # the layers the --no-cache builds replaced
done
t0=$(now_ms); docker rmi -f expat/debian:bookworm-minbase >/dev/null 2>&1 || true
tar_import_ms=0
if [[ -x .stack/containers/base-rootfs/bin/bash ]]; then
  t0=$(now_ms); tar -C .stack/containers/base-rootfs -c . | docker import - expat/debian:bookworm-minbase >/dev/null
  tar_import_ms=$(( $(now_ms) - t0 ))
fi

# ------------------------------------------------------------------------------ start-up and memory, alternating
declare -a c_ready c_healthy p_ready
declare -A c_rss p_rss
for r in $(seq 1 "$ROUNDS"); do
  say "round $r: containers"
  t0=$(now_ms)
  "${COMPOSE[@]}" up -d --no-build >/dev/null 2>&1
  c_ready+=("$(wait_all_ready "$t0")")
  until [[ $("${COMPOSE[@]}" ps | grep -c '(healthy)') -ge ${#INSTANCES[@]} ]]; do
    (( $(now_ms) - t0 < 400000 )) || { echo "not healthy after 400 s" >&2; exit 1; }; sleep 1; done
  c_healthy+=($(( $(now_ms) - t0 )))
  sleep 10   # start-up garbage settles before RSS is read
  while read -r name used; do
    svc=$(sed -E 's/^expat-centre_(.*)_1$/\1/' <<<"$name")
    c_rss[$svc]+="$(awk -v u="$used" 'BEGIN { v=u+0; if (u ~ /GiB/) v*=1024; else if (u ~ /KiB/) v/=1024; printf "%.0f", v }') "
  done < <(docker stats --no-stream --format '{{.Name}} {{.MemUsage}}' | awk '{print $1, $2}' | grep -E 'service(-2)?_1 ')
  "${COMPOSE[@]}" down >/dev/null 2>&1

  say "round $r: processes (the ceiling)"
  t0=$(now_ms)
  for s in "${INSTANCES[@]}"; do ./expat start "${s%%:*}" >/dev/null 2>&1 & done
  wait
  p_ready+=("$(wait_all_ready "$t0")")
  sleep 10
  for s in "${INSTANCES[@]}"; do p_rss[${s%%:*}]+="$(rss_process_mb "${s%%:*}") "; done
  ((r == ROUNDS)) || stop_processes
done

cr=$(printf '%s ' "${c_ready[@]}" | median); ch=$(printf '%s ' "${c_healthy[@]}" | median); pr=$(printf '%s ' "${p_ready[@]}" | median)
{
  echo "# Containers — $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(docker version -f 'engine {{.Server.Version}}' 2>/dev/null), docker-compose $(docker-compose version --short 2>/dev/null), commit $(git rev-parse --short HEAD)"
  echo "Load average at start: $load_start; at end: $(load). Rounds: $ROUNDS (medians; every round's figure in brackets)."
  echo "Command: \`bench/containers.sh\` (\`bench/run.sh --containers\`). Containers: \`deploy/containers/run.sh\`'s compose files (host networking, infrastructure = the local stack's processes, memory limit 512M, JAVA_MAX_MEM_RATIO 60, ParallelGC as run-java.sh). Processes: \`./expat start\` (-Xmx256m, SerialGC)."
  echo
  echo "## Images"
  echo
  echo "| image | size |"
  echo "|---|---|"
  for i in expat/debian:bookworm-minbase expat/java-runtime:17 "${MODULES[@]/#/expat/}"; do
    [[ $i == expat/*-service ]] && i="$i:dev"
    echo "| \`$i\` | $(mb "$(docker image inspect -f '{{.Size}}' "$i")") MB |"
  done
  echo
  echo "Each service image is the runtime image plus its own \`target/quarkus-app\` ($(du -sm catalog-service/target/quarkus-app | cut -f1)–$(du -sm document-service/target/quarkus-app | cut -f1) MB); the layers are shared, so the eight containers take the runtime once."
  echo
  echo "| build | median | rounds |"
  echo "|---|---|---|"
  echo "| cold: runtime image (apt-get of the JRE) + six service images, \`--no-cache\` | $(printf '%s ' "${cold[@]}" | median) ms | ${cold[*]} |"
  echo "| cached: the six service images again, nothing changed | $(printf '%s ' "${cached[@]}" | median) ms | ${cached[*]} |"
  echo "| base: \`docker import\` of the debootstrap tree (debootstrap itself once per machine, see \`.stack/logs/debootstrap.log\`) | $tar_import_ms ms | 1 |"
  echo
  echo "## Start-up and memory (ceiling: the same eight instances as processes)"
  echo
  echo "| figure | containers | processes (ceiling) | ratio processes/containers |"
  echo "|---|---|---|---|"
  echo "| \`up\` to all eight ready (management /q/health/ready, polled every 0.2 s) | $cr ms (${c_ready[*]}) | $pr ms (${p_ready[*]}) | $(ratio "$pr" "$cr") |"
  echo "| \`up\` to all eight *healthy* (docker healthcheck, 10 s interval) | $ch ms (${c_healthy[*]}) | — | — |"
  for s in "${INSTANCES[@]}"; do
    n=${s%%:*}; c=$(echo "${c_rss[$n]:-}" | median); p=$(echo "${p_rss[$n]:-}" | median)
    echo "| memory of $n, 10 s after ready (container: cgroup usage as docker stats shows it; process: RSS) | $c MiB (${c_rss[$n]:-}) | $p MiB (${p_rss[$n]:-}) | $(ratio "$p" "$c") |"
  done
} >"$OUT"
say "wrote $OUT"
