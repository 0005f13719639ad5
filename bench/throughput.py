#!/usr/bin/env python3
"""EC2 API throughput and latency, Kumo vs moto_server, same client, same workload, same run.

Setup on each server: DescribeImages -> an image id; RunInstances MinCount=MaxCount=100 (or 100 x 1 if the
server refuses a batch); DescribeInstances must then list 100 instances. Workloads, each at 16 concurrent
keep-alive clients from another process (loadgen/, SigV4-signed, pre-signed per worker):
  describe-instances  DescribeInstances of all 100 instances
  create-tags         CreateTags on one of 16 instances per request (tag bench-w<worker> = v<0..7>)
Until Kumo implements RunInstances, the machinery runs on stand-ins (reported as such):
  DescribeVpcs for the read and CreateTags on a VPC for the write.

Each run: 3 s warm-up, then --duration s measured, bounded in time and count; rounds interleave
(kumo, moto per workload). Prints per run the loadgen RESULT plus server/client CPU cores and foreign cores,
then medians, RATIO kumo/moto (target >= 20) and Kumo's p50/p99 (target p99 <= 10 ms).

usage: throughput.py [--rounds 3] [--duration 10] [--concurrency 16] [--kumo-only]
       (KUMO_HOME = the Kumo checkout, default: this repo; KUMO_BENCH_JAVA_OPTS adds flags to Kumo's JVM)
"""
import argparse
import os
import re
import resource
import statistics as st
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import noise  # noqa: E402
import sigv4  # noqa: E402

JDK = '/usr/lib/jvm/temurin-25-jdk-amd64'
LOADGEN_DIR = os.path.join(harness.BENCH, 'loadgen')
LOADGEN_JAR = os.path.join(LOADGEN_DIR, 'target', 'kumo-loadgen.jar')
TARGET_RATIO = 20
TARGET_P99_MS = 10

ap = argparse.ArgumentParser()
ap.add_argument('--rounds', type=int, default=int(os.environ.get('ROUNDS', '3')))
ap.add_argument('--duration', type=float, default=float(os.environ.get('DURATION', '10')))
ap.add_argument('--warmup', type=float, default=3.0)
ap.add_argument('--concurrency', type=int, default=16)
ap.add_argument('--instances', type=int, default=100)
ap.add_argument('--kumo-only', action='store_true')
ap.add_argument('--only', choices=['describe-instances', 'create-tags'], help='run one workload')
ap.add_argument('--gate', type=float, default=float(os.environ.get('GATE_WAIT', '10')))
args = ap.parse_args()
args.rounds = max(1, min(args.rounds, 20))
args.duration = max(1.0, min(args.duration, 120.0))


def build_loadgen():
    newest = max(os.path.getmtime(os.path.join(d, f)) for d, _, fs in os.walk(os.path.join(LOADGEN_DIR, 'src')) for f in fs)
    newest = max(newest, os.path.getmtime(os.path.join(LOADGEN_DIR, 'pom.xml')))
    if os.path.exists(LOADGEN_JAR) and os.path.getmtime(LOADGEN_JAR) >= newest:
        return
    print('# building loadgen (bench/loadgen, not part of the Kumo reactor)', flush=True)
    r = subprocess.run(['mvn', '-q', '-B', '-f', os.path.join(LOADGEN_DIR, 'pom.xml'), 'package'],
                       env=dict(os.environ, JAVA_HOME=JDK), capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        sys.exit(f'loadgen build failed:\n{r.stdout[-3000:]}{r.stderr[-3000:]}')


def ec2(port, body):
    return sigv4.call(port, sigv4.ec2(body), timeout=60)


def setup(name, port, standin=False):
    """Returns (workloads {label: (bodies, note)}, note). Creates the instances, or falls back to stand-ins
    (also when standin=True: moto runs the stand-ins too while Kumo needs them, so that both do the same work)."""
    st_, body = ec2(port, 'Action=DescribeImages&Filter.1.Name=architecture&Filter.1.Value.1=x86_64') if not standin else (None, '')
    image = re.search(r'<imageId>([^<]+)</imageId>', body or '') if st_ == 200 else None
    ids = []
    run_note = 'stand-ins, as for Kumo' if standin else ''
    if image:
        st_, body = ec2(port, f'Action=RunInstances&ImageId={image.group(1)}&InstanceType=t3.micro'
                              f'&MinCount={args.instances}&MaxCount={args.instances}')
        if st_ == 200:
            ids = re.findall(r'<instanceId>([^<]+)</instanceId>', body)
        else:
            run_note = f'RunInstances x{args.instances}: HTTP {st_} {re.sub(r"<[^>]+>", " ", body or "")[:160].strip()}'
            for _ in range(args.instances):
                st1, b1 = ec2(port, f'Action=RunInstances&ImageId={image.group(1)}&InstanceType=t3.micro&MinCount=1&MaxCount=1')
                if st1 != 200:
                    break
                ids += re.findall(r'<instanceId>([^<]+)</instanceId>', b1)
    else:
        run_note = f'DescribeImages: HTTP {st_}'
    if ids:
        # wait (max 60 s) until the instances left 'pending': Kumo advances states on a timer, and the
        # measured runs should not overlap the 100 state changes
        deadline = time.time() + 60
        while True:
            st_, body = ec2(port, 'Action=DescribeInstances')
            if st_ != 200 or body.count('<name>running</name>') >= len(ids) or time.time() > deadline:
                break
            time.sleep(0.5)
        listed = len(set(re.findall(r'<instanceId>([^<]+)</instanceId>', body or '')))
        if st_ == 200 and listed >= args.instances:
            tag_bodies = [f'Action=CreateTags&ResourceId.1={i}&Tag.1.Key=bench-w{{w}}&Tag.1.Value=v{{n}}&Version=2016-11-15'
                          for i in ids[:16]]
            return {'describe-instances': (['Action=DescribeInstances&Version=2016-11-15'], f'{listed} instances'),
                    'create-tags': (tag_bodies, f'on {min(16, len(ids))} of the instances')}, ''
        run_note = f'DescribeInstances listed {listed} of {len(ids)} instances (HTTP {st_})'
    # stand-ins: the machinery works before RunInstances lands
    st_, body = ec2(port, 'Action=DescribeVpcs')
    if st_ == 200:
        vpcs = re.findall(r'<vpcId>([^<]+)</vpcId>', body)
        st2, b2 = ec2(port, 'Action=CreateVpc&CidrBlock=10.99.0.0/16')
        vpcs += re.findall(r'<vpcId>([^<]+)</vpcId>', b2 or '')
        w = {'describe-instances': (['Action=DescribeVpcs&Version=2016-11-15'], 'STAND-IN: DescribeVpcs')}
        if vpcs:
            w['create-tags'] = ([f'Action=CreateTags&ResourceId.1={vpcs[-1]}&Tag.1.Key=bench-w{{w}}&Tag.1.Value=v{{n}}&Version=2016-11-15'],
                                f'STAND-IN: CreateTags on VPC {vpcs[-1]}')
        return w, f'{name}: no instances ({run_note}); stand-ins used'
    return ({'describe-instances': (['Action=GetCallerIdentity&Version=2011-06-15'], 'STAND-IN: sts GetCallerIdentity')},
            f'{name}: neither RunInstances nor DescribeVpcs ({run_note}); sts stand-in only')


def proc_cpu_ticks(pid):
    total = 0
    for q in [pid] + harness.descendants(pid):
        try:
            s = open(f'/proc/{q}/stat').read()
            r = s[s.rfind(')') + 2:].split()
            total += int(r[11]) + int(r[12])
        except OSError:
            pass
    return total


def run_load(port, workload, bodies):
    service = 'sts' if bodies[0].startswith('Action=GetCallerIdentity') else 'ec2'
    region = 'us-east-1' if service == 'sts' else 'ap-northeast-1'
    cmd = [f'{JDK}/bin/java', '-XX:+UseSerialGC', '-Xmx512m', '-Xss256k', '-jar', LOADGEN_JAR, '--port', str(port),
           '--service', service, '--region', region, '--concurrency', str(args.concurrency),
           '--duration-s', str(args.duration), '--warmup-s', str(args.warmup), '--max-requests', '20000000']
    for b in bodies:
        cmd += ['--body', b]
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.warmup + args.duration + 90).stdout
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    m = re.search(r'^RESULT .*$', out, re.M)
    if not m:
        raise RuntimeError(f'loadgen failed: {out[-500:]}')
    kv = dict(x.split('=', 1) for x in m.group(0).split()[1:] if '=' in x)
    client_cpu = (ru1.ru_utime + ru1.ru_stime) - (ru0.ru_utime + ru0.ru_stime)
    return kv, client_cpu


build_loadgen()
logdir = tempfile.mkdtemp(prefix='kumo-bench-tput-')
servers = {}
kport = harness.free_port()
kenv = dict(os.environ)
# The API's own cost, as moto measures: 100 instances really booting on the same 2 cores would measure the
# sandboxes instead (bench/instances.py does that). KUMO_INSTANCES=sandbox in the caller's environment overrides.
kenv.setdefault('KUMO_INSTANCES', 'records')
if os.environ.get('KUMO_BENCH_JAVA_OPTS'):
    kenv['KUMO_JAVA_OPTS'] = (kenv.get('KUMO_JAVA_OPTS', '') + ' ' + os.environ['KUMO_BENCH_JAVA_OPTS']).strip()
servers['kumo'] = (harness.start(harness.kumo_cmd(kport), env=kenv, log=os.path.join(logdir, 'kumo.log')), kport)
if not args.kumo_only:
    mport = harness.free_port()
    servers['moto'] = (harness.start(harness.moto_cmd(mport), log=os.path.join(logdir, 'moto.log')), mport)
for name, (p, port) in servers.items():
    harness.wait_ok(p, port, sigv4.GET_CALLER_IDENTITY, deadline_s=600)

workloads = {}
for name, (p, port) in servers.items():
    kumo_standin = name != 'kumo' and any(v[1].startswith('STAND-IN') for v in workloads['kumo'].values())
    w, note = setup(name, port, standin=kumo_standin)
    workloads[name] = w
    print(f'# {name}: ' + '; '.join(f'{k}: {v[1]}' for k, v in w.items()) + (f'  [{note}]' if note else ''), flush=True)
common = [w for w in workloads['kumo'] if all(w in workloads[s] for s in servers) and args.only in (None, w)]

res = {(s, w): [] for s in servers for w in common}
print('server\tworkload\treq/s\tp50_ms\tp99_ms\tp999_ms\terrors\tnon2xx\tserver_cores\tclient_cores\tforeign_cores\tnote', flush=True)
for r in range(args.rounds):
    for w in common:
        for s, (p, port) in servers.items():
            if args.gate > 0:
                noise.quiet(args.gate, 0.25)
            bg = noise.snap()
            c0, t0 = proc_cpu_ticks(p.pid), time.time()
            kv, client_cpu = run_load(port, w, workloads[s][w][0])
            wall = time.time() - t0
            server_cores = (proc_cpu_ticks(p.pid) - c0) / os.sysconf('SC_CLK_TCK') / wall
            fc = noise.diff(bg)[0]
            row = dict(rps=float(kv['rps']), p50=float(kv['p50_ms']), p99=float(kv['p99_ms']), p999=float(kv['p999_ms']),
                       errors=int(kv['errors']), non2xx=int(kv['non2xx']), sc=server_cores, cc=client_cpu / wall, fc=fc)
            res[(s, w)].append(row)
            first_error = kv.get('first_error', '-')
            print(f"{s}\t{w}\t{row['rps']:.{0 if row['rps'] >= 100 else 1}f}\t{row['p50']:.2f}\t{row['p99']:.2f}\t{row['p999']:.2f}\t{row['errors']}\t{row['non2xx']}\t"
                  f"{row['sc']:.2f}\t{row['cc']:.2f}\t{fc:.2f}\t{workloads[s][w][1]}{'' if first_error == '-' else ' first_error=' + first_error}",
                  flush=True)

for s, (p, port) in servers.items():
    print(f'# {s} RSS after the load: {harness.rss_mib(p.pid):.1f} MiB', flush=True)

med = lambda rows, k: st.median(x[k] for x in rows)
print(f'\n== throughput at {args.concurrency} concurrent clients, {args.rounds} rounds x {args.duration:.0f} s, medians')
print('workload\tkumo req/s\tmoto req/s\tRATIO kumo/moto\tkumo p50 ms\tkumo p99 ms\tkumo server cores\tforeign cores max')
verdicts = []
for w in common:
    k = res[('kumo', w)]
    line = f"{w}\t{med(k, 'rps'):.0f}"
    if 'moto' in servers:
        m = res[('moto', w)]
        ratio = med(k, 'rps') / max(med(m, 'rps'), 1e-9)
        line += f"\t{med(m, 'rps'):.1f}\t{ratio:.1f}"
        verdicts.append(f'RATIO {w} kumo/moto = {ratio:.1f} (target >= {TARGET_RATIO}): {"MET" if ratio >= TARGET_RATIO else "MISSED"}')
    else:
        line += '\t-\t-'
    line += f"\t{med(k, 'p50'):.2f}\t{med(k, 'p99'):.2f}\t{med(k, 'sc'):.2f}\t{max(x['fc'] for s in servers for x in res[(s, w)]):.2f}"
    print(line)
    verdicts.append(f"TARGET {w} kumo p99 = {med(k, 'p99'):.2f} ms (target <= {TARGET_P99_MS} ms): "
                    f"{'MET' if med(k, 'p99') <= TARGET_P99_MS else 'MISSED'}")
    errs = sum(x['errors'] + x['non2xx'] for s in servers for x in res[(s, w)])
    if errs:
        verdicts.append(f'WARNING {w}: {errs} errors or non-2xx answers in the measured windows')
    if any(workloads[s][w][1].startswith('STAND-IN') for s in servers):
        verdicts.append(f'NOTE {w}: measured on a stand-in (' + '; '.join(f'{s}: {workloads[s][w][1]}' for s in servers) + ')')
noisy = max(x['fc'] for rows in res.values() for x in rows) >= 0.3
print('\n'.join(verdicts))
if noisy:
    print('NOTE: other processes used >= 0.3 cores in some runs (foreign cores): absolute figures are low; ratios are side by side')
