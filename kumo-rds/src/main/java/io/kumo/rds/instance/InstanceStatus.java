package io.kumo.rds.instance;

/**
 * RDS's DBInstanceStatus values Kumo uses. The API sets CREATING, MODIFYING,
 * RESETTING_MASTER_CREDENTIALS, REBOOTING, DELETING, BACKING_UP, STOPPING and STARTING when
 * asked; everything else (AVAILABLE above all) is the runtime's to set.
 */
public final class InstanceStatus {
    public static final String CREATING = "creating";
    public static final String BACKING_UP = "backing-up";
    public static final String AVAILABLE = "available";
    public static final String MODIFYING = "modifying";
    public static final String RESETTING_MASTER_CREDENTIALS = "resetting-master-credentials";
    public static final String REBOOTING = "rebooting";
    public static final String DELETING = "deleting";
    public static final String STOPPING = "stopping";
    public static final String STOPPED = "stopped";
    public static final String STARTING = "starting";
    public static final String FAILED = "failed";
    /** A server that will not start with its group's values: the group must be fixed, then the instance rebooted. */
    public static final String INCOMPATIBLE_PARAMETERS = "incompatible-parameters";

    /** ParameterApplyStatus of the instance's parameter group membership. */
    public static final String PARAMETERS_IN_SYNC = "in-sync";
    public static final String PARAMETERS_APPLYING = "applying";
    public static final String PARAMETERS_PENDING_REBOOT = "pending-reboot";

    private InstanceStatus() {
    }
}
