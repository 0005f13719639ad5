package io.kumo.rds.parameter;

import io.kumo.rds.support.RdsErrors;
import software.amazon.awssdk.services.rds.model.Parameter;

import java.util.List;

/**
 * The checks ModifyDBParameterGroup and ResetDBParameterGroup share: 1 to 20 parameters a call,
 * each known to the family and modifiable, and no "immediate" for a static one.
 */
final class ParameterChanges {
    static final int MOST_PER_CALL = 20;
    static final String IMMEDIATE = "immediate";
    static final String PENDING_REBOOT = "pending-reboot";

    private ParameterChanges() {
    }

    static void checkCount(List<Parameter> parameters) {
        if (parameters.isEmpty()) {
            throw RdsErrors.missing("Parameters");
        }
        if (parameters.size() > MOST_PER_CALL) {
            throw RdsErrors.invalidValue("At most " + MOST_PER_CALL + " parameters can be modified in one request.");
        }
    }

    /** A checked change: the catalogue's parameter and the apply method it takes. */
    record Change(CatalogueParameter parameter, String applyMethod) {
    }

    /** The catalogue's parameter, checked to be changeable with the asked apply method. */
    static Change check(ParameterCatalogue catalogue, Parameter asked) {
        if (asked.parameterName() == null || asked.parameterName().isEmpty()) {
            throw RdsErrors.missing("ParameterName");
        }
        CatalogueParameter p = catalogue.find(asked.parameterName())
                .orElseThrow(() -> RdsErrors.invalidValue("Could not find parameter with name: " + asked.parameterName()));
        if (!p.modifiable()) {
            throw RdsErrors.invalidValue("The parameter " + p.name() + " cannot be modified.");
        }
        String method = asked.applyMethodAsString();
        if (method == null) {
            // RDS requires it; Kumo takes the only method that fits every parameter
            method = p.isStatic() ? PENDING_REBOOT : IMMEDIATE;
        }
        if (!method.equals(IMMEDIATE) && !method.equals(PENDING_REBOOT)) {
            throw RdsErrors.invalidValue("Invalid apply method: " + method + ". Use immediate or pending-reboot.");
        }
        if (method.equals(IMMEDIATE) && p.isStatic()) {
            throw RdsErrors.invalidCombination("cannot use immediate apply method for static parameter " + p.name());
        }
        return new Change(p, method);
    }
}
