package io.kumo.it.ec2.network;

import io.kumo.it.KumoHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AddPrefixListEntry;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ManagedPrefixList;
import software.amazon.awssdk.services.ec2.model.PrefixListEntry;
import software.amazon.awssdk.services.ec2.model.PrefixListId;

import static io.kumo.it.ec2.Ec2Asserts.fails;
import static io.kumo.it.ec2.Ec2Asserts.filter;
import static org.assertj.core.api.Assertions.assertThat;

class PrefixListTest {
    private final Ec2Client ec2 = KumoHarness.shared().ec2();

    @Test
    void awsManagedListsPerRegionWithStableIds() {
        var lists = ec2.describeManagedPrefixLists(r -> r.filters(filter("owner-id", "AWS"))).prefixLists();
        assertThat(lists).extracting(ManagedPrefixList::prefixListName)
                .containsExactlyInAnyOrder("com.amazonaws.ap-northeast-1.s3", "com.amazonaws.ap-northeast-1.dynamodb");
        ManagedPrefixList s3 = lists.stream().filter(p -> p.prefixListName().endsWith(".s3")).findFirst().orElseThrow();
        assertThat(s3.prefixListId()).isEqualTo("pl-61a54008");
        assertThat(s3.addressFamily()).isEqualTo("IPv4");
        assertThat(s3.prefixListArn()).isEqualTo("arn:aws:ec2:ap-northeast-1:aws:prefix-list/pl-61a54008");
        assertThat(ec2.getManagedPrefixListEntries(r -> r.prefixListId(s3.prefixListId())).entries()).isNotEmpty();
        assertThat(ec2.describePrefixLists().prefixLists()).hasSize(2);

        var virginia = KumoHarness.shared().ec2(Region.US_EAST_1)
                .describeManagedPrefixLists(r -> r.filters(filter("prefix-list-name", "com.amazonaws.us-east-1.s3"))).prefixLists();
        assertThat(virginia).singleElement().satisfies(p -> assertThat(p.prefixListId()).isEqualTo("pl-63a5400a"));
        fails("InvalidParameterValue", () -> ec2.deleteManagedPrefixList(r -> r.prefixListId(s3.prefixListId())));
    }

    @Test
    void customerManagedLists() {
        ManagedPrefixList list = ec2.createManagedPrefixList(r -> r.prefixListName("office").addressFamily("IPv4").maxEntries(3)
                .entries(AddPrefixListEntry.builder().cidr("203.0.113.0/24").description("tokyo office").build())).prefixList();
        String id = list.prefixListId();
        assertThat(id).matches("pl-[0-9a-f]{17}");
        assertThat(list.ownerId()).isEqualTo("000000000000");
        assertThat(list.version()).isEqualTo(1L);
        ec2.modifyManagedPrefixList(r -> r.prefixListId(id).currentVersion(1L)
                .addEntries(AddPrefixListEntry.builder().cidr("198.51.100.0/24").build()));
        assertThat(ec2.getManagedPrefixListEntries(r -> r.prefixListId(id)).entries()).extracting(PrefixListEntry::cidr)
                .containsExactly("198.51.100.0/24", "203.0.113.0/24");
        fails("PrefixListMaxEntriesExceeded", () -> ec2.modifyManagedPrefixList(r -> r.prefixListId(id).addEntries(
                AddPrefixListEntry.builder().cidr("192.0.2.0/25").build(), AddPrefixListEntry.builder().cidr("192.0.2.128/25").build())));

        String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
        String sg = ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("office-ssh").description("ssh from office")).groupId();
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(IpPermission.builder().ipProtocol("tcp").fromPort(22).toPort(22)
                .prefixListIds(PrefixListId.builder().prefixListId(id).build()).build()));
        fails("DependencyViolation", () -> ec2.deleteManagedPrefixList(r -> r.prefixListId(id)));
        ec2.deleteSecurityGroup(r -> r.groupId(sg));
        ec2.deleteManagedPrefixList(r -> r.prefixListId(id));
        fails("InvalidPrefixListID.NotFound", () -> ec2.describeManagedPrefixLists(r -> r.prefixListIds(id)));
        fails("InvalidPrefixListId.Malformed", () -> ec2.getManagedPrefixListEntries(r -> r.prefixListId("pl-what")));
        fails("InvalidParameterValue", () -> ec2.createManagedPrefixList(r -> r.prefixListName("v6").addressFamily("IPv6").maxEntries(2)
                .entries(AddPrefixListEntry.builder().cidr("not-a-cidr").build())));
    }
}
