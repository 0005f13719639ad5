package io.kumo.store;

import io.kumo.core.store.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Values and tables the tests store. */
final class TestValues {

    enum Status { PENDING, RUNNING }

    record Disk(String device, int sizeGib, List<String> tags) {
    }

    record Instance(String id, String name, Instant launched, Status status, List<Disk> disks,
            Map<String, String> labels, Set<String> groups) {
    }

    record Note(String text) {
    }

    static final Table<Instance> INSTANCES = Table.regional("test.instances", Instance.class);
    static final Table<Note> USERS = Table.account("test.users", Note.class);
    static final Table<Note> SETTINGS = Table.global("test.settings", Note.class);
    static final Table<Note> EXTRAS = Table.regional("test.extras", Note.class);

    static Instance instance(String id) {
        return new Instance(id, "name-" + id, Instant.parse("2025-01-02T03:04:05.123456789Z"), Status.RUNNING,
                List.of(new Disk("/dev/xvda", 8, List.of("root", "gp3")), new Disk("/dev/xvdb", 100, List.of())),
                Map.of("env", "test", "team", "kumo"), Set.of("sg-1", "sg-2"));
    }

    private TestValues() {
    }
}
