package io.kumo.it.rds;

import io.kumo.fabric.host.Command;
import io.kumo.fabric.netns.NetworkNamespace;

import java.time.Duration;
import java.util.List;

/**
 * Runs shell commands inside an EC2 instance: its user data starts a tiny command server on
 * port 8080 (a service), and the test posts each command to it from the instance's own network
 * namespace. The command then runs in the instance, with its resolver (the VPC's) and its address.
 */
final class InsideInstance {
    /** User data: the command server as a service. */
    static final String USER_DATA = """
            #!/bin/bash
            mkdir -p /srv/cmd && cat > /srv/cmd/run.py <<'EOF'
            import http.server, subprocess
            class H(http.server.BaseHTTPRequestHandler):
                def do_POST(self):
                    cmd = self.rfile.read(int(self.headers.get('Content-Length', 0))).decode()
                    r = subprocess.run(['bash', '-c', cmd], capture_output=True, text=True, timeout=300)
                    body = (str(r.returncode) + '\\n' + r.stdout + r.stderr).encode()
                    self.send_response(200)
                    self.send_header('Content-Length', str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                def log_message(self, *a):
                    pass
            http.server.ThreadingHTTPServer(('', 8080), H).serve_forever()
            EOF
            cat > /etc/init.d/cmd <<'EOF'
            #!/bin/sh
            case "$1" in
              start) nohup python3 /srv/cmd/run.py >/var/log/cmd.log 2>&1 & ;;
              stop) pkill -f /srv/cmd/run.py ;;
            esac
            EOF
            chmod +x /etc/init.d/cmd
            systemctl enable --now cmd
            echo commands-ready
            """;

    /** What a command did: its exit status and its output (stdout, then stderr). */
    record Result(int exit, String output) {
    }

    private final String instanceId;
    private final String privateIp;

    InsideInstance(String instanceId, String privateIp) {
        this.instanceId = instanceId;
        this.privateIp = privateIp;
    }

    Result run(String script) {
        String ns = NetworkNamespace.all().stream().map(NetworkNamespace::name)
                .filter(n -> n.startsWith("kumo-") && n.endsWith("-" + instanceId)).findFirst()
                .orElseThrow(() -> new AssertionError("no namespace for " + instanceId));
        Command.Result r = Command.of(List.of("nsenter", "--net=/run/netns/" + ns, "--", "curl", "-s", "-m", "280", "--data-binary", "@-",
                "http://" + privateIp + ":8080/")).input(script).timeout(Duration.ofSeconds(300)).exec();
        String out = r.stdout();
        int nl = out.indexOf('\n');
        if (r.exitCode() != 0 || nl < 0) {
            return new Result(-1, "curl " + r.exitCode() + ": " + out + r.stderr());
        }
        return new Result(Integer.parseInt(out.substring(0, nl).strip()), out.substring(nl + 1));
    }

    /** Waits until the command server answers. */
    void awaitReady(Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (run("true").exit() != 0) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the command server of " + instanceId + " did not answer within " + limit.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
