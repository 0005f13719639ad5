package io.kumo.route53.record;

import io.kumo.core.RequestContext;
import io.kumo.core.dns.HostedZoneAnswers;
import io.kumo.core.service.Handler;
import io.kumo.route53.support.DnsNames;
import io.kumo.route53.support.Route53Errors;
import io.kumo.route53.zone.HostedZoneRecord;
import io.kumo.route53.zone.Zones;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerRequest;
import software.amazon.awssdk.services.route53.model.TestDnsAnswerResponse;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What Kumo's DNS server answers, asked through the same {@link HostedZoneAnswers} it uses: a public zone as the host
 * listener sees it, a private zone as the resolver of its first VPC does. ResolverIP and the EDNS Client Subnet feed
 * latency and geolocation routing as a real query's source and ECS would.
 */
final class TestDnsAnswer implements Handler<TestDnsAnswerRequest, TestDnsAnswerResponse> {
    private final Supplier<Optional<HostedZoneAnswers>> answers;

    TestDnsAnswer(Supplier<Optional<HostedZoneAnswers>> answers) {
        this.answers = answers;
    }

    @Override
    public TestDnsAnswerResponse handle(RequestContext ctx, TestDnsAnswerRequest in) {
        HostedZoneRecord zone = ctx.read(tx -> Zones.require(tx, in.hostedZoneId()));
        String name = DnsNames.parse(in.recordName());
        if (!DnsNames.within(name, zone.name())) {
            throw Route53Errors.invalidInput("The record name " + in.recordName() + " is not in the hosted zone " + zone.name());
        }
        String vpcId = zone.privateZone() && !zone.vpcs().isEmpty() ? zone.vpcs().getFirst().vpcId() : null;
        var scope = zone.privateZone() ? HostedZoneAnswers.Scope.PRIVATE : HostedZoneAnswers.Scope.PUBLIC;
        var question = new HostedZoneAnswers.Question(name, in.recordTypeAsString(), vpcId, address(in.resolverIP()), subnet(in));
        HostedZoneAnswers.Answer answer = answers.get().map(a -> a.answer(question, scope)).orElse(HostedZoneAnswers.NOT_MINE);
        List<String> data = List.of();
        String code = "NOERROR";
        if (answer instanceof HostedZoneAnswers.Found found) {
            code = found.exists() ? "NOERROR" : "NXDOMAIN";
            data = found.answer().stream().filter(r -> r.type().equals(in.recordTypeAsString())).map(HostedZoneAnswers.TextRecord::data).toList();
        }
        return TestDnsAnswerResponse.builder().nameserver(zone.nameServers().getFirst()).recordName(name)
                .recordType(in.recordTypeAsString()).recordData(data).responseCode(code).protocol("UDP").build();
    }

    private static HostedZoneAnswers.ClientSubnet subnet(TestDnsAnswerRequest in) {
        InetAddress address = address(in.edns0ClientSubnetIP());
        if (address == null) {
            return null;
        }
        int prefix = in.edns0ClientSubnetMask() == null ? address.getAddress().length * 8 : Integer.parseInt(in.edns0ClientSubnetMask());
        return new HostedZoneAnswers.ClientSubnet(address, prefix);
    }

    private static InetAddress address(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(text.trim());
        } catch (IllegalArgumentException e) {
            throw Route53Errors.invalidInput("Invalid IP address: " + text);
        }
    }
}
