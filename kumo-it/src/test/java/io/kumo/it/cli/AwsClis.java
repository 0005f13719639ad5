package io.kumo.it.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The AWS CLI executables on this machine, by major version: the one on PATH, Debian's /usr/bin/aws, /usr/local/bin/aws. */
public final class AwsClis {

    private AwsClis() {
    }

    public static Map<String, String> installed() {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(dir, "aws").toString());
        }
        candidates.add("/usr/bin/aws");
        candidates.add("/usr/local/bin/aws");
        for (String candidate : candidates) {
            if (!Files.isExecutable(Path.of(candidate))) {
                continue;
            }
            String version = version(candidate);
            if (version.startsWith("aws-cli/1.")) {
                out.putIfAbsent("1", candidate);
            } else if (version.startsWith("aws-cli/2.")) {
                out.putIfAbsent("2", candidate);
            }
        }
        return out;
    }

    private static String version(String cli) {
        try {
            Process p = new ProcessBuilder(cli, "--version").redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }
}
