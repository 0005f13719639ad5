// A small static file server for bench/instances.py, run INSIDE a Kumo instance by its user data with the JDK's
// source launcher (`java StaticServer.java PORT DIR`). The JDK's HttpServer (HTTP/1.1 keep-alive) with one
// virtual thread per exchange, every regular file of DIR held in memory: on these machines it serves small
// files at tens of thousands of requests/s, where python's http.server (HTTP/1.0, a connection per request)
// manages ~1.5k. The benchmark needs a server fast enough that Kumo's public-IP relay, not the server, shows.
// Used only when nginx is not installed on the host (nginx is preferred, as in ../../shared/bench/).
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;

public class StaticServer {
    public static void main(String[] args) throws IOException {
        // Without TCP_NODELAY, HttpServer's separate header and body writes meet the client's delayed ACK:
        // ~40 ms per small response (700 req/s at 32 connections instead of 25k+).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Map<String, byte[]> files = new HashMap<>();
        try (var list = Files.list(dir)) {
            for (Path f : list.filter(Files::isRegularFile).toList()) {
                files.put("/" + f.getFileName(), Files.readAllBytes(f));
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = files.get(exchange.getRequestURI().getPath());
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        System.out.println("serving " + files.keySet() + " on port " + port);
    }
}
