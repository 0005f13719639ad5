#!/usr/bin/env python3
"""Kumo's DNS server and Route 53 changes (issue 6): figures and ratios from one run.

  1. qps     dnsperf (same flags for both) for A queries of the 100 names of one public hosted zone, against
             Kumo's DNS server and against BIND 9 (Debian's named, started here in the foreground on another
             port of 127.0.0.1) serving a zone file written from the same records (ListResourceRecordSets).
             Rounds alternate kumo, bind, kumo, bind...; RATIO is the median of the rounds' kumo/bind ratios (each
             pair ran back to back, on one state of the machine). Target: Kumo >= 0.5 x bind.
  2. lost    dnsperf -Q at 80 % of Kumo's measured maximum (its best round of part 1): queries lost. Target: 0.
             BIND at the same rate, for reference.
  3. change  ChangeResourceRecordSets (UPSERT of one A record to a new address) -> the first answer from
             Kumo's DNS server with that address, polled in this process over UDP. --changes rounds.
             Target: median <= 100 ms.

Needs root (apt-get install dnsperf bind9 when missing; the package's service is kept stopped and disabled),
python3 with boto3. All traffic goes to 127.0.0.1; every server started here runs in its own process group
and is stopped at exit, also on Ctrl-C or an error. Every loop is bounded in count and in time.
Before each dnsperf run it waits (<= --gate s) for a quiet machine; each run records the foreign cores.
--compare OTHER_CHECKOUT adds a second Kumo (kumo-b, e.g. a build before a change) to part 1's rounds.
Usage: python3 bench/dns.py [--duration 10] [--rounds 3] [--clients 4] [--changes 30] [--only qps,lost,change]
"""
import argparse
import os
import random
import re
import shutil
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import noise  # noqa: E402
import sigv4  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument('--duration', type=int, default=10, help='seconds per dnsperf run')
ap.add_argument('--rounds', type=int, default=3, help='dnsperf runs per server (alternated)')
ap.add_argument('--clients', type=int, default=4, help='dnsperf -c (UDP sockets)')
ap.add_argument('--changes', type=int, default=30, help='change -> visible rounds')
ap.add_argument('--records', type=int, default=100)
ap.add_argument('--only', default='qps,lost,change')
ap.add_argument('--compare', metavar='KUMO_HOME', help='another Kumo checkout, measured in the same rounds (kumo-b)')
ap.add_argument('--gate', type=float, default=float(os.environ.get('GATE_WAIT', 10)),
                help='wait up to this many s for a quiet machine before each dnsperf run')
args = ap.parse_args()
args.duration = max(3, min(args.duration, 60))
args.rounds = max(1, min(args.rounds, 5))
args.clients = max(1, min(args.clients, 64))
args.changes = max(1, min(args.changes, 200))
args.records = max(1, min(args.records, 1000))
ONLY = set(args.only.split(','))
verdicts = []


def say(line=''):
    print(line, flush=True)


def verdict(ok):
    return 'MET' if ok else 'MISSED'


# ---------------------------------------------------------------- packages

def ensure_packages():
    """Installs dnsperf and bind9 when missing; Debian's named service must not run or start at boot."""
    missing = [pkg for pkg, binary in (('dnsperf', 'dnsperf'), ('bind9', 'named')) if not shutil.which(binary)
               and not os.path.exists(f'/usr/sbin/{binary}')]
    if missing:
        say(f'# installing {" ".join(missing)}')
        env = dict(os.environ, DEBIAN_FRONTEND='noninteractive')
        r = subprocess.run(['apt-get', 'install', '-y'] + missing, capture_output=True, text=True, env=env, timeout=600)
        if r.returncode != 0:
            subprocess.run(['apt-get', 'update'], capture_output=True, env=env, timeout=600)
            subprocess.run(['apt-get', 'install', '-y'] + missing, check=True, capture_output=True, env=env, timeout=600)
    if 'bind9' in missing:
        # The package enables named at boot (systemd unit and SysV links) and starts it where it may. Only named
        # instances this script runs should answer; a named the machine had before is the owner's business.
        systemd = os.path.isdir('/run/systemd/system')
        if shutil.which('systemctl'):   # works without a running systemd too, and handles the SysV links
            subprocess.run(['systemctl', 'disable'] + (['--now'] if systemd else []) + ['named'], capture_output=True, timeout=60)
        if not systemd and os.path.exists('/run/named/named.pid'):   # a SysV start, if policy-rc.d allowed one
            subprocess.run(['service', 'named', 'stop'], capture_output=True, timeout=60)
    return shutil.which('dnsperf'), shutil.which('named') or '/usr/sbin/named'


# ---------------------------------------------------------------- a minimal DNS client (no process start per query)

def query_packet(qid, name, qtype=1):
    q = b''.join(bytes([len(p)]) + p.encode() for p in name.rstrip('.').split('.')) + b'\0'
    return struct.pack('>HHHHHH', qid, 0, 1, 0, 0, 0) + q + struct.pack('>HH', qtype, 1)


def _skip_name(buf, i):
    while i < len(buf):
        n = buf[i]
        if n == 0:
            return i + 1
        if n & 0xC0 == 0xC0:
            return i + 2
        i += 1 + n
    raise ValueError('truncated name')


def a_records(buf, qid):
    """(rcode, [IPv4 strings of the answer section]) of a reply to qid; None if it is not that reply."""
    if len(buf) < 12:
        return None
    rid, flags, qd, an = struct.unpack('>HHHH', buf[:8])
    if rid != qid or not flags & 0x8000:
        return None
    i = 12
    for _ in range(qd):
        i = _skip_name(buf, i) + 4
    out = []
    for _ in range(an):
        i = _skip_name(buf, i)
        rtype, _, _, rdlen = struct.unpack('>HHIH', buf[i:i + 10])
        i += 10
        if rtype == 1 and rdlen == 4:
            out.append(socket.inet_ntoa(buf[i:i + 4]))
        i += rdlen
    return flags & 0xF, out


class Resolver:
    """One UDP socket to one server; ask() sends one query and waits for its reply (bounded)."""

    def __init__(self, port):
        self.port = port
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.connect(('127.0.0.1', port))
        self.qid = random.randrange(65536)

    def ask(self, name, timeout=0.5):
        self.qid = (self.qid + 1) & 0xFFFF
        self.sock.send(query_packet(self.qid, name))
        end = time.monotonic() + timeout
        while (left := end - time.monotonic()) > 0:
            self.sock.settimeout(left)
            try:
                got = a_records(self.sock.recv(4096), self.qid)
            except (socket.timeout, ConnectionRefusedError):
                return None
            if got is not None:
                return got
        return None

    def close(self):
        self.sock.close()


def free_dns_port():
    """A port free for both UDP and TCP on 127.0.0.1."""
    for _ in range(50):
        port = harness.free_port()
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
            try:
                u.bind(('127.0.0.1', port))
                return port
            except OSError:
                continue
    raise RuntimeError('no free port for DNS')


# ---------------------------------------------------------------- BIND 9

def write_zone(workdir, zone, rrsets):
    lines = [f'$ORIGIN {zone}.']
    for rs in rrsets:
        for rr in rs.get('ResourceRecords', []):
            lines.append(f'{rs["Name"]} {rs.get("TTL", 300)} IN {rs["Type"]} {rr["Value"]}')
    path = os.path.join(workdir, 'zone.db')
    with open(path, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    return path


def start_named(named, workdir, zone, port, logdir):
    conf = os.path.join(workdir, 'named.conf')
    with open(conf, 'w') as f:
        f.write(f'''options {{
  directory "{workdir}";
  pid-file "{workdir}/named.pid";
  session-keyfile "{workdir}/session.key";
  listen-on port {port} {{ 127.0.0.1; }};
  listen-on-v6 {{ none; }};
  recursion no;
  notify no;
  dnssec-validation no;
}};
controls {{ }};
zone "{zone}" {{ type primary; file "{workdir}/zone.db"; }};
''')
    checked = subprocess.run(['named-checkconf', '-z', conf], capture_output=True, text=True, timeout=30)
    if checked.returncode != 0:
        raise RuntimeError('named-checkconf: ' + checked.stdout + checked.stderr)
    # -g: foreground, logs to stderr; as root named keeps root (no -u), which is fine for a high port
    return harness.start([named, '-g', '-c', conf], log=os.path.join(logdir, 'named.log'))


# ---------------------------------------------------------------- measurements

def wait_answers(port, names, want, deadline_s, proc=None):
    """Waits until every name answers its address; returns the seconds it took."""
    r = Resolver(port)
    t0 = time.monotonic()
    try:
        pending = dict(zip(names, want))
        while pending and time.monotonic() - t0 < deadline_s:
            if proc is not None and proc.poll() is not None:
                raise RuntimeError(f'{proc.args[0]} exited rc={proc.returncode}')
            for name in list(pending):
                got = r.ask(name, timeout=0.2)
                if got and got[0] == 0 and got[1] == [pending[name]]:
                    del pending[name]
            if pending:
                time.sleep(0.05)
        if pending:
            raise TimeoutError(f'port {port}: {len(pending)} names unanswered after {deadline_s} s, e.g. {next(iter(pending))}')
        return time.monotonic() - t0
    finally:
        r.close()


def dnsperf(binary, port, qfile, rate=None):
    cmd = [binary, '-s', '127.0.0.1', '-p', str(port), '-d', qfile, '-c', str(args.clients), '-l', str(args.duration),
           '-t', '2']
    if rate:
        cmd += ['-Q', str(int(rate))]
    noise.quiet(args.gate, 0.25)
    s = noise.snap()
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.duration + 60).stdout
    foreign = noise.foreign_cores(s)
    m = {k: re.search(rx, out) for k, rx in (('sent', r'Queries sent:\s+(\d+)'), ('done', r'Queries completed:\s+(\d+)'),
                                             ('lost', r'Queries lost:\s+(\d+)'), ('qps', r'Queries per second:\s+([\d.]+)'),
                                             ('lat', r'Average Latency \(s\):\s+([\d.]+)'))}
    if not all(m.values()):
        raise RuntimeError('dnsperf failed: ' + out[-400:])
    codes = re.search(r'Response codes:\s+(.*)', out).group(1)
    return dict(sent=int(m['sent'].group(1)), done=int(m['done'].group(1)), lost=int(m['lost'].group(1)),
                qps=float(m['qps'].group(1)), lat_ms=float(m['lat'].group(1)) * 1000, codes=codes, foreign=foreign)


def show(name, r):
    say(f'{name:7} {r["qps"]:9.0f} qps  sent {r["sent"]}  lost {r["lost"]}  avg latency {r["lat_ms"]:.2f} ms  '
        f'[{r["codes"]}]  foreign cores {r["foreign"]:.2f}')


def part_qps(perf, servers, qfile):
    say(f'\n# part 1: dnsperf -c {args.clients} -l {args.duration} -t 2 (default -q 100 outstanding), '
        f'{args.records} A names, {args.rounds} rounds alternated')
    for port in servers.values():   # untimed warm-up of each: JIT for Kumo, caches for named
        dnsperf(perf, port, qfile)
    got = {name: [] for name in servers}
    for _ in range(args.rounds):
        for name, port in servers.items():
            r = dnsperf(perf, port, qfile)
            show(name, r)
            got[name].append(r)
    med = {k: statistics.median(r['qps'] for r in v) for k, v in got.items()}
    # each round's pair ran back to back, so its ratio shares one state of the machine; the median of those
    ratios = [k['qps'] / b['qps'] for k, b in zip(got['kumo'], got['bind'])]
    ratio = statistics.median(ratios)
    best = max(r['qps'] for r in got['kumo'])
    if 'kumo-b' in got:
        ab = statistics.median(k['qps'] / b['qps'] for k, b in zip(got['kumo'], got['kumo-b']))
        verdicts.append(f'RATIO dns qps kumo/kumo-b ({args.compare}) = {ab:.2f} (median of {args.rounds} rounds; kumo-b/bind9 '
                        f'{statistics.median(k["qps"] / b["qps"] for k, b in zip(got["kumo-b"], got["bind"])):.2f})')
    say(f'median: kumo {med["kumo"]:.0f} qps, bind {med["bind"]:.0f} qps; per-round ratios '
        f'{", ".join(f"{x:.2f}" for x in ratios)}; kumo best {best:.0f} qps')
    verdicts.append(f'RATIO dns qps kumo/bind9 = {ratio:.2f} (median of {args.rounds} back-to-back rounds; medians kumo '
                    f'{med["kumo"]:.0f} qps, bind9 {med["bind"]:.0f} qps)')
    verdicts.append(f'TARGET dns qps kumo >= 0.5 x bind9: {verdict(ratio >= 0.5)}')
    worst = max(r['foreign'] for v in got.values() for r in v)
    if worst >= 0.3:
        verdicts.append(f'NOTE dns qps: other processes used up to {worst:.2f} cores in some runs (busy machine)')
    return best


def part_lost(perf, kumo_dns, bind_dns, qfile, kumo_max):
    rate = 0.8 * kumo_max
    say(f'\n# part 2: dnsperf -Q {rate:.0f} (80 % of Kumo\'s maximum, its best round in part 1), otherwise as part 1')
    r = dnsperf(perf, kumo_dns, qfile, rate)
    show('kumo', r)
    b = dnsperf(perf, bind_dns, qfile, rate)
    show('bind', b)
    verdicts.append(f'TARGET dns lost at 80 % of kumo max ({rate:.0f} qps, {r["sent"]} queries): {r["lost"]} lost '
                    f'(bind9 {b["lost"]}): {verdict(r["lost"] == 0)}')


def part_change(r53, zone_id, name, kumo_dns):
    say(f'\n# part 3: {args.changes} x UPSERT {name} A -> a new address, then UDP queries to Kumo until it answers it')
    res = Resolver(kumo_dns)
    visible, api = [], []
    try:
        for i in range(args.changes):
            addr = f'10.{200 + i % 50}.{i // 250 % 250}.{1 + i % 250}'
            t0 = time.perf_counter()
            r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={'Changes': [{'Action': 'UPSERT', 'ResourceRecordSet': {
                'Name': name, 'Type': 'A', 'TTL': 60, 'ResourceRecords': [{'Value': addr}]}}]})
            t1 = time.perf_counter()
            seen = None
            while time.perf_counter() - t0 < 5:   # bounded: 5 s per round
                got = res.ask(name, timeout=0.5)
                if got and got[1] == [addr]:
                    seen = time.perf_counter()
                    break
            if seen is None:
                raise TimeoutError(f'{name} did not answer {addr} within 5 s of the change')
            api.append((t1 - t0) * 1000)
            visible.append((seen - t0) * 1000)
            time.sleep(0.05)   # the next change starts from a quiet server
    finally:
        res.close()

    def pct(v, p):
        v = sorted(v)
        return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]
    med, p90 = statistics.median(visible), pct(visible, 90)
    say(f'change -> visible: median {med:.1f} ms, p90 {p90:.1f} ms, max {max(visible):.1f} ms '
        f'(the API call alone: median {statistics.median(api):.1f} ms)')
    verdicts.append(f'TARGET dns change -> visible median <= 100 ms: {med:.1f} ms (p90 {p90:.1f} ms, API call alone '
                    f'{statistics.median(api):.1f} ms): {verdict(med <= 100)}')


# ---------------------------------------------------------------- main

def start_kumo(home, logdir, label, zone, names, addrs):
    """A Kumo from checkout `home` with the bench zone; returns (process, Route 53 client, zone id, DNS port)."""
    import boto3
    from botocore.config import Config
    port, dns_port = harness.free_port(), free_dns_port()
    env = dict(os.environ, KUMO_PUBLIC_IP_POOL=os.environ.get('KUMO_PUBLIC_IP_POOL', '127.30.0.0/16'))
    cmd = [os.path.join(home, 'kumo')] + harness.kumo_cmd(port, f'--dns-port {dns_port}')[1:]
    kumo = harness.start(cmd, env=env, log=os.path.join(logdir, f'{label}.log'))
    harness.wait_ok(kumo, port, sigv4.GET_CALLER_IDENTITY, deadline_s=600)
    r53 = boto3.client('route53', endpoint_url=f'http://127.0.0.1:{port}', region_name='ap-northeast-1',
                       aws_access_key_id='test', aws_secret_access_key='test', config=Config(retries={'total_max_attempts': 1}))
    zone_id = r53.create_hosted_zone(Name=zone, CallerReference=f'dns-bench-{time.time_ns()}')['HostedZone']['Id']
    r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={'Changes': [
        {'Action': 'CREATE', 'ResourceRecordSet': {'Name': n, 'Type': 'A', 'TTL': 300, 'ResourceRecords': [{'Value': a}]}}
        for n, a in zip(names, addrs)]})
    took = wait_answers(dns_port, names, addrs, 30, kumo)
    say(f'# {label} ({home}) on 127.0.0.1:{port}, DNS on :{dns_port}: zone {zone} ({zone_id}), {len(names)} A records, '
        f'all answered {took * 1000:.0f} ms after the call')
    return kumo, r53, zone_id, dns_port


def main():
    if os.geteuid() != 0:
        say('== dns: SKIPPED (needs root: apt-get install dnsperf bind9)')
        say('NOTE dns: skipped, not root')
        return
    perf, named = ensure_packages()
    logdir = tempfile.mkdtemp(prefix='kumo-bench-dns-')
    workdir = tempfile.mkdtemp(prefix='kumo-bench-named-')
    zone = f'bench-{random.randrange(10000):04d}.example'
    names = [f'h{i}.{zone}' for i in range(args.records)]
    addrs = [f'10.{1 + i // 250}.{i % 250}.{1 + i % 200}' for i in range(args.records)]
    procs = []
    try:
        kumo, r53, zone_id, kumo_dns = start_kumo(harness.KUMO_HOME, logdir, 'kumo', zone, names, addrs)
        procs.append(kumo)
        servers = {'kumo': kumo_dns}
        if args.compare:
            other = start_kumo(os.path.abspath(args.compare), logdir, 'kumo-b', zone, names, addrs)
            procs.append(other[0])
            servers['kumo-b'] = other[3]
        rrsets, kw = [], {}
        for _ in range(100):   # bounded: 100 pages
            page = r53.list_resource_record_sets(HostedZoneId=zone_id, **kw)
            rrsets += page['ResourceRecordSets']
            if not page.get('IsTruncated'):
                break
            kw = dict(StartRecordName=page['NextRecordName'], StartRecordType=page['NextRecordType'])
        write_zone(workdir, zone, rrsets)
        bind_dns = free_dns_port()
        while bind_dns in servers.values():
            bind_dns = free_dns_port()
        bind = start_named(named, workdir, zone, bind_dns, logdir)
        procs.append(bind)
        servers['bind'] = bind_dns
        wait_answers(bind_dns, names, addrs, 30, bind)
        say(f'# named ({subprocess.run([named, "-v"], capture_output=True, text=True).stdout.strip()}) on :{bind_dns} serves '
            f'the same {len(rrsets)} record sets (zone file written from ListResourceRecordSets); logs in {logdir}')
        qfile = os.path.join(workdir, 'queries.txt')
        with open(qfile, 'w') as f:
            f.write(''.join(f'{n} A\n' for n in names))
        kumo_max = None
        if 'qps' in ONLY or 'lost' in ONLY:
            kumo_max = part_qps(perf, servers, qfile)
        if 'lost' in ONLY:
            part_lost(perf, kumo_dns, bind_dns, qfile, kumo_max)
        if 'change' in ONLY:
            part_change(r53, zone_id, names[0], kumo_dns)
    except BaseException as e:   # also Ctrl-C and SIGTERM (SystemExit): the servers stop in finally either way
        say(f'!! stopped by {type(e).__name__}: {e}; logs kept in {logdir}')
        logdir = None
        raise
    finally:
        for p in reversed(procs):
            harness.stop(p, grace=30)
        shutil.rmtree(workdir, ignore_errors=True)
        if logdir:
            shutil.rmtree(logdir, ignore_errors=True)
    say('\n== dns')
    say('\n'.join(verdicts))


if __name__ == '__main__':
    main()
