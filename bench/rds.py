#!/usr/bin/env python3
"""Kumo's RDS (issue 5): figures and ratios from one run, on one Kumo started for it.

  1. create    CreateDBInstance -> available (the waiter's view, polled every 0.2 s), single-AZ and Multi-AZ,
               median of --runs each, after one untimed warm-up (binaries unpacked). Target: single-AZ <= 5 s.
  2. failover  a client in a web instance writes one row per mysql call through the endpoint while
               RebootDBInstance --force-failover runs; downtime = first failed write -> next acknowledged one;
               afterwards every acknowledged id must be in the table. --runs times. Target: <= 3 s, 0 lost.
  3. sysbench  oltp_read_only (4 threads, --seconds) against one server by two paths, alternated:
               endpoint  from the web instance, by the endpoint name (the VPC's resolver, the router between
                         the subnets, the VPC's firewall with db-sg): what a client in the VPC gets;
               direct    from inside the DB's own network namespace at its address (no resolver, no router,
                         no firewall): the server alone. Ratio endpoint/direct. Target: >= 0.95.
               Needs sysbench on the host (apt-get install sysbench); skipped without it.

Needs root (sandboxes) and the mysql client. Traffic stays in namespaces this Kumo makes.
Usage: python3 bench/rds.py [--runs 3] [--seconds 10] [--only create,failover,sysbench]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
import sigv4  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument('--runs', type=int, default=3)
ap.add_argument('--seconds', type=int, default=10)
ap.add_argument('--only', default='create,failover,sysbench')
args = ap.parse_args()
args.runs = max(1, min(args.runs, 5))
args.seconds = max(3, min(args.seconds, 60))
PW = 'bench-pw-123'
# the command server of kumo-it's InsideInstance: runs a posted shell command inside the instance
USER_DATA = open(os.path.join(harness.BENCH, 'rds_command_server.sh')).read()


def say(line=''):
    print(line, flush=True)


def namespace_of(suffix):
    names = subprocess.run(['ip', 'netns', 'list'], capture_output=True, text=True).stdout.split()
    found = [n for n in names if n.startswith('kumo-') and n.endswith('-' + suffix)]
    if not found:
        raise RuntimeError('no namespace for ' + suffix)
    return found[0]


def inside(instance, ip, script, timeout=300):
    """Runs a shell script in the web instance, through its command server; returns (exit, output)."""
    ns = namespace_of(instance)
    r = subprocess.run(['nsenter', f'--net=/run/netns/{ns}', '--', 'curl', '-s', '-m', str(timeout - 10), '--data-binary', '@-',
                        f'http://{ip}:8080/'], input=script, capture_output=True, text=True, timeout=timeout)
    head, _, rest = r.stdout.partition('\n')
    return (int(head) if head.strip().lstrip('-').isdigit() else -1), rest


def main():
    import boto3
    from botocore.config import Config
    if os.geteuid() != 0 or not shutil.which('mysql'):
        sys.exit('needs root (sandboxes) and the mysql client')
    only = set(args.only.split(','))
    logdir = tempfile.mkdtemp(prefix='kumo-bench-rds-')
    port = harness.free_port()
    env = dict(os.environ, KUMO_PUBLIC_IP_POOL=os.environ.get('KUMO_PUBLIC_IP_POOL', '127.32.0.0/16'))
    kumo = harness.start(harness.kumo_cmd(port), env=env, log=os.path.join(logdir, 'kumo.log'))
    harness.wait_ok(kumo, port, sigv4.GET_CALLER_IDENTITY, deadline_s=600)
    say(f'# Kumo on 127.0.0.1:{port} (log {logdir}/kumo.log)')
    kw = dict(endpoint_url=f'http://127.0.0.1:{port}', region_name='ap-northeast-1', aws_access_key_id='test',
              aws_secret_access_key='test', config=Config(retries={'total_max_attempts': 1}))
    ec2, rds = boto3.client('ec2', **kw), boto3.client('rds', **kw)
    fast = {'Delay': 0.2, 'MaxAttempts': 900}
    vpc = ec2.create_vpc(CidrBlock='10.80.0.0/16')['Vpc']['VpcId']
    subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=c, AvailabilityZone=z)['Subnet']['SubnetId']
               for c, z in (('10.80.1.0/24', 'ap-northeast-1a'), ('10.80.2.0/24', 'ap-northeast-1c'))]
    web_sg = ec2.create_security_group(GroupName='web-sg', Description='web', VpcId=vpc)['GroupId']
    db_sg = ec2.create_security_group(GroupName='db-sg', Description='db', VpcId=vpc)['GroupId']
    ec2.authorize_security_group_ingress(GroupId=db_sg, IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': 3306, 'ToPort': 3306,
                                         'UserIdGroupPairs': [{'GroupId': web_sg}]}])
    rds.create_db_subnet_group(DBSubnetGroupName='bench', DBSubnetGroupDescription='bench', SubnetIds=subnets)
    image = ec2.describe_images(Owners=['amazon'], Filters=[{'Name': 'name', 'Values': ['debian-12-amd64-*']}])['Images'][0]['ImageId']
    web = ec2.run_instances(ImageId=image, InstanceType='t3.micro', MinCount=1, MaxCount=1, SubnetId=subnets[0],
                            SecurityGroupIds=[web_sg], UserData=USER_DATA)['Instances'][0]
    web_id, web_ip = web['InstanceId'], web['PrivateIpAddress']

    def create(name, multi):
        t = time.monotonic()
        rds.create_db_instance(DBInstanceIdentifier=name, Engine='mysql', DBInstanceClass='db.t3.micro', AllocatedStorage=20,
                               MasterUsername='admin', MasterUserPassword=PW, DBName='app', DBSubnetGroupName='bench',
                               VpcSecurityGroupIds=[db_sg], MultiAZ=multi, BackupRetentionPeriod=0)
        rds.get_waiter('db_instance_available').wait(DBInstanceIdentifier=name, WaiterConfig=fast)
        return time.monotonic() - t

    def delete(name):
        rds.delete_db_instance(DBInstanceIdentifier=name, SkipFinalSnapshot=True)
        rds.get_waiter('db_instance_deleted').wait(DBInstanceIdentifier=name, WaiterConfig=fast)

    if 'create' in only:
        create('warm-up', False)
        delete('warm-up')
        for multi in (False, True):
            took = []
            for i in range(args.runs):
                name = f'{"multi" if multi else "single"}-{i}'
                took.append(create(name, multi))
                delete(name)
            med = statistics.median(took)
            target = f'  TARGET <= 5 s: {"MET" if med <= 5 else "MISSED"}' if not multi else ''
            say(f'create -> available, {"Multi-AZ " if multi else "single-AZ"}: median {med:.2f} s '
                f'({", ".join(f"{x:.2f}" for x in took)}){target}')
    if only & {'failover', 'sysbench'}:
        create('bench-db', True)
        db = rds.describe_db_instances(DBInstanceIdentifier='bench-db')['DBInstances'][0]
        endpoint = db['Endpoint']['Address']
        ec2.get_waiter('instance_running').wait(InstanceIds=[web_id], WaiterConfig={'Delay': 1, 'MaxAttempts': 120})
        for _ in range(120):
            if inside(web_id, web_ip, 'true', timeout=20)[0] == 0:
                break
            time.sleep(0.5)
        mysql = f"mysql --connect-timeout=1 -h {endpoint} -u admin -p'{PW}' app -N -B"
    if 'failover' in only:
        downtimes, lost_total = [], 0
        for run in range(args.runs):
            table = f'w{run}'
            inside(web_id, web_ip, f"{mysql} -e 'CREATE TABLE {table} (id INT PRIMARY KEY)'")
            inside(web_id, web_ip, f"(i=0; end=$((SECONDS+12)); while [ $SECONDS -lt $end ]; do i=$((i+1)); "
                                   f"if {mysql} -e \"INSERT INTO {table} VALUES ($i)\" 2>/dev/null; then echo \"ok $i $(date +%s%3N)\"; "
                                   f"else echo \"fail $i $(date +%s%3N)\"; sleep 0.02; fi; done; echo done) > /tmp/{table}.log 2>&1 &")
            time.sleep(3)
            rds.reboot_db_instance(DBInstanceIdentifier='bench-db', ForceFailover=True)
            rds.get_waiter('db_instance_available').wait(DBInstanceIdentifier='bench-db', WaiterConfig=fast)
            log = ''
            for _ in range(60):
                log = inside(web_id, web_ip, f'cat /tmp/{table}.log')[1]
                if 'done' in log:
                    break
                time.sleep(0.5)
            acked, first_fail, recovered = set(), None, None
            for kind, n, ms in (l.split() for l in log.splitlines() if l.count(' ') == 2):
                if kind == 'ok':
                    acked.add(int(n))
                    if first_fail is not None and recovered is None:
                        recovered = int(ms)
                elif first_fail is None:
                    first_fail = int(ms)
            stored = {int(x) for x in inside(web_id, web_ip, f"{mysql} -e 'SELECT id FROM {table}'")[1].split()}
            lost = len(acked - stored)
            lost_total += lost
            downtime = 0 if first_fail is None else (recovered or first_fail) - first_fail
            downtimes.append(downtime)
            say(f'failover {run + 1}: downtime {downtime} ms, {len(acked)} acknowledged writes, {lost} lost')
        worst = max(downtimes)
        say(f'failover downtime: median {statistics.median(downtimes):.0f} ms, worst {worst} ms, lost {lost_total}  '
            f'TARGET <= 3 s and 0 lost: {"MET" if worst <= 3000 and lost_total == 0 else "MISSED"}')
    if 'sysbench' in only:
        if not shutil.which('sysbench'):
            say('sysbench: skipped (apt-get install sysbench)')
        else:
            db = rds.describe_db_instances(DBInstanceIdentifier='bench-db')['DBInstances'][0]
            ip = inside(web_id, web_ip, f'getent ahostsv4 {endpoint} | head -1 | cut -d" " -f1')[1].strip()
            eni = [n for n in ec2.describe_network_interfaces(Filters=[{'Name': 'vpc-id', 'Values': [vpc]}])['NetworkInterfaces']
                   if n['PrivateIpAddress'] == ip][0]['NetworkInterfaceId']
            db_ns = namespace_of(eni)
            common = f"--db-driver=mysql --mysql-user=admin --mysql-password='{PW}' --mysql-db=app --tables=4 --table-size=10000"
            inside(web_id, web_ip, f'sysbench oltp_read_only {common} --mysql-host={endpoint} prepare >/dev/null')

            def run(where):
                cmd = f'sysbench oltp_read_only {common} --threads=4 --time={args.seconds} run'
                if where == 'endpoint':
                    out = inside(web_id, web_ip, f'{cmd} --mysql-host={endpoint}')[1]
                else:
                    out = subprocess.run(['nsenter', f'--net=/run/netns/{db_ns}', '--', 'bash', '-c', f'{cmd} --mysql-host={ip}'],
                                         capture_output=True, text=True, timeout=args.seconds + 60).stdout
                m = re.search(r'transactions:\s+\d+\s+\(([\d.]+) per sec', out)
                if not m:
                    raise RuntimeError(f'sysbench {where} failed: {out[-300:]}')
                return float(m.group(1))
            got = {'endpoint': [], 'direct': []}
            for _ in range(args.runs):
                for where in ('direct', 'endpoint'):
                    got[where].append(run(where))
            e, d = statistics.median(got['endpoint']), statistics.median(got['direct'])
            say(f'sysbench oltp_read_only, 4 threads: endpoint {e:.0f} tps, direct {d:.0f} tps  '
                f'RATIO {e / d:.3f}  TARGET >= 0.95: {"MET" if e / d >= 0.95 else "MISSED"}')
    harness.stop(kumo, grace=60)


if __name__ == '__main__':
    main()
