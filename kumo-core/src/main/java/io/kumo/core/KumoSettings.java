package io.kumo.core;

import java.nio.file.Path;

/**
 * How this Kumo runs. Built from flags and KUMO_* environment variables by the launcher.
 *
 * @param dataDir   where durable state lives; ignored when {@code ephemeral}
 * @param ephemeral keep state in memory only
 * @param strictAuth refuse access keys Kumo does not know, instead of treating them as the root
 * @param dnsPort   the DNS server's port on 127.0.0.1; {@link #AUTOMATIC_DNS_PORT}: 53 where it can be bound, else
 *                  10053 or the next free one; 0: any free port
 */
public record KumoSettings(
        String host,
        int port,
        Path dataDir,
        boolean ephemeral,
        String accountId,
        String defaultRegion,
        String logLevel,
        boolean strictAuth,
        int dnsPort) {

    public static final int AUTOMATIC_DNS_PORT = -1;

    public KumoSettings(String host, int port, Path dataDir, boolean ephemeral, String accountId, String defaultRegion,
                        String logLevel, boolean strictAuth) {
        this(host, port, dataDir, ephemeral, accountId, defaultRegion, logLevel, strictAuth, AUTOMATIC_DNS_PORT);
    }

    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_REGION = "ap-northeast-1";

    public String endpoint() {
        return "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port;
    }
}
