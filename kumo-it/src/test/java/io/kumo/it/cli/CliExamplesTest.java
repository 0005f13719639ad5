package io.kumo.it.cli;

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

/**
 * Runs the examples/ scripts with the AWS CLIs on the machine (v1 from pip, v2 from Debian):
 * section 1 with both, the later sections with v2 (v1 where v2 is missing). On CI both must be
 * there; elsewhere a missing one is skipped.
 */
class CliExamplesTest {
    private static final Path ROOT = repositoryRoot();

    @TestFactory
    List<DynamicTest> scenarioSectionsWithEachCli() {
        Map<String, String> clis = AwsClis.installed();
        boolean ci = "true".equals(System.getenv("CI"));
        List<DynamicTest> tests = new ArrayList<>();
        for (String script : List.of("01-network.sh", "02-web-server.sh", "03-database.sh", "04-load-balancer.sh", "05-failover.sh", "06-dns.sh")) {
            for (String major : List.of("1", "2")) {
                tests.add(DynamicTest.dynamicTest("examples/" + script + " with AWS CLI v" + major, () -> {
                    String cli = clis.get(major);
                    if (ci) {
                        assertThat(cli).as("AWS CLI v" + major + " must be installed on CI").isNotNull();
                    }
                    assumeTrue(cli != null, "AWS CLI v" + major + " not installed");
                    // Section 1 runs with both CLIs, the later ones with one (v2 where there): they take 1-2 minutes
                    // each, mostly the CLI's waiters, and the calls they make are checked with both CLIs by the
                    // services' own CLI tests (RdsCliTest, Route53CliTest...) and by section 1.
                    assumeTrue(script.startsWith("01") || major.equals("2") || !clis.containsKey("2"),
                            "examples after section 1 run with AWS CLI v2 only");
                    if (script.startsWith("06")) {
                        assumeTrue(new java.io.File("/usr/bin/dig").canExecute(), "dig (dnsutils) not installed");
                    } else if (!script.startsWith("01")) {
                        // from section 2 on, instances really run: that needs sandboxes (root on Linux, as on CI)
                        assumeTrue(io.kumo.fabric.host.Isolation.probe().available(), "sandboxes cannot run here");
                    }
                    KumoHarness.shared();
                    runExample(cli, script);
                }));
            }
        }
        return tests;
    }

    private static void runExample(String cli, String script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("examples").resolve(script).toString())
                .redirectErrorStream(true);
        pb.environment().put("KUMO_ENDPOINT", KumoHarness.shared().endpoint().toString());
        pb.environment().put("AWS", cli);
        Process p = pb.start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("script finished in time").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("all checks passed");
    }



    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("examples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root with examples/");
        }
        return dir;
    }
}
