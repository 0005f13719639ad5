package io.kumo.core;

import java.nio.file.Path;

/**
 * How this Kumo runs. Built from flags and KUMO_* environment variables by the launcher.
 *
 * @param dataDir   where durable state lives; ignored when {@code ephemeral}
 * @param ephemeral keep state in memory only
 * @param strictAuth refuse access keys Kumo does not know, instead of treating them as the root
 */
public record KumoSettings(
        String host,
        int port,
        Path dataDir,
        boolean ephemeral,
        String accountId,
        String defaultRegion,
        String logLevel,
        boolean strictAuth) {

    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_REGION = "ap-northeast-1";

    public String endpoint() {
        return "http://" + (host.equals("0.0.0.0") ? "localhost" : host) + ":" + port;
    }
}
