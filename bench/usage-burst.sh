#!/usr/bin/env bash
# Ordinary use of a running system through its public APIs, as HR users and officers would: persons, applications
# of several services, submissions, uploads of every required document, reviews (some rejected, re-uploaded and
# resubmitted), payments and, for a part of them, a booked visit. It leaves the shared topics and databases as a
# busy week at the centre would, so that `./expat test` can be shown to pass after it (issue #19).
#
# Usage: bench/usage-burst.sh [APPLICATIONS] [PARALLEL]     defaults: 300 applications, 4 at a time
# Needs: ./expat up (services on 127.0.0.1:8081-8085), curl, jq.
set -euo pipefail
N=${1:-300}
P=${2:-4}
KC=${OIDC_AUTH_SERVER_URL:-http://127.0.0.1:8180/realms/expat}/protocol/openid-connect/token
APP=${APPLICATION_URL:-http://127.0.0.1:8082}
DOC=${DOCUMENT_URL:-http://127.0.0.1:8083}
SCHED=${SCHEDULING_URL:-http://127.0.0.1:8084}
FEE=${FEE_URL:-http://127.0.0.1:8085}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

token() {
  curl -fsS -d grant_type=password -d client_id=expat-cli -d "username=$1" -d password=demo1234 "$KC" | jq -r .access_token
}
refresh_tokens() {
  token hr.acme >"$WORK/hr.acme"; token hr.globex >"$WORK/hr.globex"; token officer1 >"$WORK/officer1"
}
export -f token
export KC APP DOC SCHED FEE WORK

# One application's life; prints one word: what happened to it.
one() {
  set -uo pipefail
  local i=$1 hr officer person app checklist reqs ok=1
  if ((i % 2)); then hr=$(cat "$WORK/hr.acme"); else hr=$(cat "$WORK/hr.globex"); fi
  officer=$(cat "$WORK/officer1")
  api() { # method url token [json]  -> body on stdout; HTTP >= 400: the problem on stderr (BURST_DEBUG=1), fails
    local m=$1 u=$2 t=$3 d=${4:-} out code
    out=$(curl -sS -X "$m" -H "Authorization: Bearer $t" ${d:+-H 'Content-Type: application/json' -d "$d"} \
      -w '\n%{http_code}' "$u") || return 1
    code=${out##*$'\n'}; out=${out%$'\n'*}
    if ((code >= 400)); then
      [[ -n ${BURST_DEBUG:-} ]] && echo "[burst] $m $u -> $code $out" >&2
      return 1
    fi
    printf '%s' "$out"
  }
  local today passport services service body
  today=$(TZ=Asia/Almaty date +%F)
  passport="B$(printf '%08d' $((RANDOM * 32768 + RANDOM)))"
  local letters=abcdefghijklmnopqrstuvwxyz name="" n=$i
  for _ in 1 2 3; do name+=${letters:$((n % 26)):1}; n=$((n / 26)); done
  person=$(api POST "$APP/api/v1/persons" "$hr" "$(jq -nc --arg p "$passport" --arg exp "$(date -d "$today +8 years" +%F)" \
    --arg n "Burst$name" '{firstName:$n, lastName:"Usage", dateOfBirth:"1985-05-20", citizenship:"DEU",
      passportNumber:$p, passportIssuedOn:"2022-01-10", passportExpiresOn:$exp}')" | jq -r .id) || { echo person-failed; return; }
  services=(work-visa-issuance work-visa-invitation long-business-visa-issuance arrival-notification)
  service=${services[$((i % ${#services[@]}))]}
  case $service in
    work-visa-*) body=$(jq -nc --arg p "$person" --arg s "$service" --arg until "$(date -d "$today +1 year" +%F)" \
      '{personId:$p, serviceCode:$s, visaCategory:"C3", requestedVisaEnd:$until, consent:{textVersion:"2026-01", accepted:true}}') ;;
    long-business-visa-*) body=$(jq -nc --arg p "$person" --arg s "$service" --arg until "$(date -d "$today +6 months" +%F)" \
      '{personId:$p, serviceCode:$s, visaCategory:"B2", requestedVisaEnd:$until, consent:{textVersion:"2026-01", accepted:true}}') ;;
    *) body=$(jq -nc --arg p "$person" --arg s "$service" '{personId:$p, serviceCode:$s, consent:{textVersion:"2026-01", accepted:true}}') ;;
  esac
  app=$(api POST "$APP/api/v1/applications" "$hr" "$body" | jq -r .id) || { echo create-failed; return; }
  if ((i % 10 == 9)); then echo draft; return; fi   # some stay drafts
  api POST "$APP/api/v1/applications/$app/submit" "$hr" >/dev/null || { echo submit-refused; return; }
  # the checklist is built from application.submitted
  for _ in $(seq 1 120); do
    checklist=$(api GET "$DOC/api/v1/applications/$app/checklist" "$hr" 2>/dev/null) && [[ $(jq -r .ready <<<"$checklist") == true ]] && break
    sleep 0.5
  done
  [[ $(jq -r .ready <<<"${checklist:-{\}}") == true ]] || { echo no-checklist; return; }
  ((i % 7 == 3)) && { api POST "$APP/api/v1/applications/$app/withdraw" "$hr" '{"comment":"plans changed"}' >/dev/null; echo withdrawn; return; }
  printf '%%PDF-1.4\n%% burst %s\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' "$app" >"$WORK/$app.pdf"
  local docs=() rid doc
  for rid in $(jq -r '.requirements[] | select(.uploadRequired and .mandatory) | .id' <<<"$checklist"); do
    doc=$(curl -fsS -H "Authorization: Bearer $hr" -F "file=@$WORK/$app.pdf;type=application/pdf;filename=doc.pdf" \
      "$DOC/api/v1/applications/$app/requirements/$rid/documents" | jq -r .id) || { ok=0; break; }
    docs+=("$rid:$doc")
  done
  ((ok)) || { echo upload-failed; return; }
  ((i % 5 == 2)) && { echo uploaded; return; }      # not reviewed yet
  local first=1 entry
  for entry in "${docs[@]}"; do
    if ((first && i % 4 == 1)); then
      api POST "$DOC/api/v1/documents/${entry#*:}/review" "$officer" '{"decision":"REJECTED","reason":"The scan is unreadable"}' >/dev/null
    else
      api POST "$DOC/api/v1/documents/${entry#*:}/review" "$officer" '{"decision":"APPROVED"}' >/dev/null
    fi
    first=0
  done
  if ((i % 4 == 1)); then   # changes requested: re-upload the rejected one, resubmit, approve
    api POST "$DOC/api/v1/applications/$app/review-rounds/current/finish" "$officer" >/dev/null || true
    for _ in $(seq 1 60); do
      [[ $(api GET "$APP/api/v1/applications/$app" "$hr" | jq -r .state) == CHANGES_REQUESTED ]] && break; sleep 0.5
    done
    entry=${docs[0]}
    doc=$(curl -fsS -H "Authorization: Bearer $hr" -F "file=@$WORK/$app.pdf;type=application/pdf;filename=doc-v2.pdf" \
      "$DOC/api/v1/applications/$app/requirements/${entry%%:*}/documents" | jq -r .id) || { echo reupload-failed; return; }
    api POST "$APP/api/v1/applications/$app/resubmit" "$hr" '{"comment":"sharper scan"}' >/dev/null || true
    api POST "$DOC/api/v1/documents/$doc/review" "$officer" '{"decision":"APPROVED"}' >/dev/null || true
  fi
  # pay the invoice (partner bank confirmation by an officer)
  local invoice total
  for _ in $(seq 1 60); do
    invoice=$(api GET "$FEE/api/v1/invoices?applicationId=$app" "$hr" | jq -r '.[0].id // empty' 2>/dev/null) && [[ -n $invoice ]] && break
    sleep 0.5
  done
  if [[ -n ${invoice:-} ]]; then
    total=$(api GET "$FEE/api/v1/invoices/$invoice" "$hr" | jq -r '.outstanding // .total')
    if [[ $total != 0 && $total != 0.00 && $total != null ]]; then
      api POST "$FEE/api/v1/invoices/$invoice/payments" "$officer" "{\"reference\":\"BURST-$app\",\"amount\":$total}" >/dev/null || true
    fi
  fi
  ((i % 3 == 0)) || { echo approved; return; }
  # book a visit once booking is open
  local from to start
  for _ in $(seq 1 60); do
    [[ $(api GET "$SCHED/api/v1/applications/$app/booking" "$hr" 2>/dev/null | jq -r .bookingOpen) == true ]] && break; sleep 0.5
  done
  from=$(date -d "$today +3 days" +%F); to=$(date -d "$today +20 days" +%F)
  start=$(api GET "$SCHED/api/v1/slots?serviceCode=$service&from=$from&to=$to" "$hr" |
    jq -r --argjson k $((i % 40)) '[.slots[] | select(.remaining > 0)] | .[$k % length].start // empty') || true
  [[ -n ${start:-} ]] || { echo no-slot; return; }
  api POST "$SCHED/api/v1/appointments" "$hr" "{\"applicationId\":\"$app\",\"start\":\"$start\"}" >/dev/null && echo booked || echo booking-refused
}
export -f one

for url in "$APP" "$DOC" "$SCHED" "$FEE"; do
  curl -fsS -m 3 -o /dev/null "$url/q/openapi" || { echo "[burst] $url does not answer: run ./expat up first" >&2; exit 1; }
done
refresh_tokens
started=$SECONDS
echo "[burst] $N applications, $P at a time, against $APP $DOC $SCHED $FEE"
# access tokens live 5 minutes (realm policy): fresh ones for every batch of 40, which takes well under that
for ((from = 0; from < N; from += 40)); do
  ((from > 0)) && refresh_tokens
  seq "$from" $((from + 40 < N ? from + 39 : N - 1)) | xargs -P "$P" -I{} bash -c 'one {}'
done | sort | uniq -c | sed 's/^/[burst] /'
echo "[burst] done in $((SECONDS - started)) s"
