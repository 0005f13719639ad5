package io.kumo.server;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One-line log records on stderr, at the level the user chose. */
final class Logging {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private Logging() {
    }

    static void configure(String level) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        Level julLevel = switch (level.toLowerCase(Locale.ROOT)) {
            case "error" -> Level.SEVERE;
            case "warn", "warning" -> Level.WARNING;
            case "debug" -> Level.FINE;
            case "trace" -> Level.FINEST;
            default -> Level.INFO;
        };
        ConsoleHandler handler = new ConsoleHandler();
        handler.setLevel(julLevel);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String line = TIME.format(LocalTime.now()) + " " + r.getLevel().getName().toLowerCase(Locale.ROOT)
                        + " " + r.getLoggerName() + ": " + formatMessage(r) + System.lineSeparator();
                if (r.getThrown() != null) {
                    var sw = new java.io.StringWriter();
                    r.getThrown().printStackTrace(new java.io.PrintWriter(sw));
                    line += sw;
                }
                return line;
            }
        });
        root.addHandler(handler);
        root.setLevel(julLevel);
        Logger.getLogger("io.netty").setLevel(Level.WARNING);
    }
}
