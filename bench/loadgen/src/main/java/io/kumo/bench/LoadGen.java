package io.kumo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop HTTP/1.1 load: N workers, each on its own keep-alive connection, each sending a SigV4-signed
 * form POST, reading the whole answer, and sending the next. Requests are signed ahead of time per worker
 * and re-signed every minute (signatures stay valid 15 minutes), so signing costs the client nothing.
 * If the server answers "Connection: close" (or HTTP/1.0 without keep-alive), the worker reconnects: the
 * same client drives Kumo and moto.
 *
 * <p>Throughput counts every answer completed inside the measured window. Latency counts only requests that
 * start after the warm-up and end before the window closes ("timed"): a request started on a cold server
 * during the warm-up would otherwise show as a multi-second outlier.
 *
 * <p>Every run is bounded in time (warm-up + duration, hard stop 45 s later; a read waits at most 30 s) and in count (--max-requests).
 *
 * <pre>
 * java -jar kumo-loadgen.jar --port P [--service ec2] [--region ap-northeast-1] [--concurrency 16]
 *      [--duration-s 10] [--warmup-s 2] [--max-requests 5000000] --body 'Action=...' [--body ...]
 * </pre>
 * A body may contain {w} (worker index) and {n} (0..7, a per-request rotation) to vary requests; the
 * workers cycle through all (body, n) combinations. Prints one line:
 * {@code RESULT rps=.. requests=.. errors=.. non2xx=.. p50_ms=.. p90_ms=.. p99_ms=.. p999_ms=.. max_ms=..}
 */
public final class LoadGen {
    private static final int VARIANTS = 8;
    private static final long RESIGN_NANOS = 60_000_000_000L;

    record Config(String host, int port, String service, String region, String accessKey, String secretKey, int concurrency,
                  double durationS, double warmupS, long maxRequests, List<String> bodies) {
    }

    public static void main(String[] args) throws Exception {
        Config c = parse(args);
        AtomicLong issued = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long t0 = System.nanoTime();
        long measureFrom = t0 + (long) (c.warmupS * 1e9);
        long measureTo = measureFrom + (long) (c.durationS * 1e9);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < c.concurrency; i++) {
            workers.add(new Worker(c, i, issued, firstError, measureFrom, measureTo));
        }
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            threads.add(Thread.ofPlatform().name("load-" + w.index).daemon(true).start(w));
        }
        long hardStop = measureTo + 45_000_000_000L;
        for (Thread t : threads) {
            long left = (hardStop - System.nanoTime()) / 1_000_000;
            if (left <= 0 || !t.join(java.time.Duration.ofMillis(Math.max(1, left)))) {
                System.out.println("RESULT error=hard-timeout");
                System.exit(2);
            }
        }
        // the whole window, unless --max-requests ended the run early
        long measuredEnd = issued.get() > c.maxRequests
                ? Math.min(measureTo, workers.stream().mapToLong(w -> w.lastDone).max().orElse(measureTo)) : measureTo;
        double seconds = Math.max(1e-3, (measuredEnd - measureFrom) / 1e9);
        int total = workers.stream().mapToInt(w -> w.count).sum();
        long completed = workers.stream().mapToLong(w -> w.completed).sum();
        long[] all = new long[total];
        int pos = 0;
        long errors = 0;
        long non2xx = 0;
        long reconnects = 0;
        long bytes = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, pos, w.count);
            pos += w.count;
            errors += w.errors;
            non2xx += w.non2xx;
            reconnects += w.connects - 1;
            bytes += w.bytes;
        }
        Arrays.sort(all);
        Worker slow = workers.stream().max(java.util.Comparator.comparingLong(w -> w.slowest)).orElseThrow();
        System.out.println(String.format(Locale.ROOT,
                "RESULT rps=%.1f requests=%d timed=%d seconds=%.2f errors=%d non2xx=%d reconnects=%d avg_bytes=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f max_started_at_s=%.2f first_error=%s",
                completed / seconds, completed, total, seconds, errors, non2xx, reconnects, total == 0 ? 0 : bytes / total,
                pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), pct(all, 0.999), all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6,
                slow.slowest == 0 ? Double.NaN : (slow.slowestStart - measureFrom) / 1e9,
                firstError.get() == null ? "-" : '"' + firstError.get().replace('"', '\'').replace('\n', ' ') + '"'));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    static final class Worker implements Runnable {
        final Config c;
        final int index;
        final AtomicLong issued;
        final AtomicReference<String> firstError;
        final long measureFrom;
        final long measureTo;
        long[] latencies = new long[1 << 14];
        int count;
        long errors;
        long non2xx;
        long connects;
        long bytes;
        long lastDone;
        long completed;
        long slowest;
        long slowestStart;
        private byte[][] requests;
        private long signedAt;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int bufStart;
        private int bufEnd;

        Worker(Config c, int index, AtomicLong issued, AtomicReference<String> firstError, long measureFrom, long measureTo) {
            this.c = c;
            this.index = index;
            this.issued = issued;
            this.firstError = firstError;
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
        }

        private void sign() {
            List<byte[]> r = new ArrayList<>();
            for (int n = 0; n < VARIANTS; n++) {
                for (String b : c.bodies) {
                    String body = b.replace("{w}", Integer.toString(index)).replace("{n}", Integer.toString(n));
                    r.add(SigV4.signedPost(c.host, c.port, c.region, c.service, c.accessKey, c.secretKey, body));
                }
            }
            requests = r.toArray(new byte[0][]);
            signedAt = System.nanoTime();
        }

        @Override
        public void run() {
            sign();
            long seq = index;   // workers start at different points of the rotation
            while (true) {
                long now = System.nanoTime();
                if (now >= measureTo || issued.incrementAndGet() > c.maxRequests) {
                    break;
                }
                if (now - signedAt > RESIGN_NANOS) {
                    sign();
                }
                byte[] req = requests[(int) (seq++ % requests.length)];
                try {
                    if (socket == null) {
                        connect();
                    }
                    long start = System.nanoTime();
                    out.write(req);
                    out.flush();
                    int status = readResponse();
                    long done = System.nanoTime();
                    if (done >= measureFrom && done < measureTo) {   // throughput: every answer completed in the window
                        completed++;
                        lastDone = done;
                        if (status < 200 || status > 299) {
                            non2xx++;
                        }
                    }
                    if (start >= measureFrom && done < measureTo) {   // latency: only requests wholly inside the window
                        record(done - start);
                        if (done - start > slowest) {
                            slowest = done - start;
                            slowestStart = start;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    if (System.nanoTime() >= measureFrom) {
                        errors++;
                    }
                    firstError.compareAndSet(null, e.toString());
                    close();
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
            close();
        }

        private void record(long nanos) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[count++] = nanos;
        }

        private void connect() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);   // moto takes seconds for DescribeInstances of 100 instances
            socket.connect(new InetSocketAddress(c.host, c.port), 5_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            bufStart = bufEnd = 0;
            connects++;
        }

        private void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }

        /** Reads one whole response; returns its status. Closes the connection if the server will. */
        private int readResponse() throws IOException {
            String statusLine = readLine();
            if (!statusLine.startsWith("HTTP/1.")) {
                throw new IOException("bad status line: " + statusLine);
            }
            boolean http10 = statusLine.startsWith("HTTP/1.0");
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean keepAlive = !http10;
            String line;
            while (!(line = readLine()).isEmpty()) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = value.equalsIgnoreCase("keep-alive") || (!http10 && !value.equalsIgnoreCase("close"));
                    default -> {
                    }
                }
            }
            if (chunked) {
                while (true) {
                    String size = readLine();
                    int semi = size.indexOf(';');
                    long n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                    if (n == 0) {
                        while (!readLine().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    skip(n);
                    readLine();
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                while (fill()) {   // body until close
                    bytes += bufEnd - bufStart;
                    bufStart = bufEnd;
                }
                keepAlive = false;
            }
            if (!keepAlive) {
                close();
            }
            return status;
        }

        private boolean fill() throws IOException {
            if (bufStart == bufEnd) {
                bufStart = bufEnd = 0;
            }
            if (bufEnd == buf.length) {
                System.arraycopy(buf, bufStart, buf, 0, bufEnd - bufStart);
                bufEnd -= bufStart;
                bufStart = 0;
            }
            int n = in.read(buf, bufEnd, buf.length - bufEnd);
            if (n < 0) {
                return false;
            }
            bufEnd += n;
            return true;
        }

        private String readLine() throws IOException {
            while (true) {
                for (int i = bufStart; i < bufEnd - 1; i++) {
                    if (buf[i] == '\r' && buf[i + 1] == '\n') {
                        String s = new String(buf, bufStart, i - bufStart, StandardCharsets.ISO_8859_1);
                        bytes += i + 2 - bufStart;
                        bufStart = i + 2;
                        return s;
                    }
                }
                if (bufEnd - bufStart >= buf.length - 1) {
                    throw new IOException("header line too long");
                }
                if (!fill()) {
                    throw new IOException("connection closed by server mid-response");
                }
            }
        }

        private void skip(long n) throws IOException {
            bytes += n;
            while (n > 0) {
                if (bufStart == bufEnd && !fill()) {
                    throw new IOException("connection closed by server mid-body");
                }
                int take = (int) Math.min(n, bufEnd - bufStart);
                bufStart += take;
                n -= take;
            }
        }
    }

    private static Config parse(String[] args) {
        String host = "127.0.0.1";
        int port = -1;
        String service = "ec2";
        String region = "ap-northeast-1";
        String ak = "test";
        String sk = "test";
        int conc = 16;
        double dur = 10;
        double warm = 2;
        long max = 5_000_000;
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = args[++i];
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--service" -> service = args[++i];
                case "--region" -> region = args[++i];
                case "--access-key" -> ak = args[++i];
                case "--secret-key" -> sk = args[++i];
                case "--concurrency" -> conc = Integer.parseInt(args[++i]);
                case "--duration-s" -> dur = Double.parseDouble(args[++i]);
                case "--warmup-s" -> warm = Double.parseDouble(args[++i]);
                case "--max-requests" -> max = Long.parseLong(args[++i]);
                case "--body" -> bodies.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("benchmarks only target 127.0.0.1");
        }
        if (port <= 0 || bodies.isEmpty()) {
            throw new IllegalArgumentException("usage: --port P --body 'Action=...' [--service ec2] [--concurrency 16] [--duration-s 10] [--warmup-s 2]");
        }
        if (dur <= 0 || dur > 600 || warm < 0 || warm > 120 || conc < 1 || conc > 1024) {
            throw new IllegalArgumentException("duration 0-600 s, warm-up 0-120 s, concurrency 1-1024");
        }
        return new Config(host, port, service, region, ak, sk, conc, dur, warm, max, bodies);
    }
}
