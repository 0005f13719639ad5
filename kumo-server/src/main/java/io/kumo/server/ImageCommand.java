package io.kumo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kumo image import --name NAME [options] DIRECTORY}: asks a running Kumo to register a root
 * filesystem (images/build-debian.sh makes one) as an AMI, through its {@code ec2/import-image}
 * command, and waits until the image is available. Prints the image id on standard output.
 */
public final class ImageCommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT_AT_MOST = Duration.ofMinutes(30);
    private static final List<String> VALUED = List.of("--name", "--description", "--region", "--architecture", "--family", "--endpoint");

    static final String HELP = """
            Usage: kumo image import --name NAME [options] DIRECTORY
            Registers DIRECTORY, a root filesystem such as images/build-debian.sh builds, as an AMI of the
            running Kumo (it copies the directory; the copy is the image's layer). Prints the image id.
              --name NAME            the AMI's name (3-128 characters, unique in the region)
              --description TEXT     its description
              --region REGION        its region (default: Kumo's default region)
              --architecture ARCH    x86_64 or arm64 (default: the host's)
              --family FAMILY        debian (default; login user admin), ubuntu (ubuntu) or amazon-linux (ec2-user)
              --endpoint URL         the running Kumo (default: KUMO_ENDPOINT, else http://127.0.0.1:${KUMO_PORT:-4566})
              --no-wait              return once the image is registered, while it is still pending
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ImageCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** Runs {@code args} (after "image"); returns the exit code. */
    public int run(List<String> args) throws InterruptedException {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.print(HELP);
            return args.isEmpty() ? 2 : 0;
        }
        if (!args.getFirst().equals("import")) {
            err.println("kumo: unknown image command " + args.getFirst() + "; try: kumo image --help");
            return 2;
        }
        Map<String, String> options = new LinkedHashMap<>();
        String directory = null;
        boolean wait = true;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--no-wait")) {
                wait = false;
            } else if (VALUED.contains(arg) && i + 1 < args.size()) {
                options.put(arg.substring(2), args.get(++i));
            } else if (arg.startsWith("--") && arg.contains("=") && VALUED.contains(arg.substring(0, arg.indexOf('=')))) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("-") || directory != null) {
                err.println("kumo: unexpected argument " + arg + "; try: kumo image --help");
                return 2;
            } else {
                directory = arg;
            }
        }
        if (directory == null || !options.containsKey("name")) {
            err.println("kumo: image import needs --name and a DIRECTORY; try: kumo image --help");
            return 2;
        }
        String endpoint = options.remove("endpoint");
        if (endpoint == null) {
            endpoint = env.getOrDefault("KUMO_ENDPOINT", "http://127.0.0.1:" + env.getOrDefault("KUMO_PORT", "4566"));
        }
        options.put("path", Path.of(directory).toAbsolutePath().normalize().toString());
        try {
            JsonNode imported = call(endpoint, "ec2/import-image", options);
            String imageId = imported.path("ImageId").asText();
            err.println("kumo: registered " + imageId + " (" + imported.path("SizeGiB").asInt() + " GiB) in "
                    + imported.path("Region").asText() + "; copying " + options.get("path") + "...");
            if (wait && !waitForImage(endpoint, imageId, imported.path("Region").asText())) {
                return 1;
            }
            out.println(imageId);
            return 0;
        } catch (CommandFailed e) {
            err.println("kumo: " + e.getMessage());
            return 1;
        }
    }

    private boolean waitForImage(String endpoint, String imageId, String region) throws InterruptedException, CommandFailed {
        long deadline = System.nanoTime() + WAIT_AT_MOST.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = call(endpoint, "ec2/image-state", Map.of("imageId", imageId, "region", region));
            switch (state.path("State").asText()) {
                case "available" -> {
                    err.println("kumo: " + imageId + " is available");
                    return true;
                }
                case "failed" -> {
                    err.println("kumo: " + imageId + " failed: " + state.path("StateReason").asText());
                    return false;
                }
                default -> Thread.sleep(500);
            }
        }
        err.println("kumo: " + imageId + " is still pending after " + WAIT_AT_MOST.toMinutes() + " minutes");
        return false;
    }

    private JsonNode call(String endpoint, String command, Map<String, String> arguments) throws InterruptedException, CommandFailed {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.replaceAll("/+$", "") + "/_kumo/commands/" + command))
                    .timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(arguments))).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new CommandFailed(body.path("error").asText("HTTP " + response.statusCode()) + ": " + body.path("message").asText());
            }
            return body;
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandFailed("cannot reach Kumo at " + endpoint + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); start it with ./kumo up, or give --endpoint");
        }
    }

    private static final class CommandFailed extends Exception {
        CommandFailed(String message) {
            super(message, null, false, false);
        }
    }
}
