#!/usr/bin/env bash
# Where Kumo's start-up time goes: JVM launch -> main(), each service model's parse, Kumo.start, the
# first requests, measured inside one JVM by breakdown/StartupBreakdown.java, with and without an AOT cache
# (the harness trains its own cache, like the launcher does, so Kumo's classes are in it).
# usage: bench/startup_breakdown.sh [RUNS]       (KUMO_HOME = the Kumo checkout, default: this repo)
set -euo pipefail
bench="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
home="${KUMO_HOME:-$(dirname "$bench")}"
runs="${1:-3}"
java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
javac=/usr/lib/jvm/temurin-25-jdk-amd64/bin/javac
target="$home/kumo-server/target"
[ -f "$target/kumo-server.jar" ] || { echo "build Kumo first: $home/kumo build" >&2; exit 1; }
work="$(mktemp -d "${TMPDIR:-/tmp}/kumo-breakdown.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp="$target/kumo-server.jar:$target/lib/*"
"$javac" -nowarn -d "$work/classes" -cp "$cp" "$bench/breakdown/StartupBreakdown.java" "$bench/loadgen/src/main/java/io/kumo/bench/SigV4.java" 2>&1 | grep -v '^Note:' || true
"$(dirname "$java")/jar" --create --file "$work/breakdown.jar" -C "$work/classes" .   # the AOT cache takes jars only
# the launcher's flags (keep in sync with jvm_flags in ../kumo)
flags=(-XX:+UseSerialGC -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput "-XX:CompilerDirectivesFile=$bench/../kumo-server/src/main/jvm/compiler-directives.json" -Xss512k -Xms32m -Xmn16m -Xmx512m -Dio.netty.jfr.enabled=false --enable-native-access=ALL-UNNAMED)
# training run for this harness's own cache (the class path must match the one used below)
"$java" "${flags[@]}" -XX:AOTCacheOutput="$work/bd.aot" -Xlog:aot=error -Xlog:cds=error -cp "$cp:$work/breakdown.jar" io.kumo.bench.StartupBreakdown real >/dev/null 2>&1
for mode in real split; do
  for aot in no yes; do
    extra=()
    [ "$aot" = yes ] && extra=(-XX:AOTCache="$work/bd.aot" -Xlog:aot=off -Xlog:cds=off)
    for i in $(seq 1 "$runs"); do
      python3 "$bench/noise.py" quiet "${GATE_WAIT:-10}" 0.25 >/dev/null   # wait for a quiet machine (max GATE_WAIT s)
      "$java" "${flags[@]}" "${extra[@]}" -Dlaunch.ns="$(date +%s%N)" -cp "$cp:$work/breakdown.jar" io.kumo.bench.StartupBreakdown "$mode" \
        | sed "s/^/$mode aot=$aot\t/"
    done
  done
done | python3 -c '
import sys, statistics as st
d = {}
for line in sys.stdin:
    k1, phase, ms = line.rstrip("\n").split("\t")
    d.setdefault((k1, phase), []).append(float(ms))
print("run\tphase\tms median [min-max]")
for (k1, phase), v in d.items():
    print(f"{k1}\t{phase}\t{st.median(v):.1f} [{min(v):.1f}-{max(v):.1f}]")
'
