#!/usr/bin/env bash
# The six services (and the two second replicas) as containers, on a machine with no image registry (issue #20).
#   deploy/containers/run.sh up      engine, images, local stack for the infrastructure, containers, demo data
#   deploy/containers/run.sh test    `up`, then the e2e suite against the containers (./expat test-containers)
#   deploy/containers/run.sh down    remove the containers (the local stack keeps running: ./expat down stops it)
#   deploy/containers/run.sh images  only build the images (base once, then the six services)
#   deploy/containers/run.sh status | kill <service> | start <service> | restart <service>
#   deploy/containers/run.sh compose-file   write (and print the path of) the merged compose file it runs
#
# What it does, in order (README "Containers"):
#   1. the engine: Debian's docker.io (+ docker-compose 1.29, debootstrap) installed if missing; dockerd started with
#      --bridge=none --iptables=false, so no private-range address exists and containers use host networking;
#   2. a base image made here (no registry is reachable): `debootstrap --variant=minbase bookworm`, imported with
#      `docker import`, and a Java runtime image on it (deploy/containers/base), both built once and then cached;
#   3. the six service images from their own src/main/docker/Dockerfile.jvm, with BASE_IMAGE pointing at that
#      runtime (elsewhere the same Dockerfiles build FROM the official UBI image);
#   4. the infrastructure as the local stack's processes (deploy/local/stack.sh), then docker-compose.yml with
#      deploy/containers/docker-compose.host.yml (host networking, stand-ins for the infrastructure; see its header),
#      with --compatibility so docker-compose 1.29 applies the memory limits of deploy.resources;
#   5. each container's log followed into .stack/logs/<service>.log, as ./expat writes them.
set -euo pipefail
# Debian's docker client (same version as its engine) before any other on PATH: a newer client (e.g. 28 in
# /usr/local/bin) warns on every legacy build, and BuildKit (buildx) is not packaged with docker.io 20.10
export PATH="/usr/bin:$PATH"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
HERE="$ROOT/deploy/containers"
STACK="$ROOT/.stack"
LOGS="$STACK/logs"
PIDS="$STACK/pids"
WORK="$STACK/containers"
export COMPOSE_PROJECT_NAME=expat-centre
DEBIAN_IMAGE=expat/debian:bookworm-minbase
RUNTIME_IMAGE=expat/java-runtime:17
MODULES=(catalog-service application-service document-service scheduling-service fee-service notification-service)
INSTANCES=("${MODULES[@]}" application-service-2 scheduling-service-2)
# docker-compose.yml + the host override, merged by docker-compose itself into .stack/containers/compose.yml with
# the published ports dropped (docker-compose refuses `ports` together with host networking, and an override cannot
# remove a list in compose 1.29); `compose_file` writes it, everything runs from it
SOURCES=(docker-compose --project-directory "$ROOT" -f "$ROOT/docker-compose.yml" -f "$HERE/docker-compose.host.yml"
         --profile replicas)
COMPOSE=(docker-compose --compatibility --project-directory "$ROOT" -f "$WORK/compose.yml" --profile replicas)
READY_TIMEOUT="${READY_TIMEOUT:-300}"
MVN=(mvn -B -ntp)

say() { printf '[containers] %s\n' "$*"; }
die() { printf '[containers] ERROR: %s\n' "$*" >&2; exit 1; }
as_root() { if ((EUID == 0)); then "$@"; else sudo -n "$@"; fi; }

engine() {
  if ! command -v dockerd >/dev/null || ! command -v docker-compose >/dev/null || ! command -v debootstrap >/dev/null; then
    say "installing Debian's docker.io, docker-compose and debootstrap"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      docker.io docker-compose debootstrap >"$LOGS/containers-apt.log" 2>&1 \
      || { tail -n 30 "$LOGS/containers-apt.log" >&2; die "apt-get install failed"; }
  fi
  if ! docker info >/dev/null 2>&1; then
    say "starting dockerd (no bridge, no iptables: host networking only)"
    (as_root setsid nohup dockerd --bridge=none --iptables=false --ip6tables=false \
      >"$LOGS/dockerd.log" 2>&1 </dev/null &)
    local i
    for i in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
    docker info >/dev/null 2>&1 || { tail -n 30 "$LOGS/dockerd.log" >&2; die "dockerd did not start"; }
  fi
}

base_images() {
  if ! docker image inspect "$DEBIAN_IMAGE" >/dev/null 2>&1; then
    local rootfs="$WORK/base-rootfs" started=$SECONDS
    if [[ ! -x $rootfs/bin/bash ]]; then
      say "debootstrap --variant=minbase bookworm (once; cached in .stack/containers)"
      as_root rm -rf "$rootfs"
      as_root debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian \
        >"$LOGS/debootstrap.log" 2>&1 || { tail -n 30 "$LOGS/debootstrap.log" >&2; die "debootstrap failed"; }
      # what an image needs no copy of: downloaded packages, package lists, documentation
      as_root rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
        "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
    fi
    as_root tar -C "$rootfs" -c . | docker import - "$DEBIAN_IMAGE" >/dev/null
    say "base image $DEBIAN_IMAGE imported ($((SECONDS - started)) s)"
  fi
  if ! docker image inspect "$RUNTIME_IMAGE" >/dev/null 2>&1; then
    local started=$SECONDS
    docker build -q --network host --build-arg DEBIAN_BASE="$DEBIAN_IMAGE" -t "$RUNTIME_IMAGE" "$HERE/base" \
      >"$LOGS/containers-build.log" 2>&1 || { tail -n 30 "$LOGS/containers-build.log" >&2; die "runtime image build failed"; }
    say "runtime image $RUNTIME_IMAGE built ($((SECONDS - started)) s)"
  fi
}

service_images() {
  local m started
  for m in "${MODULES[@]}"; do
    [[ -f $ROOT/$m/target/quarkus-app/quarkus-run.jar ]] || die "$m is not built (mvn install -DskipTests)"
    started=$SECONDS
    docker build -q --network host --build-arg BASE_IMAGE="$RUNTIME_IMAGE" -f "$ROOT/$m/src/main/docker/Dockerfile.jvm" \
      -t "expat/$m:dev" "$ROOT/$m" >>"$LOGS/containers-build.log" 2>&1 \
      || { tail -n 30 "$LOGS/containers-build.log" >&2; die "image expat/$m:dev failed to build"; }
    say "image expat/$m:dev built ($((SECONDS - started)) s)"
  done
}

build_modules() {
  say "building all modules (tests skipped)"
  "${MVN[@]}" -q install -DskipTests >"$LOGS/build.log" 2>&1 || { tail -n 80 "$LOGS/build.log" >&2; die "build failed (log .stack/logs/build.log)"; }
}

compose_file() {
  mkdir -p "$WORK"
  "${SOURCES[@]}" config | python3 -c '
import sys, yaml
merged = yaml.safe_load(sys.stdin)
for svc in merged["services"].values():
    if svc.get("network_mode") == "host":
        svc.pop("ports", None)
yaml.safe_dump(merged, sys.stdout, sort_keys=False)
' >"$WORK/compose.yml.new" && mv "$WORK/compose.yml.new" "$WORK/compose.yml"
}

container_of() { "${COMPOSE[@]}" ps -q "$1" 2>/dev/null; }

health_of() {
  local id
  id=$(container_of "$1")
  [[ -n $id ]] || { echo missing; return; }
  docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id"
}

wait_healthy() {
  local name deadline=$((SECONDS + READY_TIMEOUT)) pending
  while :; do
    pending=()
    for name in "$@"; do [[ $(health_of "$name") == healthy ]] || pending+=("$name"); done
    ((${#pending[@]} == 0)) && return 0
    if ((SECONDS > deadline)); then
      for name in "${pending[@]}"; do docker logs --tail 40 "$(container_of "$name")" >&2 || true; done
      die "not healthy after ${READY_TIMEOUT}s: ${pending[*]}"
    fi
    sleep 2
  done
}

follow_logs() { # the container's output into .stack/logs/<name>.log, as ./expat writes a process's output
  local name=$1 pidfile="$PIDS/$1.logs.pid" id
  [[ -f $pidfile ]] && kill "$(cat "$pidfile")" 2>/dev/null || true
  id=$(container_of "$name")
  (setsid nohup docker logs -f "$id" >"$LOGS/$name.log" 2>&1 </dev/null & echo $! >"$pidfile")
}

ports_free() {
  local p
  for p in 8081 8082 8083 8084 8085 8086 8092 8094; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && [[ -z $(container_of "$(service_on "$p")") ]]; then
      die "port $p is taken by a process that is not a container of this project (./expat down stops the processes of ./expat up)"
    fi
  done
}

service_on() {
  case $1 in 8081) echo catalog-service ;; 8082) echo application-service ;; 8083) echo document-service ;;
    8084) echo scheduling-service ;; 8085) echo fee-service ;; 8086) echo notification-service ;;
    8092) echo application-service-2 ;; 8094) echo scheduling-service-2 ;; esac
}

up() {
  mkdir -p "$LOGS" "$PIDS" "$WORK"
  engine
  ports_free
  "$ROOT/deploy/local/stack.sh" up
  [[ ${SKIP_BUILD:-} == 1 ]] || build_modules
  local started=$SECONDS
  base_images
  service_images
  say "images built in $((SECONDS - started)) s"
  started=$SECONDS
  compose_file
  "${COMPOSE[@]}" up -d --no-build >"$LOGS/containers-compose.log" 2>&1 \
    || { tail -n 40 "$LOGS/containers-compose.log" >&2; die "docker-compose up failed (log .stack/logs/containers-compose.log)"; }
  local name
  for name in "${INSTANCES[@]}"; do follow_logs "$name"; done
  wait_healthy "${INSTANCES[@]}"
  say "${#INSTANCES[@]} service containers healthy $((SECONDS - started)) s after docker-compose up"
  "$ROOT/deploy/local/demo-data.sh"
  status
}

down() {
  local f
  for f in "$PIDS"/*.logs.pid; do [[ -f $f ]] && { kill "$(cat "$f")" 2>/dev/null || true; rm -f "$f"; }; done
  docker info >/dev/null 2>&1 || { say "no engine running: nothing to remove"; return 0; }
  "${COMPOSE[@]}" down --remove-orphans >>"$LOGS/containers-compose.log" 2>&1 || true
  say "containers removed (the local stack still runs: ./expat down stops it)"
}

status() {
  "${COMPOSE[@]}" ps
  cat <<TXT

The services run in containers (host networking, everything on 127.0.0.1; same ports as ./expat up):
  catalog 8081 | application 8082 (+ replica 8092) | document 8083 | scheduling 8084 (+ replica 8094) | fee 8085 | notification 8086
  Keycloak 8180, Kafka 9092, S3 9000, PostgreSQL 5432, GreenMail 3025/3143/3080: the local stack's processes
  logs: .stack/logs/<service>.log (followed from docker logs)   remove: deploy/containers/run.sh down
TXT
}

test_e2e() {
  up
  say "e2e suite against the containers"
  # EXPAT_RUNTIME tells the fault scenarios to kill and start containers instead of ./expat's processes
  EXPAT_RUNTIME=containers "${MVN[@]}" -pl e2e-tests verify 2>&1 | tee "$LOGS/containers-test.log"
  local rc=${PIPESTATUS[0]}
  ((rc == 0)) && say "e2e suite passed against the containers" || say "e2e suite FAILED against the containers (log .stack/logs/containers-test.log)"
  return "$rc"
}

case "${1:-}" in
  up|test|images|compose-file) ;;
  *) [[ -f $WORK/compose.yml ]] || compose_file ;;
esac
case "${1:-}" in
  up) up ;;
  test) test_e2e ;;
  down) down ;;
  images) mkdir -p "$LOGS" "$WORK"; engine; base_images; service_images ;;
  status) status ;;
  compose-file) compose_file; echo "$WORK/compose.yml" ;;
  kill) docker kill "$(container_of "${2:?service}")" >/dev/null; say "killed ${2}" ;;
  start) docker start "$(container_of "${2:?service}")" >/dev/null; follow_logs "$2"; wait_healthy "$2"; say "${2} healthy" ;;
  restart) docker restart "$(container_of "${2:?service}")" >/dev/null; follow_logs "$2"; wait_healthy "$2"; say "${2} healthy" ;;
  *) sed -n "2,7p" "$0"; exit 2 ;;
esac
