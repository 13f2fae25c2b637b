#!/usr/bin/env bash
# Local infrastructure for the Expat Centre backend (see docs/CONVENTIONS.md), all on 127.0.0.1:
#   postgres  127.0.0.1:5432   roles/databases catalog, application, document, scheduling, fee, notification (+ *_test)
#   kafka     127.0.0.1:9092   Kafka 4.x KRaft single node (controller 9093), topics pre-created
#   s3        127.0.0.1:9000   s3proxy on the local filesystem, bucket expat-documents
#   keycloak  127.0.0.1:8180   realm expat imported from deploy/keycloak/expat-realm.json
#   mail      127.0.0.1:3025   GreenMail standalone: SMTP 3025, IMAP 3143, REST API 3080 (every address accepted,
#                              any IMAP password; in memory: mail is gone after a restart)
#   clamav    127.0.0.1:3310   Debian's clamd with the stack's own signature file (deploy/local/clamav: EICAR only,
#                              as signatures cannot be downloaded here)
#
# Usage: deploy/local/stack.sh up|down|status|logs|verify [component...]
#   up       start what is not running yet and wait until every part is really ready (idempotent)
#   down     stop what this script started (pid files); a PostgreSQL it did not start is left alone
#   status   one line per component; exit code 0 only when all are up
#   logs X   follow the log of component X (all logs without X)
#   verify   end-to-end checks: DB logins, topics, S3 round trip, Keycloak tokens and claims
#
# Everything it downloads, writes or runs lives under <repo>/.stack/ (git-ignored):
#   .stack/logs/<component>.log, .stack/pids/<component>.pid, .stack/kafka, .stack/s3, .stack/keycloak ...
# Artifacts come from Maven Central through mvn (MAVEN_OPTS is honoured, e.g. -Dmaven.repo.local=...).
# Knobs: STACK_{PG,KAFKA,S3,KEYCLOAK,MAIL,CLAMAV,STOP}_TIMEOUT (seconds), STACK_JIT_OPTS (default C1 only; empty = JVM default).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd -P)"
STACK="$REPO_ROOT/.stack"
PIDS="$STACK/pids"
LOGS="$STACK/logs"
DOWNLOADS="$STACK/downloads"

HOST=127.0.0.1
PG_PORT="${STACK_PG_PORT:-5432}"   # override only to test against another cluster
KAFKA_PORT=9092
KAFKA_CONTROLLER_PORT=9093
S3_PORT=9000
KC_PORT=8180
KC_MANAGEMENT_PORT=9181   # Keycloak's default management port is 9000, which s3proxy uses
SMTP_PORT=3025
IMAP_PORT=3143
MAIL_API_PORT=3080        # GreenMail's REST API (readiness, users, purge); its default 8080 is too common
CLAMD_PORT=3310

S3PROXY_VERSION=2.7.0
KEYCLOAK_VERSION=26.5.6
GREENMAIL_VERSION=2.1.3
# Kafka's version is in the pom below, which fetches all three in one Maven run
ARTIFACTS_POM="$SCRIPT_DIR/kafka/pom.xml"

DATABASES=(catalog application document scheduling fee notification)
KAFKA_TOPICS=(expat.application:6 expat.document:6 expat.appointment:6 expat.fee:6 expat.catalog:6 expat.dlq:3)
S3_ACCESS_KEY=expat-minio
S3_SECRET_KEY=expat-minio-secret
S3_BUCKET=expat-documents
KC_REALM=expat
KC_ADMIN_USER="admin"
KC_ADMIN_PASSWORD="admin"
KC_REALM_FILE="$SCRIPT_DIR/../keycloak/expat-realm.json"

# Bounded waits (seconds); override from the environment on a slow machine.
PG_TIMEOUT="${STACK_PG_TIMEOUT:-60}"
KAFKA_TIMEOUT="${STACK_KAFKA_TIMEOUT:-120}"
S3_TIMEOUT="${STACK_S3_TIMEOUT:-60}"
MAIL_TIMEOUT="${STACK_MAIL_TIMEOUT:-60}"
CLAMAV_TIMEOUT="${STACK_CLAMAV_TIMEOUT:-60}"
KC_TIMEOUT="${STACK_KEYCLOAK_TIMEOUT:-480}"   # first start builds Keycloak: ~1 min idle, 3-4 min on a loaded 2-core box
STOP_TIMEOUT="${STACK_STOP_TIMEOUT:-60}"
# JIT for the daemons: C1 only starts Keycloak ~35% faster on 2 cores and is plenty for local traffic.
# STACK_JIT_OPTS= (empty) gives the JVM default (C1+C2).
JIT_OPTS="${STACK_JIT_OPTS--XX:TieredStopAtLevel=1}"

COMPONENTS=(postgres kafka s3 keycloak mail clamav)

KAFKA_HOME="$STACK/kafka"
KAFKA_LIB="$KAFKA_HOME/lib"
S3PROXY_HOME="$STACK/s3proxy"
S3PROXY_JAR="$S3PROXY_HOME/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"
S3_DATA="$STACK/s3/data"
KC_HOME="$STACK/keycloak"
GREENMAIL_HOME="$STACK/greenmail"
GREENMAIL_JAR="$GREENMAIL_HOME/greenmail-standalone-$GREENMAIL_VERSION.jar"
CLAMAV_HOME="$STACK/clamav"
CLAMAV_SIGNATURES="$SCRIPT_DIR/clamav"

# ---------------------------------------------------------------------------------------------- helpers

say() { printf '[stack %3ds] %s\n' "$SECONDS" "$*"; }
warn() { printf '[stack] WARNING: %s\n' "$*" >&2; }
die() { printf '[stack] ERROR: %s\n' "$*" >&2; exit 1; }

# die with the tail of a component's log
fail_with_log() {
  local name=$1 msg=$2 log
  log="$(log_file "$name")"
  printf '[stack] ERROR: %s: %s\n' "$name" "$msg" >&2
  if [[ -f "$log" ]]; then
    printf '[stack] ---- last 40 lines of %s ----\n' "$log" >&2
    tail -n 40 "$log" >&2 || true
    printf '[stack] ---- end of %s ----\n' "$log" >&2
  fi
  exit 1
}

log_file() {
  case "$1" in
    postgres)
      local c
      if c="$(pg_cluster)"; then echo "/var/log/postgresql/postgresql-${c% *}-${c#* }.log"; fi ;;
    *) echo "$LOGS/$1.log" ;;
  esac
}

# true when something accepts TCP connections on 127.0.0.1:$1
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

# pid from .stack/pids/$1.pid if that process is alive and is really ours (its command line names .stack)
our_pid() {
  local f="$PIDS/$1.pid" pid
  [[ -f "$f" ]] || return 1
  pid="$(<"$f")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$STACK" || return 1
  echo "$pid"
}

# start "$@" detached in its own session (pid = process group id), stdout/stderr into the log
launch() {
  local name=$1; shift
  mkdir -p "$PIDS" "$LOGS"
  printf '\n===== %s starting %s =====\n' "$(date -Is)" "$name" >>"$LOGS/$name.log"
  # fd 9 is the stack lock: the daemon must not inherit it
  setsid "$@" >>"$LOGS/$name.log" 2>&1 </dev/null 9>&- &
  echo $! >"$PIDS/$name.pid"
}

# wait_for NAME TIMEOUT WHAT CMD...: poll CMD every second; fail with the log tail on timeout or process death
wait_for() {
  local name=$1 timeout=$2 what=$3; shift 3
  local start=$SECONDS
  until "$@" >/dev/null 2>&1; do
    if [[ -f "$PIDS/$name.pid" ]] && ! our_pid "$name" >/dev/null; then
      fail_with_log "$name" "process exited while waiting for $what"
    fi
    if (( SECONDS - start >= timeout )); then
      if [[ ! -f "$PIDS/$name.pid" && "$name" != postgres ]]; then
        fail_with_log "$name" "not ready after ${timeout}s (waiting for $what); the process on its port was not started by stack.sh: stop it (ss -ltnp) and run up again"
      fi
      fail_with_log "$name" "not ready after ${timeout}s (waiting for $what)"
    fi
    sleep 1
  done
}

stop_pid_file() {
  local name=$1 pid
  if ! pid="$(our_pid "$name")"; then
    if [[ -f "$PIDS/$name.pid" ]]; then
      rm -f "$PIDS/$name.pid"
      say "$name: not running (stale pid file removed)"
    else
      say "$name: not started by stack.sh, nothing to stop"
    fi
    return 0
  fi
  say "$name: stopping (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  local start=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    if (( SECONDS - start >= STOP_TIMEOUT )); then
      warn "$name did not stop within ${STOP_TIMEOUT}s, killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
  done
  rm -f "$PIDS/$name.pid"
  say "$name: stopped"
}

apt_updated=false
apt_install() {
  [[ $EUID -eq 0 ]] || die "need root to install $* (apt-get install -y $*)"
  if ! $apt_updated; then
    say "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$LOGS/apt.log" 2>&1 || { tail -n 20 "$LOGS/apt.log" >&2; die "apt-get update failed"; }
    apt_updated=true
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >>"$LOGS/apt.log" 2>&1 9>&- \
    || { tail -n 20 "$LOGS/apt.log" >&2; die "apt-get install $* failed"; }
}

# ensure_cmd COMMAND DEBIAN_PACKAGE
ensure_cmd() { command -v "$1" >/dev/null 2>&1 || apt_install "$2"; }

ensure_tools() {
  ensure_cmd curl curl
  ensure_cmd unzip unzip
  ensure_cmd javac openjdk-17-jdk-headless
  ensure_cmd mvn maven
  ensure_cmd sha256sum coreutils
  ensure_cmd setsid util-linux
  ensure_cmd flock util-linux
}

# mvn isolated from the repository's own build: run outside any project, no .mvn/ from the repo
mvn_run() {
  local dir=$1; shift
  mkdir -p "$dir"
  (cd "$dir" && MAVEN_BASEDIR="$dir" mvn -B -q "$@") >>"$LOGS/maven.log" 2>&1 \
    || { tail -n 30 "$LOGS/maven.log" >&2; die "mvn $* failed (see $LOGS/maven.log)"; }
}

kafka_libs_current() { [[ -f "$KAFKA_LIB/.resolved" && "$(<"$KAFKA_LIB/.resolved")" == "$(sha_of "$ARTIFACTS_POM")" ]]; }

# fetch_artifacts COMPONENT...: one Maven run for whatever the named components still lack
fetch_artifacts() {
  local goals=() c
  for c in "$@"; do
    case "$c" in
      kafka) kafka_libs_current || goals+=(dependency:copy-dependencies@kafka-lib) ;;
      s3) [[ -f "$S3PROXY_JAR" ]] || goals+=(dependency:copy@s3proxy) ;;
      keycloak) [[ -f "$KC_HOME/version.txt" || -f "$DOWNLOADS/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" ]] \
                  || goals+=(dependency:copy@keycloak) ;;
    esac
  done
  (( ${#goals[@]} )) || return 0
  say "fetching ${goals[*]#*@} (Maven: local repository, else Maven Central)"
  if has dependency:copy-dependencies@kafka-lib "${goals[@]}"; then rm -rf "$KAFKA_LIB"; fi
  mvn_run "$DOWNLOADS" -f "$ARTIFACTS_POM" -Dstack.dir="$STACK" \
    -Ds3proxy.version="$S3PROXY_VERSION" -Dkeycloak.version="$KEYCLOAK_VERSION" "${goals[@]}"
  if has dependency:copy-dependencies@kafka-lib "${goals[@]}"; then sha_of "$ARTIFACTS_POM" >"$KAFKA_LIB/.resolved"; fi
}

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

lock_stack() {
  mkdir -p "$STACK" "$PIDS" "$LOGS"
  exec 9>"$STACK/.lock"
  flock -w 900 9 || die "another stack.sh holds $STACK/.lock"
}

# ---------------------------------------------------------------------------------------------- postgres

pg_psql() { # as the postgres superuser over the local socket
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
  else
    (cd / && sudo -n -u postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@")
  fi
}

pg_cluster() { # "version name" of the cluster configured for port 5432 (or the first one)
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  local line
  line="$(pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p {print $1" "$2; exit}')"
  [[ -n "$line" ]] || line="$(pg_lsclusters -h 2>/dev/null | awk 'NR == 1 {print $1" "$2}')"
  [[ -n "$line" ]] && echo "$line"
}

pg_login_ok() { PGPASSWORD=catalog psql -X -q -h "$HOST" -p "$PG_PORT" -U catalog -d catalog -tAc 'select 1' >/dev/null 2>&1; }

postgres_up() {
  if port_open "$PG_PORT"; then
    if [[ -f "$PIDS/postgres.started" ]]; then say "postgres: running (started by stack.sh) on $HOST:$PG_PORT"
    else say "postgres: already listening on $HOST:$PG_PORT, using it"; fi
  else
    local cluster
    if ! cluster="$(pg_cluster)"; then
      apt_install postgresql
      cluster="$(pg_cluster)" || die "postgresql installed but no cluster found (pg_lsclusters)"
    fi
    # shellcheck disable=SC2086
    set -- $cluster
    say "postgres: starting cluster $1/$2"
    # 9>&-: the server must not inherit the stack lock
    if ! pg_ctlcluster --skip-systemctl-redirect "$1" "$2" start 9>&-; then
      # exit 2 = already running (e.g. started by the package's install script)
      sleep 2
      port_open "$PG_PORT" || fail_with_log postgres "pg_ctlcluster $1 $2 start failed"
    fi
    echo "$1 $2" >"$PIDS/postgres.started"
    wait_for postgres "$PG_TIMEOUT" "port $PG_PORT" port_open "$PG_PORT"
  fi
  command -v psql >/dev/null 2>&1 || apt_install postgresql-client
  local start=$SECONDS
  until pg_psql -d postgres -tAc 'select 1' >/dev/null 2>&1; do
    (( SECONDS - start < PG_TIMEOUT )) || fail_with_log postgres "cannot connect as postgres over the local socket (port $PG_PORT)"
    sleep 1
  done
  local names
  names="$(printf "'%s'," "${DATABASES[@]}")"
  names="${names%,}"
  pg_psql -d postgres <<SQL >/dev/null || die "postgres: creating roles/databases failed"
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', r, r)
  FROM unnest(ARRAY[$names]) AS r
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r)
\gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', r, r) FROM unnest(ARRAY[$names]) AS r
\gexec
SELECT format('CREATE DATABASE %I OWNER %I', d.db, d.owner)
  FROM (SELECT r AS db, r AS owner FROM unnest(ARRAY[$names]) AS r
        UNION ALL SELECT r || '_test', r FROM unnest(ARRAY[$names]) AS r) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d.db)
\gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', d.db, d.owner)
  FROM (SELECT r AS db, r AS owner FROM unnest(ARRAY[$names]) AS r
        UNION ALL SELECT r || '_test', r FROM unnest(ARRAY[$names]) AS r) AS d
\gexec
SQL
  wait_for postgres "$PG_TIMEOUT" "password login catalog@$HOST:$PG_PORT" pg_login_ok
  say "postgres: ready on $HOST:$PG_PORT (databases: ${DATABASES[*]} + *_test)"
}

postgres_down() {
  if [[ -f "$PIDS/postgres.started" ]]; then
    local v n
    read -r v n <"$PIDS/postgres.started"
    say "postgres: stopping cluster $v/$n (started by stack.sh)"
    pg_ctlcluster --skip-systemctl-redirect "$v" "$n" stop || warn "pg_ctlcluster $v $n stop failed"
    rm -f "$PIDS/postgres.started"
  else
    say "postgres: not started by stack.sh, leaving it running"
  fi
}

# ---------------------------------------------------------------------------------------------- kafka

kafka_java() { # java with the full Kafka classpath and quiet logging, for the storage tool
  java -Xmx256m -XX:TieredStopAtLevel=1 -Dkafka.root.level=WARN -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2.properties" \
    -cp "$KAFKA_LIB/*" "$@"
}

kafka_client_cp() { # just what an admin client needs: starts faster than the full classpath
  local cp="$KAFKA_HOME/tools-classes" j
  for j in "$KAFKA_LIB"/kafka-clients-*.jar "$KAFKA_LIB"/slf4j-api-*.jar "$KAFKA_LIB"/log4j-*.jar; do cp="$cp:$j"; done
  echo "$cp"
}

ensure_topics() { # ensure_topics TIMEOUT: create/check the topics, print what was done
  java -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dkafka.root.level=WARN \
    -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2.properties" \
    -cp "$(kafka_client_cp)" EnsureTopics "$HOST:$KAFKA_PORT" "$1" "${KAFKA_TOPICS[@]}"
}

kafka_tools_build() { # compile deploy/local/kafka/EnsureTopics.java when it changed
  local src="$SCRIPT_DIR/kafka/EnsureTopics.java" classes="$KAFKA_HOME/tools-classes"
  if [[ ! -f "$classes/EnsureTopics.class" || "$src" -nt "$classes/EnsureTopics.class" || "$KAFKA_LIB/.resolved" -nt "$classes/EnsureTopics.class" ]]; then
    rm -rf "$classes"
    mkdir -p "$classes"
    javac -nowarn -d "$classes" -cp "$(kafka_client_cp)" "$src" >>"$LOGS/kafka.log" 2>&1 \
      || fail_with_log kafka "compiling $src failed"
  fi
}

kafka_prepare() {
  fetch_artifacts kafka
  kafka_tools_build
  mkdir -p "$KAFKA_HOME/config" "$KAFKA_HOME/data" "$KAFKA_HOME/logs"
  cat >"$KAFKA_HOME/config/server.properties" <<EOF
# generated by deploy/local/stack.sh - edits are overwritten
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=6
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=168
log.segment.bytes=67108864
EOF
  if [[ ! -f "$KAFKA_HOME/data/meta.properties" ]]; then
    local cluster_id
    # what kafka-storage random-uuid prints (16 random bytes, base64url without padding), minus a JVM start; like
    # Kafka's Uuid.randomUuid it never starts with '-', which the format command would read as an option
    cluster_id="-"
    while [[ $cluster_id == -* ]]; do
      cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    done
    say "kafka: formatting KRaft storage (cluster $cluster_id, standalone controller)"
    kafka_java kafka.tools.StorageTool format --standalone -t "$cluster_id" \
      -c "$KAFKA_HOME/config/server.properties" >>"$LOGS/kafka.log" 2>&1 \
      || fail_with_log kafka "kafka-storage format failed"
  fi
}

kafka_launch() {
  local pid
  if pid="$(our_pid kafka)"; then say "kafka: already running (pid $pid)"; return 0; fi
  rm -f "$PIDS/kafka.pid"
  if port_open "$KAFKA_PORT"; then warn "kafka: $HOST:$KAFKA_PORT is taken by a process stack.sh did not start; using it"; return 0; fi
  kafka_prepare
  say "kafka: starting broker+controller on $HOST:$KAFKA_PORT"
  # shellcheck disable=SC2086
  launch kafka java $JIT_OPTS -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$SCRIPT_DIR/kafka/log4j2.properties" -Dkafka.logs.dir="$KAFKA_HOME/logs" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_HOME/config/server.properties"
}

kafka_ready() {
  wait_for kafka "$KAFKA_TIMEOUT" "port $KAFKA_PORT" port_open "$KAFKA_PORT"
  [[ -f "$KAFKA_LIB/.resolved" ]] || kafka_prepare
  kafka_tools_build
  local out
  if ! out="$(ensure_topics "$KAFKA_TIMEOUT" 2>&1)"; then
    printf '%s\n' "$out" >&2
    fail_with_log kafka "topics could not be listed/created"
  fi
  printf '%s\n' "$out" | grep '^created\|^raised' | sed 's/^/[stack] kafka: /' || true
  say "kafka: ready on $HOST:$KAFKA_PORT (topics: ${KAFKA_TOPICS[*]})"
}

# ---------------------------------------------------------------------------------------------- s3

s3_prepare() {
  fetch_artifacts s3
  [[ -f "$S3PROXY_JAR" ]] || die "s3proxy jar missing after download: $S3PROXY_JAR"
  # A directory under the basedir is a bucket for the filesystem provider, and jclouds reads "others may read the
  # directory" as a public-read bucket that s3proxy lists to anyone without credentials (#14.20): owner-only.
  (umask 077 && mkdir -p "$S3_DATA/$S3_BUCKET")
  chmod 700 "$S3_DATA" "$S3_DATA"/*/
  cat >"$S3PROXY_HOME/s3proxy.properties" <<EOF
# generated by deploy/local/stack.sh - edits are overwritten
s3proxy.endpoint=http://$HOST:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$S3_ACCESS_KEY
s3proxy.credential=$S3_SECRET_KEY
s3proxy.cors-allow-all=true
jclouds.provider=filesystem-nio2
jclouds.identity=$S3_ACCESS_KEY
jclouds.credential=$S3_SECRET_KEY
jclouds.filesystem.basedir=$S3_DATA
EOF
}

s3_launch() {
  local pid
  if pid="$(our_pid s3)"; then say "s3: already running (pid $pid)"; return 0; fi
  rm -f "$PIDS/s3.pid"
  if port_open "$S3_PORT"; then warn "s3: $HOST:$S3_PORT is taken by a process stack.sh did not start; using it"; return 0; fi
  s3_prepare
  say "s3: starting s3proxy on $HOST:$S3_PORT"
  # shellcheck disable=SC2086
  # no $JIT_OPTS: the S3 server verifies the SHA-256 of every signed payload (the MinIO SDK signs over plain HTTP),
  # and C1 alone hashes ~10x slower than C2's intrinsics: it made the store, not the services, the upload bottleneck
  # umask 077: buckets s3proxy creates itself (the module tests' own bucket) are owner-only, hence private, too
  (umask 077 && launch s3 java -Xms32m -Xmx256m -XX:+UseSerialGC -Djava.awt.headless=true \
    -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
    -jar "$S3PROXY_JAR" --properties "$S3PROXY_HOME/s3proxy.properties")
}

s3_curl() { # signed (AWS SigV4) request to the local S3
  curl -sS --max-time 10 --aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_ACCESS_KEY:$S3_SECRET_KEY" \
    -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" "$@"
}

s3_http_answers() { curl -s -o /dev/null --max-time 3 "http://$HOST:$S3_PORT/"; }
s3_bucket_ok() { [[ "$(s3_curl -o /dev/null -w '%{http_code}' -I "http://$HOST:$S3_PORT/$S3_BUCKET")" == 200 ]]; }

s3_ready() {
  wait_for s3 "$S3_TIMEOUT" "HTTP on port $S3_PORT" s3_http_answers
  if ! s3_bucket_ok; then
    say "s3: creating bucket $S3_BUCKET"
    s3_curl -o /dev/null -X PUT "http://$HOST:$S3_PORT/$S3_BUCKET" || true
  fi
  wait_for s3 "$S3_TIMEOUT" "bucket $S3_BUCKET (signed HEAD)" s3_bucket_ok
  say "s3: ready on http://$HOST:$S3_PORT (bucket $S3_BUCKET)"
}

# ---------------------------------------------------------------------------------------------- mail (GreenMail)

mail_prepare() {
  [[ -f "$GREENMAIL_JAR" ]] && return 0
  say "mail: fetching com.icegreen:greenmail-standalone:$GREENMAIL_VERSION (Maven: local repository, else Maven Central)"
  # a plain dependency:copy, not the artifacts pom: changing that pom would make stack.sh re-resolve Kafka's jars
  mvn_run "$DOWNLOADS" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -DoutputDirectory="$GREENMAIL_HOME"
  [[ -f "$GREENMAIL_JAR" ]] || die "greenmail jar missing after download: $GREENMAIL_JAR"
}

mail_launch() {
  local pid
  if pid="$(our_pid mail)"; then say "mail: already running (pid $pid)"; return 0; fi
  rm -f "$PIDS/mail.pid"
  if port_open "$SMTP_PORT"; then warn "mail: $HOST:$SMTP_PORT is taken by a process stack.sh did not start; using it"; return 0; fi
  mail_prepare
  say "mail: starting GreenMail $GREENMAIL_VERSION (SMTP $SMTP_PORT, IMAP $IMAP_PORT, API $MAIL_API_PORT)"
  # shellcheck disable=SC2086
  launch mail java $JIT_OPTS -Xms32m -Xmx192m -XX:+UseSerialGC -Djava.net.preferIPv4Stack=true \
    -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname="$HOST" \
    -Dgreenmail.auth.disabled -Dgreenmail.api.hostname="$HOST" -Dgreenmail.api.port="$MAIL_API_PORT" -jar "$GREENMAIL_JAR"
}

mail_api_ready() { curl -fsS -o /dev/null --max-time 3 "http://$HOST:$MAIL_API_PORT/api/service/readiness"; }

mail_ready() {
  wait_for mail "$MAIL_TIMEOUT" "GreenMail readiness on port $MAIL_API_PORT" mail_api_ready
  wait_for mail "$MAIL_TIMEOUT" "SMTP on port $SMTP_PORT" port_open "$SMTP_PORT"
  wait_for mail "$MAIL_TIMEOUT" "IMAP on port $IMAP_PORT" port_open "$IMAP_PORT"
  say "mail: ready (SMTP $HOST:$SMTP_PORT, IMAP $HOST:$IMAP_PORT, API http://$HOST:$MAIL_API_PORT)"
}

# ---------------------------------------------------------------------------------------------- clamav (clamd)

# clamd in the foreground (so its pid is ours), TCP on loopback only, the stack's own signature database
clamav_config() {
  mkdir -p "$CLAMAV_HOME/db"
  cp "$CLAMAV_SIGNATURES"/*.ndb "$CLAMAV_HOME/db/"
  cat >"$CLAMAV_HOME/clamd.conf" <<EOF
Foreground yes
TCPSocket $CLAMD_PORT
TCPAddr $HOST
DatabaseDirectory $CLAMAV_HOME/db
TemporaryDirectory $CLAMAV_HOME
PidFile $CLAMAV_HOME/clamd.pid
LogTime yes
# uploads are at most 20 MiB; the stream limit must not cut a file short (clamd would say "size limit exceeded")
StreamMaxLength 32M
MaxFileSize 32M
MaxScanSize 64M
MaxThreads 8
EOF
}

clamav_launch() {
  local pid
  if pid="$(our_pid clamav)"; then say "clamav: already running (pid $pid)"; return 0; fi
  rm -f "$PIDS/clamav.pid"
  if port_open "$CLAMD_PORT"; then warn "clamav: $HOST:$CLAMD_PORT is taken by a process stack.sh did not start; using it"; return 0; fi
  [[ -x /usr/sbin/clamd ]] || apt_install clamav-daemon
  clamav_config
  say "clamav: starting clamd $(/usr/sbin/clamd --version | cut -d/ -f1 | cut -d' ' -f2) on $HOST:$CLAMD_PORT"
  launch clamav /usr/sbin/clamd --config-file="$CLAMAV_HOME/clamd.conf"
}

clamd_ping() { # the clamd protocol's own liveness check: zPING -> PONG
  local reply
  reply="$(timeout 3 bash -c "exec 3<>/dev/tcp/$HOST/$CLAMD_PORT; printf 'zPING\\0' >&3; IFS= read -r -d '' r <&3; printf %s \"\$r\"" 2>/dev/null)"
  [[ "$reply" == PONG ]]
}

clamav_ready() {
  wait_for clamav "$CLAMAV_TIMEOUT" "PONG on port $CLAMD_PORT" clamd_ping
  say "clamav: ready on $HOST:$CLAMD_PORT"
}

# ---------------------------------------------------------------------------------------------- keycloak

kc_url() { echo "http://$HOST:$KC_PORT"; }
kc_ready_check() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$(kc_url)/realms/$KC_REALM/.well-known/openid-configuration")" == 200 ]]
}
kc_master_answers() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$(kc_url)/realms/master/.well-known/openid-configuration")" == 200 ]]
}

kc_prepare() {
  if [[ ! -f "$KC_HOME/version.txt" ]]; then
    local zip="$DOWNLOADS/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" tmp="$STACK/keycloak.unpack"
    fetch_artifacts keycloak
    say "keycloak: unpacking $KEYCLOAK_VERSION into $KC_HOME"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    unzip -q "$zip" -d "$tmp" || die "unzip $zip failed"
    rm -rf "$KC_HOME"
    mv "$tmp/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
    rm -rf "$tmp" "$zip"
  fi
  grep -q "$KEYCLOAK_VERSION" "$KC_HOME/version.txt" \
    || die "keycloak: $KC_HOME holds $(head -n 1 "$KC_HOME/version.txt"), expected $KEYCLOAK_VERSION; run 'stack.sh down keycloak' and delete $KC_HOME"
  mkdir -p "$KC_HOME/data/import"
  cp "$KC_REALM_FILE" "$KC_HOME/data/import/$KC_REALM-realm.json"
}

kc_launch() {
  local pid
  if pid="$(our_pid keycloak)"; then say "keycloak: already running (pid $pid)"; return 0; fi
  rm -f "$PIDS/keycloak.pid"
  if port_open "$KC_PORT"; then warn "keycloak: $HOST:$KC_PORT is taken by a process stack.sh did not start; using it"; return 0; fi
  kc_prepare
  if [[ ! -d "$KC_HOME/data/h2" ]]; then
    # fresh database: --import-realm imports the realm file as it is now
    rm -f "$KC_HOME/realm.sha256"
    sha_of "$KC_REALM_FILE" >"$KC_HOME/realm.sha256.pending"
  fi
  say "keycloak: starting $KEYCLOAK_VERSION (start-dev) on $(kc_url)"
  launch keycloak env KC_BOOTSTRAP_ADMIN_USERNAME="$KC_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$KC_ADMIN_PASSWORD" \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx768m" JAVA_OPTS_APPEND="$JIT_OPTS" \
    "$KC_HOME/bin/kc.sh" start-dev \
      --http-host="$HOST" --http-port="$KC_PORT" --hostname="$(kc_url)" \
      --http-management-port="$KC_MANAGEMENT_PORT" --import-realm
}

kc_admin_token() {
  curl -sS --max-time 10 -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$KC_ADMIN_USER" --data-urlencode "password=$KC_ADMIN_PASSWORD" \
    "$(kc_url)/realms/master/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# replace the realm with the content of the realm file through the admin REST API
kc_reimport_realm() {
  local token code
  token="$(kc_admin_token)"
  [[ -n "$token" ]] || fail_with_log keycloak "cannot get a master-realm admin token for $KC_ADMIN_USER (needed to re-import realm $KC_REALM)"
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X DELETE -H "Authorization: Bearer $token" "$(kc_url)/admin/realms/$KC_REALM")"
  [[ "$code" == 204 || "$code" == 404 ]] || fail_with_log keycloak "deleting realm $KC_REALM answered HTTP $code"
  code="$(curl -s -o "$LOGS/keycloak-import.out" -w '%{http_code}' --max-time 120 -X POST \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "@$KC_REALM_FILE" "$(kc_url)/admin/realms")"
  [[ "$code" == 201 ]] || { cat "$LOGS/keycloak-import.out" >&2; fail_with_log keycloak "importing realm $KC_REALM answered HTTP $code"; }
}

kc_ready() {
  wait_for keycloak "$KC_TIMEOUT" "$(kc_url)/realms/master" kc_master_answers
  local want
  want="$(sha_of "$KC_REALM_FILE")"
  if [[ -f "$KC_HOME/realm.sha256.pending" ]]; then
    # first start on a fresh database: the realm was imported at boot from this very file
    wait_for keycloak "$KC_TIMEOUT" "realm $KC_REALM" kc_ready_check
    mv "$KC_HOME/realm.sha256.pending" "$KC_HOME/realm.sha256"
  fi
  if ! our_pid keycloak >/dev/null; then
    : # not ours (e.g. the compose Keycloak): never rewrite its realm, only wait for it
  elif [[ ! -f "$KC_HOME/realm.sha256" || "$(<"$KC_HOME/realm.sha256")" != "$want" ]] || ! kc_ready_check; then
    say "keycloak: realm file changed since the last import (or realm missing): re-importing realm $KC_REALM"
    kc_reimport_realm
    echo "$want" >"$KC_HOME/realm.sha256"
  fi
  wait_for keycloak "$KC_TIMEOUT" "realm $KC_REALM" kc_ready_check
  say "keycloak: ready on $(kc_url) (issuer $(kc_url)/realms/$KC_REALM, admin $KC_ADMIN_USER/$KC_ADMIN_PASSWORD)"
}

# ---------------------------------------------------------------------------------------------- commands

normalize() { # component names from the command line (default: all)
  local c out=()
  [[ $# -gt 0 ]] || set -- "${COMPONENTS[@]}"
  for c in "$@"; do
    case "$c" in
      postgres|postgresql|pg|db) out+=(postgres) ;;
      kafka) out+=(kafka) ;;
      s3|s3proxy|minio) out+=(s3) ;;
      keycloak|kc) out+=(keycloak) ;;
      mail|greenmail|smtp) out+=(mail) ;;
      clamav|clamd|av) out+=(clamav) ;;
      *) die "unknown component '$c' (known: ${COMPONENTS[*]})" ;;
    esac
  done
  echo "${out[@]}"
}

has() { local x=$1; shift; [[ " $* " == *" $x "* ]]; }

cmd_up() {
  local sel t0=$SECONDS
  read -r -a sel <<<"$(normalize "$@")"
  lock_stack
  ensure_tools
  fetch_artifacts "${sel[@]}"
  # start the JVMs first (slowest first) so they boot in parallel, then set up PostgreSQL, then wait for each
  has keycloak "${sel[@]}" && kc_launch
  has kafka "${sel[@]}" && kafka_launch
  has s3 "${sel[@]}" && s3_launch
  has mail "${sel[@]}" && mail_launch
  has clamav "${sel[@]}" && clamav_launch
  has postgres "${sel[@]}" && postgres_up
  has s3 "${sel[@]}" && s3_ready
  has mail "${sel[@]}" && mail_ready
  has clamav "${sel[@]}" && clamav_ready
  has kafka "${sel[@]}" && kafka_ready
  has keycloak "${sel[@]}" && kc_ready
  say "up: ${sel[*]} ready in $((SECONDS - t0))s"
}

cmd_down() {
  local sel
  read -r -a sel <<<"$(normalize "$@")"
  lock_stack
  has keycloak "${sel[@]}" && stop_pid_file keycloak
  has s3 "${sel[@]}" && stop_pid_file s3
  has mail "${sel[@]}" && stop_pid_file mail
  has clamav "${sel[@]}" && stop_pid_file clamav
  has kafka "${sel[@]}" && stop_pid_file kafka
  has postgres "${sel[@]}" && postgres_down
  return 0
}

cmd_status() {
  local sel c up addr who pid all=0
  read -r -a sel <<<"$(normalize "$@")"
  for c in "${sel[@]}"; do
    case "$c" in
      postgres) addr="$HOST:$PG_PORT"; port_open "$PG_PORT" && up=1 || up=0 ;;
      kafka) addr="$HOST:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"; port_open "$KAFKA_PORT" && up=1 || up=0 ;;
      s3) addr="http://$HOST:$S3_PORT bucket $S3_BUCKET"; port_open "$S3_PORT" && up=1 || up=0 ;;
      keycloak) addr="$(kc_url)/realms/$KC_REALM"; kc_ready_check && up=1 || up=0 ;;
      mail) addr="smtp $HOST:$SMTP_PORT imap $IMAP_PORT api $MAIL_API_PORT"; mail_api_ready && up=1 || up=0 ;;
      clamav) addr="clamd $HOST:$CLAMD_PORT"; clamd_ping && up=1 || up=0 ;;
    esac
    who=""
    if [[ "$c" == postgres ]]; then
      [[ -f "$PIDS/postgres.started" ]] && who="started by stack.sh" || who="not managed by stack.sh"
    elif pid="$(our_pid "$c")"; then
      who="pid $pid"
    elif (( up )); then
      who="not started by stack.sh"
    fi
    if (( up )); then printf '%-9s up    %-50s %s\n' "$c" "$addr" "$who"
    else printf '%-9s down  %-50s %s\n' "$c" "$addr" "$who"; all=1; fi
  done
  return $all
}

cmd_logs() {
  local sel c files=()
  read -r -a sel <<<"$(normalize "$@")"
  for c in "${sel[@]}"; do
    local f
    f="$(log_file "$c")"
    [[ -n "$f" && -f "$f" ]] && files+=("$f")
  done
  [[ ${#files[@]} -gt 0 ]] || die "no log yet for: ${sel[*]}"
  exec tail -n 100 -F "${files[@]}"
}

jwt_claims() { # decode the payload of a JWT (base64url) to JSON
  local p
  p="$(cut -d. -f2 <<<"$1" | tr '_-' '/+')"
  while (( ${#p} % 4 )); do p="$p="; done
  base64 -d <<<"$p"
}

VERIFY_FAILED=0
check() { # check DESCRIPTION CMD...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then printf '  ok    %s\n' "$what"; else printf '  FAIL  %s\n' "$what"; VERIFY_FAILED=1; fi
}

v_pg_login() { PGPASSWORD=$1 psql -X -q -h "$HOST" -p "$PG_PORT" -U "$1" -d "$2" -tAc 'create temp table t(x int); select 1'; }
v_topics() { ensure_topics 30; }
v_s3_put() { [[ "$(s3_curl -o /dev/null -w '%{http_code}' -X PUT --data-binary "$2" "http://$HOST:$S3_PORT/$S3_BUCKET/$1")" == 200 ]]; }
v_s3_get() { [[ "$(s3_curl "http://$HOST:$S3_PORT/$S3_BUCKET/$1")" == "$2" ]]; }
v_s3_delete() { [[ "$(s3_curl -o /dev/null -w '%{http_code}' -X DELETE "http://$HOST:$S3_PORT/$S3_BUCKET/$1")" == 204 ]]; }
v_s3_bad_secret() {
  [[ "$(curl -s --max-time 10 --aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_ACCESS_KEY:wrong" \
        -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -o /dev/null -w '%{http_code}' "http://$HOST:$S3_PORT/$S3_BUCKET/")" == 403 ]]
}
v_issuer() {
  [[ "$(curl -s --max-time 5 "$(kc_url)/realms/$KC_REALM/.well-known/openid-configuration" | jq -r .issuer)" == "$(kc_url)/realms/$KC_REALM" ]]
}
# v_claims CLAIMS_JSON ROLES(sorted, comma separated, application roles only) BIN(or -)
v_claims() {
  jq -e --arg r "$2" --arg b "$3" --arg iss "$(kc_url)/realms/$KC_REALM" '
    ([.realm_access.roles[] | select(IN("applicant","company-hr","officer","admin","partner","notifier"))] | sort | join(",")) == $r
    and (if $b == "-" then (has("company_bin") | not) else .company_bin == $b end)
    and .iss == $iss' <<<"$1"
}
v_mail_ports() { port_open "$SMTP_PORT" && port_open "$IMAP_PORT"; }
v_bad_password() {
  [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -d grant_type=password -d client_id=expat-cli \
        -d username=hr.acme -d password=wrong "$(kc_url)/realms/$KC_REALM/protocol/openid-connect/token")" == 401 ]]
}

v_clamd_eicar() { # one INSTREAM chunk: 4-byte big-endian length, the bytes, then a zero-length chunk
  local eicar
  eicar="$(cut -d: -f4 "$CLAMAV_SIGNATURES/expat-local.ndb" | xxd -r -p)"
  timeout 5 bash -c "exec 3<>/dev/tcp/$HOST/$CLAMD_PORT
    { printf 'zINSTREAM\\0'; printf '%08x' ${#eicar} | xxd -r -p; printf %s \"\$1\"; printf '\\0\\0\\0\\0'; } >&3
    IFS= read -r -d '' r <&3; [[ \"\$r\" == *FOUND ]]" _ "$eicar"
}

token_for() { # token_for password USER | token_for client_credentials CLIENT SECRET
  local url
  url="$(kc_url)/realms/$KC_REALM/protocol/openid-connect/token"
  if [[ $1 == password ]]; then
    curl -s --max-time 10 -d grant_type=password -d client_id=expat-cli --data-urlencode "username=$2" -d password=demo1234 "$url"
  else
    curl -s --max-time 10 -d grant_type=client_credentials -d "client_id=$2" -d "client_secret=$3" "$url"
  fi | jq -r '.access_token // empty'
}

cmd_verify() {
  ensure_cmd jq jq
  ensure_cmd xxd xxd
  ensure_cmd psql postgresql-client
  local db d key body spec user roles bin secret tok claims
  say "verify: postgres"
  for db in "${DATABASES[@]}"; do
    for d in "$db" "${db}_test"; do check "login $db/$db@$HOST:$PG_PORT/$d" v_pg_login "$db" "$d"; done
  done
  say "verify: kafka"
  check "topics ${KAFKA_TOPICS[*]}" v_topics
  say "verify: s3"
  key="stack-verify/$(date +%s)-$$.txt"
  body="hello from stack.sh verify $(date -Is)"
  check "PUT s3://$S3_BUCKET/$key" v_s3_put "$key" "$body"
  check "GET s3://$S3_BUCKET/$key returns the same bytes" v_s3_get "$key" "$body"
  check "DELETE s3://$S3_BUCKET/$key" v_s3_delete "$key"
  check "a wrong secret is rejected (403)" v_s3_bad_secret
  say "verify: keycloak"
  check "issuer is $(kc_url)/realms/$KC_REALM" v_issuer
  for spec in "hr.acme company-hr 180340021791" "hr.globex company-hr 190540001230" "officer1 officer -" \
              "officer2 officer -" "admin admin,officer -" "applicant1 applicant -"; do
    read -r user roles bin <<<"$spec"
    tok="$(token_for password "$user")"
    claims='{}'; [[ -z "$tok" ]] || claims="$(jwt_claims "$tok")"
    check "password grant $user (expat-cli): roles [$roles], company_bin $bin, issuer" v_claims "$claims" "$roles" "$bin"
  done
  for spec in "partner-acme partner-acme-secret 180340021791" "partner-globex partner-globex-secret 190540001230"; do
    read -r user secret bin <<<"$spec"
    tok="$(token_for client_credentials "$user" "$secret")"
    claims='{}'; [[ -z "$tok" ]] || claims="$(jwt_claims "$tok")"
    check "client credentials $user: roles [company-hr,partner], company_bin $bin, issuer" v_claims "$claims" "company-hr,partner" "$bin"
  done
  tok="$(token_for client_credentials notification-service notification-service-secret)"
  claims='{}'; [[ -z "$tok" ]] || claims="$(jwt_claims "$tok")"
  check "client credentials notification-service: roles [notifier], no company_bin, issuer" v_claims "$claims" "notifier" "-"
  check "a wrong password is rejected (401)" v_bad_password
  say "verify: mail"
  check "GreenMail API ready on $HOST:$MAIL_API_PORT" mail_api_ready
  check "SMTP on $HOST:$SMTP_PORT, IMAP on $HOST:$IMAP_PORT" v_mail_ports
  say "verify: clamav"
  check "clamd answers PONG on $HOST:$CLAMD_PORT" clamd_ping
  check "clamd finds the EICAR test string (INSTREAM)" v_clamd_eicar
  if (( VERIFY_FAILED )); then say "verify: FAILED"; return 1; fi
  say "verify: all checks passed"
}

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    status) cmd_status "$@" ;;
    logs) cmd_logs "$@" ;;
    verify) cmd_verify ;;
    -h|--help|help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
