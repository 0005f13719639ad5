package io.kumo.ec2.runtime.imds;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A ready instance for tests, changed field by field where a test needs another shape. */
final class SampleInstance {
    String instanceId = "i-0123456789abcdef0";
    String localIpv4 = "10.0.1.5";
    String publicIpv4 = "198.18.0.7";
    String publicHostname = "ec2-198-18-0-7.ap-northeast-1.compute.amazonaws.com";
    String keyName = "my-key";
    String openSshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample my-key";
    byte[] userData = "#!/bin/sh\necho hello\n".getBytes(StandardCharsets.UTF_8);
    MetadataOptions options = MetadataOptions.DEFAULTS;
    Map<String, String> tags = Map.of("Name", "web", "Environment", "dev");
    IamInstanceProfile profile = null;
    String region = "ap-northeast-1";

    static SampleInstance sample() {
        return new SampleInstance();
    }

    SampleInstance id(String id, String ip) {
        instanceId = id;
        localIpv4 = ip;
        return this;
    }

    SampleInstance withoutPublicIp() {
        publicIpv4 = null;
        publicHostname = null;
        return this;
    }

    SampleInstance withoutKey() {
        keyName = null;
        openSshKey = null;
        return this;
    }

    SampleInstance withoutUserData() {
        userData = null;
        return this;
    }

    SampleInstance options(String httpTokens, String httpEndpoint, String tags) {
        options = new MetadataOptions(httpTokens, httpEndpoint, 1, tags);
        return this;
    }

    SampleInstance profile(String arn, String id) {
        profile = new IamInstanceProfile(arn, id);
        return this;
    }

    SampleInstance region(String region) {
        this.region = region;
        return this;
    }

    InstanceMetadata build() {
        return new InstanceMetadata(instanceId, "ami-0abcdef1234567890", "t3.micro", 0, "r-0fedcba9876543210",
                "000000000000", region, region + "a", "apne1-az4", "x86_64",
                localIpv4, "ip-" + localIpv4.replace('.', '-') + "." + region + ".compute.internal",
                publicIpv4, publicHostname, "0e:12:34:56:78:9a", "eni-0123456789abcdef0",
                "subnet-0123456789abcdef0", "10.0.1.0/24", "vpc-0123456789abcdef0", List.of("10.0.0.0/16", "10.1.0.0/16"),
                List.of("default", "web"), List.of("sg-0aaaaaaaaaaaaaaaa", "sg-0bbbbbbbbbbbbbbbb"),
                keyName, openSshKey, userData, Instant.parse("2026-03-07T16:26:04.123Z"), options, tags, profile);
    }
}
