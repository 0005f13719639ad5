"""Minimal AWS Signature V4 client for the benchmarks' probes (stdlib only: importing it costs ~nothing).

Kumo checks signatures for the key test/test; moto ignores them. A probe is
(service, method, path, body, extra headers): EC2/STS use form POSTs to "/", Route 53 is REST-XML,
ACM is JSON with an X-Amz-Target header.
"""
import datetime
import hashlib
import hmac
import socket

ACCESS_KEY = 'test'
SECRET_KEY = 'test'
FORM = 'application/x-www-form-urlencoded; charset=utf-8'


def _h(key, msg):
    return hmac.new(key, msg.encode(), hashlib.sha256).digest()


def signed_request(port, service, region, method='POST', path='/', body='', headers=None, keep_alive=False):
    """Raw HTTP/1.1 request bytes, signed in the header form (path without query string)."""
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    if method == 'POST' and 'content-type' not in headers:
        headers['content-type'] = FORM
    amz_date = datetime.datetime.now(datetime.timezone.utc).strftime('%Y%m%dT%H%M%SZ')
    day = amz_date[:8]
    raw = body.encode()
    payload_hash = hashlib.sha256(raw).hexdigest()
    headers.update({'host': f'127.0.0.1:{port}', 'x-amz-content-sha256': payload_hash, 'x-amz-date': amz_date})
    names = sorted(headers)
    canonical_headers = ''.join(f'{n}:{headers[n].strip()}\n' for n in names)
    signed_headers = ';'.join(names)
    canonical = '\n'.join([method, path, '', canonical_headers, signed_headers, payload_hash])
    scope = f'{day}/{region}/{service}/aws4_request'
    to_sign = '\n'.join(['AWS4-HMAC-SHA256', amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    k = _h(_h(_h(_h(('AWS4' + SECRET_KEY).encode(), day), region), service), 'aws4_request')
    sig = hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()
    headers['authorization'] = (f'AWS4-HMAC-SHA256 Credential={ACCESS_KEY}/{scope}, '
                                f'SignedHeaders={signed_headers}, Signature={sig}')
    headers['content-length'] = str(len(raw))
    headers['connection'] = 'keep-alive' if keep_alive else 'close'
    head = f'{method} {path} HTTP/1.1\r\n' + ''.join(f'{n}: {v}\r\n' for n, v in headers.items()) + '\r\n'
    return head.encode() + raw


def ec2(body, region='ap-northeast-1'):
    return ('ec2', region, 'POST', '/', body + '&Version=2016-11-15', None)


# The probes the benchmarks use.
DESCRIBE_VPCS = ec2('Action=DescribeVpcs')
GET_CALLER_IDENTITY = ('sts', 'us-east-1', 'POST', '/', 'Action=GetCallerIdentity&Version=2011-06-15', None)
LIST_HOSTED_ZONES = ('route53', 'us-east-1', 'GET', '/2013-04-01/hostedzone', '', None)
LIST_CERTIFICATES = ('acm', 'ap-northeast-1', 'POST', '/', '{}',
                     {'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'CertificateManager.ListCertificates'})


def call(port, probe, timeout=2.0):
    """One request on a fresh connection. Returns (status, body text), or (None, error) without an answer."""
    service, region, method, path, body, headers = probe
    req = signed_request(port, service, region, method, path, body, headers)
    data = b''
    try:
        with socket.create_connection(('127.0.0.1', port), timeout=timeout) as s:
            s.sendall(req)
            while True:
                b = s.recv(65536)
                if not b:
                    break
                data += b
                head, sep, rest = data.partition(b'\r\n\r\n')
                if sep:
                    cl = [x for x in head.split(b'\r\n') if x.lower().startswith(b'content-length:')]
                    if cl and len(rest) >= int(cl[0].split(b':')[1]):
                        break
    except OSError as e:
        return None, str(e)
    if not data.startswith(b'HTTP/1.'):
        return None, data[:200].decode(errors='replace')
    status = int(data.split(b' ', 2)[1])
    return status, data.partition(b'\r\n\r\n')[2].decode(errors='replace')
