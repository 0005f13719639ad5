#!/usr/bin/env python3
"""Which JVM settings help Kumo start: the launcher's choices against the alternatives, side by side.

Runs Kumo's main class directly (not through ./kumo) with each variant's flags. Variants with an AOT cache
or AppCDS archive first get their own training run (the representative requests of harness.py, as the
launcher's training does). Then rounds are interleaved; each run measures process start -> first 200 of
the probe (DescribeVpcs, or GetCallerIdentity while DescribeVpcs is missing), CPU used until then, and
RSS 2 s after, and after the representative requests.

usage: startup_flags.py [--runs N] [--only LABEL,LABEL]     (KUMO_HOME = the Kumo checkout)
"""
import argparse
import os
import statistics as st
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import noise  # noqa: E402
import sigv4  # noqa: E402

JAVA = '/usr/lib/jvm/temurin-25-jdk-amd64/bin/java'
T = os.path.join(harness.KUMO_HOME, 'kumo-server', 'target')
CP = f'{T}/kumo-server.jar:{T}/lib/*'
ORIGINAL = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Xss512k', '--enable-native-access=ALL-UNNAMED']
DIRECTIVES = os.path.join(harness.KUMO_HOME, 'kumo-server', 'src', 'main', 'jvm', 'compiler-directives.json')
DATA_PLANE_C2 = ['-XX:+UnlockDiagnosticVMOptions', '-XX:-DisplayVMOutput', f'-XX:CompilerDirectivesFile={DIRECTIVES}']
# keep in sync with jvm_flags in ../kumo
LAUNCHER = ['-XX:+UseSerialGC'] + DATA_PLANE_C2 + ['-Xss512k', '-Xms32m', '-Xmn16m', '-Xmx512m',
            '-Dio.netty.processId=1', '-Dio.netty.jfr.enabled=false', '--enable-native-access=ALL-UNNAMED']
C1_ONLY = [f for f in LAUNCHER if f not in DATA_PLANE_C2] + ['-XX:TieredStopAtLevel=1']
HEAPLESS = [f for f in LAUNCHER if not f.startswith(('-Xms', '-Xmn', '-Xmx'))]
NATIVE = ['--enable-native-access=ALL-UNNAMED']
# C2 only for what stays hot (a load balancer under load), not for what start-up runs a few thousand times
C2_LATE = ['-XX:Tier4InvocationThreshold=50000', '-XX:Tier4MinInvocationThreshold=6000', '-XX:Tier4CompileThreshold=150000',
           '-XX:Tier4BackEdgeThreshold=400000']

ap = argparse.ArgumentParser()
ap.add_argument('--runs', type=int, default=int(os.environ.get('RUNS', '5')))
ap.add_argument('--only', default='')
ap.add_argument('--gate', type=float, default=float(os.environ.get('GATE_WAIT', '10')))
args = ap.parse_args()
work = tempfile.mkdtemp(prefix='kumo-flags-')

# label -> (flags, cache kind: None | 'aot' | 'cds')
VARIANTS = {
    'launcher (Serial+C2 for the data plane only+small young gen, AOT)': (LAUNCHER, 'aot'),
    'launcher flags with C1 only (the launcher until 2026-12-07), AOT': (C1_ONLY, 'aot'),
    'launcher flags, no AOT': (LAUNCHER, None),
    'original launcher flags (Serial+C1, default heap), AOT': (ORIGINAL, 'aot'),
    'launcher flags, default heap sizes, AOT': (HEAPLESS, 'aot'),
    'launcher flags + CompactObjectHeaders, AOT': (LAUNCHER + ['-XX:+UseCompactObjectHeaders'], 'aot'),
    'launcher flags - netty properties, AOT': ([f for f in LAUNCHER if not f.startswith('-Dio.netty')], 'aot'),
    'Serial + C2 for everything (full tiering), AOT': ([f for f in LAUNCHER if f not in DATA_PLANE_C2], 'aot'),
    'Serial + C2 late (tier-4 thresholds x10), AOT': ([f for f in LAUNCHER if f not in DATA_PLANE_C2] + C2_LATE, 'aot'),
    'JVM defaults (G1, tiered), AOT': (NATIVE, 'aot'),
    'JVM defaults, no AOT': (NATIVE, None),
    'launcher flags, AppCDS (dynamic archive)': (LAUNCHER, 'cds'),
    'launcher flags, -Xshare:off': (LAUNCHER + ['-Xshare:off'], None),
}
if args.only:
    keep = [k for k in VARIANTS if any(o.strip() and o.strip() in k for o in args.only.split(','))]
    VARIANTS = {k: VARIANTS[k] for k in keep}


def cmd(label, port, training=False):
    flags, kind = VARIANTS[label]
    f = list(flags)
    cache = os.path.join(work, f'v{list(VARIANTS).index(label)}.{kind}')
    if kind == 'aot':
        f += [f'-XX:AOTCacheOutput={cache}' if training else f'-XX:AOTCache={cache}', '-Xlog:aot=off', '-Xlog:cds=off']
    elif kind == 'cds':
        f += ['-XX:+AutoCreateSharedArchive', f'-XX:SharedArchiveFile={cache}', '-Xlog:cds=off']
    return [JAVA] + f + ['-cp', CP, 'io.kumo.server.Main', 'up', '--port', str(port), '--ephemeral', '--log-level', 'warn']


probe, probe_name = harness.choose_probe()
print(f'# probe: {probe_name}; Kumo: {harness.KUMO_HOME}', flush=True)
for label, (flags, kind) in VARIANTS.items():
    if kind:
        port = harness.free_port()
        p = harness.start(cmd(label, port, training=True))
        harness.wait_ok(p, port, probe, deadline_s=120)
        harness.representative_requests(port, rounds=3)
        harness.stop(p, grace=180)   # the JVM writes the cache as it exits
        print(f'# trained {label}', flush=True)

res = {k: [] for k in VARIANTS}
print('variant\tms_to_first_200\tcpu_ms\trss_idle_MiB\trss_after_requests_MiB\tforeign_cores', flush=True)
for i in range(args.runs):
    for label in VARIANTS:
        if args.gate > 0:
            noise.quiet(args.gate, 0.25)
        bg = noise.snap()
        port = harness.free_port()
        t0 = time.perf_counter()
        p = harness.start(cmd(label, port))
        try:
            harness.wait_ok(p, port, probe)
            ms = (time.perf_counter() - t0) * 1000
            cpu = harness.cpu_ms(p.pid)
            fc = noise.diff(bg)[0]
            time.sleep(2)
            idle = harness.rss_mib(p.pid)
            harness.representative_requests(port)
            time.sleep(1)
            after = harness.rss_mib(p.pid)
        finally:
            harness.stop(p)
        r = (ms, cpu, idle, after, fc)
        res[label].append(r)
        print(f'{label}\t{ms:.0f}\t{cpu:.0f}\t{idle:.1f}\t{after:.1f}\t{fc:.2f}', flush=True)

m = lambda xs, d=0: f'{st.median(xs):.{d}f} [{min(xs):.{d}f}-{max(xs):.{d}f}]'
print(f'\n== Kumo start-up by JVM settings ({probe_name}), {args.runs} runs, median [min-max]')
print('variant\tms to first 200\tCPU ms\tidle RSS MiB\tRSS after requests MiB\tforeign cores max')
for label, rs in res.items():
    print(f'{label}\t{m([r[0] for r in rs])}\t{m([r[1] for r in rs])}\t{m([r[2] for r in rs], 1)}\t{m([r[3] for r in rs], 1)}\t{max(r[4] for r in rs):.2f}')
