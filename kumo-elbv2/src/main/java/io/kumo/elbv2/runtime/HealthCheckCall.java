package io.kumo.elbv2.runtime;

import io.kumo.elbv2.targetgroup.CodeMatcher;
import io.kumo.elbv2.targetgroup.HealthVerdicts.CheckResult;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP health check on a socket already opened in the checking node's namespace: a GET of the
 * path with ELB's user agent, judged by its status code against the matcher within the timeout.
 */
final class HealthCheckCall {

    private HealthCheckCall() {
    }

    static CheckResult run(SocketChannel socket, String ip, int port, String path, int timeoutSeconds, String matcher) {
        int timeoutMillis = timeoutSeconds * 1000;
        try (socket) {
            socket.socket().connect(new InetSocketAddress(ip, port), timeoutMillis);
            socket.socket().setSoTimeout(timeoutMillis);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + ip + ":" + port + "\r\nUser-Agent: ELB-HealthChecker/2.0\r\n"
                    + "Accept-Encoding: gzip, compressed\r\nConnection: close\r\n\r\n";
            socket.socket().getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            int status = statusOf(socket.socket().getInputStream());
            if (status < 0) {
                return CheckResult.failed();
            }
            return CodeMatcher.matches(matcher, status) ? CheckResult.pass() : CheckResult.wrongCode(status);
        } catch (SocketTimeoutException e) {
            return CheckResult.timedOut();
        } catch (IOException e) {
            return CheckResult.failed();
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
}
