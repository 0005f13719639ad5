package io.kumo.route53.runtime;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a DNS client is, for latency and geolocation routing. Kumo has no GeoIP database, so both come from mappings
 * of address ranges, read from a system property or else an environment variable on each query (cached while the
 * text is unchanged):
 * <ul>
 *   <li>{@code kumo.dns.latency} / {@code KUMO_DNS_LATENCY}: {@code CIDR=REGION,...}; a client in no range is in
 *       {@code kumo.dns.client.region} / {@code KUMO_DNS_CLIENT_REGION}, else Kumo's default region.</li>
 *   <li>{@code kumo.dns.geo} / {@code KUMO_DNS_GEO}: {@code CIDR=CONTINENT[/COUNTRY[/SUBDIVISION]],...}, such as
 *       {@code 192.0.2.0/24=NA/US/CA}; the EDNS Client Subnet's address is looked up when the query has one, else the
 *       source. A client in no range has no location: only the default ({@code *}) geolocation record answers it.</li>
 * </ul>
 */
final class ClientPlaces {

    /** A geolocation; country and subdivision may be null. */
    record Location(String continent, String country, String subdivision) {
    }

    private record Range(BigInteger network, int bits, int prefix, String value) {
        boolean contains(InetAddress address) {
            byte[] raw = address.getAddress();
            if (raw.length * 8 != bits) {
                return false;
            }
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, raw).and(mask).equals(network.and(mask));
        }
    }

    private record Parsed(String text, List<Range> ranges) {
    }

    private final String defaultRegion;
    private volatile Parsed latency = new Parsed("", List.of());
    private volatile Parsed geo = new Parsed("", List.of());

    ClientPlaces(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    String region(InetAddress client) {
        String fallback = Optional.ofNullable(setting("kumo.dns.client.region", "KUMO_DNS_CLIENT_REGION")).orElse(defaultRegion);
        latency = reparse(latency, setting("kumo.dns.latency", "KUMO_DNS_LATENCY"));
        return lookup(latency, client).orElse(fallback);
    }

    Optional<Location> location(InetAddress where) {
        geo = reparse(geo, setting("kumo.dns.geo", "KUMO_DNS_GEO"));
        return lookup(geo, where).map(value -> {
            String[] parts = value.toUpperCase(Locale.ROOT).split("/");
            return new Location(parts[0], parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null);
        });
    }

    /** The most specific range holding the address. */
    private static Optional<String> lookup(Parsed parsed, InetAddress address) {
        if (address == null) {
            return Optional.empty();
        }
        Range best = null;
        for (Range range : parsed.ranges()) {
            if (range.contains(address) && (best == null || range.prefix() > best.prefix())) {
                best = range;
            }
        }
        return Optional.ofNullable(best).map(Range::value);
    }

    private static Parsed reparse(Parsed cached, String text) {
        String t = text == null ? "" : text;
        return t.equals(cached.text()) ? cached : new Parsed(t, parse(t, ClientPlaces::range));
    }

    private static List<Range> parse(String text, Function<String, Range> entry) {
        List<Range> out = new ArrayList<>();
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                Range range = entry.apply(item.trim());
                if (range != null) {
                    out.add(range);
                }
            }
        }
        return out;
    }

    /** One {@code CIDR=VALUE} entry; a malformed one is skipped (and the rest still apply). */
    private static Range range(String item) {
        int eq = item.indexOf('=');
        int slash = item.indexOf('/');
        if (eq < 0 || slash < 0 || slash > eq) {
            return null;
        }
        try {
            InetAddress network = InetAddress.ofLiteral(item.substring(0, slash));
            int prefix = Integer.parseInt(item.substring(slash + 1, eq));
            int bits = network.getAddress().length * 8;
            if (prefix < 0 || prefix > bits) {
                return null;
            }
            return new Range(new BigInteger(1, network.getAddress()), bits, prefix, item.substring(eq + 1).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String setting(String property, String env) {
        String value = System.getProperty(property);
        return value != null ? value : System.getenv(env);
    }
}
