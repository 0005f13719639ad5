"""Shared pieces of the benchmarks: which servers to start, how, and how to stop them for sure.

Targets are started exactly as a user starts them: Kumo with its launcher (`./kumo up --port P --ephemeral`),
moto with `moto_server -p P` (the preinstalled pyenv shim). Every process is started in its own process
group and killed (TERM, then KILL) at exit, also on Ctrl-C or an exception.
"""
import atexit
import os
import shlex
import signal
import socket
import subprocess
import sys
import time

import noise
import sigv4

BENCH = os.path.dirname(os.path.abspath(__file__))
KUMO_HOME = os.environ.get('KUMO_HOME', os.path.dirname(BENCH))
MOTO = os.environ.get('MOTO_SERVER', 'moto_server')

_live = []


def kumo_cmd(port, extra=''):
    return [os.path.join(KUMO_HOME, 'kumo'), 'up', '--port', str(port), '--ephemeral', '--log-level', 'warn'] + shlex.split(extra)


def moto_cmd(port):
    return [MOTO, '-p', str(port)]


def moto_direct():
    """moto_server's own script, without the pyenv shim (which costs ~50-100 ms per start)."""
    import shutil
    try:
        return subprocess.run(['pyenv', 'which', 'moto_server'], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return shutil.which(MOTO)


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def port_open(port):
    try:
        with socket.create_connection(('127.0.0.1', port), timeout=0.2):
            return True
    except OSError:
        return False


def start(cmd, env=None, log=None):
    out = open(log, 'ab') if log else subprocess.DEVNULL
    p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
                         stdin=subprocess.DEVNULL, start_new_session=True, env=env)
    _live.append(p)
    noise.EXTRA_SIDS.add(p.pid)   # start_new_session: its session id is its pid; its CPU is ours, not foreign
    return p


def stop(p, grace=10.0):
    if p.poll() is None:
        try:
            os.killpg(p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            p.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(p.pid, signal.SIGKILL)   # stragglers of the group (e.g. pyenv, werkzeug children)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        p.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
    if p in _live:
        _live.remove(p)


def _cleanup(*_):
    for p in list(_live):
        stop(p, grace=3)


atexit.register(_cleanup)
signal.signal(signal.SIGTERM, lambda *a: sys.exit(143))
signal.signal(signal.SIGINT, lambda *a: sys.exit(130))


def wait_ok(p, port, probe, deadline_s=30.0, interval_s=0.002):
    """Polls `probe` on a new connection every interval_s until HTTP 200; returns (200, body)."""
    t_end = time.perf_counter() + deadline_s
    last = (None, 'no answer')
    while time.perf_counter() < t_end:
        if p.poll() is not None:
            raise RuntimeError(f'server exited rc={p.returncode} before answering: {p.args}')
        last = sigv4.call(port, probe)
        if last[0] == 200:
            return last
        time.sleep(interval_s)
    raise TimeoutError(f'no HTTP 200 within {deadline_s}s; last answer: {last[0]} {last[1][:300]}')


def cpu_ms(pid):
    s = open(f'/proc/{pid}/stat').read()
    r = s[s.rfind(')') + 2:].split()
    return (int(r[11]) + int(r[12])) * 1000 / os.sysconf('SC_CLK_TCK')


def rss_mib(pid):
    """VmRSS of pid plus its descendants (moto's shim execs, so usually one process)."""
    total = 0
    for q in [pid] + descendants(pid):
        try:
            for line in open(f'/proc/{q}/status'):
                if line.startswith('VmRSS:'):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def descendants(pid):
    kids = {}
    for q in os.listdir('/proc'):
        if q.isdigit():
            try:
                s = open(f'/proc/{q}/stat').read()
                kids.setdefault(int(s[s.rfind(')') + 2:].split()[1]), []).append(int(q))
            except OSError:
                pass
    out, todo = [], [pid]
    while todo:
        for c in kids.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def choose_probe(port_factory=free_port, log=None):
    """DescribeVpcs when Kumo implements it, else sts GetCallerIdentity (a stand-in, reported as such)."""
    port = port_factory()
    p = start(kumo_cmd(port), log=log)
    try:
        wait_ok(p, port, sigv4.GET_CALLER_IDENTITY, deadline_s=600)   # 600 s: the launcher may build first
        st, body = sigv4.call(port, sigv4.DESCRIBE_VPCS)
        if st == 200:
            return sigv4.DESCRIBE_VPCS, 'DescribeVpcs'
        return sigv4.GET_CALLER_IDENTITY, f'GetCallerIdentity (stand-in: Kumo answered DescribeVpcs with {st})'
    finally:
        stop(p)


def representative_requests(port, rounds=1):
    """The same kinds of requests as the launcher's AOT training: EC2, STS, Route 53, ACM, and error paths.
    Returns {label: status} of the last round."""
    import re
    seen = {}
    for r in range(rounds):
        for action in ('DescribeVpcs', 'DescribeSubnets', 'DescribeSecurityGroups', 'DescribeInstances',
                       'DescribeImages', 'DescribeAvailabilityZones', 'DescribeTags', 'NoSuchAction'):
            seen[action] = sigv4.call(port, sigv4.ec2(f'Action={action}'))[0]
        st, body = sigv4.call(port, sigv4.ec2(f'Action=CreateVpc&CidrBlock=10.{100 + r % 100}.0.0/16'))
        seen['CreateVpc'] = st
        m = re.search(r'<vpcId>([^<]+)</vpcId>', body or '')
        if m:
            vpc = m.group(1)
            seen['CreateTags'] = sigv4.call(port, sigv4.ec2(f'Action=CreateTags&ResourceId.1={vpc}&Tag.1.Key=Name&Tag.1.Value=x'))[0]
            seen['DeleteVpc'] = sigv4.call(port, sigv4.ec2(f'Action=DeleteVpc&VpcId={vpc}'))[0]
        seen['GetCallerIdentity'] = sigv4.call(port, sigv4.GET_CALLER_IDENTITY)[0]
        seen['ListHostedZones'] = sigv4.call(port, sigv4.LIST_HOSTED_ZONES)[0]
        ns = 'https://route53.amazonaws.com/doc/2013-04-01/'
        st, body = sigv4.call(port, ('route53', 'us-east-1', 'POST', '/2013-04-01/hostedzone',
                                     f'<?xml version="1.0" encoding="UTF-8"?><CreateHostedZoneRequest xmlns="{ns}"><Name>b{r}.example.</Name>'
                                     f'<CallerReference>bench-{os.getpid()}-{time.time_ns()}</CallerReference></CreateHostedZoneRequest>',
                                     {'Content-Type': 'application/xml'}))
        seen['CreateHostedZone'] = st
        m = re.search(r'<Id>/hostedzone/([^<]+)</Id>', body or '')
        if m:
            seen['GetHostedZone'] = sigv4.call(port, ('route53', 'us-east-1', 'GET', f'/2013-04-01/hostedzone/{m.group(1)}', '', None))[0]
            seen['DeleteHostedZone'] = sigv4.call(port, ('route53', 'us-east-1', 'DELETE', f'/2013-04-01/hostedzone/{m.group(1)}', '', None))[0]
        seen['ListCertificates'] = sigv4.call(port, sigv4.LIST_CERTIFICATES)[0]
        acm = lambda target, body: ('acm', 'ap-northeast-1', 'POST', '/', body,
                                    {'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': f'CertificateManager.{target}'})
        st, body = sigv4.call(port, acm('RequestCertificate', f'{{"DomainName":"b{r}.example.com","ValidationMethod":"DNS"}}'))
        seen['RequestCertificate'] = st
        m = re.search(r'"CertificateArn"\s*:\s*"([^"]+)"', body or '')
        if m:
            seen['DescribeCertificate'] = sigv4.call(port, acm('DescribeCertificate', f'{{"CertificateArn":"{m.group(1)}"}}'))[0]
            seen['DeleteCertificate'] = sigv4.call(port, acm('DeleteCertificate', f'{{"CertificateArn":"{m.group(1)}"}}'))[0]
    return seen
