#!/usr/bin/env bash
# Contract checks (#17), run by ./expat test after the build and usable alone (after `mvn package`):
#  1. redocly lint (redocly.yaml) of the six services' OpenAPI documents: no error, no warning;
#  2. openapi-typescript types of each and `tsc --strict` of a consumer that reads a member of every success body
#     (consumer.mjs), so an operation whose body is untyped (`unknown`) fails;
#  3. @asyncapi/cli validation of docs/asyncapi.yaml (no error, no warning).
# The Node tools are pinned in package.json/package-lock.json and installed with `npm ci` into node_modules here.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=../..
SERVICES=(application-service catalog-service document-service fee-service notification-service scheduling-service)

say() { printf '[contract] %s\n' "$*"; }

for s in "${SERVICES[@]}"; do
  [[ -f "$ROOT/$s/target/openapi/openapi.json" ]] \
    || { say "$s/target/openapi/openapi.json is missing: build first (mvn package)"; exit 2; }
done
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say "installing the pinned tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
export PATH="$PWD/node_modules/.bin:$PATH"

docs=()
for s in "${SERVICES[@]}"; do docs+=("$ROOT/$s/target/openapi/openapi.yaml"); done
out="$(redocly lint --config redocly.yaml --format=summary "${docs[@]}" 2>&1)" || { echo "$out"; say "redocly lint: errors"; exit 1; }
if grep -q '^warning' <<<"$out"; then
  redocly lint --config redocly.yaml "${docs[@]}" 2>&1 | grep -v '^\s*$' | tail -40
  say "redocly lint: warnings (none are allowed)"; exit 1
fi
say "redocly lint: ${#docs[@]} documents, 0 errors, 0 warnings"

rm -rf generated && mkdir generated
for s in "${SERVICES[@]}"; do
  cp "$ROOT/$s/target/openapi/openapi.json" "generated/$s.json"
  openapi-typescript "generated/$s.json" -o "generated/$s.ts" >/dev/null 2>&1 \
    || { openapi-typescript "generated/$s.json" -o "generated/$s.ts"; exit 1; }
done
say "$(node consumer.mjs "${SERVICES[@]}")"
tsc -p tsconfig.json
say "tsc --strict: the generated clients type every success body"

asyncapi config analytics --disable >/dev/null 2>&1 || true
asyncapi validate ../asyncapi.yaml --fail-severity=warn >generated/asyncapi.log 2>&1 \
  || { cat generated/asyncapi.log; say "asyncapi validate: failed"; exit 1; }
say "asyncapi validate: docs/asyncapi.yaml valid"
