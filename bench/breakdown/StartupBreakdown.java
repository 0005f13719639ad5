package io.kumo.bench;

import io.kumo.core.KumoSettings;
import io.kumo.protocols.model.ServiceModel;
import io.kumo.server.Kumo;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Kumo's start-up time goes, phase by phase, inside one JVM (see bench/startup_breakdown.sh).
 * -Dlaunch.ns = the launcher's clock (epoch ns) just before starting java.
 * arg "split": loads each service model alone first (sequentially, timed), then starts Kumo;
 * arg "real":  starts Kumo as Main does (models parsed in parallel inside Kumo.start).
 * Prints "phase<TAB>ms" lines. (Main's own path: UpOptions parses the command line, Logging.configure,
 * Kumo.start; this harness repeats those steps and times each.)
 */
public final class StartupBreakdown {
    public static void main(String[] args) throws Exception {
        java.time.Instant now = java.time.Instant.now();
        long mainWall = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        long t = System.nanoTime();
        List<String> out = new ArrayList<>();
        String launch = System.getProperty("launch.ns");
        if (launch != null) {
            out.add("jvm launch -> main()\t" + ms(mainWall - Long.parseLong(launch)));
        }
        long c = System.nanoTime();
        var parse = Class.forName("io.kumo.server.UpOptions").getDeclaredMethod("parse", String[].class, java.util.Map.class);
        parse.setAccessible(true);   // as Main does
        parse.invoke(null, new String[]{"--port", "0", "--ephemeral"}, System.getenv());
        out.add("command line parsed\t" + ms(System.nanoTime() - c));
        long l = System.nanoTime();
        var configure = Class.forName("io.kumo.server.Logging").getDeclaredMethod("configure", String.class);
        configure.setAccessible(true);   // as Main does before Kumo.start
        configure.invoke(null, "warn");
        out.add("Logging.configure\t" + ms(System.nanoTime() - l));
        if (args.length > 0 && args[0].equals("split")) {
            for (String m : List.of("ec2", "sts", "route53", "acm")) {
                long s = System.nanoTime();
                ServiceModel.load(m);
                out.add("model " + m + " parse (alone)\t" + ms(System.nanoTime() - s));
            }
        }
        long s = System.nanoTime();
        Kumo kumo = Kumo.start(new KumoSettings("127.0.0.1", 0, Path.of("/nonexistent"), true, "000000000000",
                "ap-northeast-1", "warn", false));
        out.add("Kumo.start" + (args.length > 0 && args[0].equals("split") ? " (models already parsed)" : " (as Main: models in parallel)")
                + "\t" + ms(System.nanoTime() - s));
        int port = kumo.port();
        for (String[] r : new String[][]{
                {"sts", "us-east-1", "Action=GetCallerIdentity&Version=2011-06-15", "1st request: sts GetCallerIdentity"},
                {"ec2", "ap-northeast-1", "Action=DescribeVpcs&Version=2016-11-15", "1st request: ec2 DescribeVpcs"},
                {"sts", "us-east-1", "Action=GetCallerIdentity&Version=2011-06-15", "2nd request: sts GetCallerIdentity"},
                {"ec2", "ap-northeast-1", "Action=DescribeVpcs&Version=2016-11-15", "2nd request: ec2 DescribeVpcs"}}) {
            s = System.nanoTime();
            byte[] req = SigV4.signedPost("127.0.0.1", port, r[1], r[0], "test", "test", r[2]);
            int status;
            try (Socket sock = new Socket("127.0.0.1", port)) {
                OutputStream o = sock.getOutputStream();
                o.write(req);
                o.flush();
                InputStream in = sock.getInputStream();
                byte[] head = in.readNBytes(12);
                status = Integer.parseInt(new String(head, 9, 3));
            }
            out.add(r[3] + " (HTTP " + status + ")\t" + ms(System.nanoTime() - s));
        }
        out.add("total main() -> after 1st+2nd requests\t" + ms(System.nanoTime() - t));
        kumo.close();
        out.forEach(System.out::println);
        System.exit(0);
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
