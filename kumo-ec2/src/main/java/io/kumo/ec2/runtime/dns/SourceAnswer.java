package io.kumo.ec2.runtime.dns;

import org.xbill.DNS.Record;

import java.util.List;

/** What a {@link DnsSource} says about a question. */
public sealed interface SourceAnswer {

    /** The source owns the name, and these are its records of the asked type (none: NODATA). */
    record Answer(List<Record> records, List<Record> authority) implements SourceAnswer {
        public Answer {
            records = List.copyOf(records);
            authority = List.copyOf(authority);
        }
    }

    /** The source owns the name's domain and the name does not exist there: later sources are not asked. */
    record NxDomain(List<Record> authority) implements SourceAnswer {
        public NxDomain {
            authority = List.copyOf(authority);
        }
    }

    /**
     * The name lies below a delegation to a child zone Kumo does not hold: the child's NS records and their glue,
     * answered without authority (AA clear on the host listener).
     */
    record Referral(List<Record> authority, List<Record> additional) implements SourceAnswer {
        public Referral {
            authority = List.copyOf(authority);
            additional = List.copyOf(additional);
        }
    }

    /** The name is outside the source's domains: the next source decides. */
    record NotMine() implements SourceAnswer {
    }

    NotMine NOT_MINE = new NotMine();
}
