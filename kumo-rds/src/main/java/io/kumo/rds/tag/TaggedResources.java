package io.kumo.rds.tag;

import io.kumo.core.RequestContext;
import io.kumo.core.store.Tx;
import io.kumo.rds.instance.Instances;
import io.kumo.rds.optiongroup.OptionGroups;
import io.kumo.rds.parameter.ParameterGroups;
import io.kumo.rds.snapshot.Snapshots;
import io.kumo.rds.subnetgroup.SubnetGroups;
import io.kumo.rds.support.Arns;
import io.kumo.rds.support.RdsErrors;

/** The resource a tag call names by ARN: it must be in the caller's account and region, and exist (its own kind's NotFound otherwise). */
final class TaggedResources {

    private TaggedResources() {
    }

    /** The resource's ARN as Kumo keeps it (the name in lower case). */
    static String require(RequestContext ctx, Tx tx, String arn) {
        if (arn == null || arn.isEmpty()) {
            throw RdsErrors.missing("ResourceName");
        }
        Arns.Parsed parsed = Arns.parse(arn, "ResourceName");
        if (!parsed.region().equals(ctx.region()) || !parsed.account().equals(ctx.accountId())) {
            throw RdsErrors.invalidValue("The ARN " + arn + " is not of this account and region.");
        }
        String name = parsed.name();
        return switch (parsed.kind()) {
            case Arns.INSTANCE -> Instances.require(tx, name).arn();
            case Arns.SUBNET_GROUP -> SubnetGroups.require(tx, name).arn();
            case Arns.PARAMETER_GROUP -> ParameterGroups.require(tx, name).arn();
            case Arns.OPTION_GROUP -> OptionGroups.require(tx, name).arn();
            case Arns.SNAPSHOT -> Snapshots.require(tx, name).arn();
            default -> throw RdsErrors.invalidValue("Kumo does not tag RDS resources of kind " + parsed.kind() + ".");
        };
    }
}
