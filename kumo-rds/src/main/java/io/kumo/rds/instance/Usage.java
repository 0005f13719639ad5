package io.kumo.rds.instance;

import io.kumo.core.store.Tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** Which DB instances use a subnet, parameter or option group: such groups cannot be deleted. */
public final class Usage {

    private Usage() {
    }

    public static List<String> instancesUsingSubnetGroup(Tx tx, String name) {
        return using(tx, name, s -> s.subnetGroupName());
    }

    public static List<String> instancesUsingParameterGroup(Tx tx, String name) {
        return using(tx, name, s -> s.parameterGroupName());
    }

    public static List<String> instancesUsingOptionGroup(Tx tx, String name) {
        return using(tx, name, s -> s.optionGroupName());
    }

    /** The subnets the group's instances are placed in (primary and standby), as the runtime recorded them. */
    public static Set<String> subnetsUsedBy(Tx tx, String subnetGroupName) {
        Set<String> out = new TreeSet<>();
        for (DbInstanceRecord i : tx.list(DbInstanceRecord.TABLE)) {
            if (subnetGroupName.equals(i.settings().subnetGroupName())) {
                if (i.observed().primarySubnetId() != null) {
                    out.add(i.observed().primarySubnetId());
                }
                if (i.observed().standbySubnetId() != null) {
                    out.add(i.observed().standbySubnetId());
                }
            }
        }
        return out;
    }

    private static List<String> using(Tx tx, String name, Function<InstanceSettings, String> field) {
        List<String> out = new ArrayList<>();
        for (DbInstanceRecord i : tx.list(DbInstanceRecord.TABLE)) {
            if (name.equalsIgnoreCase(field.apply(i.settings()))) {
                out.add(i.identifier());
            }
        }
        return out;
    }
}
