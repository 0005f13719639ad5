package io.kumo.fabric.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What this machine allows for sandboxes, found out once at start: instances are isolated only
 * when Kumo runs as root on Linux with network namespaces and the tools it drives (ip, nft,
 * unshare, nsenter). Otherwise {@link #reason()} says what is missing, and instances run as plain
 * processes, said loudly and never pretended.
 */
public record Isolation(boolean available, String reason) {

    public static Isolation probe() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return new Isolation(false, "not Linux (" + System.getProperty("os.name") + ")");
        }
        if (!isRoot()) {
            return new Isolation(false, "Kumo is not running as root");
        }
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("ip", "nft", "unshare", "nsenter", "mount")) {
            if (HostTools.find(tool).isEmpty()) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            return new Isolation(false, "missing host tools: " + String.join(", ", missing)
                    + " (Debian: apt-get install iproute2 nftables util-linux mount)");
        }
        if (!hasSysAdmin()) {
            return new Isolation(false, "CAP_SYS_ADMIN is missing (a container without privileges?), so namespaces cannot be made");
        }
        return new Isolation(true, "instances run in sandboxes: network, mount, PID and UTS namespaces, with nftables");
    }

    /** Bit 21 of the effective capabilities; read from /proc rather than tried, to keep start-up fast. */
    private static boolean hasSysAdmin() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("CapEff:")) {
                    return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 21)) != 0;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    private static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (java.io.IOException e) {
            return false;
        }
        return false;
    }
}
