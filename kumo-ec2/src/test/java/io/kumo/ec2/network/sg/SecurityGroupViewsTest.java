package io.kumo.ec2.network.sg;

import io.kumo.ec2.network.sg.SecurityGroupRecord.SecurityGroupRule;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityGroupViewsTest {

    private static SecurityGroupRule rule(String id, String protocol, int from, int to, String cidr, String group) {
        return new SecurityGroupRule(id, false, protocol, from, to, cidr, null, null, group, group == null ? null : "000000000000", null);
    }

    @Test
    void rulesWithTheSameProtocolAndPortsShareOnePermission() {
        List<IpPermission> permissions = SecurityGroupViews.permissions(List.of(
                rule("sgr-1", "tcp", 22, 22, "0.0.0.0/0", null),
                rule("sgr-2", "tcp", 80, 80, "0.0.0.0/0", null),
                rule("sgr-3", "tcp", 22, 22, null, "sg-00000001"),
                rule("sgr-4", "-1", -1, -1, "10.0.0.0/8", null)));
        assertThat(permissions).hasSize(3);
        assertThat(permissions.getFirst().fromPort()).isEqualTo(22);
        assertThat(permissions.getFirst().ipRanges()).hasSize(1);
        assertThat(permissions.getFirst().userIdGroupPairs()).hasSize(1);
        assertThat(permissions.get(2).fromPort()).isNull();
        assertThat(permissions.get(2).toPort()).isNull();
    }
}
