package io.kumo.rds.runtime.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of mariadbd for a {@link ServerSpec}. */
final class MariaDbOptions {
    /**
     * Small-memory defaults (an idle server stays near 80 MB), and what Multi-AZ needs on every
     * server: binlog with GTIDs in strict mode, semi-sync on the replica side (harmless on a
     * primary, and it makes a crashed primary drop unacknowledged transactions at recovery),
     * parallel apply so a standby keeps up, and durable commits. The master side of semi-sync is
     * switched on at run time on the current primary only: a replica with it on stalls on every
     * transaction. Startup parameters override any of these.
     */
    static final Map<String, String> DEFAULTS = defaults();

    private MariaDbOptions() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("innodb_buffer_pool_size", "16M");
        d.put("innodb_log_file_size", "16M");
        d.put("innodb_log_buffer_size", "4M");
        d.put("key_buffer_size", "1M");
        d.put("aria_pagecache_buffer_size", "1M");
        d.put("table_open_cache", "200");
        d.put("performance_schema", "OFF");
        d.put("max_connections", "100");
        d.put("skip_name_resolve", "ON");
        d.put("innodb_flush_log_at_trx_commit", "1");
        d.put("sync_binlog", "1");
        d.put("binlog_format", "ROW");
        d.put("log_slave_updates", "ON");
        d.put("gtid_strict_mode", "ON");
        d.put("rpl_semi_sync_slave_enabled", "ON");
        d.put("rpl_semi_sync_master_wait_point", "AFTER_SYNC");
        d.put("rpl_semi_sync_master_timeout", "10000");
        // with no standby connected a primary does not wait at all: waiting then would only stall clients
        d.put("rpl_semi_sync_master_wait_no_slave", "OFF");
        d.put("slave_parallel_threads", "4");
        d.put("slave_parallel_mode", "optimistic");
        d.put("slave_net_timeout", "10");
        return d;
    }

    static List<String> commandLine(Binaries binaries, ServerSpec spec, TlsFiles tls) {
        ServerHome home = spec.layout();
        List<String> argv = new ArrayList<>(List.of(
                binaries.bin("mariadbd").toString(),
                "--no-defaults",
                "--basedir=" + binaries.basedir(),
                "--datadir=" + home.data(),
                "--tmpdir=" + home.tmp(),
                "--socket=" + home.mariaDbSocket(),
                "--pid-file=" + home.dir().resolve("mysqld.pid"),
                "--log-error=" + home.log(),
                "--bind-address=" + spec.bindAddress(),
                "--port=" + spec.port(),
                "--server-id=" + spec.serverId(),
                "--log-bin=binlog",
                "--relay-log=relay",
                "--expire-logs-days=0",
                "--ssl-cert=" + tls.certificate(),
                "--ssl-key=" + tls.key()));
        Map<String, String> all = new LinkedHashMap<>(DEFAULTS);
        all.putAll(spec.parameters());
        // "loose-": an option this server does not know is a warning in its log, not a failed start
        all.forEach((name, value) -> argv.add("--loose-" + name.replace('_', '-') + "=" + value));
        return argv;
    }
}
