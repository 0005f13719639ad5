#!/usr/bin/env python3
"""Resident memory of Kumo vs moto_server, same run: idle after start, and after the first requests.

Each run starts the server as a user does (`./kumo up --port P --ephemeral`, `moto_server -p P`), waits for
the first 200 of sts GetCallerIdentity (a request that loads no EC2 code in either server), waits
IDLE_S (default 2) seconds and reads VmRSS of the process (and its children) = "idle after start"; then
sends the representative requests of harness.py (EC2 describes, CreateVpc/CreateTags/DeleteVpc, STS,
Route 53 and ACM create/get/delete) and reads it again after IDLE_S = "after first requests".
For Kumo it also splits RSS into anonymous memory (heap, metaspace, code, threads) and file-backed pages
(the mapped AOT cache and jars).

usage: rss.py [--runs N]      (KUMO_HOME = the Kumo checkout, default: this repo)
"""
import argparse
import os
import statistics as st
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import noise  # noqa: E402

TARGET_MIB = 120
ap = argparse.ArgumentParser()
ap.add_argument('--runs', type=int, default=int(os.environ.get('RUNS', '3')))
args = ap.parse_args()
idle_s = float(os.environ.get('IDLE_S', '2'))


def status_kib(pid, key):
    for line in open(f'/proc/{pid}/status'):
        if line.startswith(key + ':'):
            return int(line.split()[1])
    return 0


targets = {'kumo': harness.kumo_cmd, 'moto': harness.moto_cmd}
# "After start" = after the first answer to a cheap request that loads no EC2 code: moto loads each service's
# backend on its first request, so probing with DescribeVpcs would charge moto's EC2 import to "idle".
probe, probe_name = harness.sigv4.GET_CALLER_IDENTITY, 'GetCallerIdentity'
print(f'# ready = first 200 of sts {probe_name}; then the representative requests (EC2, STS, Route 53, ACM)', flush=True)
for label, build in targets.items():          # warm-up launch: page cache; a first ./kumo up may build / train
    port = harness.free_port()
    p = harness.start(build(port))
    harness.wait_ok(p, port, probe, deadline_s=600)
    harness.stop(p)

res = {k: [] for k in targets}
print('target\tidle_MiB\tafter_requests_MiB\tanon_MiB\tfile_MiB\tforeign_cores', flush=True)
for i in range(args.runs):
    for label, build in targets.items():
        bg = noise.snap()
        port = harness.free_port()
        p = harness.start(build(port))
        try:
            harness.wait_ok(p, port, probe)
            time.sleep(idle_s)
            idle = harness.rss_mib(p.pid)
            harness.representative_requests(port)
            time.sleep(idle_s)
            after = harness.rss_mib(p.pid)
            anon = status_kib(p.pid, 'RssAnon') / 1024
            file_ = (status_kib(p.pid, 'RssFile') + status_kib(p.pid, 'RssShmem')) / 1024
        finally:
            harness.stop(p)
        fc = noise.diff(bg)[0]
        res[label].append((idle, after, anon, file_, fc))
        print(f'{label}\t{idle:.1f}\t{after:.1f}\t{anon:.1f}\t{file_:.1f}\t{fc:.2f}', flush=True)

m = lambda xs: f'{st.median(xs):.1f} [{min(xs):.1f}-{max(xs):.1f}]'
print(f'\n== RSS (MiB), {args.runs} runs, median [min-max]')
print('target\tidle after start\tafter first requests\tof which anonymous\tfile-backed (AOT cache, jars)')
for label, rs in res.items():
    print(f'{label}\t{m([r[0] for r in rs])}\t{m([r[1] for r in rs])}\t{m([r[2] for r in rs])}\t{m([r[3] for r in rs])}')
k_idle = st.median(r[0] for r in res['kumo'])
k_after = st.median(r[1] for r in res['kumo'])
mo_idle = st.median(r[0] for r in res['moto'])
mo_after = st.median(r[1] for r in res['moto'])
print(f'RATIO idle RSS kumo/moto = {k_idle / mo_idle:.2f}  (kumo {k_idle:.1f} MiB, moto {mo_idle:.1f} MiB)')
print(f'RATIO RSS after first requests kumo/moto = {k_after / mo_after:.2f}  (kumo {k_after:.1f} MiB, moto {mo_after:.1f} MiB)')
print(f'TARGET kumo idle RSS = {k_idle:.1f} MiB vs <= {TARGET_MIB} MiB: {"MET" if k_idle <= TARGET_MIB else "MISSED"}'
      f'; after first requests {k_after:.1f} MiB: {"within" if k_after <= TARGET_MIB else "over"} the target too')
