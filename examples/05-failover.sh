#!/usr/bin/env bash
# SCENARIO.md section 4, step 5, with the AWS CLI against Kumo: a Multi-AZ MySQL DB instance fails
# over (reboot-db-instance --force-failover) while a client inside a web instance keeps writing.
# The client (its user data, reporting on its console) measures the downtime, from the first
# failed write to the next acknowledged one, and checks afterwards that every write the server
# acknowledged is there. Needs a Kumo that can run sandboxes (Linux, root; docs/instances.md) and
# the mysql client on the host (an instance's system is the host's).
# Usage: KUMO_ENDPOINT=http://127.0.0.1:4566 [AWS=/path/to/aws] ./examples/05-failover.sh
set -euo pipefail
: "${KUMO_ENDPOINT:=http://127.0.0.1:4566}"
AWS="${AWS:-aws}"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=ap-northeast-1 AWS_PAGER=""
ec2() { "$AWS" --endpoint-url "$KUMO_ENDPOINT" --output text ec2 "$@"; }
rds() { "$AWS" --endpoint-url "$KUMO_ENDPOINT" --output text rds "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

. "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
console() { ec2 get-console-output --instance-id "$1" --query Output 2>/dev/null || true; }
wait_console() { # wait_console WHAT INSTANCE PATTERN SECONDS: until the instance's console shows the pattern
  for _ in $(seq "$4"); do
    if console "$2" | grep -q "$3"; then printf '   ok: %s\n' "$1"; return 0; fi
    sleep 1
  done
  printf 'FAIL: %s; console:\n%s\n' "$1" "$(console "$2")" >&2; exit 1
}

step "Network: VPC, private subnets in 1a and 1c, web-sg, db-sg (3306 from web-sg only)"
vpc=$(ec2 create-vpc --cidr-block 10.5.0.0/16 --query Vpc.VpcId)
subnet_a=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.5.2.0/24 --availability-zone ap-northeast-1a --query Subnet.SubnetId)
subnet_c=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.5.3.0/24 --availability-zone ap-northeast-1c --query Subnet.SubnetId)
web_sg=$(ec2 create-security-group --group-name web-sg --description "web servers" --vpc-id "$vpc" --query GroupId)
db_sg=$(ec2 create-security-group --group-name db-sg --description "database" --vpc-id "$vpc" --query GroupId)
ec2 authorize-security-group-ingress --group-id "$db_sg" --protocol tcp --port 3306 --source-group "$web_sg" >/dev/null
rds create-db-subnet-group --db-subnet-group-name db-subnet --db-subnet-group-description "private subnets" \
  --subnet-ids "$subnet_a" "$subnet_c" >/dev/null

step "A Multi-AZ MySQL instance: a standby in the other zone"
password="Fo-$(date +%s)-pw"
rds create-db-instance --db-instance-identifier database-2 --engine mysql --engine-version 8.0 --db-instance-class db.t3.micro \
  --allocated-storage 20 --master-username admin --master-user-password "$password" --db-name app \
  --vpc-security-group-ids "$db_sg" --db-subnet-group-name db-subnet --multi-az --backup-retention-period 0 >/dev/null
rds wait db-instance-available --db-instance-identifier database-2
read -r endpoint zone secondary <<<"$(rds describe-db-instances --db-instance-identifier database-2 \
  --query 'DBInstances[0].[Endpoint.Address,AvailabilityZone,SecondaryAvailabilityZone]')"
expect "a standby's zone, not the primary's" "$([ "$secondary" != None ] && [ "$secondary" != "$zone" ] && echo yes)" yes

step "A web server writes one row after another, logging each acknowledged one"
cat > "$work/writer.sh" <<EOF
#!/bin/bash
db() { mysql --connect-timeout=1 -h $endpoint -u admin -p'$password' app -N -B "\$@" 2>/dev/null; }
for _ in \$(seq 30); do db -e 'CREATE TABLE IF NOT EXISTS w (id INT PRIMARY KEY)' && break; sleep 1; done
echo "resolved-before: \$(getent ahostsv4 $endpoint | head -1 | cut -d' ' -f1)"
echo writer-started
: > /tmp/acked; i=0; failures=0; first_fail=; recovered=; end=\$((SECONDS + 25))
while [ \$SECONDS -lt \$end ]; do
  i=\$((i + 1))
  if db -e "INSERT INTO w VALUES (\$i)"; then
    echo \$i >> /tmp/acked
    if [ -n "\$first_fail" ] && [ -z "\$recovered" ]; then recovered=\$(date +%s%3N); fi
  else
    failures=\$((failures + 1)); [ -z "\$first_fail" ] && first_fail=\$(date +%s%3N); sleep 0.05
  fi
done
echo "resolved-after: \$(getent ahostsv4 $endpoint | head -1 | cut -d' ' -f1)"
db -e 'SELECT id FROM w' | sort > /tmp/stored
lost=\$(sort /tmp/acked | comm -23 - /tmp/stored | wc -l)
echo "writer-result acknowledged=\$(wc -l < /tmp/acked) failed=\$failures lost=\$lost downtime_ms=\$(( \${recovered:-0} - \${first_fail:-0} ))"
EOF
image=$(ec2 describe-images --owners amazon --filters "Name=name,Values=debian-12-amd64-*" --query 'Images[0].ImageId')
web=$(ec2 run-instances --image-id "$image" --instance-type t2.micro --security-group-ids "$web_sg" --subnet-id "$subnet_a" \
  --user-data "file://$work/writer.sh" --query 'Instances[0].InstanceId')
wait_console "the writer runs" "$web" writer-started 60
sleep 3

step "5. reboot-db-instance --force-failover while it writes"
rds reboot-db-instance --db-instance-identifier database-2 --force-failover >/dev/null
rds wait db-instance-available --db-instance-identifier database-2
read -r zone_after secondary_after <<<"$(rds describe-db-instances --db-instance-identifier database-2 \
  --query 'DBInstances[0].[AvailabilityZone,SecondaryAvailabilityZone]')"
expect "the primary moved to the standby's zone" "$zone_after" "$secondary"
expect "the old primary's zone holds the standby" "$secondary_after" "$zone"
events=$(rds describe-events --source-identifier database-2 --source-type db-instance --query 'Events[].Message')
expect "failover events" "$(echo "$events" | grep -c 'Multi-AZ instance failover completed')" 1

step "The writer's report: the downtime, and no acknowledged write lost"
wait_console "the writer finished" "$web" writer-result 60
result=$(console "$web" | grep -o 'writer-result.*' | head -1)
printf '   %s\n' "$result"
before=$(console "$web" | sed -n 's/.*resolved-before: \([0-9.]*\).*/\1/p' | head -1)
after=$(console "$web" | sed -n 's/.*resolved-after: \([0-9.]*\).*/\1/p' | head -1)
expect "the endpoint follows the new primary" "$([ -n "$after" ] && [ "$before" != "$after" ] && echo moved)" moved
expect "acknowledged writes lost" "$(echo "$result" | sed -n 's/.* lost=\([0-9]*\).*/\1/p')" 0
expect "writes acknowledged" "$(( $(echo "$result" | sed -n 's/.*acknowledged=\([0-9]*\).*/\1/p') > 20 ))" 1
downtime=$(echo "$result" | sed -n 's/.*downtime_ms=\(-\{0,1\}[0-9]*\).*/\1/p')
# RDS's own figure is 1 to 2 minutes; Kumo's is well under a second (bench/rds.py measures it). A loose
# bound here, so a busy machine does not fail the example.
expect "downtime under 10 s" "$(( downtime >= 0 && downtime < 10000 ))" 1

step "Clean-up"
ec2 terminate-instances --instance-ids "$web" >/dev/null
rds delete-db-instance --db-instance-identifier database-2 --skip-final-snapshot >/dev/null
rds wait db-instance-deleted --db-instance-identifier database-2
ec2 wait instance-terminated --instance-ids "$web"
rds delete-db-subnet-group --db-subnet-group-name db-subnet
for sg in "$db_sg" "$web_sg"; do ec2 delete-security-group --group-id "$sg" >/dev/null; done
ec2 delete-subnet --subnet-id "$subnet_a"
ec2 delete-subnet --subnet-id "$subnet_c"
ec2 delete-vpc --vpc-id "$vpc"
echo "section 4, step 5: all checks passed"
