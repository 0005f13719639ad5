#!/usr/bin/env bash
# SCENARIO.md section 4, steps 1 to 4, "Load balancer and redundancy", with the AWS CLI against
# Kumo, checking every output. Two instances from one AMI in zones 1a and 1c behind an
# internet-facing application load balancer that the host reaches by its DNS name; one is
# stopped while a client keeps asking, then started again. Needs a Kumo that can run sandboxes
# (Linux, root): see docs/instances.md and docs/elbv2.md.
# Usage: KUMO_ENDPOINT=http://127.0.0.1:4566 [AWS=/path/to/aws] ./examples/04-load-balancer.sh
set -euo pipefail
: "${KUMO_ENDPOINT:=http://127.0.0.1:4566}"
AWS="${AWS:-aws}"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=ap-northeast-1 AWS_PAGER=""
ec2() { "$AWS" --endpoint-url "$KUMO_ENDPOINT" --output text ec2 "$@"; }
elbv2() { "$AWS" --endpoint-url "$KUMO_ENDPOINT" --output text elbv2 "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

. "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
health() { elbv2 describe-target-health --target-group-arn "$tg" --targets "Id=$1" --query 'TargetHealthDescriptions[0].TargetHealth.State'; }

step "Network: VPC, public subnets in 1a and 1c, internet gateway, elb-sg (80 from anywhere), web-sg (80 from elb-sg only)"
vpc=$(ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId)
igw=$(ec2 create-internet-gateway --query InternetGateway.InternetGatewayId)
ec2 attach-internet-gateway --internet-gateway-id "$igw" --vpc-id "$vpc"
rtb=$(ec2 create-route-table --vpc-id "$vpc" --query RouteTable.RouteTableId)
ec2 create-route --route-table-id "$rtb" --destination-cidr-block 0.0.0.0/0 --gateway-id "$igw" >/dev/null
subnet_a=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.0.0/24 --availability-zone ap-northeast-1a --query Subnet.SubnetId)
subnet_c=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.1.0/24 --availability-zone ap-northeast-1c --query Subnet.SubnetId)
for s in "$subnet_a" "$subnet_c"; do
  ec2 associate-route-table --route-table-id "$rtb" --subnet-id "$s" >/dev/null
done
elb_sg=$(ec2 create-security-group --group-name elb-sg --description "load balancer" --vpc-id "$vpc" --query GroupId)
ec2 authorize-security-group-ingress --group-id "$elb_sg" --protocol tcp --port 80 --cidr 0.0.0.0/0 >/dev/null
web_sg=$(ec2 create-security-group --group-name web-sg --description "web servers" --vpc-id "$vpc" --query GroupId)
ec2 authorize-security-group-ingress --group-id "$web_sg" --protocol tcp --port 80 --source-group "$elb_sg" >/dev/null

step "The first web server, in 1a: a service that starts at every boot and says which host it is"
image=$(ec2 describe-images --owners amazon --filters "Name=name,Values=debian-12-amd64-*" --query 'Images[0].ImageId')
cat > "$work/user-data.sh" <<'SCRIPT'
#!/bin/bash
cat > /etc/init.d/web <<'SERVICE'
#!/bin/sh
case "$1" in
  start) mkdir -p /var/www/html
         echo "<h1>Hello from $(hostname)</h1>" > /var/www/html/index.html
         cd /var/www/html && nohup python3 -m http.server 80 >/var/log/web.log 2>&1 & ;;
  stop) pkill -f 'http.server 80' ;;
esac
SERVICE
chmod +x /etc/init.d/web
systemctl enable --now web
SCRIPT
web1=$(ec2 run-instances --image-id "$image" --instance-type t2.micro --security-group-ids "$web_sg" --subnet-id "$subnet_a" \
  --user-data "file://$work/user-data.sh" --query 'Instances[0].InstanceId')
ec2 wait instance-running --instance-ids "$web1"

step "1. Target group elb-targetgroup (HTTP/80), load balancer Test-ELB in both subnets with elb-sg, listener HTTP:80"
tg=$(elbv2 create-target-group --name elb-targetgroup --protocol HTTP --port 80 --vpc-id "$vpc" \
  --health-check-path / --health-check-interval-seconds 5 --health-check-timeout-seconds 2 \
  --healthy-threshold-count 2 --unhealthy-threshold-count 2 --query 'TargetGroups[0].TargetGroupArn')
elbv2 modify-target-group-attributes --target-group-arn "$tg" --attributes Key=deregistration_delay.timeout_seconds,Value=5 >/dev/null
read -r lb dns <<<"$(elbv2 create-load-balancer --name Test-ELB --subnets "$subnet_a" "$subnet_c" --security-groups "$elb_sg" \
  --query 'LoadBalancers[0].[LoadBalancerArn,DNSName]')"
expect "DNS name" "$(echo "$dns" | grep -cE '^Test-ELB-[0-9]{10}\.ap-northeast-1\.elb\.localhost$')" 1
elbv2 create-listener --load-balancer-arn "$lb" --protocol HTTP --port 80 \
  --default-actions "Type=forward,TargetGroupArn=$tg" >/dev/null
elbv2 wait load-balancer-available --load-balancer-arns "$lb"
expect "state" "$(elbv2 describe-load-balancers --load-balancer-arns "$lb" --query 'LoadBalancers[0].State.Code')" active
elbv2 register-targets --target-group-arn "$tg" --targets "Id=$web1"
elbv2 wait target-in-service --target-group-arn "$tg" --targets "Id=$web1"
expect "web1 health" "$(health "$web1")" healthy

step "2. The site through the load balancer's DNS name (every name under .localhost is the host's loopback)"
# the host's port for listener port 80: 80 itself unless something else holds it
port=$(curl -s -X POST "$KUMO_ENDPOINT/_kumo/commands/elbv2/front-doors" | tr -d ' \n' | sed -n 's/.*"80":\([0-9]*\).*/\1/p')
url="http://$dns:$port/"
private1=$(ec2 describe-instances --instance-ids "$web1" --query 'Reservations[0].Instances[0].PrivateIpAddress')
expect "the site" "$(curl -s -m 5 "$url")" "<h1>Hello from ip-${private1//./-}</h1>"
public1=$(ec2 describe-instances --instance-ids "$web1" --query 'Reservations[0].Instances[0].PublicIpAddress')
if [ "$public1" != None ]; then
  expect "the instance itself is closed to the host (web-sg)" "$(curl -s -m 3 -o /dev/null -w '%{http_code}' "http://$public1/" || true)" 000
fi

step "3. An AMI of the first server, a second server from it in 1c (no user data), registered: both healthy, requests spread"
ami=$(ec2 create-image --instance-id "$web1" --name "web-$$" --no-reboot --query ImageId)
ec2 wait image-available --image-ids "$ami"
web2=$(ec2 run-instances --image-id "$ami" --instance-type t2.micro --security-group-ids "$web_sg" --subnet-id "$subnet_c" \
  --query 'Instances[0].InstanceId')
ec2 wait instance-running --instance-ids "$web2"
elbv2 register-targets --target-group-arn "$tg" --targets "Id=$web2"
elbv2 wait target-in-service --target-group-arn "$tg" --targets "Id=$web1" "Id=$web2"
seen=$(for _ in $(seq 10); do curl -s -m 5 "$url"; echo; done | grep . | sort -u | wc -l)
expect "distinct servers answering 10 requests" "$seen" 2

step "4. Stop web1 while a client keeps asking: the site keeps answering; web1 is unused, then healthy once started"
(for _ in $(seq 40); do curl -s -m 5 -o /dev/null -w '%{http_code}\n' "$url"; sleep 0.1; done) > "$work/codes.txt" &
client=$!
sleep 1
ec2 stop-instances --instance-ids "$web1" >/dev/null
wait "$client"
failed=$(grep -vc '^200$' "$work/codes.txt" || true)
printf '   requests while stopping: %s, failed: %s\n' "$(wc -l < "$work/codes.txt")" "$failed"
expect "failed requests" "$failed" 0
ec2 wait instance-stopped --instance-ids "$web1"
expect "web1 while stopped" "$(health "$web1")" unused
expect "the site" "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$url")" 200
ec2 start-instances --instance-ids "$web1" >/dev/null
ec2 wait instance-running --instance-ids "$web1"
elbv2 wait target-in-service --target-group-arn "$tg" --targets "Id=$web1"
expect "web1 again" "$(health "$web1")" healthy

step "   deregistering web2 drains it, then it is gone"
elbv2 deregister-targets --target-group-arn "$tg" --targets "Id=$web2"
expect "web2 while draining" "$(health "$web2")" draining
elbv2 wait target-deregistered --target-group-arn "$tg" --targets "Id=$web2"

step "Clean-up"
elbv2 delete-load-balancer --load-balancer-arn "$lb"
elbv2 wait load-balancers-deleted --load-balancer-arns "$lb"
elbv2 delete-target-group --target-group-arn "$tg"
ec2 terminate-instances --instance-ids "$web1" "$web2" >/dev/null
ec2 wait instance-terminated --instance-ids "$web1" "$web2"
ec2 deregister-image --image-id "$ami" >/dev/null
ec2 delete-security-group --group-id "$web_sg" >/dev/null
ec2 delete-security-group --group-id "$elb_sg" >/dev/null
ec2 delete-subnet --subnet-id "$subnet_a"
ec2 delete-subnet --subnet-id "$subnet_c"
ec2 delete-route-table --route-table-id "$rtb"
ec2 detach-internet-gateway --internet-gateway-id "$igw" --vpc-id "$vpc"
ec2 delete-internet-gateway --internet-gateway-id "$igw"
ec2 delete-vpc --vpc-id "$vpc"
echo "section 4, steps 1 to 4: all checks passed"
