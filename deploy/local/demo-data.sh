#!/usr/bin/env bash
# Demo data for a freshly started local system, idempotent: the realm already holds the demo users and partner
# clients, the catalog seeds the 2026 guide itself; this registers the two demo companies.
set -euo pipefail
KC=http://127.0.0.1:8180/realms/expat/protocol/openid-connect/token
APP=http://127.0.0.1:8082

token() {
  curl -fsS -d grant_type=password -d client_id=expat-cli -d "username=$1" -d password=demo1234 "$KC" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

register() { # login, BIN, name
  local t code
  t=$(token "$1")
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $t" -H 'Content-Type: application/json' \
    -d "{\"bin\":\"$2\",\"name\":\"$3\",\"legalForm\":\"COMPANY\"}" "$APP/api/v1/companies")
  case $code in
    200|201) echo "[demo] registered $3 ($2)" ;;
    409) echo "[demo] $3 ($2) already registered" ;;
    *) echo "[demo] WARNING: registering $3 answered HTTP $code" >&2 ;;
  esac
}

register hr.acme 180340021791 "Acme Logistics LLP"
register hr.globex 190540001230 "Globex Kazakhstan LLP"
