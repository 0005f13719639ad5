package io.kumo.ec2.runtime.dns;

/**
 * One link of a VPC resolver's chain: a set of domains it answers for. The resolver asks its sources in order and
 * the first that does not say {@link SourceAnswer.NotMine} decides, so an earlier source hides a later one's records
 * for the domains it claims (a private hosted zone shadows a public one of the same name).
 *
 * <p>Called from the resolver's threads, concurrently: implementations must be thread-safe and must not block.
 */
@FunctionalInterface
public interface DnsSource {

    SourceAnswer lookup(DnsQuestion question);

    /** A source that owns nothing. */
    DnsSource NOTHING = question -> SourceAnswer.NOT_MINE;
}
