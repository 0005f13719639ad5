#!/usr/bin/env python3
"""Instances that really run (issue 3): launch latency, a fleet at once, security-group enforcement, and
throughput through a public IP. Each part prints a RATIO against a baseline measured in the same run
and a TARGET line (MET / MISSED).

  1. launch    RunInstances -> first HTTP 200 from http://PUBLIC_IP/ served by user data
               (`cd dir && nohup /usr/bin/python3 -m http.server 80 &`), median of --runs, with where the
               time goes (API call, namespace, sandbox, init, user data, python listening, public listener).
               Baseline: the same python http.server started on the host (127.0.0.1), to its first 200.
               Target: median <= 1 s.
  2. fleet     one RunInstances with MinCount=MaxCount=--fleet (50): time until all are `running`
               (DescribeInstances) and until all answer HTTP; Kumo's own RSS (VmRSS of its JVM only)
               before and after, per instance; terminate and wait until their namespaces are gone.
               Targets: all running <= 10 s; RSS growth <= 2 MiB per instance. Baseline for the ratio:
               the single-instance launch-to-running time of part 1 (so the ratio is what 50 at once cost
               over one).
  3. sg        revoke the HTTP rule of the security group of an instance serving on port 80, time until a
               new connection from the VPC's internet-gateway namespace (the path every public connection
               takes) fails; authorize again, time until one connects. Probes start every 4 ms in a helper
               process inside that namespace (nsenter), each on a new non-blocking socket, so the time is
               the start of the first probe that saw the new rule. Target: <= 200 ms each way.
               Baseline: the API call itself plus one `nft -f` of the same VPC's ruleset in a scratch
               network namespace (`unshare --net`): what any implementation must do at least.
  4. tput      wrk (-t2 -c32, --duration s) against a static file server inside an instance (16 KiB and
               1 MiB files): through its public IP (Kumo's relay, the internet gateway, the router's
               nftables) vs the same load generator inside the instance's own network namespace
               (nsenter, 127.0.0.1). Also from the internet-gateway namespace to the private IP (the
               path without Kumo's relay). Server: nginx if installed on the host, else a small JDK
               HttpServer (instances_static_server.java, source-launched inside the instance), else
               python's http.server. Target: public >= 0.8 x inside.

Must run as root on a host where Kumo can run sandboxes (it starts Kumo itself with KUMO_INSTANCES=sandbox
and stops it at the end). Network safety: it talks only to 127.0.0.0/8 and, through nsenter, inside the
namespaces this Kumo made (named kumo-XXXXXX-<vpc-id>[-igw] / kumo-XXXXXX-<instance-id>); it never adds
routes or addresses to the host. Everything it launches is terminated, Kumo stopped and its namespaces
checked gone, also on Ctrl-C or an error. Every loop is bounded in count and time.

usage: instances.py [--only launch,fleet,sg,tput] [--runs 10] [--fleet 50] [--sg-rounds 5]
                    [--duration 10] [--rounds 2] [--server auto|nginx|java|python]
       (KUMO_HOME = the Kumo checkout, default: this repo; GATE_WAIT s to wait for a quiet machine, default 10)
"""
import argparse
import glob
import json
import os
import random
import re
import secrets
import select
import shutil
import socket
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
NETNS = '/run/netns'
PY = '/usr/bin/python3'          # the host's python, which instances see through their overlay root
TARGET_LAUNCH_MS = 1000
TARGET_FLEET_RUNNING_S = 10
TARGET_RSS_PER_INSTANCE_MIB = 2.0
TARGET_SG_MS = 200
TARGET_TPUT_RATIO = 0.8
PARTS = ('launch', 'fleet', 'sg', 'tput')

ap = argparse.ArgumentParser()
ap.add_argument('--only', default=','.join(PARTS), help='comma-separated parts: ' + ','.join(PARTS))
ap.add_argument('--runs', type=int, default=10, help='launch: timed launches (and as many baseline runs)')
ap.add_argument('--fleet', type=int, default=50, help='fleet: instances in one RunInstances')
ap.add_argument('--sg-rounds', type=int, default=5, help='sg: revoke/authorize rounds')
ap.add_argument('--duration', type=float, default=10.0, help='tput: seconds per wrk run')
ap.add_argument('--rounds', type=int, default=2, help='tput: rounds (each: every size x path)')
ap.add_argument('--threads', type=int, default=2, help='tput: wrk threads')
ap.add_argument('--connections', type=int, default=32, help='tput: wrk connections')
ap.add_argument('--server', choices=['auto', 'nginx', 'java', 'python'], default='auto', help='tput: file server')
ap.add_argument('--poll-ms', type=float, default=5.0, help='launch: polling interval')
ap.add_argument('--gate', type=float, default=float(os.environ.get('GATE_WAIT', '10')),
                help='wait up to this many s for a quiet machine before each measured run')
args = ap.parse_args()
only = [p.strip() for p in args.only.split(',') if p.strip()]
if any(p not in PARTS for p in only):
    sys.exit(f'--only: parts are {",".join(PARTS)}')
args.runs = max(1, min(args.runs, 50))
args.fleet = max(1, min(args.fleet, 200))
args.sg_rounds = max(1, min(args.sg_rounds, 50))
args.duration = max(1.0, min(args.duration, 60.0))
args.rounds = max(1, min(args.rounds, 10))
args.threads = max(1, min(args.threads, 8))
args.connections = max(args.threads, min(args.connections, 512))

mono = time.monotonic
verdicts = []          # RATIO / TARGET / NOTE / WARNING lines, printed at the end
summaries = []         # '== ...' sections, printed at the end


def say(line=''):
    print(line, flush=True)


def med(xs):
    xs = [x for x in xs if x is not None]
    return st.median(xs) if xs else None


def fmt(x, digits=0):
    return '-' if x is None else f'{x:.{digits}f}'


def verdict(ok):
    return 'MET' if ok else 'MISSED'


def gate():
    if args.gate > 0:
        noise.quiet(args.gate, 0.25)


# ---------------------------------------------------------------- host-side helpers

def http_get(ip, port, path='/', timeout=2.5):
    """One GET on a new connection (HTTP/1.0: the server closes). (status, body) or (None, error)."""
    data = b''
    try:
        with socket.create_connection((ip, port), timeout=timeout) as s:
            s.sendall(f'GET {path} HTTP/1.0\r\nHost: {ip}\r\n\r\n'.encode())
            while len(data) < 1 << 20:
                b = s.recv(65536)
                if not b:
                    break
                data += b
    except OSError as e:
        return None, str(e)
    if not data.startswith(b'HTTP/'):
        return None, data[:100].decode(errors='replace') or 'empty answer'
    return int(data.split(b' ', 2)[1]), data.partition(b'\r\n\r\n')[2].decode(errors='replace')


def netns_names():
    try:
        return os.listdir(NETNS)
    except OSError:
        return []


def vm_status(pid, key):
    try:
        for line in open(f'/proc/{pid}/status'):
            if line.startswith(key + ':'):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def rss_mib(pid):
    """VmRSS of this one process (Kumo's JVM), without its children (the sandboxes)."""
    kb = vm_status(pid, 'VmRSS')
    return None if kb is None else kb / 1024


def children(pid):
    out = []
    try:
        for t in os.listdir(f'/proc/{pid}/task'):
            try:
                out += [int(x) for x in open(f'/proc/{pid}/task/{t}/children').read().split()]
            except OSError:
                pass
    except OSError:
        pass
    return out


def sandbox_init(kumo_pid, instance_id):
    """Host PID of the instance's init: the child of the `unshare` that Kumo started with its boot.sh."""
    marker = f'/{instance_id}/kumo/boot.sh'.encode()
    for c in children(kumo_pid):
        try:
            if marker in open(f'/proc/{c}/cmdline', 'rb').read():
                kids = children(c)
                return kids[0] if kids else None
        except OSError:
            pass
    return None


def listens(pid, port):
    """True when a socket in pid's network namespace listens on port (any address)."""
    suffix = f':{port:04X}'
    for table in ('tcp', 'tcp6'):
        try:
            lines = open(f'/proc/{pid}/net/{table}').read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            f = line.split()
            if len(f) > 3 and f[1].endswith(suffix) and f[3] == '0A':
                return True
    return False


def host_listening_ips():
    """IPv4 addresses (as ints) on which something listens in the host's namespace (any process)."""
    out = set()
    try:
        for line in open('/proc/net/tcp').read().splitlines()[1:]:
            f = line.split()
            if len(f) > 3 and f[3] == '0A':
                out.add(int.from_bytes(bytes.fromhex(f[1].split(':')[0]), 'little'))
    except OSError:
        pass
    return out


def ip_int(dotted):
    a, b, c, d = (int(x) for x in dotted.split('.'))
    return (a << 24) | (b << 16) | (c << 8) | d


def choose_pool():
    """A /16 of 127.0.0.0/8 for this Kumo's public IPs (KUMO_PUBLIC_IP_POOL) on which nothing listens yet, so
    that other Kumos on this machine (other people's test suites, default 127.18.0.0/15) never share an address."""
    used = {ip >> 16 for ip in host_listening_ips()}
    free = [b for b in range(40, 127) if (127 << 8 | b) not in used]
    return f'127.{random.choice(free)}.0.0/16' if free else None


def cpu_s(pid):
    try:
        s = open(f'/proc/{pid}/stat').read()
        r = s[s.rfind(')') + 2:].split()
        return (int(r[11]) + int(r[12])) / os.sysconf('SC_CLK_TCK')
    except OSError:
        return 0.0


# ---------------------------------------------------------------- Kumo and the EC2 API

class Kumo:
    def __init__(self, logdir):
        import boto3
        from botocore.config import Config
        self.port = harness.free_port()
        self.log = os.path.join(logdir, 'kumo.log')
        self.pool = os.environ.get('KUMO_PUBLIC_IP_POOL') or choose_pool()
        env = dict(os.environ, KUMO_INSTANCES='sandbox')   # fail loudly where sandboxes cannot run
        if self.pool:
            env['KUMO_PUBLIC_IP_POOL'] = self.pool
        t = mono()
        self.proc = harness.start(harness.kumo_cmd(self.port), env=env, log=self.log)
        harness.wait_ok(self.proc, self.port, sigv4.GET_CALLER_IDENTITY, deadline_s=600)   # may build first
        say(f'# Kumo up on 127.0.0.1:{self.port} in {mono() - t:.1f} s (log {self.log})')
        self.pid = self.proc.pid        # the launcher execs the JVM: same pid
        try:
            if not os.readlink(f'/proc/{self.pid}/exe').endswith('/java'):
                java = [q for q in harness.descendants(self.pid) if os.readlink(f'/proc/{q}/exe').endswith('/java')]
                self.pid = java[0] if java else self.pid
        except OSError:
            pass
        self.ec2 = boto3.client('ec2', endpoint_url=f'http://127.0.0.1:{self.port}', region_name='ap-northeast-1',
                                aws_access_key_id='test', aws_secret_access_key='test',
                                config=Config(retries={'total_max_attempts': 1}, connect_timeout=5, read_timeout=120,
                                              max_pool_connections=4))
        self.launched = set()
        self.prefix = None          # kumo-XXXXXX, known once the first VPC router exists
        self.instances_dir = None   # where Kumo keeps instance directories (console.log)

    def alive(self):
        return self.proc.poll() is None

    def run(self, subnet, sg, user_data, count=1, **extra):
        r = self.ec2.run_instances(ImageId=self.image, InstanceType='t3.micro', MinCount=count, MaxCount=count,
                                   SubnetId=subnet, SecurityGroupIds=[sg], UserData=user_data, **extra)
        ids = [i['InstanceId'] for i in r['Instances']]
        self.launched.update(ids)
        return r['Instances']

    def describe(self, ids):
        out = {}
        for res in self.ec2.describe_instances(InstanceIds=list(ids))['Reservations']:
            for i in res['Instances']:
                out[i['InstanceId']] = i
        return out

    def ns_path(self, instance_id):
        return f'{NETNS}/{self.prefix}-{instance_id}' if self.prefix else None

    def console_path(self, instance_id):
        return os.path.join(self.instances_dir, instance_id, 'console.log') if self.instances_dir else None

    def learn_layout(self, vpc_id, instance_id):
        if not self.prefix:
            routers = [n for n in netns_names() if n.startswith('kumo-') and n.endswith('-' + vpc_id)]
            if routers:
                self.prefix = routers[0][:-len(vpc_id) - 1]
        if not self.instances_dir:
            found = [d for d in glob.glob(f'/tmp/kumo-instances-*/{instance_id}') if os.path.isdir(d)]
            if found:
                self.instances_dir = os.path.dirname(found[0])

    def terminate(self, ids, deadline_s=90):
        """Terminates and waits until each is `terminated` and its namespace is gone. Returns seconds taken."""
        ids = list(ids)
        if not ids:
            return 0.0
        t = mono()
        for i in range(0, len(ids), 50):
            self.ec2.terminate_instances(InstanceIds=ids[i:i + 50])
        left = set(ids)
        while left and mono() - t < deadline_s:
            states = {k: v['State']['Name'] for k, v in self.describe(left).items()}
            names = set(netns_names())
            for i in list(left):
                if states.get(i, 'terminated') == 'terminated' and not (self.prefix and f'{self.prefix}-{i}' in names):
                    left.discard(i)
            if left:
                time.sleep(0.1)
        self.launched.difference_update(set(ids) - left)
        if left:
            raise TimeoutError(f'{len(left)} instances not terminated with their namespaces gone after {deadline_s} s')
        return mono() - t


def setup_network(k, with_tput_port):
    ec2 = k.ec2
    k.image = ec2.describe_images(Owners=['amazon'], Filters=[{'Name': 'name', 'Values': ['debian-12-amd64-*']}])['Images'][0]['ImageId']
    vpc = ec2.create_vpc(CidrBlock='10.0.0.0/16')['Vpc']['VpcId']
    subnet = ec2.create_subnet(VpcId=vpc, CidrBlock='10.0.0.0/22', AvailabilityZone='ap-northeast-1a')['Subnet']['SubnetId']
    ec2.modify_subnet_attribute(SubnetId=subnet, MapPublicIpOnLaunch={'Value': True})
    igw = ec2.create_internet_gateway()['InternetGateway']['InternetGatewayId']
    ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
    table = ec2.create_route_table(VpcId=vpc)['RouteTable']['RouteTableId']
    ec2.create_route(RouteTableId=table, DestinationCidrBlock='0.0.0.0/0', GatewayId=igw)
    ec2.associate_route_table(RouteTableId=table, SubnetId=subnet)
    sg = ec2.create_security_group(VpcId=vpc, GroupName='bench-web', Description='bench-web')['GroupId']
    ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[perm(80)])
    if with_tput_port:
        ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=[perm(8080)])
    return {'vpc': vpc, 'subnet': subnet, 'sg': sg}


def perm(port):
    return {'IpProtocol': 'tcp', 'FromPort': port, 'ToPort': port, 'IpRanges': [{'CidrIp': '0.0.0.0/0'}]}


def check_public_pool(k):
    """Kumo versions without KUMO_PUBLIC_IP_POOL hand out 127.18.0.1 upwards, as every other Kumo on this machine
    does: two of them on one address cannot both listen. There, move this Kumo's cursor past the addresses in use
    (+256) by allocating and releasing Elastic IPs, which each advance it by one."""
    a = k.ec2.allocate_address(Domain='vpc')
    k.ec2.release_address(AllocationId=a['AllocationId'])
    base, bits = k.pool.split('/') if k.pool else ('0.0.0.0', '32')
    if k.pool and (ip_int(a['PublicIp']) >> (32 - int(bits))) == (ip_int(base) >> (32 - int(bits))):
        say(f'# public IPs from {k.pool} (KUMO_PUBLIC_IP_POOL)')
        return
    start = ip_int('127.18.0.0')
    used = [ip - start for ip in host_listening_ips() if start <= ip < start + (2 << 16)]
    n = min(4000, (max(used) if used else 0) + 256)
    t = mono()
    for _ in range(n):
        a = k.ec2.allocate_address(Domain='vpc')
        k.ec2.release_address(AllocationId=a['AllocationId'])
    say(f'# public IPs: this Kumo ignores KUMO_PUBLIC_IP_POOL; {len(used)} addresses of 127.18.0.0/15 in use on the host;'
        f' skipped the first {n} of the pool ({mono() - t:.1f} s)')


# ---------------------------------------------------------------- user data

def web_user_data(nonce):
    """The brief's user data: python's http.server on port 80, serving "<nonce> <hostname>"."""
    return ('#!/bin/bash\n'
            f'mkdir -p /srv/www && echo "{nonce} $(hostname)" > /srv/www/index.html\n'
            f'cd /srv/www && nohup {PY} -m http.server 80 >/var/log/web.log 2>&1 &\n'
            'echo serving\n')


def expected_body(nonce, private_ip):
    return f'{nonce} ip-{private_ip.replace(".", "-")}'


def choose_server():
    if args.server != 'auto':
        return args.server
    if shutil.which('nginx'):
        return 'nginx'
    if os.path.exists(f'{JDK}/bin/java'):
        return 'java'
    return 'python'


def static_server_user_data(kind):
    """Lines that write /srv/files/{16k,1m}.bin and serve /srv/files on port 8080 with `kind`."""
    lines = ['mkdir -p /srv/files',
             'head -c 16384 /dev/urandom > /srv/files/16k.bin',
             'head -c 1048576 /dev/urandom > /srv/files/1m.bin',
             'chmod 755 /srv/files && chmod 644 /srv/files/*']
    if kind == 'nginx':
        nginx = shutil.which('nginx')
        lines += ['mkdir -p /srv/nginx/tmp',
                  "cat > /srv/nginx/nginx.conf <<'KUMO_EOF'",
                  'user root; worker_processes 2; daemon on; pid /srv/nginx/nginx.pid; error_log /srv/nginx/error.log;',
                  'events { worker_connections 1024; }',
                  'http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 100000;',
                  '  client_body_temp_path /srv/nginx/tmp; proxy_temp_path /srv/nginx/tmp; fastcgi_temp_path /srv/nginx/tmp;',
                  '  uwsgi_temp_path /srv/nginx/tmp; scgi_temp_path /srv/nginx/tmp;',
                  '  server { listen 8080; root /srv/files; } }',
                  'KUMO_EOF',
                  f'{nginx} -e /srv/nginx/error.log -c /srv/nginx/nginx.conf']
    elif kind == 'java':
        src = open(os.path.join(harness.BENCH, 'instances_static_server.java')).read()
        lines += ['mkdir -p /srv/static',
                  "cat > /srv/static/StaticServer.java <<'KUMO_EOF'", src.rstrip('\n'), 'KUMO_EOF',
                  f'nohup {JDK}/bin/java -XX:+UseSerialGC -Xss256k -Xmx256m /srv/static/StaticServer.java 8080 /srv/files'
                  ' >/var/log/static.log 2>&1 &']
    else:
        lines += [f'cd /srv/files && nohup {PY} -m http.server 8080 >/var/log/static.log 2>&1 &']
    return '\n'.join(lines) + '\n'


# ---------------------------------------------------------------- part 1: launch -> HTTP 200

def timed_launch(k, net, nonce, deadline_s=60):
    """RunInstances, then polls every --poll-ms until the public IP answers 200 with our page.
    Returns {mark: seconds since the call} plus ids and addresses."""
    poll = args.poll_ms / 1000
    t0 = mono()
    inst = k.run(net['subnet'], net['sg'], web_user_data(nonce))[0]
    marks = {'api': mono() - t0}
    iid, private = inst['InstanceId'], inst.get('PrivateIpAddress')
    public = inst.get('PublicIpAddress')
    wrong = 0
    init_pid = None
    last_describe = 0.0
    want = None
    while mono() - t0 < deadline_s:
        now = mono()
        k.learn_layout(net['vpc'], iid)
        if public is None and now - last_describe > 0.05:
            last_describe = now
            d = k.describe([iid]).get(iid, {})
            public, private = d.get('PublicIpAddress'), d.get('PrivateIpAddress') or private
            if public:
                marks['public_ip_known'] = mono() - t0
        if 'running' not in marks and now - last_describe > 0.1 and public is not None:
            last_describe = now
            if k.describe([iid]).get(iid, {}).get('State', {}).get('Name') == 'running':
                marks['running'] = mono() - t0
        nsp = k.ns_path(iid)
        if 'netns' not in marks and nsp and os.path.exists(nsp):
            marks['netns'] = now - t0
        cp = k.console_path(iid)
        if cp and 'userdata' not in marks and os.path.exists(cp):
            marks.setdefault('sandbox', now - t0)
            text = open(cp, errors='replace').read()
            if '[kumo] booting' in text:
                marks.setdefault('init', now - t0)
            if 'sshd started' in text:
                marks.setdefault('sshd', now - t0)
            if 'running user data' in text:
                marks.setdefault('userdata', now - t0)
        if init_pid is None and 'sandbox' in marks:
            init_pid = sandbox_init(k.pid, iid)
        if init_pid and 'listening' not in marks and listens(init_pid, 80):
            marks['listening'] = now - t0
        if public:
            want = want or expected_body(nonce, private)
            status, body = http_get(public, 80, timeout=3)
            if status == 200 and body.strip() == want:
                marks['http'] = mono() - t0
                break
            if status is not None:
                wrong += 1
        time.sleep(poll)
    if 'http' not in marks:
        console = open(k.console_path(iid), errors='replace').read()[-600:] if k.console_path(iid) and os.path.exists(k.console_path(iid)) else ''
        raise TimeoutError(f'{iid}: no HTTP 200 on {public}:80 within {deadline_s} s; marks {marks}; console: {console!r}')
    if 'running' not in marks:   # not seen while polling (it came with the 200): ask once
        if k.describe([iid]).get(iid, {}).get('State', {}).get('Name') == 'running':
            marks['running'] = mono() - t0
    if wrong:
        verdicts.append(f'WARNING launch: {public} answered {wrong} times with another page (another server on that address?)')
    return iid, public, private, marks


def host_python_start(nonce, deadline_s=20):
    """Baseline: the same python http.server started on the host on 127.0.0.1, launch -> first 200."""
    d = tempfile.mkdtemp(prefix='kumo-bench-www-')
    with open(os.path.join(d, 'index.html'), 'w') as f:
        f.write(f'{nonce} host\n')
    port = harness.free_port()
    poll = args.poll_ms / 1000
    t0 = mono()
    p = harness.start(['/bin/bash', '-c', f'cd {d} && exec {PY} -m http.server {port} --bind 127.0.0.1'])
    try:
        while mono() - t0 < deadline_s:
            status, body = http_get('127.0.0.1', port, timeout=3)
            if status == 200 and body.strip() == f'{nonce} host':
                return mono() - t0
            if p.poll() is not None:
                raise RuntimeError('python http.server exited')
            time.sleep(poll)
        raise TimeoutError('host python http.server did not answer')
    finally:
        harness.stop(p, grace=3)
        shutil.rmtree(d, ignore_errors=True)


PHASES = [('api', 'RunInstances call'), ('netns', 'its network namespace exists'), ('sandbox', 'sandbox process started (console.log)'),
          ('init', 'its init runs (overlay root, pivot_root done)'),
          ('sshd', 'SSH host keys made, sshd started (images with sshd)'), ('userdata', 'user data starts'),
          ('listening', 'python listens on :80 inside'), ('http', 'first 200 on the public IP')]


def part_launch(k, net, results):
    rows = []
    say('\n# part 1: RunInstances -> first HTTP 200 from the public IP (ms since the call); baseline: host python')
    say('run\t' + '\t'.join(p for p, _ in PHASES) + '\trunning\tbaseline_ms\tforeign_cores')
    for r in range(args.runs):
        gate()
        nonce = secrets.token_hex(6)
        bg = noise.snap()
        iid, public, private, marks = timed_launch(k, net, nonce)
        fc = noise.diff(bg)[0]
        k.terminate([iid])
        gate()
        base = host_python_start(nonce)
        rows.append((marks, base, fc))
        say(f'{r + 1}\t' + '\t'.join(fmt(marks.get(p, None) and marks[p] * 1000) for p, _ in PHASES)
            + f'\t{fmt(marks.get("running", 0) * 1000)}\t{base * 1000:.0f}\t{fc:.2f}')
    results['launch'] = rows
    total = med([m['http'] * 1000 for m, _, _ in rows])
    base = med([b * 1000 for _, b, _ in rows])
    running = med([m['running'] * 1000 for m, _, _ in rows if 'running' in m])
    lines = [f'== launch: RunInstances -> first HTTP 200 on the public IP, {len(rows)} runs, medians (ms)',
             f'kumo\t{total:.0f}\t[{min(m["http"] for m, _, _ in rows) * 1000:.0f}-{max(m["http"] for m, _, _ in rows) * 1000:.0f}]',
             f'baseline: python http.server started on the host\t{base:.0f}',
             f'RunInstances -> DescribeInstances says running\t{fmt(running)}',
             'where the time goes (median of each phase: from the previous mark to this one):']
    deltas = {}
    for m, _, _ in rows:   # each phase: from the previous mark seen in that run
        last = 0.0
        for p, _ in PHASES:
            if p in m:
                deltas.setdefault(p, []).append((m[p] - last) * 1000)
                last = m[p]
    for p, what in PHASES:
        if p in deltas:
            lines.append(f'  {p:<10} {what:<52} {fmt(med(deltas[p]))}')
    fcmax = max(fc for _, _, fc in rows)
    lines.append(f'foreign cores max: {fcmax:.2f}')
    summaries.append('\n'.join(lines))
    verdicts.append(f'RATIO launch kumo/host-python = {total / base:.1f} (kumo {total:.0f} ms, python alone {base:.0f} ms)')
    verdicts.append(f'TARGET launch median RunInstances -> HTTP 200 = {total:.0f} ms (target <= {TARGET_LAUNCH_MS} ms): '
                    f'{verdict(total <= TARGET_LAUNCH_MS)}')
    if fcmax >= 0.3:
        verdicts.append(f'NOTE launch: other processes used up to {fcmax:.2f} cores during the runs (busy machine)')


# ---------------------------------------------------------------- part 2: a fleet at once

def part_fleet(k, net, results):
    n = args.fleet
    say(f'\n# part 2: {n} instances in one RunInstances')
    gate()
    time.sleep(2)
    rss0, thr0 = rss_mib(k.pid), vm_status(k.pid, 'Threads')
    nonce = secrets.token_hex(6)
    bg = noise.snap()
    t0 = mono()
    note = ''
    try:
        insts = k.run(net['subnet'], net['sg'], web_user_data(nonce), count=n)
    except Exception as e:   # a server that refuses a batch: 5 x 10 (or n/10 x 10)
        note = f' (one RunInstances of {n} refused: {e}; launched in batches of 10)'
        insts = []
        for i in range(0, n, 10):
            insts += k.run(net['subnet'], net['sg'], web_user_data(nonce), count=min(10, n - i))
    t_api = mono() - t0
    ids = [i['InstanceId'] for i in insts]
    info = {i['InstanceId']: i for i in insts}
    answered, t_running, last_describe = {}, None, 0.0
    running_at, ns_at, sandbox_at = {}, {}, {}
    # HTTP can answer before DescribeInstances says running (public listeners open in the runner pass that
    # boots them; `running` is written in the next one), so poll until both are complete
    while mono() - t0 < 180 and (len(answered) < n or t_running is None):
        now = mono()
        if now - last_describe >= 0.2 and (t_running is None or any(not info[i].get('PublicIpAddress') for i in ids)):
            last_describe = now
            info.update(k.describe(ids))
            for i in ids:
                if info[i]['State']['Name'] == 'running':
                    running_at.setdefault(i, mono() - t0)
            if t_running is None and len(running_at) == n:
                t_running = mono() - t0
        for i in ids:
            if i not in ns_at and k.ns_path(i) and os.path.exists(k.ns_path(i)):
                ns_at[i] = mono() - t0
            if i not in sandbox_at and k.console_path(i) and os.path.exists(k.console_path(i)):
                sandbox_at[i] = mono() - t0
            pub = info[i].get('PublicIpAddress')
            if i not in answered and pub:   # before Kumo listens there, the connection is refused at once
                status, body = http_get(pub, 80, timeout=3)
                if status == 200 and body.strip() == expected_body(nonce, info[i]['PrivateIpAddress']):
                    answered[i] = mono() - t0
        time.sleep(0.02)
    fc = noise.diff(bg)[0]
    if t_running is None:
        info.update(k.describe(ids))
        if all(info[i]['State']['Name'] == 'running' for i in ids):
            t_running = mono() - t0
    t_http = max(answered.values()) if len(answered) == n else None
    time.sleep(2)
    rss1, thr1 = rss_mib(k.pid), vm_status(k.pid, 'Threads')
    ns_count = sum(1 for x in netns_names() if k.prefix and x.startswith(k.prefix + '-i-'))
    t_gone = k.terminate(ids, deadline_s=180)
    time.sleep(2)
    rss2 = rss_mib(k.pid)
    per = (rss1 - rss0) / n
    single_running = med([m['running'] for m, _, _ in results.get('launch', []) if 'running' in m])
    results['fleet'] = dict(t_api=t_api, t_running=t_running, t_http=t_http, rss=(rss0, rss1, rss2), per=per)
    lines = [f'== fleet: {n} instances in one RunInstances{note}',
             f'RunInstances call\t{t_api * 1000:.0f} ms',
             f'network namespaces made: first {fmt(min(ns_at.values()) if ns_at else None, 2)} s, all {n}'
             f' {fmt(max(ns_at.values()) if len(ns_at) == n else None, 2)} s; sandboxes started: first'
             f' {fmt(min(sandbox_at.values()) if sandbox_at else None, 2)} s, all {fmt(max(sandbox_at.values()) if len(sandbox_at) == n else None, 2)} s',
             f'all {n} running (DescribeInstances)\t{fmt(t_running, 2)} s (first {fmt(min(running_at.values()) if running_at else None, 2)} s,'
             f' median {fmt(med(list(running_at.values())), 2)} s)',
             f'all {n} answer HTTP 200 on their public IPs\t{fmt(t_http, 2)} s ({len(answered)}/{n} answered;'
             f' first {fmt(min(answered.values()) if answered else None, 2)} s, median {fmt(med(list(answered.values())), 2)} s)',
             f'instance namespaces while all ran (with the first instance)\t{ns_count}',
             f'terminate all -> all terminated and namespaces gone\t{t_gone:.2f} s',
             f'Kumo JVM RSS: before {rss0:.1f} MiB, with {n} running {rss1:.1f} MiB, after terminating {rss2:.1f} MiB'
             f' -> {per:.2f} MiB per instance; threads {thr0} -> {thr1}',
             f'foreign cores during the launch: {fc:.2f}']
    summaries.append('\n'.join(lines))
    if single_running and t_running:
        verdicts.append(f'RATIO fleet all-{n}-running / one-instance-running = {t_running / single_running:.1f}'
                        f' ({t_running:.2f} s vs {single_running:.2f} s)')
    verdicts.append(f'TARGET fleet all {n} running = {fmt(t_running, 2)} s (target <= {TARGET_FLEET_RUNNING_S} s): '
                    f'{verdict(t_running is not None and t_running <= TARGET_FLEET_RUNNING_S)}')
    verdicts.append(f'TARGET fleet Kumo RSS growth = {per:.2f} MiB per instance (target <= {TARGET_RSS_PER_INSTANCE_MIB} MiB): '
                    f'{verdict(per <= TARGET_RSS_PER_INSTANCE_MIB)}')
    if t_http is None:
        verdicts.append(f'WARNING fleet: only {len(answered)} of {n} instances answered HTTP within 180 s')
    if fc >= 0.3:
        verdicts.append(f'NOTE fleet: other processes used {fc:.2f} cores during the launch (busy machine)')


# ---------------------------------------------------------------- part 3: security group change -> enforced

PROBE = r'''
import json, selectors, socket, sys, time
mono = time.monotonic
def watch(ip, port, want_ok, interval, timeout, deadline, stable):
    sel = selectors.DefaultSelector()
    att = []                       # [start, socket, outcome]
    t_end = mono() + deadline
    nxt = mono()
    armed = False
    def decide(a, ok):
        a[2] = ok
        try: sel.unregister(a[1])
        except Exception: pass
        a[1].close()
    while mono() < t_end:
        now = mono()
        if now >= nxt:
            s = socket.socket(); s.setblocking(False)
            a = [now, s, None]; att.append(a)
            try:
                s.connect((ip, port)); decide(a, True)
            except BlockingIOError:
                sel.register(s, selectors.EVENT_WRITE, a)
            except OSError:
                decide(a, False)
            nxt = now + interval
        for key, _ in sel.select(timeout=max(0.0, min(nxt - mono(), 0.002))):
            a = key.data
            decide(a, a[1].getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0)
        now = mono()
        for a in att:
            if a[2] is None and now - a[0] > timeout:
                decide(a, False)
        if not armed and att and att[0][2] is not None:
            armed = True
            print('armed', att[0][2], flush=True)
        first_open = next((i for i, a in enumerate(att) if a[2] is None), len(att))
        for i in range(first_open - stable + 1):
            if all(att[j][2] == want_ok for j in range(i, i + stable)):
                for a in att:
                    if a[2] is None: decide(a, False)
                print(json.dumps({'t': att[i][0], 'attempts': len(att), 'first_ok': att[0][2]}), flush=True)
                return
        if len(att) > 20000: break
    for a in att:
        if a[2] is None: decide(a, False)
    print(json.dumps({'t': None, 'attempts': len(att)}), flush=True)
for line in sys.stdin:
    c = json.loads(line)
    watch(c['ip'], c['port'], c['want_ok'], c['interval'], c['timeout'], c['deadline'], c['stable'])
'''


class Prober:
    """A helper process inside a namespace (nsenter --net) that times connection attempts on request."""

    def __init__(self, ns):
        self.p = subprocess.Popen(['nsenter', f'--net={NETNS}/{ns}', '--', sys.executable, '-u', '-c', PROBE],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, start_new_session=True)
        harness._live.append(self.p)
        noise.EXTRA_SIDS.add(self.p.pid)

    def readline(self, timeout):
        r, _, _ = select.select([self.p.stdout], [], [], timeout)
        if not r:
            raise TimeoutError('probe helper did not answer')
        line = self.p.stdout.readline()
        if not line:
            raise RuntimeError('probe helper exited')
        return line.strip()

    def arm(self, ip, port, want_ok, deadline=10.0):
        self.p.stdin.write(json.dumps(dict(ip=ip, port=port, want_ok=want_ok, interval=0.004, timeout=0.15,
                                           deadline=deadline, stable=3)) + '\n')
        self.p.stdin.flush()
        return self.readline(5)

    def result(self, deadline=10.0):
        return json.loads(self.readline(deadline + 5))

    def close(self):
        harness.stop(self.p, grace=2)


def nft_load_ms(router_ns, runs=5):
    """One `nft -f` of the VPC router's current ruleset in a scratch network namespace, median ms."""
    rules = subprocess.run(['nsenter', f'--net={NETNS}/{router_ns}', '--', 'nft', 'list', 'ruleset'],
                           capture_output=True, text=True, timeout=10, check=True).stdout
    with tempfile.NamedTemporaryFile('w', suffix='.nft', delete=False) as f:
        f.write(rules)
    times = []
    try:
        for _ in range(runs):
            t = mono()
            r = subprocess.run(['unshare', '--net', '--', 'nft', '-f', f.name], capture_output=True, text=True, timeout=10)
            if r.returncode != 0:
                raise RuntimeError(f'nft -f of the router ruleset failed in a scratch namespace: {r.stderr[:300]}')
            times.append((mono() - t) * 1000)
    finally:
        os.unlink(f.name)
    return st.median(times), len(rules.splitlines())


def part_sg(k, net, anchor, results):
    say('\n# part 3: security group change -> enforced (probes from the internet gateway namespace to the private IP:80)')
    igw = f'{k.prefix}-{net["vpc"]}-igw'
    router = f'{k.prefix}-{net["vpc"]}'
    ip = anchor['private']
    prober = Prober(igw)
    rows = []
    try:
        say('round\trevoke_api_ms\trevoke_enforced_ms\tauthorize_api_ms\tauthorize_enforced_ms\tprobes')
        for r in range(args.sg_rounds):
            gate()
            row = {}
            for action, want_ok in (('revoke', False), ('authorize', True)):
                armed = prober.arm(ip, 80, want_ok)
                if armed != f'armed {not want_ok}':
                    raise RuntimeError(f'before {action}: probes found the port in the wrong state ({armed})')
                t0 = mono()
                if action == 'revoke':
                    k.ec2.revoke_security_group_ingress(GroupId=net['sg'], IpPermissions=[perm(80)])
                else:
                    k.ec2.authorize_security_group_ingress(GroupId=net['sg'], IpPermissions=[perm(80)])
                row[action + '_api'] = (mono() - t0) * 1000
                res = prober.result()
                if res['t'] is None:
                    raise TimeoutError(f'{action}: not enforced within 10 s ({res["attempts"]} probes)')
                row[action] = (res['t'] - t0) * 1000
                row[action + '_probes'] = res['attempts']
                time.sleep(0.3)
            rows.append(row)
            say(f'{r + 1}\t{row["revoke_api"]:.1f}\t{row["revoke"]:.1f}\t{row["authorize_api"]:.1f}\t{row["authorize"]:.1f}'
                f'\t{row["revoke_probes"]}+{row["authorize_probes"]}')
    finally:
        prober.close()
        # whatever happened, leave the rule in place for the other parts
        try:
            k.ec2.authorize_security_group_ingress(GroupId=net['sg'], IpPermissions=[perm(80)])
        except Exception:
            pass   # already there
    nft_ms, nft_lines = nft_load_ms(router)
    api = med([row[a + '_api'] for row in rows for a in ('revoke', 'authorize')])
    base = api + nft_ms
    rev, auth = med([row['revoke'] for row in rows]), med([row['authorize'] for row in rows])
    results['sg'] = dict(rows=rows, nft=nft_ms, api=api)
    summaries.append('\n'.join([
        f'== sg: security group change -> enforced on new connections, {len(rows)} rounds, medians (ms)',
        f'revoke tcp/80 -> first refused probe\t{rev:.0f}\t[{min(x["revoke"] for x in rows):.0f}-{max(x["revoke"] for x in rows):.0f}]',
        f'authorize tcp/80 -> first connecting probe\t{auth:.0f}\t[{min(x["authorize"] for x in rows):.0f}-{max(x["authorize"] for x in rows):.0f}]',
        f'baseline: API call {api:.1f} + nft -f of the VPC ruleset ({nft_lines} lines) in a scratch netns {nft_ms:.1f} = {base:.1f}',
        '(probe resolution: one new connection every 4 ms; a probe that does not connect within 150 ms counts as refused)']))
    for name, v in (('revoke', rev), ('authorize', auth)):
        verdicts.append(f'RATIO sg {name} enforced / (API call + nft load) = {v / base:.1f} ({v:.0f} ms vs {base:.0f} ms)')
        verdicts.append(f'TARGET sg {name} -> enforced = {v:.0f} ms (target <= {TARGET_SG_MS} ms): {verdict(v <= TARGET_SG_MS)}')


# ---------------------------------------------------------------- part 4: throughput through the public IP

def wrk(url, ns=None):
    cmd = ['wrk', f'-t{args.threads}', f'-c{args.connections}', f'-d{args.duration:.0f}s', '--latency', '--timeout', '5s', url]
    if ns:
        cmd = ['nsenter', f'--net={NETNS}/{ns}', '--'] + cmd
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.duration + 60).stdout

    def num(pattern):
        m = re.search(pattern, out)
        return m.group(1) if m else None
    rps = num(r'Requests/sec:\s+([\d.]+)')
    transfer = re.search(r'Transfer/sec:\s+([\d.]+)([KMG]?B)', out)
    mib = None
    if transfer:
        mib = float(transfer.group(1)) * {'B': 1 / 2 ** 20, 'KB': 1 / 1024, 'MB': 1, 'GB': 1024}[transfer.group(2)]

    def ms(label):
        m = re.search(rf'^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$', out, re.M)
        return None if not m else float(m.group(1)) * {'us': 1e-3, 'ms': 1, 's': 1000}[m.group(2)]
    errors = sum(int(x) for x in re.findall(r'(?:connect|read|write|timeout) (\d+)', out))
    non2xx = int(num(r'Non-2xx or 3xx responses:\s+(\d+)') or 0)
    if rps is None:
        raise RuntimeError(f'wrk failed: {out[-400:]}')
    return dict(rps=float(rps), mib=mib, p50=ms('50'), p99=ms('99'), errors=errors, non2xx=non2xx)


def part_tput(k, net, anchor, server, results):
    say(f'\n# part 4: wrk -t{args.threads} -c{args.connections} -d{args.duration:.0f}s against {server} on port 8080 of {anchor["id"]}')
    if not shutil.which('wrk'):
        verdicts.append('NOTE tput: wrk is not installed (apt-get install wrk): part 4 skipped')
        verdicts.append('TARGET tput: SKIPPED (no wrk)')
        return
    t = mono()
    while mono() - t < 120:
        status, _ = http_get(anchor['public'], 8080, '/16k.bin', timeout=3)
        if status == 200:
            break
        time.sleep(0.2)
    else:
        raise TimeoutError(f'the {server} file server on {anchor["public"]}:8080 did not answer within 120 s')
    inst_ns = f'{k.prefix}-{anchor["id"]}'
    igw = f'{k.prefix}-{net["vpc"]}-igw'
    paths = [('inside', inst_ns, '127.0.0.1'), ('igw', igw, anchor['private']), ('public', None, anchor['public'])]
    # one short untimed run per path: JIT of the server (and of Kumo's relay), page cache
    for _, ns, host in paths:
        subprocess.run((['nsenter', f'--net={NETNS}/{ns}', '--'] if ns else []) + ['wrk', '-t1', '-c4', '-d2s', f'http://{host}:8080/16k.bin'],
                       capture_output=True, timeout=60)
    res = {}
    say('round\tfile\tpath\treq/s\tMiB/s\tp50_ms\tp99_ms\terrors\tnon2xx\tkumo_jvm_cores\tforeign_cores')
    for r in range(args.rounds):
        for f in ('16k.bin', '1m.bin'):
            for name, ns, host in paths:
                gate()
                bg = noise.snap()
                c0, w0 = cpu_s(k.pid), mono()
                row = wrk(f'http://{host}:8080/{f}', ns)
                row['kumo_cores'] = (cpu_s(k.pid) - c0) / (mono() - w0)
                row['fc'] = noise.diff(bg)[0]
                res.setdefault((f, name), []).append(row)
                say(f'{r + 1}\t{f}\t{name}\t{row["rps"]:.0f}\t{fmt(row["mib"], 1)}\t{fmt(row["p50"], 2)}\t{fmt(row["p99"], 2)}'
                    f'\t{row["errors"]}\t{row["non2xx"]}\t{row["kumo_cores"]:.2f}\t{row["fc"]:.2f}')
    results['tput'] = res
    lines = [f'== tput: {server} file server in an instance, wrk -t{args.threads} -c{args.connections}, {args.rounds} rounds x {args.duration:.0f} s, medians',
             'file\tpath\treq/s\tMiB/s\tp50 ms\tp99 ms\tKumo JVM cores\tvs inside']
    for f in ('16k.bin', '1m.bin'):
        inside = med([x['rps'] for x in res[(f, 'inside')]])
        for name, _, _ in paths:
            rows = res[(f, name)]
            rps = med([x['rps'] for x in rows])
            lines.append(f'{f}\t{name}\t{rps:.0f}\t{fmt(med([x["mib"] for x in rows]), 1)}\t{fmt(med([x["p50"] for x in rows]), 2)}'
                         f'\t{fmt(med([x["p99"] for x in rows]), 2)}\t{med([x["kumo_cores"] for x in rows]):.2f}\t{rps / inside:.2f}')
        public = med([x['rps'] for x in res[(f, 'public')]])
        # each round's public run against the same round's inside run (side by side), then the median
        ratio = med([p['rps'] / i['rps'] for p, i in zip(res[(f, 'public')], res[(f, 'inside')])])
        verdicts.append(f'RATIO tput {f} public-IP/inside-namespace = {ratio:.2f} (median of {args.rounds} rounds;'
                        f' medians {public:.0f} vs {inside:.0f} req/s, {server})')
        verdicts.append(f'TARGET tput {f} public >= {TARGET_TPUT_RATIO} x inside: {verdict(ratio >= TARGET_TPUT_RATIO)}')
    fcmax = max(x['fc'] for rows in res.values() for x in rows)
    lines.append(f'foreign cores max: {fcmax:.2f}')
    summaries.append('\n'.join(lines))
    errs = sum(x['errors'] + x['non2xx'] for rows in res.values() for x in rows)
    if errs:
        verdicts.append(f'WARNING tput: {errs} socket errors or non-2xx answers in the measured runs')
    if fcmax >= 0.3:
        verdicts.append(f'NOTE tput: other processes used up to {fcmax:.2f} cores in some runs (busy machine)')


# ---------------------------------------------------------------- main

def main():
    if os.geteuid() != 0:
        say('== instances: SKIPPED (needs root: Kumo runs instances as sandboxes in network namespaces)')
        say('NOTE instances: skipped, not root')
        return 0
    logdir = tempfile.mkdtemp(prefix='kumo-bench-instances-')
    server = choose_server() if 'tput' in only else None
    say(f'# parts: {",".join(only)}; file server for tput: {server}; wrk: {shutil.which("wrk")}; logs in {logdir}')
    k = None
    results = {}
    failed = []
    try:
        k = Kumo(logdir)
        net = setup_network(k, 'tput' in only)
        check_public_pool(k)
        # The anchor: serves :80 (python) for sg, :8080 for tput, and keeps the VPC's router up, so that the
        # timed launches measure an instance in a VPC that already runs one (its first is timed separately).
        nonce = secrets.token_hex(6)
        ud = web_user_data(nonce) + (static_server_user_data(server) if server else '')
        t0 = mono()
        inst = k.run(net['subnet'], net['sg'], ud)[0]
        aid = inst['InstanceId']
        anchor = None
        while mono() - t0 < 60:
            k.learn_layout(net['vpc'], aid)
            d = k.describe([aid])[aid]
            if d.get('PublicIpAddress'):
                status, body = http_get(d['PublicIpAddress'], 80, timeout=3)
                if status == 200 and body.strip() == expected_body(nonce, d['PrivateIpAddress']):
                    anchor = dict(id=aid, public=d['PublicIpAddress'], private=d['PrivateIpAddress'])
                    break
            time.sleep(0.02)
        if anchor is None:
            raise TimeoutError(f'the first instance {aid} did not serve HTTP within 60 s')
        k.learn_layout(net['vpc'], aid)
        cold = mono() - t0
        say(f'# first instance of the VPC (creates its router and gateway namespaces): {anchor} answered after {cold * 1000:.0f} ms'
            f' (incl. DescribeInstances polls); namespaces {k.prefix}-*, instance dirs {k.instances_dir}')
        summaries.append(f'== first instance in a new VPC (router, gateway and firewall made on the way): RunInstances -> HTTP 200 {cold * 1000:.0f} ms')
        for part, fn in (('launch', lambda: part_launch(k, net, results)),
                         ('sg', lambda: part_sg(k, net, anchor, results)),
                         ('fleet', lambda: part_fleet(k, net, results)),
                         ('tput', lambda: part_tput(k, net, anchor, server, results))):
            if part in only:
                try:
                    fn()
                except Exception as e:   # one part failing does not hide the others' figures
                    failed.append(part)
                    verdicts.append(f'WARNING {part} failed: {type(e).__name__}: {e}')
                    say(f'!! {part} failed: {type(e).__name__}: {e}')
                    if not k.alive():
                        verdicts.append(f'WARNING Kumo exited (rc={k.proc.returncode}) during {part}: "kumo: stopping" in its log'
                                        ' means a signal from outside this script; the remaining parts are skipped')
                        break
    finally:
        cleanup(k)
    warn_log = open(k.log, errors='replace').read() if k else ''
    if 'cannot listen' in warn_log:
        verdicts.append('WARNING Kumo could not listen on some public addresses (another process had them): see ' + k.log)
    say()
    for s in summaries:
        say(s)
        say()
    say('\n'.join(verdicts))
    return 1 if failed else 0


def cleanup(k):
    if k is None:
        return
    if k.alive() and k.launched:
        try:
            say(f'# cleanup: terminating {len(k.launched)} instances')
            k.terminate(list(k.launched), deadline_s=120)
        except Exception as e:
            say(f'# cleanup: {type(e).__name__}: {e}')
    harness.stop(k.proc, grace=30)
    if k.prefix:
        left = [n for n in netns_names() if n.startswith(k.prefix + '-')]
        for n in left:   # only ours: Kumo died before removing them
            subprocess.run(['ip', 'netns', 'delete', n], capture_output=True, timeout=10)
        if left:
            verdicts.append(f'WARNING cleanup: Kumo left {len(left)} namespaces; deleted: {" ".join(left)}')
    if k.instances_dir and os.path.isdir(k.instances_dir):
        subprocess.run(['rm', '-rf', '--one-file-system', k.instances_dir], capture_output=True, timeout=60)
        verdicts.append(f'WARNING cleanup: Kumo left its instance directory {k.instances_dir}; removed')


if __name__ == '__main__':
    sys.exit(main())
