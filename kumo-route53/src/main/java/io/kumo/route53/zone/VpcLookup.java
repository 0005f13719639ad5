package io.kumo.route53.zone;

import io.kumo.core.network.VpcDirectory;
import io.kumo.core.regions.Regions;
import io.kumo.core.store.StoreScope;
import io.kumo.core.store.Tx;
import io.kumo.route53.support.Route53Errors;
import software.amazon.awssdk.services.route53.model.VPC;

import java.util.Optional;
import java.util.function.Supplier;

/** Checks the VPCs private zones name, in their own region, through the EC2 module's {@link VpcDirectory}. */
final class VpcLookup {
    private final Supplier<Optional<VpcDirectory>> directory;

    VpcLookup(Supplier<Optional<VpcDirectory>> directory) {
        this.directory = directory;
    }

    HostedZoneRecord.ZoneVpc require(Tx tx, String account, VPC vpc) {
        if (vpc == null || vpc.vpcId() == null || vpc.vpcRegionAsString() == null) {
            throw Route53Errors.invalidInput("The input is not valid: a VPC needs both VPCId and VPCRegion");
        }
        String region = vpc.vpcRegionAsString();
        if (Regions.find(region).isEmpty()) {
            throw Route53Errors.invalidInput("1 validation error detected: Value '" + region
                    + "' at 'vPC.vPCRegion' failed to satisfy constraint: Member must satisfy enum value set of AWS regions");
        }
        boolean exists = directory.get().map(d -> d.vpcExists(tx.in(new StoreScope(account, region)), vpc.vpcId())).orElse(true);
        if (!exists) {
            throw Route53Errors.of("InvalidVPCId", "The VPC ID '" + vpc.vpcId()
                    + "' is not valid, or the VPC does not exist in region " + region + " of this account.", 400);
        }
        return new HostedZoneRecord.ZoneVpc(region, vpc.vpcId());
    }
}
