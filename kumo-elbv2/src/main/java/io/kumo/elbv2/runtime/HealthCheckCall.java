package io.kumo.elbv2.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP health check on a socket already opened in the checking node's namespace: a GET of the
 * path with ELB's user agent, judged by the status code against the matcher ("200", "200,302",
 * "200-299") within the timeout.
 */
final class HealthCheckCall {

    /** What a check found; {@code passed} false with a reason and description as DescribeTargetHealth gives them. */
    record Outcome(boolean passed, String reason, String description) {
    }

    private HealthCheckCall() {
    }

    static Outcome run(SocketChannel socket, String ip, int port, String path, int timeoutSeconds, String matcher) {
        int timeoutMillis = timeoutSeconds * 1000;
        try (socket) {
            socket.socket().connect(new InetSocketAddress(ip, port), timeoutMillis);
            socket.socket().setSoTimeout(timeoutMillis);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + ip + ":" + port + "\r\nUser-Agent: ELB-HealthChecker/2.0\r\n"
                    + "Accept-Encoding: gzip, compressed\r\nConnection: close\r\n\r\n";
            socket.socket().getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            int status = statusOf(socket.socket().getInputStream());
            if (status < 0) {
                return new Outcome(false, "Target.FailedHealthChecks", "Health checks failed");
            }
            return matches(matcher, status) ? new Outcome(true, null, null)
                    : new Outcome(false, "Target.ResponseCodeMismatch", "Health checks failed with these codes: [" + status + "]");
        } catch (SocketTimeoutException e) {
            return new Outcome(false, "Target.Timeout", "Request timed out");
        } catch (IOException e) {
            return new Outcome(false, "Target.FailedHealthChecks", "Health checks failed");
        }
    }

    /** The status code of the response's status line, or -1 when it is not HTTP. */
    static int statusOf(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && line.length() < 256) {
            line.append((char) c);
        }
        String[] parts = line.toString().trim().split(" ");
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static boolean matches(String matcher, int status) {
        for (String part : matcher.split(",")) {
            String p = part.trim();
            int dash = p.indexOf('-');
            try {
                if (dash > 0 ? Integer.parseInt(p.substring(0, dash)) <= status && status <= Integer.parseInt(p.substring(dash + 1))
                        : Integer.parseInt(p) == status) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // a malformed part matches nothing; the API refuses those anyway
            }
        }
        return false;
    }
}
