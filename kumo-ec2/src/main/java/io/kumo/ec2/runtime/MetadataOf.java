package io.kumo.ec2.runtime;

import io.kumo.ec2.compute.HostNames;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.runtime.imds.IamInstanceProfile;
import io.kumo.ec2.runtime.imds.InstanceMetadata;
import io.kumo.ec2.runtime.imds.MetadataOptions;
import io.kumo.ec2.runtime.plan.InstancePlan;
import io.kumo.ec2.runtime.plan.VpcPlan;

import java.util.Base64;
import java.util.Map;

/** What the metadata service tells an instance about itself. */
final class MetadataOf {
    private MetadataOf() {
    }

    static InstanceMetadata instance(InstancePlan p, VpcPlan vpc) {
        InstanceRecord r = p.instance();
        InstanceRecord.Launch launch = r.launch();
        InstanceRecord.Metadata m = launch.metadata() == null ? InstanceRecord.Metadata.DEFAULTS : launch.metadata();
        byte[] userData = r.settings().userData() == null ? null : Base64.getMimeDecoder().decode(r.settings().userData());
        String publicHostname = p.publicIp() == null ? null : HostNames.publicDnsName(p.region(), p.publicIp());
        IamInstanceProfile profile = launch.iamInstanceProfileArn() == null ? null
                : new IamInstanceProfile(launch.iamInstanceProfileArn(), launch.iamInstanceProfileId());
        return new InstanceMetadata(r.instanceId(), launch.imageId(), r.settings().instanceType(), launch.amiLaunchIndex(),
                r.reservationId(), r.ownerId(), p.region(), launch.availabilityZone(), p.availabilityZoneId(),
                launch.architecture(), p.privateIp(), HostNames.privateDnsName(p.region(), p.privateIp()), p.publicIp(),
                publicHostname, p.macAddress(), p.interfaceId(), p.subnet().subnetId(), p.subnet().cidr().toString(),
                vpc.vpcId(), vpc.cidrs().stream().map(Object::toString).toList(), p.groupNames(), p.groupIds(),
                p.keyName(), p.sshPublicKey(), userData, r.lifecycle().launchTime(),
                new MetadataOptions(m.httpTokens(), m.httpEndpoint(), m.httpPutResponseHopLimit(), m.instanceMetadataTags()),
                Map.of(), profile);
    }
}
