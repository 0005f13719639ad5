#!/usr/bin/env bash
# Runs every Kumo benchmark against its baseline (moto_server) in one go and keeps the logs.
# usage: bench/run_all.sh            env: KUMO_HOME (the Kumo checkout, default: this repo),
#        RUNS (start-up and RSS runs, default 5 / 3), ROUNDS and DURATION (throughput, default 3 x 10 s),
#        FLAGS=1 also runs the JVM-flag study (startup_flags.py, ~10 min) and the start-up breakdown,
#        GATE_WAIT (s to wait for a quiet machine before each run, default 10),
#        INSTANCES=0 skips instances.py (running instances, issue 3: ~10 min, needs root, else it says SKIPPED),
#        DNS=0 skips dns.py (DNS server vs BIND 9 and change -> visible, issue 6: ~3 min, needs root).
# Every server is started by the scripts themselves and stopped when they exit (also on Ctrl-C).
set -uo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export KUMO_HOME="${KUMO_HOME:-$(dirname "$bench")}"
out="$bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
cleanup() {
  local pids
  pids=$(jobs -p)
  [ -n "$pids" ] && kill $pids 2>/dev/null
  wait 2>/dev/null
}
trap cleanup EXIT
trap 'exit 130' INT TERM

{
  echo "# $(date -u +%FT%TZ) on $(hostname): $(nproc) cores, $(awk '/MemTotal/ {print int($2/1024) " MiB"}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# JDK: $(/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -version 2>&1 | sed -n 2p)"
  echo "# moto: $(python3 -c 'import importlib.metadata as m; print(m.version("moto"))' 2>/dev/null)"
  echo "# Kumo: $KUMO_HOME ($(git -C "$KUMO_HOME" rev-parse --short HEAD 2>/dev/null)$(git -C "$KUMO_HOME" status --porcelain 2>/dev/null | grep -q . && echo ', with uncommitted changes'))"
} | tee "$out/machine.txt"

step() {   # step NAME CMD...: runs CMD with its output in $out/NAME.log, then shows the summary lines
  local name=$1
  shift
  echo "== $name: $*"
  "$@" > "$out/$name.log" 2>&1
  local rc=$?
  sed -n '/^== /,$p' "$out/$name.log"
  [ $rc = 0 ] || echo "!! $name failed (rc=$rc), see $out/$name.log"
  echo
}

step startup python3 "$bench/startup.py" --runs "${RUNS:-5}"
step rss python3 "$bench/rss.py" --runs "${RSS_RUNS:-3}"
step throughput python3 "$bench/throughput.py" --rounds "${ROUNDS:-3}" --duration "${DURATION:-10}"
[ "${INSTANCES:-1}" = 0 ] || step instances python3 "$bench/instances.py"
[ "${DNS:-1}" = 0 ] || step dns python3 "$bench/dns.py"
if [ "${FLAGS:-0}" = 1 ]; then
  step startup_flags python3 "$bench/startup_flags.py" --runs "${RUNS:-5}"
  echo "== startup_breakdown"
  "$bench/startup_breakdown.sh" 3 2>&1 | tee "$out/startup_breakdown.log"
fi
echo "== verdicts"
grep -hE '^(RATIO|TARGET|NOTE|WARNING)' "$out"/*.log | tee "$out/verdicts.txt"
echo "logs: $out"
