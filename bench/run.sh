#!/usr/bin/env bash
# The benchmark suite of the Expat Centre backend (issues #2 #3 #5 #6 #7 #8; bench/README.md explains every figure
# and its ceiling). One entry point, also reachable as `./expat bench`:
#
#   bench/run.sh                 full run (~10 min on a quiet 2-core machine, far longer under load); writes
#                                bench/results/<date>-bench.md and points the READMEs' "latest" link at it
#   bench/run.sh --quick         smoke run with short durations (figures meaningless, script exercised)
#   bench/run.sh --only http,booking,upload,latency,notify,startup    a subset (default: all of them)
#   bench/run.sh --cold-start    also the full-stack cold start (bench/startup.sh: STOPS and restarts the whole
#                                local stack, infrastructure included — only on a machine nobody else is using)
#   bench/run.sh --no-up         never run `./expat up` (fail instead when a service is not ready)
#   bench/run.sh --containers    also the container figures (bench/containers.sh, issue #20: image sizes, build
#                                times, up-to-healthy and memory per container against the same instances as
#                                processes; STOPS ./expat's services for its rounds and starts them again)
#
# Durations: BENCH_SECONDS (HTTP rounds, default 10), BENCH_ROUNDS (alternating service/ceiling rounds, default 3),
# BENCH_BOOK_SECONDS (per booking concurrency, default 20), BENCH_POOL (distinct applications, shared equally by the
# two concurrencies; one stops early when its share is used, default 12000), BENCH_CONTENDED (default 10000).
# Figures are measurements for the record, never assertions: the script fails only when something is broken.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"

QUICK=0; ONLY="http,booking,upload,latency,notify,startup"; COLD=0; UP=1; CONTAINERS=0
while (($#)); do
  case "$1" in
    --quick) QUICK=1 ;;
    --only) ONLY="$2"; shift ;;
    --cold-start) COLD=1 ;;
    --containers) CONTAINERS=1 ;;
    --no-up) UP=0 ;;
    *) sed -n '2,/^set -euo/p' "$0" | grep '^#'; exit 2 ;;
  esac
  shift
done
if ((QUICK)); then
  SECS=${BENCH_SECONDS:-3}; ROUNDS=${BENCH_ROUNDS:-1}; BOOK_SECS=${BENCH_BOOK_SECONDS:-4}
  CONTENDED=${BENCH_CONTENDED:-500}; CONTENDED_APPS=100; POOL=600; WARMUP=20; UPLOADS=4; LAT_EVENTS=10; VIA_KAFKA=20
  NOTIFY_EVENTS=10; FANOUT_EVENTS=10
else
  SECS=${BENCH_SECONDS:-10}; ROUNDS=${BENCH_ROUNDS:-3}; BOOK_SECS=${BENCH_BOOK_SECONDS:-20}
  CONTENDED=${BENCH_CONTENDED:-10000}; CONTENDED_APPS=2000; POOL=${BENCH_POOL:-12000}; WARMUP=200; UPLOADS=16
  LAT_EVENTS=100; VIA_KAFKA=100; NOTIFY_EVENTS=100; FANOUT_EVENTS=50
fi
WRK_THREADS=2; WRK_CONNS=32          # the same wrk load against every service and its ceiling
UPLOAD_PAR=3                         # = document-service's per-company upload limit (#14.2; beyond it 429)
RSS_PAR=20                           # issue #5: RSS growth while 20 uploads run at once
BARE_PORT=8099
SERVICE_HEAP="${SERVICE_HEAP:-256m}"
# the JVM options of ./expat (SERVICE_JAVA_OPTS there), so the ceiling runs in the same JVM configuration
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--XX:+UseSerialGC}"
SERVICES=(catalog-service:8081 application-service:8082 document-service:8083 scheduling-service:8084 fee-service:8085
          notification-service:8086)
S3_URL=http://127.0.0.1:9000; S3_BUCKET=expat-documents; S3_USER=expat-minio:expat-minio-secret
KC=http://127.0.0.1:8180/realms/expat/protocol/openid-connect/token
export PGPASSWORD=scheduling
PSQL=(psql -h 127.0.0.1 -U scheduling -d scheduling -qAt -v ON_ERROR_STOP=1)

DATE=$(date +%Y-%m-%d)
# a smoke run or a subset never overwrites a full run's report
SUFFIX=$( ((QUICK)) && echo -quick || true)
[[ $ONLY == "http,booking,upload,latency,notify,startup" ]] || SUFFIX+="-${ONLY//,/-}"
OUT="bench/results/$DATE-bench$SUFFIX.md"
WORK="$ROOT/.stack/bench"; rm -rf "$WORK"; mkdir -p "$WORK" bench/results
declare -A R          # every figure, key -> value
CMDS=()               # the exact commands, in the order they ran
STARTED_PIDS=()

say() { printf '[bench %4ds] %s\n' "$SECONDS" "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
want() { [[ ",$ONLY," == *",$1,"* ]]; }
cmd() { CMDS+=("$*"); }
load() { cut -d' ' -f1-3 /proc/loadavg; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b+0 > 0 && a != "") printf "%.2f", a/b; else printf "n/a" }'; }
meets() { awk -v r="$1" -v aim="$2" 'BEGIN { if (r == "n/a" || r == "") print "?"; else print (r+0 >= aim+0 ? "yes" : "no") }'; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END { if (NR==0) print ""; else if (NR%2) print a[(NR+1)/2]; else printf "%.1f", (a[NR/2]+a[NR/2+1])/2 }'; }

cleanup() {
  local p
  for p in "${STARTED_PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  "${PSQL[@]}" -c "DELETE FROM appointment WHERE application_id LIKE 'pgb-%'; DELETE FROM seat_bucket WHERE starts_at >= TIMESTAMPTZ '2099-01-01 00:00+05'; DROP TABLE IF EXISTS ref_slot, ref_appointment, ref_outbox; DROP TABLE IF EXISTS bench_outbox_event;" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# ---------------------------------------------------------------------------------------------- prerequisites
ready() { curl -fsS -m 3 "http://127.0.0.1:$(( $1 + 10000 ))/q/health/ready" >/dev/null 2>&1; } # management port
all_ready() { local s; for s in "${SERVICES[@]}"; do ready "${s##*:}" || return 1; done; }
if ! all_ready; then
  ((UP)) || die "not every service is ready (./expat status); run ./expat up first or drop --no-up"
  say "a service is not ready: running ./expat up"
  ./expat up >"$WORK/up.log" 2>&1 || { tail -40 "$WORK/up.log" >&2; die "./expat up failed"; }
fi
if ! command -v wrk >/dev/null; then
  say "installing wrk (Debian package)"
  apt-get install -y wrk >"$WORK/apt.log" 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >"$WORK/apt.log" 2>&1; } \
    || die "could not install wrk (see $WORK/apt.log)"
fi
command -v pgbench >/dev/null || apt-get install -y postgresql-client >"$WORK/apt.log" 2>&1 || die "pgbench missing"
command -v jq >/dev/null || apt-get install -y jq >"$WORK/apt.log" 2>&1 || die "jq missing"

listener_cmd() { local pid; pid=$(ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  [[ -n $pid ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | sed "s|$ROOT/||g; s/ *$//" || echo "?"; }
for s in "${SERVICES[@]}"; do R[proc.${s%%:*}]=$(listener_cmd "${s##*:}"); done
R[load.start]=$(load)
say "load average at start: ${R[load.start]} on $(nproc) cores"
MVN=(mvn -B -ntp -q)
BARE_JAR=bench/bare-quarkus/target/quarkus-app/quarkus-run.jar
if (want http || want startup) && { [[ ! -f $BARE_JAR ]] || [[ -n $(find bench/bare-quarkus/pom.xml bench/bare-quarkus/src -newer "$BARE_JAR" | head -1) ]]; }; then
  say "building the bare Quarkus ceiling (bench/bare-quarkus)"
  "${MVN[@]}" -f bench/bare-quarkus/pom.xml package -DskipTests >"$WORK/bare-build.log" 2>&1 \
    || { tail -40 "$WORK/bare-build.log" >&2; die "bare-quarkus build failed"; }
  cmd "mvn -B -ntp -q -f bench/bare-quarkus/pom.xml package -DskipTests"
fi
if want booking || want upload || want latency || want notify; then
  say "compiling the harness (bench/harness)"
  "${MVN[@]}" -f bench/harness/pom.xml compile >"$WORK/harness-build.log" 2>&1 \
    || { tail -40 "$WORK/harness-build.log" >&2; die "harness build failed"; }
fi
harness() { # harness <args...>: key=value lines into R, log in $WORK/harness-<cmd>.log
  local log="$WORK/harness-$1.log" line
  cmd "mvn -q -f bench/harness/pom.xml exec:java -Dexec.args=\"$*\""
  "${MVN[@]}" -f bench/harness/pom.xml exec:java -Dexec.args="$*" >"$log.out" 2>"$log" \
    || { cat "$log.out" "$log" | tail -40 >&2; die "harness $1 failed"; }
  while IFS= read -r line; do
    line=$(printf '%s' "$line" | sed 's/\x1b\[[0-9;]*m//g')
    [[ $line =~ ^([A-Za-z0-9_.]+)=(.*)$ ]] && R[${BASH_REMATCH[1]}]=${BASH_REMATCH[2]}
  done <"$log.out"
}

# start_jar NAME PORT JAR: a JVM with the services' options; echoes the ms until /q/health/ready (management
# port = PORT + 10000) answers 200
start_jar() {
  local name=$1 port=$2 jar=$3 t0 pid
  t0=$(date +%s%3N)
  # shellcheck disable=SC2086
  HTTP_PORT=$port MANAGEMENT_PORT=$((port + 10000)) setsid nohup java "-Xmx$SERVICE_HEAP" $SERVICE_JAVA_OPTS -jar "$jar" >"$WORK/$name.log" 2>&1 </dev/null &
  pid=$!
  STARTED_PIDS+=("$pid"); echo "$pid" >"$WORK/$name.pid"
  until curl -fsS -m 2 -o /dev/null "http://127.0.0.1:$((port + 10000))/q/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$WORK/$name.log" >&2; die "$name exited during start-up"; }
    (( $(date +%s%3N) - t0 < 240000 )) || { tail -30 "$WORK/$name.log" >&2; die "$name not ready after 240 s"; }
    sleep 0.1
  done
  echo $(( $(date +%s%3N) - t0 ))
}
stop_pid() { local p=$1; kill "$p" 2>/dev/null || true; for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.2; done; kill -9 "$p" 2>/dev/null || true; }

# ---------------------------------------------------------------------------------------------- HTTP (#3, #7)
# wrk_once URL -> "rps p50_ms p99_ms non2xx"
wrk_once() {
  local url=$1 d=${2:-$SECS} o
  o=$(wrk -t$WRK_THREADS -c$WRK_CONNS -d"${d}s" --latency "$url" 2>&1)
  printf '%s\n' "$o" >>"$WORK/wrk.log"
  awk '
    function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /m$/) return v*60000; if (v ~ /s$/) return v*1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { bad = $5 }
    END { printf "%s %.2f %.2f %d\n", rps, p50, p99, bad }' <<<"$o"
}
# http_pair KEY URL: service vs bare endpoint of the same body size, alternating rounds, median of each
http_pair() {
  local key=$1 url=$2 size bare r s b srps="" brps="" sp50="" sp99="" bp50="" bp99="" bad=0
  size=$(curl -fsS -o /dev/null -w '%{size_download}' "$url") || die "$url does not answer 200"
  bare="http://127.0.0.1:$BARE_PORT/bare/$size"
  R[$key.url]=$url; R[$key.bytes]=$size
  cmd "wrk -t$WRK_THREADS -c$WRK_CONNS -d${SECS}s --latency '$url'   # vs '$bare'; $ROUNDS alternating rounds after a 5 s warm-up of each"
  wrk_once "$url" 5 >/dev/null; wrk_once "$bare" 5 >/dev/null          # warm-up (JIT, connection pools)
  for ((r = 1; r <= ROUNDS; r++)); do
    read -r a p50 p99 nb < <(wrk_once "$url"); srps+=" $a"; sp50+=" $p50"; sp99+=" $p99"; bad=$((bad + nb))
    read -r a p50 p99 nb < <(wrk_once "$bare"); brps+=" $a"; bp50+=" $p50"; bp99+=" $p99"
  done
  R[$key.rps]=$(median <<<"$srps"); R[$key.p50]=$(median <<<"$sp50"); R[$key.p99]=$(median <<<"$sp99")
  R[$key.bare_rps]=$(median <<<"$brps"); R[$key.bare_p50]=$(median <<<"$bp50"); R[$key.bare_p99]=$(median <<<"$bp99")
  R[$key.rounds]="service:${srps} / bare:${brps}"; R[$key.non2xx]=$bad
  R[$key.ratio]=$(ratio "${R[$key.rps]}" "${R[$key.bare_rps]}")
  say "$key: ${R[$key.rps]} req/s vs bare ${R[$key.bare_rps]} req/s -> ratio ${R[$key.ratio]}"
}

if want http; then
  say "HTTP: catalog and fee vs the bare Quarkus endpoint (wrk -t$WRK_THREADS -c$WRK_CONNS, ${SECS}s x $ROUNDS rounds)"
  rm -rf "$WORK/bare" && cp -r bench/bare-quarkus/target/quarkus-app "$WORK/bare"
  R[bare.ready_ms]=$(start_jar bare-quarkus $BARE_PORT "$WORK/bare/quarkus-run.jar")
  BARE_PID=$(cat "$WORK/bare-quarkus.pid")
  cmd "HTTP_PORT=$BARE_PORT java -Xmx$SERVICE_HEAP $SERVICE_JAVA_OPTS -jar bench/bare-quarkus/target/quarkus-app/quarkus-run.jar"
  http_pair catalog_list "http://127.0.0.1:8081/api/v1/services"
  http_pair catalog_one "http://127.0.0.1:8081/api/v1/services/work-visa-issuance"
  http_pair fee_quote "http://127.0.0.1:8085/api/v1/quotes?serviceCode=work-visa-issuance"
  R[bare.rss_mb]=$(rss_mb "$BARE_PID")
  stop_pid "$BARE_PID"
fi

# ---------------------------------------------------------------------------------------------- booking (#6)
pgbench_run() { # pgbench_run KEY CLIENTS SCRIPT [ARGS...] -> R[KEY.cN.tps|failed|p50|p99]
  local key=$1 c=$2 script=$3 o dir="$WORK/$1-c$2"; shift 3
  mkdir -p "$dir"
  local args=(-h 127.0.0.1 -U scheduling -n -c "$c" -j 2 -T "$BOOK_SECS" "$@" -f "$script" -l --log-prefix="$dir/tx" scheduling)
  cmd "PGPASSWORD=scheduling pgbench ${args[*]}"
  o=$(pgbench "${args[@]}" 2>&1) || { printf '%s\n' "$o" >&2; die "pgbench $script failed"; }
  printf '%s\n' "$o" >"$dir/summary.txt"
  R[$key.c$c.tps]=$(awk '/^tps = / {printf "%.1f", $3}' <<<"$o")
  R[$key.c$c.failed]=$(awk '/failed transactions:/ {print $5}' <<<"$o")
  # per-transaction log: column 3 = latency in microseconds
  local p50 p99
  read -r p50 p99 < <(cat "$dir"/tx* | awk '{print $3}' | sort -n \
    | awk '{a[NR]=$1} END { i50=int(0.5*NR+0.999); i99=int(0.99*NR+0.999); if (i50<1) i50=1; if (i99<1) i99=1; printf "%.1f %.1f\n", a[i50]/1000, a[i99]/1000 }')
  R[$key.c$c.p50]=$p50; R[$key.c$c.p99]=$p99
  say "pgbench $script c=$c: ${R[$key.c$c.tps]} tps (p50 $p50 ms, p99 $p99 ms)"
}
# profile_summary JFR OUT TITLE: where the CPU samples of a JFR recording were (self = top frame; inclusive = any frame
# of that part of the stack), so an unmet aim comes with what bounds it
profile_summary() {
  local jfr=$1 out=$2 title=$3
  jfr print --events jdk.ExecutionSample --stack-depth 96 "$jfr" | awk -v title="$title" '
    /stackTrace = \[/ { inside = 1; top = ""; delete seen; n++; next }
    inside && /^[[:space:]]*\]/ { inside = 0; if (top != "") self[top]++; for (c in seen) incl[c]++; next }
    inside { f = $1; sub(/\(.*/, "", f); if (top == "") top = f
             c = "other"
             if (f ~ /^kz\.aifc\./) c = "our code (kz.aifc)"
             else if (f ~ /^org\.hibernate\./) c = "Hibernate ORM"
             else if (f ~ /^org\.postgresql\./) c = "PostgreSQL JDBC driver"
             else if (f ~ /^io\.agroal\./) c = "Agroal pool"
             else if (f ~ /^com\.arjuna\.|^io\.narayana\./) c = "Narayana transactions"
             else if (f ~ /^io\.netty\.|^io\.vertx\./) c = "Vert.x / Netty (HTTP)"
             else if (f ~ /^org\.jboss\.resteasy\./) c = "RESTEasy Reactive"
             else if (f ~ /^com\.fasterxml\.jackson\./) c = "Jackson (JSON)"
             else if (f ~ /^io\.smallrye\.jwt\.|^org\.jose4j\.|^io\.quarkus\.oidc\./) c = "JWT / OIDC"
             else if (f ~ /^io\.micrometer\.|^io\.opentelemetry\./) c = "metrics / tracing"
             else if (f ~ /^org\.apache\.kafka\./) c = "Kafka client"
             else if (f ~ /^io\.quarkus\./) c = "Quarkus runtime (ArC, HTTP, security)"
             if (c != "other") seen[c] = 1
             next }
    END {
      printf "# %s\n\n%d CPU samples (JFR, settings=profile).\n\n## Inclusive: share of samples with a frame of\n\n", title, n
      for (c in incl) printf "%6.1f%%  %s\n", 100 * incl[c] / n, c | "sort -rn"; close("sort -rn")
      printf "\n## Self: top frames (the 30 most sampled)\n\n"
      for (f in self) printf "%6d  %s\n", self[f], f | "sort -rn | head -30"; close("sort -rn | head -30")
    }' >"$out"
}
if want booking; then
  say "booking: service (harness) at 10 and 50 clients, pgbench ceiling, $CONTENDED contended attempts"
  SCHED_PID=$(cat .stack/pids/scheduling-service.pid 2>/dev/null || true)
  if [[ -n $SCHED_PID ]] && jcmd "$SCHED_PID" JFR.start name=bench-booking settings=profile filename="$WORK/booking.jfr" >/dev/null 2>&1; then
    cmd "jcmd <scheduling-service pid> JFR.start name=bench-booking settings=profile   # stopped after the booking runs"
  else SCHED_PID=""; fi
  harness booking clients=10,50 seconds="$BOOK_SECS" pool="$POOL" warmup="$WARMUP" contended="$CONTENDED" \
    contendedApps="$CONTENDED_APPS" viaKafka="$VIA_KAFKA"
  if [[ -n $SCHED_PID ]] && jcmd "$SCHED_PID" JFR.stop name=bench-booking >/dev/null 2>&1 && [[ -s $WORK/booking.jfr ]]; then
    R[booking.profile]="bench/results/$DATE-booking-profile$SUFFIX.txt"
    profile_summary "$WORK/booking.jfr" "${R[booking.profile]}" "scheduling-service during the booking benchmark ($DATE)"
  fi
  "${PSQL[@]}" -c "CREATE TABLE IF NOT EXISTS bench_outbox_event (LIKE outbox_event INCLUDING ALL)" >/dev/null
  cmd "psql scheduling -c 'CREATE TABLE bench_outbox_event (LIKE outbox_event INCLUDING ALL)'   # dropped afterwards"
  buckets="INSERT INTO seat_bucket (starts_at, capacity, booked) SELECT TIMESTAMPTZ '2099-01-01 00:00+05' + g * INTERVAL '15 minutes', 100, 0 FROM generate_series(0, 1999) g ON CONFLICT DO NOTHING"
  "${PSQL[@]}" -c "$buckets" >/dev/null
  cmd "psql scheduling -c \"$buckets\"   # 2099: nobody books there; deleted afterwards"
  for c in 10 50; do pgbench_run pgbench "$c" bench/sql/booking.pgbench -D nslots=2000; done
  "${PSQL[@]}" -f bench/sql/booking-minimal-setup.sql >/dev/null
  cmd "psql scheduling -f bench/sql/booking-minimal-setup.sql   # ref_* tables, dropped afterwards"
  for c in 10 50; do pgbench_run minimal "$c" bench/sql/booking-minimal.pgbench; done
  cleanup
  for c in 10 50; do
    R[booking.c$c.ratio]=$(ratio "${R[booking.c$c.throughput]:-}" "${R[minimal.c$c.tps]:-}")
    R[booking.c$c.own_ratio]=$(ratio "${R[booking.c$c.throughput]:-}" "${R[pgbench.c$c.tps]:-}")
  done
fi

# ---------------------------------------------------------------------------------------------- uploads (#5)
if want upload; then
  say "uploads: 10 MB PDFs through document-service vs raw S3 PUTs to the same store"
  DOC_PID=$(cat .stack/pids/document-service.pid)
  PDF="$WORK/bench-10mb.pdf"
  { printf '%%PDF-1.4\n%%bench\n'; head -c $((10 * 1024 * 1024 - 15)) /dev/urandom; } >"$PDF"
  R[upload.file_bytes]=$(stat -c %s "$PDF")
  APPS=()
  # a fresh application per round: document-service keeps at most 50 versions per requirement (#14.9)
  fresh_target() { harness docprep; APPS+=("${R[APP]}")
    UPLOAD_URL="http://127.0.0.1:8083/api/v1/applications/${R[APP]}/requirements/${R[REQ]}/documents"; export UPLOAD_URL; }
  fresh_target
  TOKEN=$(curl -fsS -d grant_type=password -d client_id=expat-cli -d username=hr.acme -d password=demo1234 "$KC" | jq -r .access_token)
  export PDF TOKEN S3_URL S3_BUCKET S3_USER PDF_SHA256
  svc_upload() { curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $TOKEN" -F "file=@$PDF;type=application/pdf;filename=bench.pdf" "$UPLOAD_URL"; }
  raw_put() { curl -s -o /dev/null -w '%{http_code}\n' --aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_USER" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -T "$PDF" "$S3_URL/$S3_BUCKET/bench-raw/$1"; }
  # what the MinIO SDK sends over plain HTTP: SigV4 with the payload's SHA-256, which the store verifies
  PDF_SHA256=$(sha256sum "$PDF" | cut -d' ' -f1)
  raw_put_signed() { curl -s -o /dev/null -w '%{http_code}\n' --aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_USER" -H "x-amz-content-sha256: $PDF_SHA256" -T "$PDF" "$S3_URL/$S3_BUCKET/bench-raw/$1"; }
  raw_del() { curl -s -o /dev/null --aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_USER" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD" -X DELETE "$S3_URL/$S3_BUCKET/bench-raw/$1"; }
  export -f svc_upload raw_put raw_put_signed raw_del
  # timed N uploads with P in flight; echoes MB/s, codes into $2
  timed() { local fn=$1 codes=$2 n=$3 p=$4 t0 t1; t0=$(date +%s%N)
    seq 1 "$n" | xargs -P "$p" -I{} bash -c "$fn {}" >"$codes"; t1=$(date +%s%N)
    awk -v n="$n" -v b="${R[upload.file_bytes]}" -v ns=$((t1 - t0)) 'BEGIN { printf "%.1f", n*b/1048576/(ns/1e9) }'; }
  cmd "seq 1 $UPLOADS | xargs -P $UPLOAD_PAR -I{} curl -H 'Authorization: Bearer <hr.acme>' -F 'file=@10MB.pdf;type=application/pdf' http://127.0.0.1:8083/api/v1/applications/<app>/requirements/<req>/documents"
  cmd "seq 1 $UPLOADS | xargs -P $UPLOAD_PAR -I{} curl --aws-sigv4 aws:amz:us-east-1:s3 --user expat-minio:… -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' -T 10MB.pdf $S3_URL/$S3_BUCKET/bench-raw/{}"
  cmd "seq 1 $UPLOADS | xargs -P $UPLOAD_PAR -I{} curl --aws-sigv4 aws:amz:us-east-1:s3 --user expat-minio:… -H 'x-amz-content-sha256: <sha256 of the file>' -T 10MB.pdf $S3_URL/$S3_BUCKET/bench-raw/{}"
  timed svc_upload "$WORK/warm.codes" 2 2 >/dev/null          # warm-up
  svc="" raw="" signed=""
  for ((r = 1; r <= (ROUNDS > 2 ? 2 : ROUNDS); r++)); do
    ((r == 1)) || fresh_target
    svc+=" $(timed svc_upload "$WORK/svc$r.codes" "$UPLOADS" "$UPLOAD_PAR")"
    raw+=" $(timed raw_put "$WORK/raw$r.codes" "$UPLOADS" "$UPLOAD_PAR")"
    signed+=" $(timed raw_put_signed "$WORK/signed$r.codes" "$UPLOADS" "$UPLOAD_PAR")"
    seq 1 "$UPLOADS" | xargs -P 4 -I{} bash -c 'raw_del {}'
  done
  R[upload.mbps]=$(median <<<"$svc"); R[upload.raw_mbps]=$(median <<<"$raw"); R[upload.signed_mbps]=$(median <<<"$signed")
  R[upload.rounds]="service:$svc / raw S3 unsigned:$raw / raw S3 signed:$signed"
  R[upload.codes]=$(cat "$WORK"/svc*.codes | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
  R[upload.raw_codes]=$(cat "$WORK"/raw*.codes | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
  R[upload.ratio]=$(ratio "${R[upload.mbps]}" "${R[upload.raw_mbps]}")
  R[upload.signed_ratio]=$(ratio "${R[upload.mbps]}" "${R[upload.signed_mbps]}")
  say "uploads: ${R[upload.mbps]} MB/s vs raw S3 ${R[upload.raw_mbps]} MB/s unsigned (ratio ${R[upload.ratio]}), ${R[upload.signed_mbps]} MB/s signed (ratio ${R[upload.signed_ratio]})"
  # RSS while 20 uploads run at once: sample VmRSS every 50 ms
  fresh_target
  sleep 2
  R[upload.rss_before_mb]=$(rss_mb "$DOC_PID")
  ( while :; do awk '/VmRSS/ {print $2}' "/proc/$DOC_PID/status" 2>/dev/null; sleep 0.05; done ) >"$WORK/rss.samples" &
  SAMPLER=$!
  cmd "seq 1 $RSS_PAR | xargs -P $RSS_PAR … (same upload) while sampling VmRSS of document-service every 50 ms"
  R[upload.par20_mbps]=$(timed svc_upload "$WORK/par20.codes" "$RSS_PAR" "$RSS_PAR")
  kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
  R[upload.rss_peak_mb]=$(sort -n "$WORK/rss.samples" | tail -1 | awk '{printf "%.0f", $1/1024}')
  R[upload.rss_growth_mb]=$(( ${R[upload.rss_peak_mb]} - ${R[upload.rss_before_mb]} ))
  R[upload.par20_codes]=$(sort "$WORK/par20.codes" | uniq -c | awk '{printf "%s×%s ", $1, $2}')
  say "20 parallel uploads: RSS ${R[upload.rss_before_mb]} -> peak ${R[upload.rss_peak_mb]} MB (growth ${R[upload.rss_growth_mb]} MB)"
  for app in "${APPS[@]}"; do harness docdone app="$app"; done   # withdrawn: retention removes the objects later
fi

# ---------------------------------------------------------------------------------------------- event latency (#8)
if want latency; then
  say "event latency: documents.approved -> booking open ($LAT_EVENTS events, one at a time)"
  harness latency events="$LAT_EVENTS"
fi

# ---------------------------------------------------------------------------------------------- notifications (#12)
if want notify; then
  say "notifications: event -> e-mail accepted by SMTP and event -> webhook ($NOTIFY_EVENTS each, one at a time), then fan-outs to 40 endpoints of which 8 hang, alternating with the 32 healthy ones alone"
  harness notify events="$NOTIFY_EVENTS" fanout_events="$FANOUT_EVENTS" endpoints=40 hanging=8 rounds="$ROUNDS"
fi

# ---------------------------------------------------------------------------------------------- start-up (#2, #8)
if want startup; then
  say "start-up: a fresh JVM of each service on a spare port (the running stack stays up), and the bare ceiling"
  for s in "${SERVICES[@]}"; do
    name=${s%%:*}; port=$(( ${s##*:} + 11000 ))    # 19081..19086
    rm -rf "$WORK/run-$name" && cp -r "$name/target/quarkus-app" "$WORK/run-$name"
    R[startup.$name.ready_ms]=$(start_jar "fresh-$name" "$port" "$WORK/run-$name/quarkus-run.jar")
    sleep 5
    pid=$(cat "$WORK/fresh-$name.pid")
    R[startup.$name.rss_mb]=$(rss_mb "$pid")
    stop_pid "$pid"
    say "$name: ready in ${R[startup.$name.ready_ms]} ms, RSS ${R[startup.$name.rss_mb]} MB"
  done
  rm -rf "$WORK/bare" && cp -r bench/bare-quarkus/target/quarkus-app "$WORK/bare"
  R[startup.bare.ready_ms]=$(start_jar bare-startup 19099 "$WORK/bare/quarkus-run.jar"); sleep 5
  pid=$(cat "$WORK/bare-startup.pid"); R[startup.bare.rss_mb]=$(rss_mb "$pid"); stop_pid "$pid"
  cmd "for each service: HTTP_PORT=190xx MANAGEMENT_PORT=290xx java -Xmx$SERVICE_HEAP $SERVICE_JAVA_OPTS -jar <copy of target/quarkus-app>/quarkus-run.jar; time until /q/health/ready = 200; VmRSS 5 s later"
  for s in "${SERVICES[@]}"; do   # the running instances, after this run's load
    name=${s%%:*}
    R[running.$name.rss_mb]=$( [[ -f .stack/pids/$name.pid ]] && rss_mb "$(cat ".stack/pids/$name.pid")" || echo "?")
  done
fi
if ((COLD)); then
  say "full-stack cold start (bench/startup.sh stops and restarts everything)"
  cmd "bench/startup.sh"
  bench/startup.sh >"$WORK/startup.out" 2>&1 || { tail -20 "$WORK/startup.out" >&2; die "bench/startup.sh failed"; }
  R[cold.report]="bench/results/$DATE-startup.md"
fi
if ((CONTAINERS)); then
  say "container figures (bench/containers.sh stops ./expat's services for its rounds)"
  cmd "bench/containers.sh"
  BENCH_ROUNDS=$ROUNDS bench/containers.sh >"$WORK/containers.out" 2>&1 || { tail -20 "$WORK/containers.out" >&2; die "bench/containers.sh failed"; }
fi
R[load.end]=$(load)

# ---------------------------------------------------------------------------------------------- report
v() { printf '%s' "${R[$1]:-n/a}"; }
row() { printf '| %s | %s | %s | %s | %s |\n' "$@"; }
{
  echo "# Benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC')$( ((QUICK)) && echo ' (QUICK smoke run: figures not meaningful)' || true)"
  echo
  echo "Machine: $(nproc) cores ($(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)), $(free -g | awk '/Mem:/ {print $2}') GiB RAM,"
  echo "$(java -version 2>&1 | head -1), $(uname -sr), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD 2>/dev/null || echo ' (working tree has uncommitted changes)')."
  echo "Load average (1/5/15 min) at start: $(v load.start), at end: $(v load.end) — the machine was shared; figures taken under"
  echo "load are noisy, the ratios (service and ceiling measured alternately in the same run) less so."
  echo "JVM of the ceiling and of the fresh start-up instances: \`-Xmx$SERVICE_HEAP $SERVICE_JAVA_OPTS\` (as \`./expat\`)."
  echo "wrk $(wrk -v 2>&1 | awk 'NR==1 {print $2}'), $(pgbench --version). Processes measured (command line of what listened on each port):"
  echo
  for s in "${SERVICES[@]}"; do echo "- ${s%%:*} :${s##*:} — \`$(v proc.${s%%:*})\`"; done
  echo
  echo "| benchmark | service | ceiling | ratio (aim) | meets aim |"
  echo "|---|---|---|---|---|"
  if want http; then
    for k in catalog_list catalog_one fee_quote; do
      row "HTTP GET \`${R[$k.url]#http://127.0.0.1}\` (${R[$k.bytes]} B), wrk -c$WRK_CONNS" \
        "$(v $k.rps) req/s, p50 $(v $k.p50) ms, p99 $(v $k.p99) ms" \
        "bare Quarkus \`/bare/${R[$k.bytes]}\`: $(v $k.bare_rps) req/s, p50 $(v $k.bare_p50) ms, p99 $(v $k.bare_p99) ms" \
        "$(v $k.ratio) (≥ 0.9)" "$(meets "$(v $k.ratio)" 0.9)"
    done
  fi
  if want booking; then
    for c in 10 50; do
      row "booking, $c concurrent clients (distinct applications)" \
        "$(v booking.c$c.throughput) bookings/s, p50 $(v booking.c$c.p50_ms) ms, p99 $(v booking.c$c.p99_ms) ms" \
        "minimal booking transaction (pgbench, bench/sql/booking-minimal.pgbench), $c clients: $(v minimal.c$c.tps) tps, p50 $(v minimal.c$c.p50) ms, p99 $(v minimal.c$c.p99) ms" \
        "$(v booking.c$c.ratio) (≥ 0.5)" "$(meets "$(v booking.c$c.ratio)" 0.5)"
      row "the same, against pgbench of the service's own booking SQL (second column of #15)" \
        "$(v booking.c$c.throughput) bookings/s" \
        "pgbench, bench/sql/booking.pgbench, $c clients: $(v pgbench.c$c.tps) tps, p50 $(v pgbench.c$c.p50) ms, p99 $(v pgbench.c$c.p99) ms" \
        "$(v booking.c$c.own_ratio) (—)" "—"
    done
    p99=$(v booking.c10.p99_ms)
    row "booking p99 at 10 clients" "$p99 ms" "—" "p99 < 100 ms" \
      "$(awk -v p="$p99" 'BEGIN { print (p == "n/a" ? "?" : (p+0 < 100 ? "yes" : "no")) }')"
    rush_ok=$(v rush.only_201_409)
    row "booking rush: $(v rush.clients) clients at once for $(v rush.seats) seats that open together" \
      "$(v rush.created) booked in $(v rush.seconds) s, statuses $(v rush.statuses), p50 $(v rush.p50_ms) ms, p99 $(v rush.p99_ms) ms" \
      "SQL check: $(v rush.bookings) active bookings, $(v rush.seats_taken) seats taken" \
      "only 201/409: $rush_ok; bookings = seats taken" \
      "$([[ $rush_ok == true && $(v rush.bookings) == "$(v rush.seats_taken)" && $(v rush.created) == "$(v rush.bookings)" ]] && echo yes || echo no)"
    dbl=$(v contended.double_bookings)
    row "$(v contended.attempts) contended attempts, $(v contended.clients) clients, $(v contended.slots) slots × 100 seats, $(v contended.applications) applications" \
      "$(v contended.created) booked ($(v contended.rows) active rows), statuses $(v contended.statuses), $(v contended.throughput) attempts/s" \
      "SQL check: seats = $(v contended.seats)" "double bookings: $dbl (= 0)" "$([[ $dbl == 0 ]] && echo yes || echo no)"
  fi
  if want upload; then
    row "upload 10 MB PDF, $UPLOADS uploads, $UPLOAD_PAR in flight" "$(v upload.mbps) MB/s (HTTP $(v upload.codes))" \
      "raw S3 PUT to the same s3proxy, UNSIGNED-PAYLOAD: $(v upload.raw_mbps) MB/s" "$(v upload.ratio) (≥ 0.8)" "$(meets "$(v upload.ratio)" 0.8)"
    row "the same uploads vs a raw PUT signed like the SDK's (payload SHA-256 verified by the store)" "$(v upload.mbps) MB/s" \
      "raw S3 PUT with x-amz-content-sha256: $(v upload.signed_mbps) MB/s" "$(v upload.signed_ratio) (≥ 0.8)" "$(meets "$(v upload.signed_ratio)" 0.8)"
    g=$(v upload.rss_growth_mb)
    row "document-service RSS, $RSS_PAR uploads at once" "$(v upload.rss_before_mb) MB → peak $(v upload.rss_peak_mb) MB (growth $g MB; $(v upload.par20_mbps) MB/s; HTTP $(v upload.par20_codes))" \
      "—" "growth < 64 MB" "$(awk -v g="$g" 'BEGIN { print (g == "n/a" ? "?" : (g+0 < 64 ? "yes" : "no")) }')"
  fi
  if want latency; then
    row "event latency documents.approved → booking open ($(v latency.events) events)" \
      "p50 $(v latency.p50_ms) ms, p99 $(v latency.p99_ms) ms, max $(v latency.max_ms) ms" "—" "—" "—"
  fi
  if want notify; then
    row "payment.received → e-mail accepted by SMTP ($(v notify.mail.events) events, one at a time)" \
      "p50 $(v notify.mail.p50_ms) ms, p99 $(v notify.mail.p99_ms) ms, max $(v notify.mail.max_ms) ms" "—" "p99 < 1000 ms" \
      "$(awk -v p="$(v notify.mail.p99_ms)" 'BEGIN { print (p+0 < 1000 ? "yes" : "no") }')"
    row "appointment.checked-in → webhook at the receiver, one endpoint ($(v notify.webhook.events) events)" \
      "p50 $(v notify.webhook.p50_ms) ms, p99 $(v notify.webhook.p99_ms) ms, max $(v notify.webhook.max_ms) ms" "—" "p99 < 1000 ms" \
      "$(awk -v p="$(v notify.webhook.p99_ms)" 'BEGIN { print (p+0 < 1000 ? "yes" : "no") }')"
    row "fan-out: $(v notify.fanout.endpoints) endpoints (20 per company, the service's cap), $(v notify.fanout.hanging) never answer; $(v notify.fanout.events) events at 10/s per company; medians of $(v notify.fanout.rounds) rounds" \
      "healthy receivers: $(v notify.fanout.delivered) of $(v notify.fanout.expected) delivered, $(v notify.fanout.per_s) /s, p50 $(v notify.fanout.p50_ms) ms, p99 $(v notify.fanout.p99_ms) ms" \
      "the same $(v notify.fanout_alone.endpoints) healthy endpoints alone (alternating rounds): $(v notify.fanout_alone.delivered) of $(v notify.fanout_alone.expected), $(v notify.fanout_alone.per_s) /s, p50 $(v notify.fanout_alone.p50_ms) ms, p99 $(v notify.fanout_alone.p99_ms) ms" \
      "p99 $(v notify.fanout.p99_ratio) × the ceiling's (≤ 1.25, all delivered)" \
      "$(awk -v r="$(v notify.fanout.p99_ratio)" -v d="$(v notify.fanout.delivered)" -v e="$(v notify.fanout.expected)" 'BEGIN { print (r+0 <= 1.25 && d == e ? "yes" : "no") }')"
  fi
  echo
  if want startup; then
    echo "## Start-up and memory"
    echo
    echo "A fresh JVM of each service (ports 19081-19086, the running stack stays up), time from launch until"
    echo "\`/q/health/ready\` answers 200, RSS 5 s later; the bare Quarkus app is the ceiling. Last column: RSS of the"
    echo "running instance (port 808x) after this run's load."
    echo
    echo "| service | time-to-ready | RSS after start | RSS of the running instance |"
    echo "|---|---|---|---|"
    for s in "${SERVICES[@]}"; do
      name=${s%%:*}
      echo "| $name | $(v startup.$name.ready_ms) ms | $(v startup.$name.rss_mb) MB | $(v running.$name.rss_mb) MB |"
    done
    echo "| bare Quarkus (ceiling) | $(v startup.bare.ready_ms) ms | $(v startup.bare.rss_mb) MB | — |"
    echo
  fi
  echo "Full-stack cold start (infrastructure + six services): $( ((COLD)) && echo "see [$DATE-startup.md]($DATE-startup.md)" || \
    echo "not measured in this run (\`bench/run.sh --cold-start\` stops the whole stack; earlier: $(ls bench/results/*startup*.md bench/results/stack-cold-start.md 2>/dev/null | xargs -r -n1 basename | sed 's/.*/[&](&)/' | paste -sd, - || true))")."
  echo
  echo "Containers (issue #20): $( ((CONTAINERS)) && echo "see [$DATE-containers.md]($DATE-containers.md)" || \
    echo "not measured in this run (\`bench/run.sh --containers\`)")."
  echo
  echo "## Details"
  echo
  if want booking; then
    echo "- booking: service \`$(v booking.service)\`, days $(v booking.days), $(v booking.slots) slots × 100 seats (counters raised for the run, restored after);"
    echo "  $(v booking.opened_applications) applications made bookable in $(v booking.open_seconds) s ($(v booking.opened_via_kafka) of them through documents.approved on Kafka, the rest by SQL)"
    for c in 10 50; do
      echo "- $c clients: $(v booking.c$c.ok) booked of $(v booking.c$c.attempts) attempts in $(v booking.c$c.seconds) s, statuses $(v booking.c$c.statuses), pool exhausted: $(v booking.c$c.pool_exhausted); pgbench failed transactions: $(v pgbench.c$c.failed)"
    done
    echo "- where scheduling-service spent its CPU during the booking runs (JFR): $( [[ -n ${R[booking.profile]:-} ]] && echo "[${R[booking.profile]#bench/results/}](${R[booking.profile]#bench/results/})" || echo "not recorded")"
    echo "- contended check: overbooked quarter hours $(v contended.check.overbooked_buckets), quarter hours whose booked ≠ active visits $(v contended.check.buckets_booked_neq_active), applications with two active appointments $(v contended.check.applications_with_two_active), quarter hours with more visits than seats $(v contended.check.buckets_more_visits_than_seats), active rows ≠ 201 answers $(v contended.check.rows_neq_201); $(v contended.seconds) s"
  fi
  if want http; then
    for k in catalog_list catalog_one fee_quote; do
      echo "- $k rounds (req/s): $(v $k.rounds); non-2xx answers of the service: $(v $k.non2xx)"
    done
    echo "- bare Quarkus (HTTP ceiling) ready in $(v bare.ready_ms) ms, RSS after the HTTP runs $(v bare.rss_mb) MB"
  fi
  if want upload; then
    echo "- upload rounds (MB/s): $(v upload.rounds); raw S3 statuses: $(v upload.raw_codes); file $(v upload.file_bytes) bytes"
  fi
  echo
  echo "## Commands"
  echo
  echo '```'
  echo "bench/run.sh $( ((QUICK)) && echo --quick || true) --only $ONLY   # BENCH_SECONDS=$SECS BENCH_ROUNDS=$ROUNDS BENCH_BOOK_SECONDS=$BOOK_SECS BENCH_CONTENDED=$CONTENDED"
  printf '%s\n' "${CMDS[@]}"
  echo '```'
} >"$OUT"
say "results written to $OUT"
if ((!QUICK)) && [[ -z $SUFFIX ]]; then   # the READMEs link the latest full result
  sed -i -E "s#bench/results/[0-9]{4}-[0-9]{2}-[0-9]{2}-bench(-quick)?\.md#$OUT#g" README.md
  sed -i -E "s#results/[0-9]{4}-[0-9]{2}-[0-9]{2}-bench(-quick)?\.md#${OUT#bench/}#g" bench/README.md
fi
cat "$OUT"
