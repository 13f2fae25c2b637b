#!/usr/bin/env bash
# Compose checks (#17, #20), run by ./expat test and usable alone, no engine needed: docker-compose.yml and the
# host override as docker-compose 1.29 (Debian's, installed when missing) reads them, with and without the
# "replicas" profile. A file that this version refuses (a top-level `name:` once did) fails here, not on an ops host.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
say() { printf '[compose] %s\n' "$*"; }
if ! command -v docker-compose >/dev/null; then
  say "installing docker-compose (Debian package)"
  SUDO=""; [[ $(id -u) == 0 ]] || SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-compose >/dev/null 2>&1 \
    || { $SUDO apt-get update >/dev/null 2>&1 && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-compose >/dev/null; }
fi
cd "$ROOT"
docker-compose -f docker-compose.yml config -q
docker-compose -f docker-compose.yml --profile replicas config -q
docker-compose -f docker-compose.yml -f deploy/containers/docker-compose.host.yml --profile replicas config -q
n=$(docker-compose -f docker-compose.yml --profile replicas config --services | wc -l)
say "docker-compose $(docker-compose version --short): docker-compose.yml valid ($n services with the replicas profile), with the host override too"
