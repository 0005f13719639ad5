package io.kumo.auth;

import java.util.ArrayList;
import java.util.List;

/** A query string split into its still-encoded name=value pairs, in arrival order. */
final class RawQuery {
    private final List<String> names;
    private final List<String> values;

    private RawQuery(List<String> names, List<String> values) {
        this.names = names;
        this.values = values;
    }

    static RawQuery parse(String rawQuery) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            int start = 0;
            int n = rawQuery.length();
            while (start <= n) {
                int amp = rawQuery.indexOf('&', start);
                int end = amp < 0 ? n : amp;
                if (end > start) {
                    int eq = rawQuery.indexOf('=', start);
                    if (eq < 0 || eq > end) {
                        names.add(rawQuery.substring(start, end));
                        values.add("");
                    } else {
                        names.add(rawQuery.substring(start, eq));
                        values.add(rawQuery.substring(eq + 1, end));
                    }
                }
                start = end + 1;
            }
        }
        return new RawQuery(names, values);
    }

    int size() {
        return names.size();
    }

    String rawName(int i) {
        return names.get(i);
    }

    String rawValue(int i) {
        return values.get(i);
    }

    /**
     * The decoded value of the first parameter called {@code name}. The X-Amz-* names this is
     * used for are plain ASCII, so most are found without decoding any name.
     */
    String get(String name) {
        for (int i = 0; i < names.size(); i++) {
            String raw = names.get(i);
            if (raw.equals(name) || (raw.indexOf('%') >= 0 && UriEncoding.decode(raw).equals(name))) {
                return UriEncoding.decode(values.get(i));
            }
        }
        return null;
    }

    boolean has(String name) {
        return get(name) != null;
    }
}
