package io.kumo.server;

import io.kumo.core.KumoSettings;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** {@code kumo up}: runs Kumo in the foreground until Ctrl-C. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "--help" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "up" -> {
                if (Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h")) {
                    System.out.print(UpOptions.help());
                    return;
                }
                KumoSettings settings;
                try {
                    settings = UpOptions.parse(rest, System.getenv());
                } catch (UpOptions.UsageException e) {
                    System.err.println("kumo: " + e.getMessage());
                    System.exit(2);
                    return;
                }
                int code = up(settings);
                if (code != 0) {
                    System.exit(code);
                }
            }
            case "image" -> System.exit(new ImageCommand(System.out, System.err, System.getenv()).run(Arrays.asList(rest)));
            case "--version", "-V" -> System.out.println("Kumo " + Kumo.VERSION);
            case "--help", "-h", "help" -> System.out.println("Usage: kumo up [options]   (kumo up --help lists them)\n"
                    + "       kumo image import --name NAME DIRECTORY   (kumo image --help)");
            default -> {
                System.err.println("kumo: unknown command " + command + "; try: kumo up --help");
                System.exit(2);
            }
        }
    }

    private static int up(KumoSettings settings) throws InterruptedException {
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
}
