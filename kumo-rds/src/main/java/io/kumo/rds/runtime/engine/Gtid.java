package io.kumo.rds.runtime.engine;

import java.util.HashMap;
import java.util.Map;

/** One MariaDB GTID (domain-server-sequence), and positions as one GTID per domain. */
record Gtid(long domain, long server, long sequence) {

    static Map<Long, Gtid> parse(String position) {
        Map<Long, Gtid> byDomain = new HashMap<>();
        if (position == null || position.isBlank()) {
            return byDomain;
        }
        for (String part : position.split(",")) {
            String[] f = part.strip().split("-");
            if (f.length != 3) {
                throw new EngineException("not a GTID position: " + position);
            }
            Gtid g = new Gtid(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]));
            byDomain.put(g.domain(), g);
        }
        return byDomain;
    }

    /** True when {@code current} holds every GTID of {@code target} exactly, or a later one of its domain. */
    static boolean reached(Map<Long, Gtid> current, Map<Long, Gtid> target) {
        for (Gtid want : target.values()) {
            Gtid have = current.get(want.domain());
            if (have == null || have.sequence() < want.sequence()
                    || (have.sequence() == want.sequence() && have.server() != want.server())) {
                return false;
            }
        }
        return true;
    }
}
