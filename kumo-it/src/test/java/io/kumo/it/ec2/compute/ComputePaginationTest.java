package io.kumo.it.ec2.compute;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.kumo.it.ec2.Ec2Asserts.filter;
import static io.kumo.it.ec2.compute.ComputeFixture.EC2;
import static io.kumo.it.ec2.compute.ComputeFixture.KUMO;
import static io.kumo.it.ec2.compute.ComputeFixture.al2023;
import static org.assertj.core.api.Assertions.assertThat;

/** DescribeInstances over 100 instances, page by page and through the SDK's paginator. */
class ComputePaginationTest {
    private static final Set<String> launched = new HashSet<>();

    @BeforeAll
    static void launchAHundred() {
        KUMO.reset();
        for (int batch = 0; batch < 4; batch++) {
            EC2.runInstances(r -> r.imageId(al2023()).instanceType("t3.nano").minCount(25).maxCount(25))
                    .instances().forEach(i -> launched.add(i.instanceId()));
        }
    }

    /**
     * Where sandboxes can run, the hundred instances really boot; left running they would load the machine while
     * later classes time their own instances, so they go, and are gone, before this class ends.
     */
    @AfterAll
    static void terminateThem() {
        EC2.terminateInstances(r -> r.instanceIds(launched));
        EC2.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(launched),
                w -> w.backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(250))).maxAttempts(240));
    }

    @Test
    void pagesCoverEveryInstanceOnce() {
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            DescribeInstancesResponse page = EC2.describeInstances(r -> r.maxResults(10).nextToken(next));
            List<String> ids = page.reservations().stream().flatMap(res -> res.instances().stream()).map(Instance::instanceId).toList();
            assertThat(ids).hasSizeLessThanOrEqualTo(10);
            assertThat(seen.addAll(ids)).isTrue();
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(10);
        assertThat(seen).isEqualTo(launched);
    }

    @Test
    void theSdkPaginatorAndFiltersAgree() {
        List<String> all = EC2.describeInstancesPaginator(r -> r.maxResults(7)).reservations().stream()
                .flatMap(res -> res.instances().stream()).map(Instance::instanceId).toList();
        assertThat(all).hasSize(100).doesNotHaveDuplicates();
        assertThat(EC2.describeInstances(r -> r.filters(filter("instance-type", "t3.nano"))).reservations())
                .hasSize(4).allSatisfy(res -> assertThat(res.instances()).hasSize(25));
        assertThat(EC2.describeInstances(r -> { }).reservations().stream().mapToInt(res -> res.instances().size()).sum()).isEqualTo(100);
    }
}
