#!/usr/bin/env python3
"""Machine-noise accounting, after ../shared/bench/baselines/bgcpu.py (same method, trimmed).

These are shared machines: absolute figures move by 30-45 % with other load. Each measured run records
'foreign cores' = CPU used by processes OUTSIDE this benchmark (its session, SID, and the sessions of the
servers it started) per wall second, from /proc/stat minus our own processes. A run with foreign >= 0.3 cores is noisy; ratios measured
side by side stay meaningful, absolute numbers less so.

As a module: s = snap(); ...; foreign_cores(s) ; quiet(maxwait, thr)
As a script: noise.py snap FILE | noise.py diff FILE | noise.py quiet MAXWAIT THR
"""
import json
import os
import sys
import time

HZ = os.sysconf('SC_CLK_TCK')
SID = os.getsid(0)
# Sessions of the servers this benchmark started in their own session (harness.start): their CPU is ours.
EXTRA_SIDS = set()


def _mine():
    total = 0
    for p in os.listdir('/proc'):
        if not p.isdigit():
            continue
        try:
            s = open(f'/proc/{p}/stat').read()
        except OSError:
            continue
        r = s[s.rfind(')') + 2:].split()
        if int(r[3]) == SID or int(r[3]) in EXTRA_SIDS:
            total += int(r[11]) + int(r[12]) + int(r[13]) + int(r[14])
    return total


def snap():
    f = [int(x) for x in open('/proc/stat').readline().split()[1:]]
    return {'t': time.time(), 'busy': f[0] + f[1] + f[2] + f[5] + f[6], 'steal': f[7], 'mine': _mine()}


def diff(a, b=None):
    """(foreign cores, steal cores, our session's cores) between two snapshots."""
    b = b or snap()
    k = HZ * max(b['t'] - a['t'], 1e-3)
    mine = (b['mine'] - a['mine']) / k
    return max(0.0, (b['busy'] - a['busy']) / k - mine), (b['steal'] - a['steal']) / k, mine


def foreign_cores(a):
    return diff(a)[0]


def quiet(maxwait=20.0, thr=0.25):
    """Wait (1 s windows) until other processes use < thr cores, at most maxwait s. Returns (waited s, last foreign)."""
    t0 = time.time()
    fc = 0.0
    while True:
        a = snap()
        time.sleep(1)
        fc = diff(a)[0]
        if fc < thr or time.time() - t0 >= maxwait:
            return time.time() - t0, fc


if __name__ == '__main__':
    cmd = sys.argv[1]
    if cmd == 'snap':
        json.dump(snap(), open(sys.argv[2], 'w'))
    elif cmd == 'diff':
        fc, st, mine = diff(json.load(open(sys.argv[2])))
        print(f'foreign_cores={fc:.2f} steal_cores={st:.2f} bench_cores={mine:.2f}')
    elif cmd == 'quiet':
        w, fc = quiet(float(sys.argv[2]), float(sys.argv[3]))
        print(f'gate_wait={w:.0f}s last_foreign={fc:.2f}')
