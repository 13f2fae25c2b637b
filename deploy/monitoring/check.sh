#!/usr/bin/env bash
# Monitoring checks (#17), run by ./expat test while the services run, and usable alone:
#  1. promtool check rules + promtool test rules (alerts.yml, alerts.test.yml);
#  2. promtool check metrics on the project's own metrics (expat_*) of every running service's /q/metrics
#     (management port = HTTP port + 10000): names, units and HELP by Prometheus conventions.
# promtool comes from Debian's prometheus package (installed when missing; the server is not started).
set -euo pipefail
cd "$(dirname "$0")"
say() { printf '[monitoring] %s\n' "$*"; }

if ! command -v promtool >/dev/null; then
  say "installing promtool (Debian package prometheus)"
  SUDO=""; [[ $(id -u) == 0 ]] || SUDO="sudo"
  $SUDO apt-get install -y --no-install-recommends prometheus >/dev/null 2>&1 \
    || { $SUDO apt-get update >/dev/null 2>&1 && $SUDO apt-get install -y --no-install-recommends prometheus >/dev/null; }
  # the package's server would scrape nothing useful here; only promtool is wanted
  $SUDO systemctl disable --now prometheus >/dev/null 2>&1 || $SUDO pkill -x prometheus 2>/dev/null || true
fi
promtool check rules alerts.yml >/dev/null
promtool test rules alerts.test.yml >/dev/null || { promtool test rules alerts.test.yml; exit 1; }
say "alert rules: valid, $(grep -c '^      - alert:' alerts.yml) rules, unit tests pass"

checked=0
for port in 18081 18082 18083 18084 18085 18086; do
  # the Prometheus text format, which promtool lints: without an Accept header Quarkus answers OpenMetrics, whose
  # exemplars promtool cannot parse
  if ! metrics="$(curl -fsS -m 10 -H 'Accept: text/plain; version=0.0.4' "http://127.0.0.1:$port/q/metrics")"; then
    say "no service on management port $port: its metrics are not checked"; continue
  fi
  # only our own families: library metrics (JVM, Kafka client) are not ours to rename
  ours="$(awk '/^# (HELP|TYPE) expat_/ || /^expat_/' <<<"$metrics")"
  [[ -n $ours ]] || { say "port $port exposes no expat_* metrics"; exit 1; }
  if ! lint="$(promtool check metrics <<<"$ours" 2>&1)"; then
    echo "$lint"; say "port $port: promtool check metrics found problems"; exit 1
  fi
  checked=$((checked + 1))
done
((checked > 0)) || { say "no running service to check metrics of"; exit 1; }
say "promtool check metrics: the expat_* metrics of $checked services are clean"
