package io.kumo.server;

import io.kumo.core.KumoSettings;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The options of {@code kumo up}. Each has a flag and a KUMO_* variable; a flag wins. Parsed by
 * hand: eight options do not need a framework, and start-up time is one of Kumo's promises.
 */
final class UpOptions {
    /** flag -> environment variable and default; order is the order of the help text. */
    private static final Map<String, String[]> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("--port", new String[]{"KUMO_PORT", "4566", "port of the AWS endpoint"});
        OPTIONS.put("--dns-port", new String[]{"KUMO_DNS_PORT", "auto", "DNS server port on 127.0.0.1: auto is 53 if it can be bound, else 10053 or the next free"});
        OPTIONS.put("--host", new String[]{"KUMO_HOST", "127.0.0.1", "bind address"});
        OPTIONS.put("--data-dir", new String[]{"KUMO_DATA_DIR", "", "durable state directory (default ~/.local/share/kumo)"});
        OPTIONS.put("--ephemeral", new String[]{"KUMO_EPHEMERAL", "false", "keep state in memory only"});
        OPTIONS.put("--account-id", new String[]{"KUMO_ACCOUNT_ID", KumoSettings.DEFAULT_ACCOUNT, "the account of ARNs and OwnerId"});
        OPTIONS.put("--log-level", new String[]{"KUMO_LOG_LEVEL", "info", "error, warn, info or debug"});
        OPTIONS.put("--auth", new String[]{"KUMO_AUTH", "lenient", "lenient: unknown access keys act as the account root; strict: refused"});
        OPTIONS.put("--region", new String[]{"KUMO_REGION", KumoSettings.DEFAULT_REGION, "region for requests that name none"});
    }

    /** A wrong command line, with the message for the user. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private UpOptions() {
    }

    static KumoSettings parse(String[] args, Map<String, String> env) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        OPTIONS.forEach((flag, spec) -> {
            String fromEnv = env.get(spec[0]);
            values.put(flag, fromEnv != null ? fromEnv : spec[1]);
        });
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String flag = eq > 0 ? arg.substring(0, eq) : arg;
            if (!OPTIONS.containsKey(flag)) {
                throw new UsageException("unknown option " + arg + " (see kumo up --help)");
            }
            if (eq > 0) {
                values.put(flag, arg.substring(eq + 1));
            } else if (flag.equals("--ephemeral")) {
                values.put(flag, "true");
            } else if (i + 1 < args.length) {
                values.put(flag, args[++i]);
            } else {
                throw new UsageException(flag + " needs a value");
            }
        }
        return settings(values, env);
    }

    private static KumoSettings settings(Map<String, String> v, Map<String, String> env) throws UsageException {
        int port;
        try {
            port = Integer.parseInt(v.get("--port").trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number: " + v.get("--port"));
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535: " + port);
        }
        int dnsPort = dnsPort(v.get("--dns-port").trim());
        String accountId = v.get("--account-id");
        if (!accountId.matches("\\d{12}")) {
            throw new UsageException("--account-id must be 12 digits: " + accountId);
        }
        String auth = v.get("--auth").toLowerCase(Locale.ROOT);
        if (!auth.equals("lenient") && !auth.equals("strict")) {
            throw new UsageException("--auth must be lenient or strict: " + auth);
        }
        String ephemeral = v.get("--ephemeral").toLowerCase(Locale.ROOT);
        if (!ephemeral.equals("true") && !ephemeral.equals("false")) {
            throw new UsageException("--ephemeral must be true or false: " + ephemeral);
        }
        String dataDir = v.get("--data-dir");
        Path dir = dataDir.isBlank() ? defaultDataDir(env) : Path.of(dataDir);
        return new KumoSettings(v.get("--host"), port, dir.toAbsolutePath(), ephemeral.equals("true"), accountId,
                v.get("--region"), v.get("--log-level"), auth.equals("strict"), dnsPort);
    }

    private static int dnsPort(String value) throws UsageException {
        if (value.equalsIgnoreCase("auto") || value.isEmpty()) {
            return KumoSettings.AUTOMATIC_DNS_PORT;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UsageException("--dns-port must be auto or a number between 0 and 65535: " + value);
    }

    private static Path defaultDataDir(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("kumo");
    }

    static String help() {
        StringBuilder out = new StringBuilder("Usage: kumo up [options]\nStart Kumo in the foreground. Each option also reads an environment variable.\n\n");
        OPTIONS.forEach((flag, spec) -> out.append(String.format("  %-13s %-16s %s%s%n", flag, spec[0], spec[2],
                spec[1].isEmpty() ? "" : " (default " + spec[1] + ")")));
        return out.toString();
    }
}
