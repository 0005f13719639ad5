package io.kumo.route53.runtime;

import io.kumo.route53.health.CheckConfig;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * One probe of an endpoint check, with AWS's limits: TCP connects within 10 s; HTTP(S) connects within 2 s and gets a
 * 2xx or 3xx status within 4 s in all; *_STR_MATCH also finds the search string in the first 5120 bytes of the body
 * (headers excluded). HTTPS does not verify certificates, as AWS does not.
 */
final class EndpointProbe {
    static final int TCP_CONNECT_MILLIS = 10_000;
    static final int HTTP_CONNECT_MILLIS = 2_000;
    static final int HTTP_TOTAL_MILLIS = 4_000;
    static final int MATCH_BYTES = 5120;

    /** A result in AWS's StatusReport words. */
    record Result(boolean success, String status) {
    }

    private EndpointProbe() {
    }

    static Result probe(CheckConfig config, InetAddress target) {
        int port = config.port() != null ? config.port() : config.type().startsWith("HTTPS") ? 443 : 80;
        try {
            if (config.type().equals("TCP")) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(target, port), TCP_CONNECT_MILLIS);
                }
                return new Result(true, "Success: TCP connection established");
            }
            return http(config, target, port);
        } catch (IOException e) {
            return new Result(false, "Failure: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static Result http(CheckConfig config, InetAddress target, int port) throws IOException {
        boolean tls = config.type().startsWith("HTTPS");
        String host = config.fullyQualifiedDomainName() != null ? config.fullyQualifiedDomainName() : target.getHostAddress();
        long deadline = System.nanoTime() + HTTP_TOTAL_MILLIS * 1_000_000L;
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(target, port), HTTP_CONNECT_MILLIS);
            plain.setSoTimeout(HTTP_TOTAL_MILLIS);
            Socket socket = tls ? tls(plain, host, config) : plain;
            String path = config.resourcePath() == null || config.resourcePath().isBlank() ? "/" : config.resourcePath();
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: Amazon-Route53-Health-Check-Service (Kumo)\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = read(socket.getInputStream(), deadline);
            int status = statusCode(response);
            if (status < 200 || status >= 400) {
                return new Result(false, "Failure: HTTP Status Code " + status);
            }
            if (config.type().endsWith("STR_MATCH")) {
                int bodyAt = response.indexOf("\r\n\r\n");
                String body = bodyAt < 0 ? "" : response.substring(bodyAt + 4);
                body = body.substring(0, Math.min(body.length(), MATCH_BYTES));
                if (!body.contains(config.searchString())) {
                    return new Result(false, "Failure: Search string not found in the response body");
                }
            }
            return new Result(true, "Success: HTTP Status Code " + status + ", OK");
        }
    }

    private static Socket tls(Socket plain, String host, CheckConfig config) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{new TrustAll()}, null);
            SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, host, plain.getPort(), false);
            if (!Boolean.FALSE.equals(config.enableSni()) && config.fullyQualifiedDomainName() != null) {
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(config.fullyQualifiedDomainName())));
                socket.setSSLParameters(parameters);
            }
            socket.startHandshake();
            return socket;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("TLS: " + e.getMessage(), e);
        }
    }

    /** Headers and up to MATCH_BYTES of body, or what arrived before the deadline. */
    private static String read(InputStream in, long deadline) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        int length = 0;
        while (length < buffer.length && System.nanoTime() < deadline) {
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static int statusCode(String response) throws IOException {
        String[] parts = response.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response");
        }
        try {
            return Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP response");
        }
    }

    /** Route 53's checkers accept any certificate; so do Kumo's. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
