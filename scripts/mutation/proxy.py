"""A loopback HTTP proxy in front of a served sandbox that changes one documented behaviour at a time.

A request to ``/m/<mutation>/<vendor>/<path>`` is forwarded to ``<upstream>/<vendor>/<path>``; the mutation named in
the path may change the request on its way in and the answer on its way out. Each mutation name gets its own state
(counters), so several suite runs can go through one proxy at once. Python 3 standard library only.
"""

import base64
import http.client
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "content-length",
    "host",
}


class Exchange:
    """One request and, once forwarded, its answer; mutations change either in place."""

    def __init__(self, method, vendor, path, query, headers, body):
        self.method = method
        self.vendor = vendor
        self.path = path  # relative to the vendor's root, such as /v1/subscriptions
        self.query = query  # [(name, value)] decoded, in order
        self.headers = headers  # [(name, value)]
        self.body = body
        self.status = 0
        self.response_headers = []
        self.response_body = b""
        self.answered = False  # set when a request mutation answers without forwarding

    # Request helpers.
    def param(self, name):
        return next((v for k, v in self.query if k == name), None)

    def set_param(self, name, value):
        self.query = [(k, v) for k, v in self.query if k != name]
        if value is not None:
            self.query.append((name, value))

    def header(self, name):
        return next((v for k, v in self.headers if k.lower() == name.lower()), None)

    def set_header(self, name, value):
        self.headers = [(k, v) for k, v in self.headers if k.lower() != name.lower()]
        if value is not None:
            self.headers.append((name, value))

    # Answer helpers.
    def json(self):
        try:
            return json.loads(self.response_body)
        except ValueError:
            return None

    def set_json(self, value):
        self.response_body = json.dumps(value).encode()
        self.set_response_header("Content-Type", "application/json")

    def respond(self, status, value, headers=()):
        """Answers without asking the sandbox (from a request mutation)."""
        self.answered = True
        self.status = status
        self.response_headers = list(headers)
        if value is None:
            self.response_body = b""
        else:
            self.set_json(value)

    def response_header(self, name):
        return next((v for k, v in self.response_headers if k.lower() == name.lower()), None)

    def set_response_header(self, name, value):
        self.response_headers = [(k, v) for k, v in self.response_headers if k.lower() != name.lower()]
        if value is not None:
            self.response_headers.append((name, value))


class Tokens:
    """JWTs a mutation rewrote, mapped back to the originals so the sandbox still accepts them."""

    def __init__(self):
        self.lock = threading.Lock()
        self.originals = {}

    def rewrite(self, token, header=None, claims=None):
        parts = token.split(".")
        if len(parts) != 3:
            return token
        decoded = [json.loads(_b64decode(part)) for part in parts[:2]]
        if header:
            header(decoded[0])
        if claims:
            claims(decoded[1])
        mutated = ".".join([_b64encode(json.dumps(decoded[0])), _b64encode(json.dumps(decoded[1])), parts[2]])
        with self.lock:
            self.originals[mutated] = token
        return mutated

    def restore(self, exchange):
        value = exchange.header("Authorization")
        if not value:
            return
        with self.lock:
            for mutated, original in self.originals.items():
                if mutated in value:
                    exchange.set_header("Authorization", value.replace(mutated, original))
                    return


def _request_view(ex):
    return (ex.method, ex.path, list(ex.query), list(ex.headers), ex.body)


def _response_view(ex):
    # JSON compared as values and Content-Type left out: re-serialising an answer unchanged is not a change.
    body = ex.json()
    headers = [(k.lower(), v) for k, v in ex.response_headers if k.lower() not in ("content-type", "content-length")]
    return (ex.status, headers, ex.response_body if body is None else json.dumps(body, sort_keys=True))


def _b64decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b64encode(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


class MutatingProxy(ThreadingHTTPServer):
    """The proxy server; ``mutations`` maps a name to an object with optional ``request(ex, state)`` and
    ``response(ex, state)`` callables (``"none"`` forwards unchanged)."""

    daemon_threads = True

    def __init__(self, upstream_port, mutations):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.upstream_port = upstream_port
        self.mutations = mutations
        self.tokens = Tokens()
        self.state_lock = threading.Lock()
        self.states = {}

    @property
    def port(self):
        return self.server_address[1]

    def applied(self, name):
        """How many exchanges mutation `name` changed."""
        return self.state(name).get("applied", 0)

    def state(self, name):
        with self.state_lock:
            return self.states.setdefault(name, {"lock": threading.Lock(), "tokens": self.tokens})


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def _any(self):
        parsed = urllib.parse.urlsplit(self.path)
        segments = parsed.path.split("/")
        if len(segments) < 4 or segments[1] != "m" or segments[2] not in self.server.mutations:
            return self._send(404, [("Content-Type", "text/plain")], b"unknown mutation path\n")
        name, vendor = segments[2], segments[3]
        rest = "/" + "/".join(segments[4:]) if len(segments) > 4 else ""
        # Decoded with unquote, not as a form: a literal "+" in an opaque page token stays a "+".
        query = [
            tuple(urllib.parse.unquote(part) for part in (pair.split("=", 1) + [""])[:2])
            for pair in parsed.query.split("&") if pair
        ]
        body = self._read_body()
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP]
        exchange = Exchange(self.command, vendor, rest, query, headers, body)
        mutation = self.server.mutations[name]
        state = self.server.state(name)
        self.server.tokens.restore(exchange)
        request_change = getattr(mutation, "request", None)
        before = _request_view(exchange)
        if request_change:
            request_change(exchange, state)
        changed = exchange.answered or _request_view(exchange) != before
        if not exchange.answered:
            self._forward(exchange)
            response_change = getattr(mutation, "response", None)
            before = _response_view(exchange)
            if response_change:
                response_change(exchange, state)
            changed = changed or _response_view(exchange) != before
        if changed:
            with state["lock"]:
                state["applied"] = state.get("applied", 0) + 1
        headers = [(k, v) for k, v in exchange.response_headers if k.lower() not in HOP_BY_HOP]
        self._send(exchange.status, headers, exchange.response_body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _any

    def _read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _forward(self, exchange):
        path = "/" + exchange.vendor + exchange.path
        if exchange.query:
            path += "?" + urllib.parse.urlencode(exchange.query, quote_via=urllib.parse.quote)
        connection = http.client.HTTPConnection("127.0.0.1", self.server.upstream_port, timeout=60)
        try:
            headers = dict(exchange.headers)
            headers["Host"] = f"127.0.0.1:{self.server.upstream_port}"
            headers["Content-Length"] = str(len(exchange.body))
            connection.request(exchange.method, path, body=exchange.body, headers=headers)
            answer = connection.getresponse()
            exchange.status = answer.status
            exchange.response_headers = answer.getheaders()
            exchange.response_body = answer.read()
        finally:
            connection.close()

    def _send(self, status, headers, body):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
