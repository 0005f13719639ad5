package io.kumo.server;

import io.kumo.core.KumoSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code kumo up}: runs Kumo in the foreground until Ctrl-C. Every flag has a KUMO_* variable. */
@Command(name = "kumo", mixinStandardHelpOptions = true, version = "Kumo " + Kumo.VERSION,
        subcommands = {Main.Up.class},
        description = "A local AWS cloud in one process.")
public final class Main implements Runnable {

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    @Command(name = "up", mixinStandardHelpOptions = true, description = "Start Kumo in the foreground.")
    static final class Up implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "${env:KUMO_PORT:-4566}", description = "Port (KUMO_PORT, default 4566).")
        int port;

        @Option(names = "--host", defaultValue = "${env:KUMO_HOST:-127.0.0.1}", description = "Bind address (KUMO_HOST, default 127.0.0.1).")
        String host;

        @Option(names = "--data-dir", defaultValue = "${env:KUMO_DATA_DIR:-}", description = "Durable state directory (KUMO_DATA_DIR, default ~/.local/share/kumo).")
        String dataDir;

        @Option(names = "--ephemeral", defaultValue = "${env:KUMO_EPHEMERAL:-false}", fallbackValue = "true", arity = "0..1",
                description = "Keep state in memory only (KUMO_EPHEMERAL).")
        boolean ephemeral;

        @Option(names = "--account-id", defaultValue = "${env:KUMO_ACCOUNT_ID:-000000000000}", description = "Account id (KUMO_ACCOUNT_ID).")
        String accountId;

        @Option(names = "--log-level", defaultValue = "${env:KUMO_LOG_LEVEL:-info}", description = "error, warn, info, debug (KUMO_LOG_LEVEL).")
        String logLevel;

        @Option(names = "--auth", defaultValue = "${env:KUMO_AUTH:-lenient}",
                description = "lenient: unknown access keys act as the account root; strict: they are refused (KUMO_AUTH).")
        String auth;

        @Option(names = "--region", defaultValue = "${env:KUMO_REGION:-ap-northeast-1}",
                description = "Region for requests that carry none (KUMO_REGION).")
        String region;

        @Override
        public Integer call() throws Exception {
            KumoSettings settings = settings();
            Logging.configure(settings.logLevel());
            long started = System.nanoTime();
            Kumo kumo;
            try {
                kumo = Kumo.start(settings);
            } catch (Kumo.StartupException e) {
                System.err.println("kumo: " + e.getMessage());
                return 1;
            }
            Banner.print(System.out, kumo, (System.nanoTime() - started) / 1_000_000);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("\nkumo: stopping");
                System.out.flush();
                kumo.close();
                stopped.countDown();
            }, "kumo-shutdown"));
            stopped.await();
            return 0;
        }

        private KumoSettings settings() {
            if (!accountId.matches("\\d{12}")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--account-id must be 12 digits: " + accountId);
            }
            if (!auth.equals("lenient") && !auth.equals("strict")) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--auth must be lenient or strict: " + auth);
            }
            Path dir = dataDir == null || dataDir.isBlank() ? defaultDataDir() : Path.of(dataDir);
            return new KumoSettings(host, port, dir.toAbsolutePath(), ephemeral, accountId, region, logLevel, auth.equals("strict"));
        }

        private static Path defaultDataDir() {
            String xdg = System.getenv("XDG_DATA_HOME");
            Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
            return base.resolve("kumo");
        }
    }
}
