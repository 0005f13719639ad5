#!/usr/bin/env bash
# SCENARIO.md section 1, "Network", with the AWS CLI against Kumo, checking every output.
# Usage: KUMO_ENDPOINT=http://127.0.0.1:4566 [AWS=/path/to/aws] ./examples/01-network.sh
set -euo pipefail
: "${KUMO_ENDPOINT:=http://127.0.0.1:4566}"
AWS="${AWS:-aws}"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=ap-northeast-1 AWS_PAGER=""
ec2() { "$AWS" --endpoint-url "$KUMO_ENDPOINT" --output text ec2 "$@"; }

. "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
expect_error() { # expect_error CODE command...
  local code=$1; shift
  local out
  if out=$("$@" 2>&1); then printf 'FAIL: expected %s, but it succeeded: %s\n' "$code" "$out" >&2; exit 1; fi
  case "$out" in
    *"($code)"*) printf '   ok: refused with %s\n' "$code" ;;
    *) printf 'FAIL: expected %s, got: %s\n' "$code" "$out" >&2; exit 1 ;;
  esac
}

step "1. VPC 10.0.0.0/16: DNS resolution on, DNS hostnames off"
vpc=$(ec2 create-vpc --cidr-block 10.0.0.0/16 --tag-specifications 'ResourceType=vpc,Tags=[{Key=Name,Value=scenario-vpc}]' --query Vpc.VpcId)
expect "vpc id format" "$(echo "$vpc" | grep -cE '^vpc-[0-9a-f]{17}$')" 1
expect "enableDnsSupport" "$(ec2 describe-vpc-attribute --vpc-id "$vpc" --attribute enableDnsSupport --query EnableDnsSupport.Value)" True
expect "enableDnsHostnames" "$(ec2 describe-vpc-attribute --vpc-id "$vpc" --attribute enableDnsHostnames --query EnableDnsHostnames.Value)" False
expect_error InvalidVpc.Range ec2 create-vpc --cidr-block 10.0.0.0/15
expect_error InvalidVpc.Range ec2 create-vpc --cidr-block 10.0.0.0/29

step "2. Four subnets, 251 addresses each"
pub_a=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.0.0/24 --availability-zone ap-northeast-1a --query Subnet.SubnetId)
pub_c=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.1.0/24 --availability-zone ap-northeast-1c --query Subnet.SubnetId)
priv_a=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.2.0/24 --availability-zone ap-northeast-1a --query Subnet.SubnetId)
priv_c=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.3.0/24 --availability-zone ap-northeast-1c --query Subnet.SubnetId)
for s in "$pub_a" "$pub_c" "$priv_a" "$priv_c"; do
  expect "$s available addresses" "$(ec2 describe-subnets --subnet-ids "$s" --query 'Subnets[0].AvailableIpAddressCount')" 251
done
expect "zone of $pub_c" "$(ec2 describe-subnets --subnet-ids "$pub_c" --query 'Subnets[0].AvailabilityZone')" ap-northeast-1c
expect_error InvalidSubnet.Conflict ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.0.0/24
expect_error InvalidSubnet.Range ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.1.0.0/24

step "3. Internet gateway, attached"
igw=$(ec2 create-internet-gateway --query InternetGateway.InternetGatewayId)
ec2 attach-internet-gateway --internet-gateway-id "$igw" --vpc-id "$vpc"
expect "igw attachment" "$(ec2 describe-internet-gateways --internet-gateway-ids "$igw" --query 'InternetGateways[0].Attachments[0].[VpcId,State]')" "$vpc	available"
expect_error Resource.AlreadyAssociated ec2 attach-internet-gateway --internet-gateway-id "$igw" --vpc-id "$vpc"

step "4. Public route table 0.0.0.0/0 -> igw; the main table keeps only local"
rtb=$(ec2 create-route-table --vpc-id "$vpc" --query RouteTable.RouteTableId)
expect "create-route" "$(ec2 create-route --route-table-id "$rtb" --destination-cidr-block 0.0.0.0/0 --gateway-id "$igw" --query Return)" True
expect_error RouteAlreadyExists ec2 create-route --route-table-id "$rtb" --destination-cidr-block 0.0.0.0/0 --gateway-id "$igw"
ec2 associate-route-table --route-table-id "$rtb" --subnet-id "$pub_a" >/dev/null
ec2 associate-route-table --route-table-id "$rtb" --subnet-id "$pub_c" >/dev/null
main=$(ec2 describe-route-tables --filters "Name=vpc-id,Values=$vpc" "Name=association.main,Values=true" --query 'RouteTables[0].RouteTableId')
expect "main table routes" "$(ec2 describe-route-tables --route-table-ids "$main" --query 'RouteTables[0].Routes[].[DestinationCidrBlock,GatewayId]')" "10.0.0.0/16	local"
expect "public table subnets" "$(ec2 describe-route-tables --route-table-ids "$rtb" --query 'length(RouteTables[0].Associations)')" 2

step "5. Security groups web-sg, elb-sg, db-sg"
web=$(ec2 create-security-group --group-name web-sg --description "web servers" --vpc-id "$vpc" --query GroupId)
elb=$(ec2 create-security-group --group-name elb-sg --description "load balancer" --vpc-id "$vpc" --query GroupId)
db=$(ec2 create-security-group --group-name db-sg --description "database" --vpc-id "$vpc" --query GroupId)
ec2 authorize-security-group-ingress --group-id "$web" --protocol tcp --port 22 --cidr 0.0.0.0/0 >/dev/null
ec2 authorize-security-group-ingress --group-id "$web" --protocol tcp --port 80 --cidr 0.0.0.0/0 >/dev/null
ec2 authorize-security-group-ingress --group-id "$elb" --protocol tcp --port 80 --cidr 0.0.0.0/0 >/dev/null
ec2 authorize-security-group-ingress --group-id "$db" --protocol tcp --port 3306 --source-group "$web" >/dev/null
expect_error InvalidPermission.Duplicate ec2 authorize-security-group-ingress --group-id "$web" --protocol tcp --port 22 --cidr 0.0.0.0/0
expect_error InvalidGroup.Duplicate ec2 create-security-group --group-name web-sg --description again --vpc-id "$vpc"
expect "db-sg source" "$(ec2 describe-security-groups --group-ids "$db" --query 'SecurityGroups[0].IpPermissions[0].[FromPort,UserIdGroupPairs[0].GroupId]')" "3306	$web"
step "   tighten web-sg: port 80 only from elb-sg"
ec2 revoke-security-group-ingress --group-id "$web" --protocol tcp --port 80 --cidr 0.0.0.0/0 >/dev/null
ec2 authorize-security-group-ingress --group-id "$web" --protocol tcp --port 80 --source-group "$elb" >/dev/null
expect "web-sg port 80 sources" "$(ec2 describe-security-groups --group-ids "$web" --query 'SecurityGroups[0].IpPermissions[?FromPort==`80`].UserIdGroupPairs[].GroupId')" "$elb"
expect "web-sg world on 80" "$(ec2 describe-security-groups --group-ids "$web" --query 'length(SecurityGroups[0].IpPermissions[?FromPort==`80`].IpRanges[])')" 0

step "6. Clean-up: refused while in use, then in the right order"
expect_error DependencyViolation ec2 delete-vpc --vpc-id "$vpc"
expect_error DependencyViolation ec2 delete-security-group --group-id "$web"
ec2 delete-security-group --group-id "$db"
ec2 delete-security-group --group-id "$web"
ec2 delete-security-group --group-id "$elb"
for s in "$pub_a" "$pub_c" "$priv_a" "$priv_c"; do ec2 delete-subnet --subnet-id "$s"; done
ec2 delete-route-table --route-table-id "$rtb"
ec2 detach-internet-gateway --internet-gateway-id "$igw" --vpc-id "$vpc"
ec2 delete-internet-gateway --internet-gateway-id "$igw"
ec2 delete-vpc --vpc-id "$vpc"
expect_error InvalidVpcID.NotFound ec2 describe-vpcs --vpc-ids "$vpc"
echo "section 1: all checks passed"
