package io.kumo.ec2.compute;

import io.kumo.ec2.compute.address.AddressRecord;
import io.kumo.ec2.compute.eni.NetworkInterfaceRecord;
import io.kumo.ec2.compute.image.ImageRecord;
import io.kumo.ec2.compute.image.SnapshotRecord;
import io.kumo.ec2.compute.instance.InstanceRecord;
import io.kumo.ec2.compute.keypair.KeyPairRecord;
import io.kumo.ec2.compute.volume.VolumeRecord;
import io.kumo.ec2.support.ResourceKind;

import java.util.List;

/**
 * The resource kinds of the compute area and the codes EC2 answers for them. Allocation and key
 * pair ids have no Malformed code of their own on AWS: a bad one is simply not found.
 */
public final class ComputeKinds {
    private ComputeKinds() {
    }

    public static final ResourceKind INSTANCE = new ResourceKind("i", "instance", InstanceRecord.TABLE,
            "InvalidInstanceID.NotFound", "InvalidInstanceID.Malformed", "instance ID");
    public static final ResourceKind NETWORK_INTERFACE = new ResourceKind("eni", "network-interface", NetworkInterfaceRecord.TABLE,
            "InvalidNetworkInterfaceID.NotFound", "InvalidNetworkInterfaceId.Malformed", "networkInterface ID");
    public static final ResourceKind VOLUME = new ResourceKind("vol", "volume", VolumeRecord.TABLE,
            "InvalidVolume.NotFound", "InvalidVolumeID.Malformed", "volume");
    public static final ResourceKind ELASTIC_IP = new ResourceKind("eipalloc", "elastic-ip", AddressRecord.TABLE,
            "InvalidAllocationID.NotFound", "InvalidAllocationID.NotFound", "allocation ID");
    public static final ResourceKind KEY_PAIR = new ResourceKind("key", "key-pair", KeyPairRecord.TABLE,
            "InvalidKeyPair.NotFound", "InvalidKeyPair.NotFound", "key pair ID");
    public static final ResourceKind IMAGE = new ResourceKind("ami", "image", ImageRecord.TABLE,
            "InvalidAMIID.NotFound", "InvalidAMIID.Malformed", "image id");
    public static final ResourceKind SNAPSHOT = new ResourceKind("snap", "snapshot", SnapshotRecord.TABLE,
            "InvalidSnapshot.NotFound", "InvalidSnapshotID.Malformed", "snapshot");

    public static final List<ResourceKind> ALL = List.of(INSTANCE, NETWORK_INTERFACE, VOLUME, ELASTIC_IP, KEY_PAIR, IMAGE, SNAPSHOT);
}
