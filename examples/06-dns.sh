#!/usr/bin/env bash
# SCENARIO.md section 5, steps 1 and 2, "Domain", with the AWS CLI against Kumo and answered by dig
# from Kumo's DNS server: a hosted zone with its NS and SOA, A, CNAME, MX and TXT records, an alias
# to an application load balancer, and the routing policies weighted, latency, geolocation and
# failover (with a health check that really probes a server on the host's loopback).
# Needs dig (dnsutils) and python3; the load balancer needs no instances, so no sandboxes.
# The domain is example-NNNNNN.com, a fresh one per run, so that other zones in the same Kumo do not shadow it.
# Usage: KUMO_ENDPOINT=http://127.0.0.1:4566 [AWS=/path/to/aws] ./examples/06-dns.sh
set -euo pipefail
: "${KUMO_ENDPOINT:=http://127.0.0.1:4566}"
AWS="${AWS:-aws}"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=ap-northeast-1 AWS_PAGER=""
r53() { "$AWS" --endpoint-url "$KUMO_ENDPOINT" --output text route53 "$@"; }
ec2() { "$AWS" --endpoint-url "$KUMO_ENDPOINT" --output text ec2 "$@"; }
elbv2() { "$AWS" --endpoint-url "$KUMO_ENDPOINT" --output text elbv2 "$@"; }
work=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

. "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
d="example-$(date +%N | cut -c1-6).com"
dns_port=$(curl -s "$KUMO_ENDPOINT/_kumo/health" | python3 -c 'import json, sys; print(json.load(sys.stdin)["dns"]["port"])')
q() { dig @127.0.0.1 -p "$dns_port" +short +tries=1 +time=2 "$@"; }
answers() { [ "$(q "$1" A)" = "$2" ]; }   # answers NAME IP: the A answer is exactly IP
zone_id=""
change() { # change ACTION NAME TYPE REST-OF-THE-RECORD-SET-JSON: one change, applied (GetChange INSYNC)
  local id
  id=$(r53 change-resource-record-sets --hosted-zone-id "$zone_id" --query ChangeInfo.Id --change-batch \
    "{\"Changes\":[{\"Action\":\"$1\",\"ResourceRecordSet\":{\"Name\":\"$2\",\"Type\":\"$3\",$4}}]}")
  # the CLI's waiter looks every 30 s: Kumo is in sync within a second
  for _ in $(seq 50); do [ "$(r53 get-change --id "$id" --query ChangeInfo.Status)" = INSYNC ] && return 0; sleep 0.2; done
  echo "FAIL: change $id never INSYNC" >&2; exit 1
}
values() { # values IP...: a ResourceRecords list
  local out="" ip
  for ip in "$@"; do out="$out{\"Value\":\"$ip\"},"; done
  printf '"ResourceRecords":[%s]' "${out%,}"
}

step "Hosted zone $d: Kumo's name servers answer its NS and SOA"
zone=$(r53 create-hosted-zone --name "$d" --caller-reference "example-$(date +%s%N)" --query HostedZone.Id)
zone_id=${zone##*/}
expect "dig $d NS +short" "$(q $d NS | sort | tr '\n' ' ')" \
  "ns-1.kumo.localhost. ns-2.kumo.localhost. ns-3.kumo.localhost. ns-4.kumo.localhost. "
expect "the SOA's primary server" "$(q $d SOA | cut -d' ' -f1)" "ns-1.kumo.localhost."
expect "a name outside Kumo's zones" "$(dig @127.0.0.1 -p "$dns_port" +tries=1 +time=2 aws.amazon.com | grep -o 'status: [A-Z]*')" "status: REFUSED"

step "A, CNAME, MX and TXT records"
change CREATE www.$d A "\"TTL\":300,$(values 192.0.2.10)"
change CREATE blog.$d CNAME "\"TTL\":300,$(values www.$d)"
change CREATE $d MX "\"TTL\":300,$(values "10 mail.$d")"
change CREATE $d TXT "\"TTL\":300,$(values '\"v=spf1 -all\"')"
expect "www A" "$(q www.$d A)" "192.0.2.10"
expect "www's TTL" "$(dig @127.0.0.1 -p "$dns_port" +noall +answer www.$d A | awk '{print $2}')" "300"
expect "blog CNAME, followed" "$(q blog.$d A | tr '\n' ' ')" "www.$d. 192.0.2.10 "
expect "MX" "$(q $d MX)" "10 mail.$d."
expect "TXT" "$(q $d TXT)" '"v=spf1 -all"'
expect "a name that does not exist" "$(dig @127.0.0.1 -p "$dns_port" +tries=1 +time=2 nope.$d | grep -o 'status: [A-Z]*')" "status: NXDOMAIN"

step "An alias A record to an internet-facing load balancer"
vpc=$(ec2 create-vpc --cidr-block 10.0.0.0/16 --query Vpc.VpcId)
igw=$(ec2 create-internet-gateway --query InternetGateway.InternetGatewayId)
ec2 attach-internet-gateway --internet-gateway-id "$igw" --vpc-id "$vpc"
subnet_a=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.0.0/24 --availability-zone ap-northeast-1a --query Subnet.SubnetId)
subnet_c=$(ec2 create-subnet --vpc-id "$vpc" --cidr-block 10.0.1.0/24 --availability-zone ap-northeast-1c --query Subnet.SubnetId)
read -r lb lb_dns lb_zone <<<"$(elbv2 create-load-balancer --name Test-ELB --subnets "$subnet_a" "$subnet_c" \
  --query 'LoadBalancers[0].[LoadBalancerArn,DNSName,CanonicalHostedZoneId]')"
for _ in $(seq 50); do
  [ "$(elbv2 describe-load-balancers --load-balancer-arns "$lb" --query 'LoadBalancers[0].State.Code')" = active ] && break
  sleep 0.2
done
change CREATE $d A "\"AliasTarget\":{\"HostedZoneId\":\"$lb_zone\",\"DNSName\":\"$lb_dns\",\"EvaluateTargetHealth\":false}"
expect "$d (alias) as the host sees the load balancer" "$(q $d A)" "127.0.0.1"

step "Weighted: 3 to 1 over 200 queries"
change CREATE w.$d A "\"SetIdentifier\":\"heavy\",\"Weight\":3,\"TTL\":60,$(values 192.0.2.1)"
change CREATE w.$d A "\"SetIdentifier\":\"light\",\"Weight\":1,\"TTL\":60,$(values 192.0.2.2)"
for _ in $(seq 200); do q w.$d A; done > "$work/weighted.txt"
heavy=$(grep -c '^192.0.2.1$' "$work/weighted.txt" || true)
light=$(grep -c '^192.0.2.2$' "$work/weighted.txt" || true)
printf '   heavy %d, light %d\n' "$heavy" "$light"
expect "every answer one of the two" "$((heavy + light))" "200"
expect "the heavy one gets 60-90 %" "$([ "$heavy" -ge 120 ] && [ "$heavy" -le 180 ] && echo yes || echo "no ($heavy)")" "yes"

step "Latency: the client is in Kumo's region (ap-northeast-1) unless KUMO_DNS_LATENCY says otherwise"
change CREATE l.$d A "\"SetIdentifier\":\"tokyo\",\"Region\":\"ap-northeast-1\",\"TTL\":60,$(values 192.0.2.31)"
change CREATE l.$d A "\"SetIdentifier\":\"virginia\",\"Region\":\"us-east-1\",\"TTL\":60,$(values 192.0.2.32)"
expect "nearest region's record" "$(q l.$d A)" "192.0.2.31"

step "Geolocation: Japan and the default; a client Kumo cannot place (no KUMO_DNS_GEO range) gets the default"
change CREATE g.$d A "\"SetIdentifier\":\"japan\",\"GeoLocation\":{\"CountryCode\":\"JP\"},\"TTL\":60,$(values 192.0.2.41)"
change CREATE g.$d A "\"SetIdentifier\":\"rest\",\"GeoLocation\":{\"CountryCode\":\"*\"},\"TTL\":60,$(values 192.0.2.42)"
expect "an unplaced client subnet (EDNS)" "$(q g.$d A +subnet=203.0.113.0/24)" "192.0.2.42"

step "Failover: the primary's health check probes a web server on the host; stopping it moves the answer"
web_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$web_port" --bind 127.0.0.1 --directory "$work" >/dev/null 2>&1 & server=$!
wait_for "the primary's web server answers" 10 curl -sf -m 2 "http://127.0.0.1:$web_port/"
check=$(r53 create-health-check --caller-reference "primary-$(date +%s%N)" --query HealthCheck.Id --health-check-config \
  "Type=HTTP,IPAddress=127.0.0.1,Port=$web_port,ResourcePath=/,RequestInterval=10,FailureThreshold=1")
change CREATE f.$d A "\"SetIdentifier\":\"primary\",\"Failover\":\"PRIMARY\",\"HealthCheckId\":\"$check\",\"TTL\":60,$(values 192.0.2.100)"
change CREATE f.$d A "\"SetIdentifier\":\"secondary\",\"Failover\":\"SECONDARY\",\"TTL\":60,$(values 192.0.2.200)"
expect "the primary answers" "$(q f.$d A)" "192.0.2.100"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
start=$(date +%s)
wait_for "the secondary answers once the check fails" 30 answers f.$d 192.0.2.200
printf '   switched in about %d s (interval 10 s x threshold 1)\n' $(( $(date +%s) - start ))
expect "the health check's status" "$(r53 get-health-check-status --health-check-id "$check" \
  --query 'HealthCheckObservations[0].StatusReport.Status' | cut -c1-7)" "Failure"
python3 -m http.server "$web_port" --bind 127.0.0.1 --directory "$work" >/dev/null 2>&1 & server=$!
wait_for "the primary answers again once it recovers" 30 answers f.$d 192.0.2.100

step "Clean-up: the zone's record sets, the zone, the health check, the load balancer and the network"
r53 list-resource-record-sets --hosted-zone-id "$zone_id" --output json > "$work/sets.json"
batch=$(python3 - "$work/sets.json" <<'PY'
import json, sys
sets = [s for s in json.load(open(sys.argv[1]))["ResourceRecordSets"] if s["Type"] not in ("NS", "SOA")]
print(json.dumps({"Changes": [{"Action": "DELETE", "ResourceRecordSet": s} for s in sets]}))
PY
)
r53 change-resource-record-sets --hosted-zone-id "$zone_id" --change-batch "$batch" >/dev/null
r53 delete-hosted-zone --id "$zone_id" >/dev/null
r53 delete-health-check --health-check-id "$check"
elbv2 delete-load-balancer --load-balancer-arn "$lb"
ec2 detach-internet-gateway --internet-gateway-id "$igw" --vpc-id "$vpc"
ec2 delete-internet-gateway --internet-gateway-id "$igw"
for _ in $(seq 50); do
  ec2 delete-subnet --subnet-id "$subnet_a" 2>/dev/null && break   # the load balancer's interfaces go first
  sleep 0.2
done
ec2 delete-subnet --subnet-id "$subnet_c"
ec2 delete-vpc --vpc-id "$vpc"
expect "hosted zones left named $d" "$(r53 list-hosted-zones-by-name --dns-name $d --query "length(HostedZones[?Name=='$d.'])")" "0"
echo "all checks passed"
