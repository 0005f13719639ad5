#!/usr/bin/env bash
# SCENARIO.md section 3, "Database", with the AWS CLI against Kumo, checking every output. A MySQL
# DB instance in two private subnets behind db-sg, which admits 3306 from web-sg only; the seeds'
# session runs with the mysql client inside a web instance (its user data, printed on its console),
# and an instance outside web-sg finds the port closed. Needs a Kumo that can run sandboxes (Linux,
# root; docs/instances.md) and the mysql client on the host (an instance's system is the host's).
# Usage: KUMO_ENDPOINT=http://127.0.0.1:4566 [AWS=/path/to/aws] ./examples/03-database.sh
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
# RDS's waiters look every 30 s; Kumo's DB instances change within seconds, so the script looks every
# second first (which also times the change), and the waiter then confirms on its first look.
db_status() { rds describe-db-instances --db-instance-identifier "$1" --query 'DBInstances[0].DBInstanceStatus' 2>/dev/null || echo gone; }
wait_db() { # wait_db ID STATUS: until the instance's status is STATUS ("gone" once deleted), at most 120 s
  for _ in $(seq 240); do [ "$(db_status "$1")" = "$2" ] && return 0; sleep 0.5; done
  printf 'FAIL: %s never became %s (now %s)\n' "$1" "$2" "$(db_status "$1")" >&2; exit 1
}
wait_console() { # wait_console WHAT INSTANCE PATTERN: until the instance's console shows the pattern
  for _ in $(seq 60); do
    if console "$2" | grep -q "$3"; then printf '   ok: %s\n' "$1"; return 0; fi
    sleep 1
  done
  printf 'FAIL: %s; console:\n%s\n' "$1" "$(console "$2")" >&2; exit 1
}

step "Network: VPC, private subnets in 1a and 1c, web-sg, other-sg, db-sg (3306 from web-sg only)"
vpc=$(ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId)
subnet_a=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.2.0/24 --availability-zone ap-northeast-1a --query Subnet.SubnetId)
subnet_c=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.3.0/24 --availability-zone ap-northeast-1c --query Subnet.SubnetId)
web_sg=$(ec2 create-security-group --group-name web-sg --description "web servers" --vpc-id "$vpc" --query GroupId)
other_sg=$(ec2 create-security-group --group-name other-sg --description "not web" --vpc-id "$vpc" --query GroupId)
db_sg=$(ec2 create-security-group --group-name db-sg --description "database" --vpc-id "$vpc" --query GroupId)
ec2 authorize-security-group-ingress --group-id "$db_sg" --protocol tcp --port 3306 --source-group "$web_sg" >/dev/null

step "1. DB subnet group (one zone is refused), parameter group, option group"
code=$(rds create-db-subnet-group --db-subnet-group-name one-zone --db-subnet-group-description x \
  --subnet-ids "$subnet_a" 2>&1 | grep -o DBSubnetGroupDoesNotCoverEnoughAZs || true)
expect "one zone" "$code" DBSubnetGroupDoesNotCoverEnoughAZs
rds create-db-subnet-group --db-subnet-group-name db-subnet --db-subnet-group-description "private subnets" \
  --subnet-ids "$subnet_a" "$subnet_c" >/dev/null
rds create-db-parameter-group --db-parameter-group-name wp-params --db-parameter-group-family mysql8.0 --description wordpress >/dev/null
rds create-option-group --option-group-name wp-options --engine-name mysql --major-engine-version 8.0 \
  --option-group-description wordpress >/dev/null

step "2. MySQL 8.0 db.t3.micro, master admin, database wordpress, db-sg, not publicly accessible: available, with an endpoint"
password="Wp-$(date +%s)-pw"
rds create-db-instance --db-instance-identifier database-1 --engine mysql --engine-version 8.0 --db-instance-class db.t3.micro \
  --allocated-storage 20 --master-username admin --master-user-password "$password" --db-name wordpress \
  --vpc-security-group-ids "$db_sg" --db-subnet-group-name db-subnet --db-parameter-group-name wp-params \
  --option-group-name wp-options --no-publicly-accessible --backup-retention-period 1 >/dev/null
start=$(date +%s%N)
wait_db database-1 available
printf '   creating -> available: %d ms\n' $(( ($(date +%s%N) - start) / 1000000 ))
rds wait db-instance-available --db-instance-identifier database-1
read -r endpoint port <<<"$(rds describe-db-instances --db-instance-identifier database-1 \
  --query 'DBInstances[0].[Endpoint.Address,Endpoint.Port]')"
expect "endpoint name" "$(echo "$endpoint" | grep -cE '^database-1\.[a-z0-9]{12}\.ap-northeast-1\.rds\.amazonaws\.com$')" 1
expect "port" "$port" 3306

step "3. From a web server (web-sg): the seeds' session with the mysql client"
image=$(ec2 describe-images --owners amazon --filters "Name=name,Values=debian-12-amd64-*" --query 'Images[0].ImageId')
cat > "$work/session.sh" <<EOF
#!/bin/bash
echo "resolved: \$(getent ahostsv4 $endpoint | head -1 | cut -d' ' -f1)"
mysql -h $endpoint -u admin -p'$password' -N -B <<'SQL' && echo session-ok
CREATE DATABASE wordpress_db DEFAULT CHARACTER SET utf8 COLLATE utf8_general_ci;
CREATE USER 'wordpress_user'@'%' IDENTIFIED BY 'wp-user-secret1';
GRANT ALL ON wordpress_db.* TO 'wordpress_user'@'%';
FLUSH PRIVILEGES;
SELECT concat('user=', user, '@', host) FROM mysql.user ORDER BY user;
SQL
EOF
web=$(ec2 run-instances --image-id "$image" --instance-type t2.micro --security-group-ids "$web_sg" --subnet-id "$subnet_a" \
  --user-data "file://$work/session.sh" --query 'Instances[0].InstanceId')
wait_console "the session ran" "$web" session-ok
expect "the endpoint resolves in the VPC" "$(console "$web" | grep -c 'resolved: 10\.0\.')" 1
expect "wordpress_user in mysql.user" "$(console "$web" | grep -c 'user=wordpress_user@%')" 1
expect "admin in mysql.user" "$(console "$web" | grep -c 'user=admin@%')" 1

step "   from an instance outside web-sg, and from the host, the port is closed"
cat > "$work/outsider.sh" <<EOF
#!/bin/bash
mysql --connect-timeout=3 -h $endpoint -u admin -p'$password' -e 'SELECT 1' >/dev/null 2>&1 && echo outsider-connected || echo outsider-refused
EOF
outsider=$(ec2 run-instances --image-id "$image" --instance-type t2.micro --security-group-ids "$other_sg" --subnet-id "$subnet_c" \
  --user-data "file://$work/outsider.sh" --query 'Instances[0].InstanceId')
wait_console "the outsider tried" "$outsider" 'outsider-'
expect "outside web-sg" "$(console "$outsider" | grep -o 'outsider-[a-z]*' | head -1)" outsider-refused
address=$(console "$web" | sed -n 's/.*resolved: \([0-9.]*\).*/\1/p' | head -1)
expect "from the host" "$(mysql --connect-timeout=2 -h "$address" -u admin -p"$password" -e 'SELECT 1' >/dev/null 2>&1 && echo open || echo closed)" closed

step "Clean-up"
ec2 terminate-instances --instance-ids "$web" "$outsider" >/dev/null
rds delete-db-instance --db-instance-identifier database-1 --skip-final-snapshot >/dev/null
wait_db database-1 gone
rds wait db-instance-deleted --db-instance-identifier database-1
ec2 wait instance-terminated --instance-ids "$web" "$outsider"
rds delete-db-subnet-group --db-subnet-group-name db-subnet
rds delete-db-parameter-group --db-parameter-group-name wp-params
rds delete-option-group --option-group-name wp-options
for sg in "$db_sg" "$web_sg" "$other_sg"; do ec2 delete-security-group --group-id "$sg" >/dev/null; done
ec2 delete-subnet --subnet-id "$subnet_a"
ec2 delete-subnet --subnet-id "$subnet_c"
ec2 delete-vpc --vpc-id "$vpc"
echo "section 3: all checks passed"
