package io.kumo.ec2.compute;

import io.kumo.ec2.compute.address.AllocateAddress;
import io.kumo.ec2.compute.address.AssociateAddress;
import io.kumo.ec2.compute.address.DescribeAddresses;
import io.kumo.ec2.compute.address.DescribeAddressesAttribute;
import io.kumo.ec2.compute.address.DisassociateAddress;
import io.kumo.ec2.compute.address.PublicIpLease;
import io.kumo.ec2.compute.address.ReleaseAddress;
import io.kumo.ec2.compute.eni.AttachNetworkInterface;
import io.kumo.ec2.compute.eni.CreateNetworkInterface;
import io.kumo.ec2.compute.eni.DeleteNetworkInterface;
import io.kumo.ec2.compute.eni.DescribeNetworkInterfaceAttribute;
import io.kumo.ec2.compute.eni.DescribeNetworkInterfaces;
import io.kumo.ec2.compute.eni.DetachNetworkInterface;
import io.kumo.ec2.compute.eni.ModifyNetworkInterfaceAttribute;
import io.kumo.ec2.compute.image.DescribeImages;
import io.kumo.ec2.compute.image.DescribeSnapshots;
import io.kumo.ec2.compute.instance.DescribeInstanceAttribute;
import io.kumo.ec2.compute.instance.DescribeInstanceStatus;
import io.kumo.ec2.compute.instance.DescribeInstanceTypeOfferings;
import io.kumo.ec2.compute.instance.DescribeInstanceTypes;
import io.kumo.ec2.compute.instance.DescribeInstances;
import io.kumo.ec2.compute.instance.GetConsoleOutput;
import io.kumo.ec2.compute.instance.InstanceLifecycle;
import io.kumo.ec2.runtime.InstanceConsoles;
import io.kumo.ec2.runtime.InstanceHosting;
import io.kumo.ec2.runtime.InstanceRunner;
import io.kumo.ec2.runtime.ProcessRunner;
import io.kumo.ec2.compute.instance.ModifyInstanceAttribute;
import io.kumo.ec2.compute.instance.RebootInstances;
import io.kumo.ec2.compute.instance.RunInstances;
import io.kumo.ec2.compute.instance.StartInstances;
import io.kumo.ec2.compute.instance.StopInstances;
import io.kumo.ec2.compute.instance.TerminateInstances;
import io.kumo.ec2.compute.keypair.CreateKeyPair;
import io.kumo.ec2.compute.keypair.DeleteKeyPair;
import io.kumo.ec2.compute.keypair.DescribeKeyPairs;
import io.kumo.ec2.compute.keypair.ImportKeyPair;
import io.kumo.ec2.compute.volume.AttachVolume;
import io.kumo.ec2.compute.volume.CreateVolume;
import io.kumo.ec2.compute.volume.DeleteVolume;
import io.kumo.ec2.compute.volume.DescribeVolumes;
import io.kumo.ec2.compute.volume.DetachVolume;
import io.kumo.ec2.support.Ec2Registrar;
import io.kumo.ec2.support.ResourceKind;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AssociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AttachNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.AttachVolumeRequest;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.CreateVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DeleteKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DetachNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.DetachVolumeRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateAddressRequest;
import software.amazon.awssdk.services.ec2.model.GetConsoleOutputRequest;
import software.amazon.awssdk.services.ec2.model.ImportKeyPairRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyNetworkInterfaceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.RebootInstancesRequest;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;

/** Instances, network interfaces, volumes, Elastic IPs, key pairs, images. */
public final class ComputeActions {
    private ComputeActions() {
    }

    public static void register(Ec2Registrar registrar) {
        for (ResourceKind kind : ComputeKinds.ALL) {
            registrar.kind(kind);
        }
        registrar.table(PublicIpLease.TABLE);
        registrar.table(io.kumo.ec2.compute.instance.RebootRequest.TABLE);
        registrar.table(io.kumo.ec2.compute.address.PublicIpCursor.TABLE);
        registrar.table(io.kumo.ec2.compute.image.ImageBuildRecord.TABLE);
        registrar.table(io.kumo.ec2.compute.image.DeregisteredImage.TABLE);
        ComputeDependencies.register(registrar.dependencies());
        InstanceHosting hosting = InstanceHosting.decide(registrar.kernel().settings());
        InstanceConsoles consoles = InstanceConsoles.NONE;
        if (hosting.sandboxes()) {
            io.kumo.core.dns.GeneratedNames generated = new io.kumo.core.dns.GeneratedNames();
            registrar.binder().provide(io.kumo.core.dns.GeneratedNames.class, generated);
            var zones = new io.kumo.ec2.runtime.dns.HostedZoneSources(
                    () -> registrar.kernel().contracts().find(io.kumo.core.dns.HostedZoneAnswers.class));
            InstanceRunner runner = new InstanceRunner(registrar.kernel().store(), registrar.kernel().clock(), hosting, generated, zones);
            registrar.binder().controller(runner);
            registrar.binder().provide(io.kumo.core.network.InterfaceNamespaces.class, runner.nodeNamespaces());
            consoles = runner;
        } else if (hosting.runs()) {
            ProcessRunner runner = new ProcessRunner(registrar.kernel().store(), registrar.kernel().clock(), hosting);
            registrar.binder().controller(runner);
            consoles = runner;
        }
        registrar.binder().controller(new InstanceLifecycle(registrar.kernel().store(), registrar.kernel().clock(), hosting.runs()));
        registrar.binder().controller(new io.kumo.ec2.compute.image.ImageLifecycle(registrar.kernel().store(), registrar.kernel().clock(),
                hosting.sandboxes()));
        registrar.binder().adminCommand(new io.kumo.ec2.compute.image.ImportImage(registrar.kernel().store(), registrar.kernel().clock(),
                registrar.kernel().settings(), hosting.sandboxes()));
        registrar.binder().adminCommand(new io.kumo.ec2.compute.image.ImageState(registrar.kernel().store(), registrar.kernel().settings()));

        registrar.action("CreateKeyPair", CreateKeyPairRequest.class, new CreateKeyPair());
        registrar.action("ImportKeyPair", ImportKeyPairRequest.class, new ImportKeyPair());
        registrar.action("DescribeKeyPairs", DescribeKeyPairsRequest.class, new DescribeKeyPairs());
        registrar.action("DeleteKeyPair", DeleteKeyPairRequest.class, new DeleteKeyPair());

        registrar.action("DescribeImages", DescribeImagesRequest.class, new DescribeImages());
        registrar.action("DescribeSnapshots", DescribeSnapshotsRequest.class, new DescribeSnapshots());
        registrar.action("CreateImage", software.amazon.awssdk.services.ec2.model.CreateImageRequest.class,
                new io.kumo.ec2.compute.image.CreateImage());
        registrar.action("DeregisterImage", software.amazon.awssdk.services.ec2.model.DeregisterImageRequest.class,
                new io.kumo.ec2.compute.image.DeregisterImage());
        registrar.action("DeleteSnapshot", software.amazon.awssdk.services.ec2.model.DeleteSnapshotRequest.class,
                new io.kumo.ec2.compute.image.DeleteSnapshot());

        registrar.action("RunInstances", RunInstancesRequest.class, new RunInstances());
        registrar.action("DescribeInstances", DescribeInstancesRequest.class, new DescribeInstances());
        registrar.action("StartInstances", StartInstancesRequest.class, new StartInstances());
        registrar.action("StopInstances", StopInstancesRequest.class, new StopInstances());
        registrar.action("RebootInstances", RebootInstancesRequest.class, new RebootInstances());
        registrar.action("TerminateInstances", TerminateInstancesRequest.class, new TerminateInstances());
        registrar.action("DescribeInstanceStatus", DescribeInstanceStatusRequest.class, new DescribeInstanceStatus());
        registrar.action("ModifyInstanceAttribute", ModifyInstanceAttributeRequest.class, new ModifyInstanceAttribute());
        registrar.action("DescribeInstanceAttribute", DescribeInstanceAttributeRequest.class, new DescribeInstanceAttribute());
        registrar.action("GetConsoleOutput", GetConsoleOutputRequest.class, new GetConsoleOutput(consoles));
        registrar.action("DescribeInstanceTypes", DescribeInstanceTypesRequest.class, new DescribeInstanceTypes());
        registrar.action("DescribeInstanceTypeOfferings", DescribeInstanceTypeOfferingsRequest.class, new DescribeInstanceTypeOfferings());

        registrar.action("CreateNetworkInterface", CreateNetworkInterfaceRequest.class, new CreateNetworkInterface());
        registrar.action("DescribeNetworkInterfaces", DescribeNetworkInterfacesRequest.class, new DescribeNetworkInterfaces());
        registrar.action("DeleteNetworkInterface", DeleteNetworkInterfaceRequest.class, new DeleteNetworkInterface());
        registrar.action("ModifyNetworkInterfaceAttribute", ModifyNetworkInterfaceAttributeRequest.class, new ModifyNetworkInterfaceAttribute());
        registrar.action("DescribeNetworkInterfaceAttribute", DescribeNetworkInterfaceAttributeRequest.class,
                new DescribeNetworkInterfaceAttribute());
        registrar.action("AttachNetworkInterface", AttachNetworkInterfaceRequest.class, new AttachNetworkInterface());
        registrar.action("DetachNetworkInterface", DetachNetworkInterfaceRequest.class, new DetachNetworkInterface());

        registrar.action("CreateVolume", CreateVolumeRequest.class, new CreateVolume());
        registrar.action("DeleteVolume", DeleteVolumeRequest.class, new DeleteVolume());
        registrar.action("DescribeVolumes", DescribeVolumesRequest.class, new DescribeVolumes());
        registrar.action("AttachVolume", AttachVolumeRequest.class, new AttachVolume());
        registrar.action("DetachVolume", DetachVolumeRequest.class, new DetachVolume());

        registrar.action("AllocateAddress", AllocateAddressRequest.class, new AllocateAddress());
        registrar.action("AssociateAddress", AssociateAddressRequest.class, new AssociateAddress());
        registrar.action("DisassociateAddress", DisassociateAddressRequest.class, new DisassociateAddress());
        registrar.action("ReleaseAddress", ReleaseAddressRequest.class, new ReleaseAddress(registrar.dependencies()));
        registrar.action("DescribeAddresses", DescribeAddressesRequest.class, new DescribeAddresses());
        registrar.action("DescribeAddressesAttribute", DescribeAddressesAttributeRequest.class, new DescribeAddressesAttribute());
    }
}
