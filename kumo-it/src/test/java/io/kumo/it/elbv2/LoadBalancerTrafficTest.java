package io.kumo.it.elbv2;

import io.kumo.fabric.host.Command;
import io.kumo.fabric.host.Isolation;
import io.kumo.it.KumoHarness;
import io.kumo.it.ec2.PublicVpc;
import io.kumo.it.tls.SelfSigned;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerAttribute;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SCENARIO section 4 on real packets: an internet-facing load balancer in two zones in front of
 * two instances whose security group lets only the load balancer's in. curl reaches it by its
 * DNS name (a name under .localhost); requests spread, headers are ALB's, health checks decide,
 * a stopped instance drops out without failing requests, and errors are 502, 503 and 504.
 */
class LoadBalancerTrafficTest {
    private static final KumoHarness KUMO = KumoHarness.shared();
    private static final Ec2Client EC2 = KUMO.ec2();
    private static final ElasticLoadBalancingV2Client ELB = KUMO.elbv2();
    private static final AcmClient ACM = KUMO.acm();
    private static final Consumer<WaiterOverrideConfiguration.Builder> FAST = w -> w
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(200))).maxAttempts(150);
    /** Answers every path with what the load balancer sent; /slow answers after 5 s. A service: it starts again with the instance. */
    private static final String SERVER = """
            #!/bin/bash
            mkdir -p /srv/app && cat > /srv/app/echo.py <<'EOF'
            import http.server, socket, time
            class H(http.server.BaseHTTPRequestHandler):
                protocol_version = 'HTTP/1.1'
                def do_GET(self):
                    if self.path.startswith('/slow'):
                        time.sleep(5)
                    h = self.headers
                    body = '|'.join([socket.gethostname(), self.path, h.get('Host', ''), h.get('X-Forwarded-For', ''),
                                     h.get('X-Forwarded-Proto', ''), h.get('X-Forwarded-Port', ''), h.get('X-Amzn-Trace-Id', '')]).encode()
                    self.send_response(200)
                    self.send_header('Content-Length', str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                def log_message(self, *a):
                    pass
            http.server.ThreadingHTTPServer(('', 80), H).serve_forever()
            EOF
            cat > /etc/init.d/echo <<'EOF'
            #!/bin/sh
            case "$1" in
              start) nohup python3 /srv/app/echo.py >/var/log/echo.log 2>&1 & ;;
              stop) pkill -f /srv/app/echo.py ;;
            esac
            EOF
            chmod +x /etc/init.d/echo
            systemctl enable --now echo
            echo serving
            """;
    private static final List<String> INSTANCES = new ArrayList<>();
    private static String loadBalancer;
    private static String dnsName;
    private static String group;
    private static String listener;
    private static int port;

    @BeforeAll
    static void site() {
        Isolation isolation = Isolation.probe();
        assumeTrue(isolation.available(), "sandboxes cannot run here: " + isolation.reason());
        PublicVpc network = PublicVpc.create(EC2, "10.60");
        String vpc = network.vpcId();
        String a = network.subnetA();
        String c = network.subnetC();
        String elbSg = EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName("elb-sg").description("elb")).groupId();
        EC2.authorizeSecurityGroupIngress(r -> r.groupId(elbSg).ipProtocol("tcp").fromPort(80).toPort(80).cidrIp("0.0.0.0/0"));
        String webSg = EC2.createSecurityGroup(r -> r.vpcId(vpc).groupName("web-sg").description("web")).groupId();
        for (int p : new int[]{80, 8081}) {
            EC2.authorizeSecurityGroupIngress(r -> r.groupId(webSg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(p).toPort(p)
                    .userIdGroupPairs(UserIdGroupPair.builder().groupId(elbSg).build()).build()));
        }
        String image = EC2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("debian-12-amd64-*")))
                .images().getFirst().imageId();
        for (String subnet : List.of(a, c)) {
            INSTANCES.add(EC2.runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(subnet)
                    .securityGroupIds(webSg).userData(Base64.getEncoder().encodeToString(SERVER.getBytes(StandardCharsets.UTF_8))))
                    .instances().getFirst().instanceId());
        }
        group = ELB.createTargetGroup(r -> r.name("elb-targetgroup").protocol("HTTP").port(80).vpcId(vpc).healthCheckPath("/health")
                .healthCheckIntervalSeconds(5).healthCheckTimeoutSeconds(2).healthyThresholdCount(2).unhealthyThresholdCount(2))
                .targetGroups().getFirst().targetGroupArn();
        var lb = ELB.createLoadBalancer(r -> r.name("Test-ELB").subnets(a, c).securityGroups(elbSg)).loadBalancers().getFirst();
        loadBalancer = lb.loadBalancerArn();
        dnsName = lb.dnsName();
        listener = ELB.createListener(r -> r.loadBalancerArn(loadBalancer).protocol("HTTP").port(80)
                .defaultActions(d -> d.type("forward").targetGroupArn(group))).listeners().getFirst().listenerArn();
        EC2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(INSTANCES), FAST);
        ELB.registerTargets(r -> r.targetGroupArn(group).targets(INSTANCES.stream().map(i -> TargetDescription.builder().id(i).build()).toList()));
        ELB.waiter().waitUntilLoadBalancerAvailable(r -> r.loadBalancerArns(loadBalancer), FAST);
        ELB.waiter().waitUntilTargetInService(r -> r.targetGroupArn(group), FAST);
        port = frontDoorPort(80);
    }

    /** The host's port for the listener port (the same unless something else holds it), from Kumo's own command. */
    private static int frontDoorPort(int listenerPort) {
        String body = command("elbv2/front-doors");
        Matcher m = Pattern.compile("\"" + listenerPort + "\"\\s*:\\s*(\\d+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String command(String name) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(KUMO.endpoint().resolve("/_kumo/commands/" + name))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** curl, which resolves every name under .localhost to loopback itself: status, then body. */
    private static String[] curl(String path, String... extra) {
        List<String> argv = new ArrayList<>(List.of("curl", "-s", "-m", "15", "-o", "-", "-w", "\n%{http_code}"));
        argv.addAll(List.of(extra));
        argv.add("http://" + dnsName + ":" + port + path);
        var result = Command.of(argv).timeout(Duration.ofSeconds(20)).exec();
        String out = result.stdout();
        int cut = out.lastIndexOf('\n');
        return new String[]{out.substring(cut + 1).strip(), out.substring(0, Math.max(0, cut))};
    }

    @Test
    void theSiteAnswersThroughTheDnsNameSpreadOverBothZonesWithAlbsHeaders() {
        Set<String> hosts = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            String[] r = curl("/index.html");
            assertThat(r[0]).isEqualTo("200");
            String[] f = r[1].split("\\|", -1);
            hosts.add(f[0]);
            assertThat(f[1]).isEqualTo("/index.html");
            assertThat(f[2]).as("Host as the client sent it").isEqualTo(port == 80 ? dnsName : dnsName + ":" + port);
            assertThat(f[3]).isEqualTo("198.51.100.1");
            assertThat(f[4]).isEqualTo("http");
            assertThat(f[5]).isEqualTo("80");
            assertThat(f[6]).matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        }
        assertThat(hosts).as("both instances served").hasSize(2);
        String metrics = command("elbv2/metrics");
        assertThat(count(metrics, "LoadBalancer=app/Test-ELB/", "RequestCount")).isGreaterThanOrEqualTo(10);
        assertThat(count(metrics, "LoadBalancer=app/Test-ELB/", "HTTPCode_Target_2XX_Count")).isGreaterThanOrEqualTo(10);
        assertThat(count(metrics, "TargetGroup=targetgroup/elb-targetgroup/", "HealthyHostCount")).isEqualTo(2);
        String[] forwarded = curl("/", "-H", "X-Forwarded-For: 203.0.113.9");
        assertThat(forwarded[1].split("\\|")[3]).isEqualTo("203.0.113.9, 198.51.100.1");
    }

    /** Requests a client pipelines in one write come back in order, each whole, on the one connection. */
    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        String host = port == 80 ? dnsName : dnsName + ":" + port;
        StringBuilder requests = new StringBuilder();
        for (String path : List.of("/first", "/second", "/third")) {
            requests.append("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n\r\n");
        }
        requests.append("GET /last HTTP/1.1\r\nHost: ").append(host).append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(requests.toString().getBytes(StandardCharsets.US_ASCII));
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            List<String> paths = new ArrayList<>();
            Matcher m = Pattern.compile("HTTP/1\\.1 200 OK\r\n.*?\r\n\r\n[^|]*\\|(/\\w+)\\|", Pattern.DOTALL).matcher(answers);
            while (m.find()) {
                paths.add(m.group(1));
            }
            assertThat(paths).as(answers).containsExactly("/first", "/second", "/third", "/last");
        }
    }

    @Test
    void stickinessSendsAClientBackToItsTarget() throws Exception {
        java.nio.file.Path jar = java.nio.file.Files.createTempFile("kumo-cookies", ".txt");
        ELB.modifyTargetGroupAttributes(r -> r.targetGroupArn(group).attributes(
                software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute.builder().key("stickiness.enabled").value("true").build(),
                software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute.builder().key("stickiness.type").value("lb_cookie").build()));
        try {
            sleepForThePlan();
            String[] first = curl("/", "-c", jar.toString(), "-D", "-");
            assertThat(first[1]).contains("AWSALB=", "AWSALBCORS=");
            String host = first[1].substring(first[1].lastIndexOf("\r\n\r\n") + 4).split("\\|")[0];
            for (int i = 0; i < 6; i++) {
                assertThat(curl("/", "-b", jar.toString())[1].split("\\|")[0]).as("request " + i).isEqualTo(host);
            }
        } finally {
            ELB.modifyTargetGroupAttributes(r -> r.targetGroupArn(group).attributes(
                    software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupAttribute.builder().key("stickiness.enabled").value("false").build()));
            java.nio.file.Files.deleteIfExists(jar);
        }
    }

    @Test
    void anInstanceInTheVpcReachesTheLoadBalancerByItsNameThroughTheVpcResolver() {
        String subnet = EC2.describeInstances(r -> r.instanceIds(INSTANCES.getFirst())).reservations().getFirst().instances().getFirst().subnetId();
        // python asks DNS; curl would not: it takes every name under .localhost for its own loopback
        String script = "#!/bin/bash\nfor i in $(seq 30); do\n  body=$(python3 -c \"import urllib.request; "
                + "print(urllib.request.urlopen('http://" + dnsName + "/from-inside', timeout=3).read().decode())\") && [ -n \"$body\" ] && break\n"
                + "  sleep 1\ndone\necho \"resolved=$(getent ahostsv4 " + dnsName + " | cut -d' ' -f1 | sort -u | tr '\\n' ,)\"\necho \"answer=$body\"\n";
        String client = EC2.runInstances(r -> r.imageId(EC2.describeInstances(d -> d.instanceIds(INSTANCES.getFirst())).reservations().getFirst()
                        .instances().getFirst().imageId()).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(subnet)
                .userData(Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_8)))).instances().getFirst().instanceId();
        INSTANCES.add(client);
        String console = "";
        for (int i = 0; i < 120 && !console.contains("answer="); i++) {
            sleepForThePlan();
            String b64 = EC2.getConsoleOutput(r -> r.instanceId(client)).output();
            console = b64 == null ? "" : new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        }
        String privateIp = EC2.describeInstances(r -> r.instanceIds(client)).reservations().getFirst().instances().getFirst()
                .privateIpAddress();
        List<String> nodes = EC2.describeNetworkInterfaces(r -> r.filters(f -> f.name("description").values("ELB app/Test-ELB/*")))
                .networkInterfaces().stream().map(n -> n.privateIpAddress()).sorted().toList();
        assertThat(console).contains("resolved=" + String.join(",", nodes) + ",");
        assertThat(console).containsPattern("answer=ip-10-60-[01]-\\d+\\|/from-inside\\|" + Pattern.quote(dnsName) + "\\|" + Pattern.quote(privateIp) + "\\|");
    }

    @Test
    void aWeightedForwardSpreadsOverItsGroupsAndItsStickinessKeepsAClientOnOne() throws Exception {
        String vpc = vpcOfGroup();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String instance = INSTANCES.get(i);
            String arn = ELB.createTargetGroup(r -> r.name("half-" + instance.substring(2, 10)).protocol("HTTP").port(80).vpcId(vpc))
                    .targetGroups().getFirst().targetGroupArn();
            ELB.registerTargets(r -> r.targetGroupArn(arn).targets(TargetDescription.builder().id(instance).build()));
            groups.add(arn);
        }
        ELB.createRule(r -> r.listenerArn(listener).priority(50).conditions(c -> c.field("path-pattern").values("/weighted*"))
                .actions(x -> x.type("forward").forwardConfig(f -> f.targetGroups(
                        t -> t.targetGroupArn(groups.get(0)).weight(1), t -> t.targetGroupArn(groups.get(1)).weight(1))
                        .targetGroupStickinessConfig(s -> s.enabled(true).durationSeconds(300)))));
        sleepForThePlan();
        Set<String> hosts = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            hosts.add(curl("/weighted")[1].split("\\|")[0]);
        }
        assertThat(hosts).as("both groups get requests").hasSize(2);
        java.nio.file.Path jar = java.nio.file.Files.createTempFile("kumo-cookies", ".txt");
        try {
            String[] first = curl("/weighted", "-c", jar.toString(), "-D", "-");
            assertThat(first[1]).contains("AWSALBTG=", "AWSALBTGCORS=");
            String host = first[1].substring(first[1].lastIndexOf("\r\n\r\n") + 4).split("\\|")[0];
            for (int i = 0; i < 8; i++) {
                assertThat(curl("/weighted", "-b", jar.toString())[1].split("\\|")[0]).as("request " + i).isEqualTo(host);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(jar);
        }
    }

    @Test
    void instancesAreReachableOnlyThroughTheLoadBalancer() {
        for (String id : INSTANCES.subList(0, 2)) {
            String ip = EC2.describeInstances(r -> r.instanceIds(id)).reservations().getFirst().instances().getFirst().publicIpAddress();
            var direct = Command.of("curl", "-s", "-m", "3", "-o", "/dev/null", "-w", "%{http_code}", "http://" + ip + "/")
                    .timeout(Duration.ofSeconds(10)).exec();
            assertThat(direct.stdout()).as("web-sg lets only elb-sg in").isEqualTo("000");
        }
    }

    @Test
    void rulesAnswerFixedResponsesRedirectsAndAlbsErrors() {
        String empty = ELB.createTargetGroup(r -> r.name("empty").protocol("HTTP").port(80).vpcId(vpcOfGroup())).targetGroups().getFirst()
                .targetGroupArn();
        String broken = ELB.createTargetGroup(r -> r.name("broken").protocol("HTTP").port(8081).vpcId(vpcOfGroup())).targetGroups().getFirst()
                .targetGroupArn();
        ELB.registerTargets(r -> r.targetGroupArn(broken).targets(TargetDescription.builder().id(INSTANCES.getFirst()).build()));
        ELB.createRule(r -> r.listenerArn(listener).priority(10).conditions(c -> c.field("path-pattern").values("/teapot"))
                .actions(x -> x.type("fixed-response").fixedResponseConfig(f -> f.statusCode("418").contentType("text/plain").messageBody("short and stout"))));
        ELB.createRule(r -> r.listenerArn(listener).priority(20).conditions(c -> c.field("path-pattern").values("/old/*"))
                .actions(x -> x.type("redirect").redirectConfig(f -> f.path("/new/#{path}").statusCode("HTTP_301"))));
        ELB.createRule(r -> r.listenerArn(listener).priority(30).conditions(c -> c.field("path-pattern").values("/empty"))
                .actions(x -> x.type("forward").targetGroupArn(empty)));
        ELB.createRule(r -> r.listenerArn(listener).priority(40).conditions(c -> c.field("path-pattern").values("/broken"))
                .actions(x -> x.type("forward").targetGroupArn(broken)));

        assertThat(curl("/teapot")).containsExactly("418", "short and stout");
        String[] moved = curl("/old/page", "-D", "-");
        assertThat(moved[0]).isEqualTo("301");
        assertThat(moved[1].toLowerCase(java.util.Locale.ROOT))
                .contains("location: http://" + dnsName.toLowerCase(java.util.Locale.ROOT) + "/new/old/page", "server: awselb/2.0");
        assertThat(curl("/empty")[0]).as("no target to send to").isEqualTo("503");
        String[] refused = curl("/broken");
        assertThat(refused[0]).as("the target refuses the connection").isEqualTo("502");
        assertThat(refused[1]).contains("<center><h1>502 Bad Gateway</h1></center>");

        ELB.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(loadBalancer)
                .attributes(LoadBalancerAttribute.builder().key("idle_timeout.timeout_seconds").value("2").build()));
        try {
            long started = System.nanoTime();
            sleepForThePlan();
            assertThat(curl("/slow")[0]).as("the target takes longer than the idle timeout").isEqualTo("504");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            ELB.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(loadBalancer)
                    .attributes(LoadBalancerAttribute.builder().key("idle_timeout.timeout_seconds").value("60").build()));
        }
        String metrics = command("elbv2/metrics");
        for (String counted : List.of("HTTPCode_ELB_4XX_Count", "HTTPCode_ELB_502_Count", "HTTPCode_ELB_503_Count", "HTTPCode_ELB_504_Count")) {
            assertThat(count(metrics, "LoadBalancer=app/Test-ELB/", counted)).as(counted).isGreaterThanOrEqualTo(1);
        }
    }

    /** A number of one resource's block in Kumo's metrics answer (pretty-printed JSON, one field per line). */
    private static long count(String json, String resourcePrefix, String metric) {
        int at = json.indexOf(resourcePrefix);
        assertThat(at).as(resourcePrefix + " in " + json).isNotNegative();
        Matcher m = Pattern.compile("\"" + metric + "\"\\s*:\\s*(\\d+)").matcher(json.substring(at, json.indexOf('}', at)));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    void anHttpsListenerServesHttp2AndHttp11WithAnImportedCertificate() throws Exception {
        SelfSigned site = SelfSigned.forName("www.example.com");
        String certificate = ACM.importCertificate(r -> r.certificate(SdkBytes.fromUtf8String(site.certificatePem()))
                .privateKey(SdkBytes.fromUtf8String(site.privateKeyPem()))).certificateArn();
        String elbSg = ELB.describeLoadBalancers(r -> r.loadBalancerArns(loadBalancer)).loadBalancers().getFirst().securityGroups().getFirst();
        EC2.authorizeSecurityGroupIngress(r -> r.groupId(elbSg).ipProtocol("tcp").fromPort(443).toPort(443).cidrIp("0.0.0.0/0"));
        String https = ELB.createListener(r -> r.loadBalancerArn(loadBalancer).protocol("HTTPS").port(443)
                .certificates(c -> c.certificateArn(certificate)).defaultActions(d -> d.type("forward").targetGroupArn(group)))
                .listeners().getFirst().listenerArn();
        Path caFile = Files.createTempFile("kumo-site", ".pem");
        try {
            Files.writeString(caFile, site.certificatePem());
            assertThat(ACM.describeCertificate(r -> r.certificateArn(certificate)).certificate().inUseBy()).containsExactly(loadBalancer);
            assertThatThrownBy(() -> ACM.deleteCertificate(r -> r.certificateArn(certificate)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceInUseException"));
            sleepForThePlan();
            int tlsPort = frontDoorPort(443);
            String url = "https://" + dnsName + ":" + tlsPort + "/secure";
            String[] h2 = curlRaw("-k", "--http2", url);
            assertThat(h2[0]).isEqualTo("200 2");
            String[] f = h2[1].split("\\|", -1);
            assertThat(f[1]).isEqualTo("/secure");
            assertThat(f[4]).isEqualTo("https");
            assertThat(f[5]).isEqualTo("443");
            assertThat(curlRaw("-k", "--http1.1", url)[0]).isEqualTo("200 1.1");
            assertThat(curlRaw("--cacert", caFile.toString(), "--resolve", "www.example.com:" + tlsPort + ":127.0.0.1",
                    "-H", "Host: " + dnsName, "https://www.example.com:" + tlsPort + "/verified")[0])
                    .as("the imported certificate, chosen by the SNI name and verified").isEqualTo("200 2");
            assertThat(curlRaw("http://" + dnsName + ":" + tlsPort + "/")[0]).as("plain HTTP to an HTTPS listener").startsWith("000");

            // three requests multiplexed on one HTTP/2 connection are one active connection, not three
            Process streams = new ProcessBuilder("curl", "-s", "-k", "--http2", "--parallel", "-o", "/dev/null", "-o", "/dev/null", "-o", "/dev/null",
                    "https://" + dnsName + ":" + tlsPort + "/slow?1", "https://" + dnsName + ":" + tlsPort + "/slow?2",
                    "https://" + dnsName + ":" + tlsPort + "/slow?3").start();
            try {
                long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                long active;
                do {
                    Thread.sleep(200);
                    active = count(command("elbv2/metrics"), "LoadBalancer=app/Test-ELB/", "ActiveConnectionCount");
                } while (active == 0 && System.nanoTime() < end);
                Thread.sleep(500);
                assertThat(count(command("elbv2/metrics"), "LoadBalancer=app/Test-ELB/", "ActiveConnectionCount"))
                        .as("one connection with three streams in flight").isEqualTo(1);
            } finally {
                streams.destroyForcibly().waitFor();
            }

            ELB.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(loadBalancer).attributes(a -> a.key("routing.http2.enabled").value("false")));
            sleepForThePlan();
            assertThat(curlRaw("-k", "--http2", url)[0]).as("routing.http2.enabled=false").isEqualTo("200 1.1");
        } finally {
            ELB.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(loadBalancer).attributes(a -> a.key("routing.http2.enabled").value("true")));
            ELB.deleteListener(r -> r.listenerArn(https));
            EC2.revokeSecurityGroupIngress(r -> r.groupId(elbSg).ipProtocol("tcp").fromPort(443).toPort(443).cidrIp("0.0.0.0/0"));
            Files.deleteIfExists(caFile);
        }
        assertThat(ACM.describeCertificate(r -> r.certificateArn(certificate)).certificate().inUseBy()).isEmpty();
        ACM.deleteCertificate(r -> r.certificateArn(certificate));
    }

    /** curl with its own URL: "status http-version", then body. */
    private static String[] curlRaw(String... args) {
        List<String> argv = new ArrayList<>(List.of("curl", "-s", "-m", "15", "-o", "-", "-w", "\n%{http_code} %{http_version}"));
        argv.addAll(List.of(args));
        String out = Command.of(argv).timeout(Duration.ofSeconds(20)).exec().stdout();
        int cut = out.lastIndexOf('\n');
        return new String[]{out.substring(cut + 1).strip(), out.substring(0, Math.max(0, cut))};
    }

    @Test
    void aStoppedInstanceDropsOutWithoutFailedRequestsAndComesBackHealthy() throws Exception {
        String stopped = INSTANCES.get(1);
        List<String> codes = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread client = Thread.ofVirtual().start(() -> {
            long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < end) {
                codes.add(curl("/")[0]);
            }
        });
        Thread.sleep(1000);
        EC2.stopInstances(r -> r.instanceIds(stopped));
        client.join();
        assertThat(codes).isNotEmpty().allMatch("200"::equals);
        EC2.waiter().waitUntilInstanceStopped(r -> r.instanceIds(stopped), FAST);
        var health = ELB.describeTargetHealth(r -> r.targetGroupArn(group)).targetHealthDescriptions().stream()
                .filter(d -> d.target().id().equals(stopped)).findFirst().orElseThrow().targetHealth();
        assertThat(health.stateAsString()).isEqualTo("unused");
        assertThat(health.reasonAsString()).isEqualTo("Target.InvalidState");

        slowStart("30");
        try {
            EC2.startInstances(r -> r.instanceIds(stopped));
            EC2.waiter().waitUntilInstanceRunning(r -> r.instanceIds(stopped), FAST);
            ELB.waiter().waitUntilTargetInService(r -> r.targetGroupArn(group).targets(TargetDescription.builder().id(stopped).build()), FAST);
            String returning = EC2.describeInstances(r -> r.instanceIds(stopped)).reservations().getFirst().instances().getFirst()
                    .privateDnsName().split("\\.")[0];
            long toReturning = java.util.stream.IntStream.range(0, 40).mapToObj(i -> curl("/")[1].split("\\|")[0])
                    .filter(returning::equals).count();
            assertThat(toReturning).as("a target in the first seconds of a 30 s slow start takes a small share").isLessThan(12);
        } finally {
            slowStart("0");
        }
    }

    private static void slowStart(String seconds) {
        ELB.modifyTargetGroupAttributes(r -> r.targetGroupArn(group)
                .attributes(TargetGroupAttribute.builder().key("slow_start.duration_seconds").value(seconds).build()));
        sleepForThePlan();
    }

    private static String vpcOfGroup() {
        return ELB.describeTargetGroups(r -> r.targetGroupArns(group)).targetGroups().getFirst().vpcId();
    }

    /** The data plane reads changes within half a second. */
    private static void sleepForThePlan() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void cleanUp() {
        if (loadBalancer != null) {
            ELB.deleteLoadBalancer(r -> r.loadBalancerArn(loadBalancer));
        }
        if (group != null) {
            String vpc = vpcOfGroup();
            ELB.describeTargetGroups(r -> { }).targetGroups().stream().filter(g -> g.vpcId().equals(vpc))
                    .forEach(g -> ELB.deleteTargetGroup(r -> r.targetGroupArn(g.targetGroupArn())));
        }
        if (!INSTANCES.isEmpty()) {
            EC2.terminateInstances(r -> r.instanceIds(List.copyOf(INSTANCES)));
        }
    }
}
