package io.kumo.it.rds;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SCENARIO section 3's API calls with every AWS CLI on the machine (v1 and v2): what the
 * database journey types, up to the instance being created. On CI both CLIs must be there.
 */
class RdsCliTest {

    record Result(int exit, String out) {
    }

    @TestFactory
    List<DynamicTest> sectionThreeCallsWithEachCli() {
        Map<String, String> clis = io.kumo.it.cli.AwsClis.installed();
        boolean ci = "true".equals(System.getenv("CI"));
        List<DynamicTest> tests = new ArrayList<>();
        for (String major : List.of("1", "2")) {
            tests.add(DynamicTest.dynamicTest("aws rds with AWS CLI v" + major, () -> {
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
        Ec2Client ec2 = KumoHarness.shared().ec2();
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.70.0.0/16")).vpc().vpcId();
        String a = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.70.1.0/24").availabilityZone("ap-northeast-1a")).subnet().subnetId();
        String c = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.70.2.0/24").availabilityZone("ap-northeast-1c")).subnet().subnetId();
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("db-sg").description("db")).groupId();
        String suffix = UUID.randomUUID().toString().substring(0, 6);

        Result oneZone = run(cli, "create-db-subnet-group", "--db-subnet-group-name", "one-" + suffix,
                "--db-subnet-group-description", "d", "--subnet-ids", a);
        assertThat(oneZone.exit()).isNotZero();
        assertThat(oneZone.out()).contains("DBSubnetGroupDoesNotCoverEnoughAZs");

        String group = "wp-subnets-" + suffix;
        assertThat(run(cli, "create-db-subnet-group", "--db-subnet-group-name", group, "--db-subnet-group-description", "wp",
                "--subnet-ids", a, c).out()).contains("\"SubnetGroupStatus\": \"Complete\"");
        assertThat(run(cli, "create-db-parameter-group", "--db-parameter-group-name", "wp-params-" + suffix,
                "--db-parameter-group-family", "mysql8.0", "--description", "wp").exit()).isZero();
        assertThat(run(cli, "modify-db-parameter-group", "--db-parameter-group-name", "wp-params-" + suffix, "--parameters",
                "ParameterName=character_set_server,ParameterValue=utf8mb4,ApplyMethod=immediate").exit()).isZero();
        assertThat(run(cli, "create-option-group", "--option-group-name", "wp-options-" + suffix, "--engine-name", "mysql",
                "--major-engine-version", "8.0", "--option-group-description", "wp").exit()).isZero();

        Result shortPassword = run(cli, "create-db-instance", "--db-instance-identifier", "wp-" + suffix, "--engine", "mysql",
                "--db-instance-class", "db.t3.micro", "--allocated-storage", "20", "--master-username", "admin",
                "--master-user-password", "short", "--db-subnet-group-name", group);
        assertThat(shortPassword.out()).contains("InvalidParameterValue");

        Result created = run(cli, "create-db-instance", "--db-instance-identifier", "wp-" + suffix, "--engine", "mysql",
                "--engine-version", "8.0.42", "--db-instance-class", "db.t3.micro", "--allocated-storage", "20",
                "--master-username", "admin", "--master-user-password", "Passw0rd123", "--db-name", "wordpress",
                "--vpc-security-group-ids", sg, "--db-subnet-group-name", group, "--db-parameter-group-name", "wp-params-" + suffix,
                "--option-group-name", "wp-options-" + suffix, "--no-publicly-accessible");
        assertThat(created.exit()).as(created.out()).isZero();
        assertThat(created.out()).contains("\"DBInstanceStatus\": \"creating\"");
        Result status = run(cli, "describe-db-instances", "--db-instance-identifier", "wp-" + suffix,
                "--query", "DBInstances[0].[DBInstanceStatus,DBSubnetGroup.DBSubnetGroupName]", "--output", "text");
        assertThat(status.out().trim()).isEqualTo("creating\t" + group);
        assertThat(run(cli, "wait", "db-instance-deleted", "--db-instance-identifier", "never-" + suffix).exit())
                .as("deleted means DBInstanceNotFound").isZero();
    }

    private static Result run(String cli, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(cli, "--endpoint-url", KumoHarness.shared().endpoint().toString(), "rds"));
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
