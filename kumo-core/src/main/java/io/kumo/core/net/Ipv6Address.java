package io.kumo.core.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An IPv6 address as two unsigned 64-bit halves; prints in RFC 5952 canonical form. */
public record Ipv6Address(long high, long low) implements Comparable<Ipv6Address> {
    private static final int GROUPS = 8;

    /**
     * Accepts the RFC 4291 text forms: full, "::"-compressed, and a trailing dotted IPv4 part.
     * Zone ids ("%eth0") and brackets are refused: they never belong in a CIDR block.
     */
    public static Ipv6Address parse(String text) {
        Objects.requireNonNull(text, "text");
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            throw new InvalidAddressException(text, "has more than one '::'");
        }
        List<Integer> head = groups(gap < 0 ? text : text.substring(0, gap), text, gap < 0);
        List<Integer> tail = gap < 0 ? List.of() : groups(text.substring(gap + 2), text, true);
        int written = head.size() + tail.size();
        if (gap < 0 ? written != GROUPS : written > GROUPS - 1) {
            throw new InvalidAddressException(text, "does not have eight 16-bit groups");
        }
        int[] all = new int[GROUPS];
        for (int i = 0; i < head.size(); i++) {
            all[i] = head.get(i);
        }
        for (int i = 0; i < tail.size(); i++) {
            all[GROUPS - tail.size() + i] = tail.get(i);
        }
        return fromGroups(all);
    }

    private static List<Integer> groups(String segment, String whole, boolean mayEndInIpv4) {
        List<Integer> groups = new ArrayList<>();
        if (segment.isEmpty()) {
            return groups;
        }
        String[] pieces = segment.split(":", -1);
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (mayEndInIpv4 && i == pieces.length - 1 && piece.indexOf('.') >= 0) {
                long v4 = Ipv4Address.parse(piece).value();
                groups.add((int) (v4 >>> 16));
                groups.add((int) (v4 & 0xFFFF));
            } else {
                groups.add(hexGroup(piece, whole));
            }
        }
        return groups;
    }

    private static int hexGroup(String piece, String whole) {
        boolean hexOnly = !piece.isEmpty() && piece.length() <= 4 && piece.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        if (!hexOnly) {
            throw new InvalidAddressException(whole, "has a malformed group '" + piece + "'");
        }
        return Integer.parseInt(piece, 16);
    }

    private static Ipv6Address fromGroups(int[] groups) {
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new Ipv6Address(high, low);
    }

    int group(int index) {
        long half = index < 4 ? high : low;
        return (int) ((half >>> (16 * (3 - index % 4))) & 0xFFFF);
    }

    @Override
    public int compareTo(Ipv6Address other) {
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }

    /** RFC 5952: lowercase, no leading zeros, the longest run of two or more zero groups as "::". */
    @Override
    public String toString() {
        int runStart = -1;
        int runLength = 0;
        for (int i = 0; i < GROUPS; ) {
            int j = i;
            while (j < GROUPS && group(j) == 0) {
                j++;
            }
            if (j - i > runLength) {
                runStart = i;
                runLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (runLength < 2) {
            runStart = -1;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(group(i)));
        }
        return text.toString();
    }
}
