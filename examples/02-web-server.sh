#!/usr/bin/env bash
# SCENARIO.md section 2, "Web server", with the AWS CLI against Kumo, checking every output.
# The instance really runs: its user data starts a web server that the host reaches at its public
# IP. Needs a Kumo that can run sandboxes (Linux, root): see docs/instances.md.
# Usage: KUMO_ENDPOINT=http://127.0.0.1:4566 [AWS=/path/to/aws] ./examples/02-web-server.sh
set -euo pipefail
: "${KUMO_ENDPOINT:=http://127.0.0.1:4566}"
AWS="${AWS:-aws}"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=ap-northeast-1 AWS_PAGER=""
ec2() { "$AWS" --endpoint-url "$KUMO_ENDPOINT" --output text ec2 "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

. "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
console() { ec2 get-console-output --instance-id "$1" --query Output 2>/dev/null || true; }  # the CLI decodes the base64 itself
wait_console() { # wait_console WHAT INSTANCE PATTERN: until the instance's console shows the pattern
  for _ in $(seq 30); do
    if console "$2" | grep -q "$3"; then printf '   ok: %s\n' "$1"; return 0; fi
    sleep 1
  done
  printf 'FAIL: %s; console:\n%s\n' "$1" "$(console "$2")" >&2; exit 1
}

step "Network of section 1: VPC, public subnet (1a), internet gateway, route, web-sg (22 and 80)"
vpc=$(ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId)
ec2 modify-vpc-attribute --vpc-id "$vpc" --enable-dns-hostnames '{"Value":true}'
subnet=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.0.0/24 --availability-zone ap-northeast-1a --query Subnet.SubnetId)
igw=$(ec2 create-internet-gateway --query InternetGateway.InternetGatewayId)
ec2 attach-internet-gateway --internet-gateway-id "$igw" --vpc-id "$vpc"
rtb=$(ec2 create-route-table --vpc-id "$vpc" --query RouteTable.RouteTableId)
ec2 create-route --route-table-id "$rtb" --destination-cidr-block 0.0.0.0/0 --gateway-id "$igw" >/dev/null
ec2 associate-route-table --route-table-id "$rtb" --subnet-id "$subnet" >/dev/null
web=$(ec2 create-security-group --group-name web-sg --description "web servers" --vpc-id "$vpc" --query GroupId)
ec2 authorize-security-group-ingress --group-id "$web" --protocol tcp --port 22 --cidr 0.0.0.0/0 >/dev/null
ec2 authorize-security-group-ingress --group-id "$web" --protocol tcp --port 80 --cidr 0.0.0.0/0 >/dev/null

key="web-key-$$"
step "1. run-instances: t2.micro, key pair, web-sg, public subnet, public IP, user data that serves the site"
ec2 create-key-pair --key-name "$key" --query KeyMaterial > "$work/$key.pem"
chmod 600 "$work/$key.pem"
image=$(ec2 describe-images --owners amazon --filters "Name=name,Values=debian-12-amd64-*" --query 'Images[0].ImageId')
cat > "$work/user-data.sh" <<'SCRIPT'
#!/bin/bash
mkdir -p /var/www/html
echo "<h1>Hello from $(hostname)</h1>" > /var/www/html/index.html
cd /var/www/html && nohup python3 -m http.server 80 >/var/log/web.log 2>&1 &
echo "web server started"
SCRIPT
instance=$(ec2 run-instances --image-id "$image" --instance-type t2.micro --key-name "$key" \
  --security-group-ids "$web" --subnet-id "$subnet" --associate-public-ip-address \
  --user-data "file://$work/user-data.sh" --query 'Instances[0].InstanceId')
expect "instance id format" "$(echo "$instance" | grep -cE '^i-[0-9a-f]{17}$')" 1
ec2 wait instance-running --instance-ids "$instance"
expect "state" "$(ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].State.Name')" running

step "2. A private IP from the subnet and a public IP the host reaches"
read -r private public <<<"$(ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].[PrivateIpAddress,PublicIpAddress]')"
expect "private IP in 10.0.0.0/24" "$(echo "$private" | grep -c '^10\.0\.0\.')" 1
wait_for "curl http://$public/ answers" 20 curl -sf -m 2 "http://$public/"
expect "the site" "$(curl -s -m 2 "http://$public/")" "<h1>Hello from ip-${private//./-}</h1>"

step "   user data ran once, as root, and its output is the console"
wait_console "console shows the user data's output" "$instance" 'web server started'
expect "user data exit status" "$(console "$instance" | grep -c 'user data finished with exit status 0')" 1

step "   a user data script without #! is not run, and the console says why"
printf 'yum install -y httpd\n' > "$work/no-shebang.txt"
broken=$(ec2 run-instances --image-id "$image" --instance-type t2.micro --subnet-id "$subnet" \
  --user-data "file://$work/no-shebang.txt" --query 'Instances[0].InstanceId')
ec2 wait instance-running --instance-ids "$broken"
wait_console "console explains" "$broken" 'was not run'

step "   revoking port 80 closes the site at once; authorizing it opens it again"
ec2 revoke-security-group-ingress --group-id "$web" --protocol tcp --port 80 --cidr 0.0.0.0/0 >/dev/null
sleep 1
expect "curl after revoke fails" "$(curl -s -m 4 -o /dev/null -w '%{http_code}' "http://$public/" || true)" 000
ec2 authorize-security-group-ingress --group-id "$web" --protocol tcp --port 80 --cidr 0.0.0.0/0 >/dev/null
wait_for "the site is back" 5 curl -sf -m 2 "http://$public/"

step "   stop and start: a new public IP"
ec2 stop-instances --instance-ids "$instance" >/dev/null
ec2 wait instance-stopped --instance-ids "$instance"
expect "public IP while stopped" "$(ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].PublicIpAddress')" None
ec2 start-instances --instance-ids "$instance" >/dev/null
ec2 wait instance-running --instance-ids "$instance"
restarted=$(ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].PublicIpAddress')
expect "a new public IP" "$([ "$restarted" != "$public" ] && [ "$restarted" != None ] && echo new)" new
expect "user data does not run again" "$(console "$instance" | grep -c 'does not run again')" 1

step "   an Elastic IP: allocated, associated, kept across stop and start, then released"
alloc=$(ec2 allocate-address --domain vpc --query AllocationId)
eip=$(ec2 describe-addresses --allocation-ids "$alloc" --query 'Addresses[0].PublicIp')
assoc=$(ec2 associate-address --allocation-id "$alloc" --instance-id "$instance" --query AssociationId)
expect "public IP is the Elastic IP" "$(ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].PublicIpAddress')" "$eip"
ec2 stop-instances --instance-ids "$instance" >/dev/null
ec2 wait instance-stopped --instance-ids "$instance"
ec2 start-instances --instance-ids "$instance" >/dev/null
ec2 wait instance-running --instance-ids "$instance"
expect "Elastic IP kept" "$(ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0].PublicIpAddress')" "$eip"
ec2 disassociate-address --association-id "$assoc"
ec2 release-address --allocation-id "$alloc"

step "3. Instance metadata from inside (the user data asked it at first boot)"
cat > "$work/imds.sh" <<'SCRIPT'
#!/bin/bash
TOKEN=$(curl -s -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 60')
echo "imds instance-id=$(curl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id)"
SCRIPT
probe=$(ec2 run-instances --image-id "$image" --instance-type t2.micro --subnet-id "$subnet" \
  --user-data "file://$work/imds.sh" --query 'Instances[0].InstanceId')
ec2 wait instance-running --instance-ids "$probe"
wait_console "IMDSv2 answers the instance its own id" "$probe" "imds instance-id=$probe"

step "Clean-up: terminate, then delete the network"
ec2 terminate-instances --instance-ids "$instance" "$broken" "$probe" >/dev/null
ec2 wait instance-terminated --instance-ids "$instance" "$broken" "$probe"
expect "the site is gone" "$(curl -s -m 3 -o /dev/null -w '%{http_code}' "http://$eip/" || true)" 000
ec2 delete-key-pair --key-name "$key" >/dev/null
ec2 delete-security-group --group-id "$web" >/dev/null
ec2 delete-subnet --subnet-id "$subnet"
ec2 delete-route-table --route-table-id "$rtb"
ec2 detach-internet-gateway --internet-gateway-id "$igw" --vpc-id "$vpc"
ec2 delete-internet-gateway --internet-gateway-id "$igw"
ec2 delete-vpc --vpc-id "$vpc"
echo "section 2: all checks passed"
