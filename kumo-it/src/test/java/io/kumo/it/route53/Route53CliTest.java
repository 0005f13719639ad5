package io.kumo.it.route53;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** SCENARIO section 5 step 1-2's API calls with every AWS CLI on the machine (v1 and v2); on CI both must be there. */
class Route53CliTest {

    record Result(int exit, String out) {
    }

    @TestFactory
    List<DynamicTest> zoneAndRecordsWithEachCli() {
        Map<String, String> clis = io.kumo.it.cli.AwsClis.installed();
        boolean ci = "true".equals(System.getenv("CI"));
        List<DynamicTest> tests = new ArrayList<>();
        for (String major : List.of("1", "2")) {
            tests.add(DynamicTest.dynamicTest("aws route53 with AWS CLI v" + major, () -> {
                String cli = clis.get(major);
                if (ci) {
                    assertThat(cli).as("AWS CLI v" + major + " must be installed on CI").isNotNull();
                }
                assumeTrue(cli != null, "AWS CLI v" + major + " not installed");
                journey(cli);
            }));
        }
        return tests;
    }

    private static void journey(String cli) throws Exception {
        String zone = Route53Asserts.unique("cli") + ".example";
        Result created = run(cli, "create-hosted-zone", "--name", zone, "--caller-reference", Route53Asserts.unique("ref"),
                "--query", "HostedZone.Id", "--output", "text");
        assertThat(created.exit()).as(created.out()).isZero();
        String id = created.out().trim();
        Path batch = Files.createTempFile("batch", ".json");
        Files.writeString(batch, """
                {"Comment": "scenario", "Changes": [
                  {"Action": "CREATE", "ResourceRecordSet": {"Name": "www.%1$s", "Type": "A", "TTL": 300,
                    "ResourceRecords": [{"Value": "192.0.2.10"}]}},
                  {"Action": "CREATE", "ResourceRecordSet": {"Name": "%1$s", "Type": "MX", "TTL": 300,
                    "ResourceRecords": [{"Value": "10 mail.%1$s"}]}},
                  {"Action": "CREATE", "ResourceRecordSet": {"Name": "%1$s", "Type": "TXT", "TTL": 300,
                    "ResourceRecords": [{"Value": "\\"v=spf1 -all\\""}]}},
                  {"Action": "CREATE", "ResourceRecordSet": {"Name": "blog.%1$s", "Type": "CNAME", "TTL": 300,
                    "ResourceRecords": [{"Value": "www.%1$s"}]}},
                  {"Action": "CREATE", "ResourceRecordSet": {"Name": "*.%1$s", "Type": "A", "SetIdentifier": "heavy", "Weight": 200,
                    "TTL": 60, "ResourceRecords": [{"Value": "192.0.2.20"}]}}
                ]}""".formatted(zone));
        Result changed = run(cli, "change-resource-record-sets", "--hosted-zone-id", id, "--change-batch", "file://" + batch,
                "--query", "ChangeInfo.Id", "--output", "text");
        assertThat(changed.exit()).as(changed.out()).isZero();
        assertThat(run(cli, "get-change", "--id", changed.out().trim()).out()).containsAnyOf("PENDING", "INSYNC");

        Result listed = run(cli, "list-resource-record-sets", "--hosted-zone-id", id, "--query",
                "ResourceRecordSets[].[Name,Type]", "--output", "text");
        assertThat(listed.out().lines().map(String::trim).toList()).containsExactly(zone + ".\tMX", zone + ".\tNS", zone + ".\tSOA",
                zone + ".\tTXT", "\\052." + zone + ".\tA", "blog." + zone + ".\tCNAME", "www." + zone + ".\tA");

        Result again = run(cli, "change-resource-record-sets", "--hosted-zone-id", id, "--change-batch", "file://" + batch);
        assertThat(again.exit()).isNotZero();
        assertThat(again.out()).contains("InvalidChangeBatch").contains("Tried to create resource record set [name='www." + zone + ".', type='A'] but it already exists");

        Result ns = run(cli, "get-hosted-zone", "--id", id, "--query", "DelegationSet.NameServers", "--output", "text");
        assertThat(ns.out().trim().split("\\s+")).containsExactly("ns-1.kumo.localhost", "ns-2.kumo.localhost", "ns-3.kumo.localhost",
                "ns-4.kumo.localhost");
        Result check = run(cli, "create-health-check", "--caller-reference", Route53Asserts.unique("hc"), "--health-check-config",
                "Type=HTTP,IPAddress=192.0.2.10,Port=80,ResourcePath=/,RequestInterval=10,FailureThreshold=2");
        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(run(cli, "list-hosted-zones-by-name", "--dns-name", zone).out()).contains(zone + ".");
        Files.deleteIfExists(batch);
    }

    private static Result run(String cli, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", KumoHarness.shared().endpoint().toString(), "route53"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("AWS_ACCESS_KEY_ID", "test");
        pb.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        pb.environment().put("AWS_DEFAULT_REGION", KumoHarness.REGION.id());
        pb.environment().put("AWS_PAGER", "");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("aws " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), out);
    }

}
