package io.kumo.rds.optiongroup;

import io.kumo.core.RequestContext;
import io.kumo.core.service.Handler;
import io.kumo.rds.engine.Engine;
import io.kumo.rds.engine.EngineVersions;
import io.kumo.rds.support.Arns;
import io.kumo.rds.support.Identifiers;
import io.kumo.rds.support.RdsErrors;
import io.kumo.rds.tag.Tags;
import software.amazon.awssdk.services.rds.model.CreateOptionGroupRequest;
import software.amazon.awssdk.services.rds.model.CreateOptionGroupResponse;

/** CreateOptionGroup: for an engine and one of its major versions. */
final class CreateOptionGroup implements Handler<CreateOptionGroupRequest, CreateOptionGroupResponse> {

    @Override
    public CreateOptionGroupResponse handle(RequestContext ctx, CreateOptionGroupRequest in) {
        String name = Identifiers.optionGroup(in.optionGroupName());
        Engine engine = EngineVersions.require(in.engineName());
        if (in.majorEngineVersion() == null || in.majorEngineVersion().isEmpty()) {
            throw RdsErrors.missing("MajorEngineVersion");
        }
        if (in.optionGroupDescription() == null || in.optionGroupDescription().isEmpty()) {
            throw RdsErrors.missing("OptionGroupDescription");
        }
        if (engine.versions().stream().noneMatch(v -> v.majorVersion().equals(in.majorEngineVersion()))) {
            throw RdsErrors.invalidCombination("Cannot find major version " + in.majorEngineVersion() + " for " + engine.name());
        }
        OptionGroupRecord created = ctx.write(tx -> {
            if (OptionGroups.find(tx, name).isPresent()) {
                throw RdsErrors.of("OptionGroupAlreadyExistsFault", "Option Group " + name + " already exists");
            }
            OptionGroupRecord group = new OptionGroupRecord(name, Arns.of(ctx.region(), ctx.accountId(), Arns.OPTION_GROUP, name),
                    engine.name(), in.majorEngineVersion(), in.optionGroupDescription());
            tx.put(OptionGroupRecord.TABLE, name, group);
            Tags.add(tx, group.arn(), in.tags());
            return group;
        });
        return CreateOptionGroupResponse.builder().optionGroup(OptionGroups.toSdk(created)).build();
    }
}
