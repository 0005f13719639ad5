package io.kumo.ec2.runtime.imds;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.kumo.ec2.runtime.imds.SampleInstance.sample;
import static org.assertj.core.api.Assertions.assertThat;

class MetadataTreeTest {

    private static final String MAC = "0e:12:34:56:78:9a";

    private final InstanceMetadata instance = sample().build();

    private static String body(InstanceMetadata m, String path) {
        ImdsResponse response = MetadataTree.resolve(m, path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.bodyText();
    }

    @Test
    void rootListsTheVersionsEndingWithLatest() {
        ImdsResponse response = MetadataTree.answer(instance, "/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/plain");
        assertThat(response.bodyText()).startsWith("1.0\n2007-01-19\n").endsWith("\n2021-03-23\nlatest");
    }

    @Test
    void versionRootListsItsThreeCategoriesWithoutSlashes() {
        assertThat(MetadataTree.answer(instance, "/latest/").bodyText()).isEqualTo("dynamic\nmeta-data\nuser-data");
        assertThat(MetadataTree.answer(instance, "/latest").bodyText()).isEqualTo("dynamic\nmeta-data\nuser-data");
        assertThat(MetadataTree.answer(sample().withoutUserData().build(), "/latest/").bodyText()).isEqualTo("dynamic\nmeta-data");
    }

    @Test
    void olderVersionsServeTheSameTreeAndUnknownOnesAre404() {
        assertThat(MetadataTree.answer(instance, "/2021-03-23/meta-data/instance-id").bodyText()).isEqualTo("i-0123456789abcdef0");
        assertThat(MetadataTree.answer(instance, "/2099-01-01/meta-data/instance-id").status()).isEqualTo(404);
    }

    @Test
    void metaDataListsItemsOneALineWithDirectoriesSlashed() {
        assertThat(body(instance, "meta-data/")).isEqualTo(String.join("\n",
                "ami-id", "ami-launch-index", "ami-manifest-path", "block-device-mapping/", "hostname", "instance-action",
                "instance-id", "instance-life-cycle", "instance-type", "local-hostname", "local-ipv4", "mac", "network/",
                "placement/", "public-hostname", "public-ipv4", "public-keys/", "reservation-id", "security-groups",
                "services/"));
    }

    @Test
    void aDirectoryAnswersItsListingWithOrWithoutTheTrailingSlash() {
        assertThat(body(instance, "meta-data/placement")).isEqualTo(body(instance, "meta-data/placement/"))
                .isEqualTo("availability-zone\navailability-zone-id\nregion");
    }

    @Test
    void scalarItemsAnswerTheirValueAsPlainText() {
        ImdsResponse response = MetadataTree.resolve(instance, "meta-data/instance-id");

        assertThat(response.contentType()).isEqualTo("text/plain");
        assertThat(response.bodyText()).isEqualTo("i-0123456789abcdef0");
        assertThat(body(instance, "meta-data/ami-id")).isEqualTo("ami-0abcdef1234567890");
        assertThat(body(instance, "meta-data/ami-launch-index")).isEqualTo("0");
        assertThat(body(instance, "meta-data/ami-manifest-path")).isEqualTo("(unknown)");
        assertThat(body(instance, "meta-data/instance-type")).isEqualTo("t3.micro");
        assertThat(body(instance, "meta-data/instance-action")).isEqualTo("none");
        assertThat(body(instance, "meta-data/instance-life-cycle")).isEqualTo("on-demand");
        assertThat(body(instance, "meta-data/hostname")).isEqualTo("ip-10-0-1-5.ap-northeast-1.compute.internal");
        assertThat(body(instance, "meta-data/local-hostname")).isEqualTo("ip-10-0-1-5.ap-northeast-1.compute.internal");
        assertThat(body(instance, "meta-data/local-ipv4")).isEqualTo("10.0.1.5");
        assertThat(body(instance, "meta-data/mac")).isEqualTo(MAC);
        assertThat(body(instance, "meta-data/reservation-id")).isEqualTo("r-0fedcba9876543210");
        assertThat(body(instance, "meta-data/security-groups")).isEqualTo("default\nweb");
        assertThat(body(instance, "meta-data/public-ipv4")).isEqualTo("198.18.0.7");
        assertThat(body(instance, "meta-data/public-hostname")).isEqualTo("ec2-198-18-0-7.ap-northeast-1.compute.amazonaws.com");
        assertThat(body(instance, "meta-data/placement/availability-zone")).isEqualTo("ap-northeast-1a");
        assertThat(body(instance, "meta-data/placement/availability-zone-id")).isEqualTo("apne1-az4");
        assertThat(body(instance, "meta-data/placement/region")).isEqualTo("ap-northeast-1");
        assertThat(body(instance, "meta-data/block-device-mapping/")).isEqualTo("ami\nroot");
        assertThat(body(instance, "meta-data/block-device-mapping/root")).isEqualTo("/dev/xvda");
    }

    @Test
    void servicesNameThePartitionOfTheRegion() {
        assertThat(body(instance, "meta-data/services/")).isEqualTo("domain\npartition");
        assertThat(body(instance, "meta-data/services/domain")).isEqualTo("amazonaws.com");
        assertThat(body(instance, "meta-data/services/partition")).isEqualTo("aws");
        InstanceMetadata beijing = sample().region("cn-north-1").build();
        assertThat(body(beijing, "meta-data/services/domain")).isEqualTo("amazonaws.com.cn");
        assertThat(body(beijing, "meta-data/services/partition")).isEqualTo("aws-cn");
    }

    @Test
    void withoutAPublicAddressThePublicItemsAreNeitherListedNorServed() {
        InstanceMetadata privateOnly = sample().withoutPublicIp().build();

        assertThat(body(privateOnly, "meta-data/")).doesNotContain("public-ipv4", "public-hostname");
        assertThat(MetadataTree.resolve(privateOnly, "meta-data/public-ipv4").status()).isEqualTo(404);
        assertThat(MetadataTree.resolve(privateOnly, "meta-data/public-hostname").status()).isEqualTo(404);
        assertThat(body(privateOnly, "meta-data/network/interfaces/macs/" + MAC + "/")).doesNotContain("public", "ipv4-associations");
    }

    @Test
    void theNetworkInterfaceIsFoundUnderItsMac() {
        assertThat(body(instance, "meta-data/network/")).isEqualTo("interfaces/");
        assertThat(body(instance, "meta-data/network/interfaces/")).isEqualTo("macs/");
        assertThat(body(instance, "meta-data/network/interfaces/macs/")).isEqualTo(MAC + "/");
        String nic = "meta-data/network/interfaces/macs/" + MAC + "/";
        assertThat(body(instance, nic)).isEqualTo(String.join("\n",
                "device-number", "interface-id", "ipv4-associations/", "local-hostname", "local-ipv4s", "mac", "owner-id",
                "public-hostname", "public-ipv4s", "security-group-ids", "security-groups", "subnet-id",
                "subnet-ipv4-cidr-block", "vpc-id", "vpc-ipv4-cidr-block", "vpc-ipv4-cidr-blocks"));
        assertThat(body(instance, nic + "device-number")).isEqualTo("0");
        assertThat(body(instance, nic + "interface-id")).isEqualTo("eni-0123456789abcdef0");
        assertThat(body(instance, nic + "local-ipv4s")).isEqualTo("10.0.1.5");
        assertThat(body(instance, nic + "owner-id")).isEqualTo("000000000000");
        assertThat(body(instance, nic + "public-ipv4s")).isEqualTo("198.18.0.7");
        assertThat(body(instance, nic + "ipv4-associations/198.18.0.7")).isEqualTo("10.0.1.5");
        assertThat(body(instance, nic + "security-group-ids")).isEqualTo("sg-0aaaaaaaaaaaaaaaa\nsg-0bbbbbbbbbbbbbbbb");
        assertThat(body(instance, nic + "subnet-id")).isEqualTo("subnet-0123456789abcdef0");
        assertThat(body(instance, nic + "subnet-ipv4-cidr-block")).isEqualTo("10.0.1.0/24");
        assertThat(body(instance, nic + "vpc-id")).isEqualTo("vpc-0123456789abcdef0");
        assertThat(body(instance, nic + "vpc-ipv4-cidr-block")).isEqualTo("10.0.0.0/16");
        assertThat(body(instance, nic + "vpc-ipv4-cidr-blocks")).isEqualTo("10.0.0.0/16\n10.1.0.0/16");
    }

    @Test
    void publicKeysListKeyZeroByNameAndServeItsOpenSshForm() {
        assertThat(body(instance, "meta-data/public-keys/")).isEqualTo("0=my-key");
        assertThat(body(instance, "meta-data/public-keys/0/")).isEqualTo("openssh-key");
        assertThat(body(instance, "meta-data/public-keys/0/openssh-key")).isEqualTo("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample my-key");

        InstanceMetadata keyless = sample().withoutKey().build();
        assertThat(body(keyless, "meta-data/")).doesNotContain("public-keys");
        assertThat(MetadataTree.resolve(keyless, "meta-data/public-keys/").status()).isEqualTo(404);
    }

    @Test
    void userDataIsServedAsTheDecodedBytesOr404() {
        ImdsResponse response = MetadataTree.resolve(instance, "user-data");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/octet-stream");
        assertThat(response.body()).isEqualTo("#!/bin/sh\necho hello\n".getBytes(StandardCharsets.UTF_8));
        ImdsResponse none = MetadataTree.resolve(sample().withoutUserData().build(), "user-data");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.contentType()).isEqualTo("text/html");
        assertThat(none.bodyText()).contains("<title>404 - Not Found</title>", "<h1>404 - Not Found</h1>");
    }

    @Test
    void theIdentityDocumentIsPrettyPrintedLikeEc2s() {
        assertThat(body(instance, "dynamic/")).isEqualTo("instance-identity/");
        assertThat(body(instance, "dynamic/instance-identity/")).isEqualTo("document");
        assertThat(body(instance, "dynamic/instance-identity/document")).isEqualTo("""
                {
                  "accountId" : "000000000000",
                  "architecture" : "x86_64",
                  "availabilityZone" : "ap-northeast-1a",
                  "billingProducts" : null,
                  "devpayProductCodes" : null,
                  "marketplaceProductCodes" : null,
                  "imageId" : "ami-0abcdef1234567890",
                  "instanceId" : "i-0123456789abcdef0",
                  "instanceType" : "t3.micro",
                  "kernelId" : null,
                  "pendingTime" : "2026-03-07T16:26:04Z",
                  "privateIp" : "10.0.1.5",
                  "ramdiskId" : null,
                  "region" : "ap-northeast-1",
                  "version" : "2017-09-30"
                }""");
    }

    @Test
    void tagsAreServedOnlyWhenTheInstanceAllowsIt() {
        assertThat(body(instance, "meta-data/")).doesNotContain("tags");
        assertThat(MetadataTree.resolve(instance, "meta-data/tags/instance/Name").status()).isEqualTo(404);

        InstanceMetadata tagged = sample().options("optional", "enabled", "enabled").build();
        assertThat(body(tagged, "meta-data/")).endsWith("services/\ntags/");
        assertThat(body(tagged, "meta-data/tags/")).isEqualTo("instance/");
        assertThat(body(tagged, "meta-data/tags/instance")).isEqualTo("Environment\nName");
        assertThat(body(tagged, "meta-data/tags/instance/Name")).isEqualTo("web");
    }

    @Test
    void iamInfoExistsOnlyWithAnInstanceProfile() {
        assertThat(MetadataTree.resolve(instance, "meta-data/iam/info").status()).isEqualTo(404);

        InstanceMetadata withProfile = sample().profile("arn:aws:iam::000000000000:instance-profile/web", "AIPAEXAMPLE").build();
        assertThat(body(withProfile, "meta-data/")).contains("hostname\niam/\ninstance-action");
        assertThat(body(withProfile, "meta-data/iam/")).isEqualTo("info");
        assertThat(body(withProfile, "meta-data/iam/info")).isEqualTo("""
                {
                  "Code" : "Success",
                  "LastUpdated" : "2026-03-07T16:26:04Z",
                  "InstanceProfileArn" : "arn:aws:iam::000000000000:instance-profile/web",
                  "InstanceProfileId" : "AIPAEXAMPLE"
                }""");
        assertThat(MetadataTree.resolve(withProfile, "meta-data/iam/security-credentials/").status()).isEqualTo(404);
    }

    @Test
    void unknownPathsAndPathsBelowAValueAre404() {
        assertThat(MetadataTree.resolve(instance, "meta-data/no-such-item").status()).isEqualTo(404);
        assertThat(MetadataTree.resolve(instance, "meta-data/instance-id/more").status()).isEqualTo(404);
        assertThat(MetadataTree.answer(instance, "/favicon.ico").status()).isEqualTo(404);
    }
}
