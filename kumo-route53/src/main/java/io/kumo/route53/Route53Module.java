package io.kumo.route53;

import io.kumo.core.service.ServiceBinder;
import io.kumo.core.service.ServiceModule;
import software.amazon.awssdk.services.route53.model.CreateHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.DeleteHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.GetHostedZoneRequest;
import software.amazon.awssdk.services.route53.model.ListHostedZonesRequest;

/** Route 53's hosted zones. Records and the DNS server that answers them come with the DNS issue. */
public final class Route53Module implements ServiceModule {

    @Override
    public String modelName() {
        return "route53";
    }

    @Override
    public void install(ServiceBinder binder) {
        binder.table(HostedZoneRecord.TABLE);
        binder.operation("CreateHostedZone", CreateHostedZoneRequest.class, new CreateHostedZone());
        binder.operation("GetHostedZone", GetHostedZoneRequest.class, new GetHostedZone());
        binder.operation("ListHostedZones", ListHostedZonesRequest.class, new ListHostedZones());
        binder.operation("DeleteHostedZone", DeleteHostedZoneRequest.class, new DeleteHostedZone());
    }
}
