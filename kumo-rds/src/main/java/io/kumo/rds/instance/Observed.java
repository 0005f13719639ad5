package io.kumo.rds.instance;

import java.time.Instant;

/**
 * What is true of a DB instance's servers: everything here but the API's own status changes is
 * written by the runtime. Null members are not known yet (RDS does not show them then).
 *
 * @param status                    DBInstanceStatus
 * @param endpointAddress           the endpoint's host name, once the runtime publishes it
 * @param endpointPort              the port the server listens on
 * @param hostedZoneId              Endpoint.HostedZoneId
 * @param availabilityZone          the current primary's zone
 * @param secondaryAvailabilityZone the standby's zone, Multi-AZ only
 * @param primarySubnetId           the subnet the primary server's address is in
 * @param standbySubnetId           the subnet the standby's address is in, Multi-AZ only
 * @param instanceCreateTime        when the instance first became available
 * @param latestRestorableTime      the latest time the data can be restored to
 * @param parameterApplyStatus      in-sync, applying or pending-reboot
 * @param appliedParameterRevision  the parameter group revision the servers run with (-1 none yet)
 */
public record Observed(String status, String endpointAddress, Integer endpointPort, String hostedZoneId, String availabilityZone,
                       String secondaryAvailabilityZone, String primarySubnetId, String standbySubnetId, Instant instanceCreateTime,
                       Instant latestRestorableTime, String parameterApplyStatus, long appliedParameterRevision) {

    /** A new instance's: creating, nowhere yet, parameters in sync (nothing to apply yet). */
    public static Observed creating() {
        return new Observed(InstanceStatus.CREATING, null, null, null, null, null, null, null, null, null,
                InstanceStatus.PARAMETERS_IN_SYNC, -1);
    }

    public Observed withStatus(String value) {
        return new Observed(value, endpointAddress, endpointPort, hostedZoneId, availabilityZone, secondaryAvailabilityZone,
                primarySubnetId, standbySubnetId, instanceCreateTime, latestRestorableTime, parameterApplyStatus, appliedParameterRevision);
    }

    public Observed withEndpoint(String address, Integer port, String zoneId) {
        return new Observed(status, address, port, zoneId, availabilityZone, secondaryAvailabilityZone,
                primarySubnetId, standbySubnetId, instanceCreateTime, latestRestorableTime, parameterApplyStatus, appliedParameterRevision);
    }

    public Observed withPrimary(String zone, String subnetId) {
        return new Observed(status, endpointAddress, endpointPort, hostedZoneId, zone, secondaryAvailabilityZone,
                subnetId, standbySubnetId, instanceCreateTime, latestRestorableTime, parameterApplyStatus, appliedParameterRevision);
    }

    public Observed withStandby(String zone, String subnetId) {
        return new Observed(status, endpointAddress, endpointPort, hostedZoneId, availabilityZone, zone,
                primarySubnetId, subnetId, instanceCreateTime, latestRestorableTime, parameterApplyStatus, appliedParameterRevision);
    }

    public Observed withInstanceCreateTime(Instant value) {
        return new Observed(status, endpointAddress, endpointPort, hostedZoneId, availabilityZone, secondaryAvailabilityZone,
                primarySubnetId, standbySubnetId, value, latestRestorableTime, parameterApplyStatus, appliedParameterRevision);
    }

    public Observed withLatestRestorableTime(Instant value) {
        return new Observed(status, endpointAddress, endpointPort, hostedZoneId, availabilityZone, secondaryAvailabilityZone,
                primarySubnetId, standbySubnetId, instanceCreateTime, value, parameterApplyStatus, appliedParameterRevision);
    }

    public Observed withParameters(String applyStatus, long revision) {
        return new Observed(status, endpointAddress, endpointPort, hostedZoneId, availabilityZone, secondaryAvailabilityZone,
                primarySubnetId, standbySubnetId, instanceCreateTime, latestRestorableTime, applyStatus, revision);
    }
}
