package io.kumo.core.dns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The names services generate for their resources (load balancers' DNS names, later database
 * endpoints, instances' public names), for the DNS servers that answer them: the VPC resolvers and
 * the host listener. One registry, provided by the EC2 module; each service adds its {@link Source}
 * when it starts.
 */
public final class GeneratedNames {

    /** One service's names. Called from resolver threads, concurrently: thread-safe, non-blocking. */
    public interface Source {

        /** The domains it owns, lower case without the final dot, such as "elb.localhost". */
        Set<String> domains();

        /** The name's IPv4 addresses as a client in the VPC sees them; empty when no such name exists. */
        List<String> addresses(String vpcId, String name);

        /**
         * The name's IPv4 addresses as the host sees them (Kumo's DNS server on 127.0.0.1), for names outside
         * {@code .localhost} whose addresses the host reaches directly, such as instances' public names; empty (the
         * default) when the host does not answer the name. Names under {@code .localhost} need none of this: the host
         * answers them with the loopback, where the front doors listen.
         */
        default List<String> hostAddresses(String name) {
            return List.of();
        }

        /** How long resolvers may keep an answer: names that move on failover want a few seconds. */
        default long ttlSeconds() {
            return 60;
        }
    }

    private final List<Source> sources = new CopyOnWriteArrayList<>();

    public void add(Source source) {
        sources.add(source);
    }

    /** The source whose domain holds the name (lower case or not, with or without the final dot). */
    public Optional<Source> owner(String name) {
        String n = normalize(name);
        return sources.stream().filter(s -> s.domains().stream().anyMatch(d -> n.equals(d) || n.endsWith("." + d))).findFirst();
    }

    public static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
