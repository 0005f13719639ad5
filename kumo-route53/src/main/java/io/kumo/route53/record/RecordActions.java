package io.kumo.route53.record;

import io.kumo.core.dns.GeneratedNames;
import io.kumo.core.service.ServiceBinder;
import software.amazon.awssdk.services.route53.model.ChangeResourceRecordSetsRequest;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsRequest;

/** Record sets: changes in batches and listing. */
public final class RecordActions {

    private RecordActions() {
    }

    public static void register(ServiceBinder binder) {
        binder.table(ZoneRecordSets.TABLE);
        // looked up at use: the EC2 module that provides the registry may be installed after this one
        AliasTargets targets = new ServiceAliasTargets(() -> binder.kernel().contracts().find(GeneratedNames.class));
        binder.operation("ChangeResourceRecordSets", ChangeResourceRecordSetsRequest.class, new ChangeResourceRecordSets(targets));
        binder.operation("ListResourceRecordSets", ListResourceRecordSetsRequest.class, new ListResourceRecordSets());
        binder.operation("TestDNSAnswer", software.amazon.awssdk.services.route53.model.TestDnsAnswerRequest.class,
                new TestDnsAnswer(() -> binder.kernel().contracts().find(io.kumo.core.dns.HostedZoneAnswers.class)));
    }
}
