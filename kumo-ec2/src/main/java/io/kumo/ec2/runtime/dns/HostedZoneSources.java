package io.kumo.ec2.runtime.dns;

import io.kumo.core.dns.HostedZoneAnswers;
import io.kumo.core.dns.HostedZoneAnswers.TextRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Route 53's hosted zones in the DNS server's chain, through the {@link HostedZoneAnswers} contract the Route 53
 * module provides (looked up on each query: Kumo may run without it, and modules install in any order). Records come
 * as master-file text and are parsed here with dnsjava.
 */
public final class HostedZoneSources implements HostedZones {
    private static final System.Logger LOG = System.getLogger("kumo.ec2.dns");

    private static final ParsedRecords PARSED = new ParsedRecords();

    private final Supplier<Optional<HostedZoneAnswers>> answers;

    public HostedZoneSources(Supplier<Optional<HostedZoneAnswers>> answers) {
        this.answers = answers;
    }

    @Override
    public DnsSource privateZones(String vpcId) {
        return question -> ask(question, vpcId, HostedZoneAnswers.Scope.PRIVATE);
    }

    @Override
    public DnsSource publicZones() {
        return question -> ask(question, null, HostedZoneAnswers.Scope.PUBLIC);
    }

    @Override
    public DnsSource publicZones(String vpcId) {
        return question -> ask(question, vpcId, HostedZoneAnswers.Scope.PUBLIC);
    }

    private SourceAnswer ask(DnsQuestion question, String vpcId, HostedZoneAnswers.Scope scope) {
        Optional<HostedZoneAnswers> zones = answers.get();
        if (zones.isEmpty()) {
            return SourceAnswer.NOT_MINE;
        }
        var asked = new HostedZoneAnswers.Question(question.name().toString(), Type.string(question.type()), vpcId,
                question.client(), question.subnet());
        return switch (zones.get().answer(asked, scope)) {
            case HostedZoneAnswers.NotMine notMine -> SourceAnswer.NOT_MINE;
            case HostedZoneAnswers.Found found when !found.exists() -> new SourceAnswer.NxDomain(parse(found.authority()));
            case HostedZoneAnswers.Found found when !found.authoritative() ->
                    new SourceAnswer.Referral(parse(found.authority()), parse(found.additional()));
            case HostedZoneAnswers.Found found -> new SourceAnswer.Answer(parse(found.answer()), parse(found.authority()));
        };
    }

    /** A value dnsjava cannot read is skipped and logged: one bad record must not cost the whole answer. */
    static List<Record> parse(List<TextRecord> records) {
        List<Record> out = new ArrayList<>(records.size());
        for (TextRecord r : records) {
            try {
                out.add(PARSED.parse(r));
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "unreadable record " + r + ": " + e.getMessage());
            }
        }
        return out;
    }
}
