package io.kumo.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this machine lets Kumo do, for the banner and /_kumo/health. */
record MachineFacts(boolean root, boolean networkNamespaces, String namespaceNote) {

    static MachineFacts probe() {
        boolean root = "root".equals(System.getProperty("user.name")) || uid() == 0;
        boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
        if (!linux) {
            return new MachineFacts(root, false, "not Linux: instances will run as plain processes");
        }
        boolean netns = Files.exists(Path.of("/proc/self/ns/net"));
        String note;
        if (!netns) {
            note = "kernel without network namespaces";
        } else if (root) {
            note = "available (root)";
        } else if (readInt("/proc/sys/user/max_user_namespaces") > 0) {
            note = "available through user namespaces (not root)";
        } else {
            note = "unavailable: not root and user namespaces are off";
            netns = false;
        }
        return new MachineFacts(root, netns, note);
    }

    private static long uid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux or no procfs
        }
        return -1;
    }

    private static long readInt(String path) {
        try {
            return Long.parseLong(Files.readString(Path.of(path)).trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
