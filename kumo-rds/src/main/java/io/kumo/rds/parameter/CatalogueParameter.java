package io.kumo.rds.parameter;

/**
 * One engine parameter as RDS describes it.
 *
 * @param applyType     "static" (takes effect after a reboot) or "dynamic" (at once)
 * @param dataType      boolean, integer, float, real, string or list
 * @param allowedValues comma-separated choices, a range "MIN-MAX", or empty for anything
 * @param defaultValue  RDS's default, possibly a formula such as {DBInstanceClassMemory/12582880}; null when the engine's own applies
 */
public record CatalogueParameter(String name, String applyType, String dataType, String allowedValues, String defaultValue,
                                 boolean modifiable, String description) {
    public static final String STATIC = "static";
    public static final String DYNAMIC = "dynamic";

    public boolean isStatic() {
        return STATIC.equals(applyType);
    }

    /** Where the default comes from: RDS's own for parameters users may change, the system's for the rest. */
    public String defaultSource() {
        return modifiable ? "engine-default" : "system";
    }

    /** Whether the default is an RDS formula over the instance, not a literal value. */
    public boolean defaultIsFormula() {
        return defaultValue != null && defaultValue.contains("{");
    }
}
