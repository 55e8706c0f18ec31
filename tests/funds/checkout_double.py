"""TEST DOUBLE: Stripe Checkout on loopback, because localstripe does not implement it.

A small HTTP server that answers the two Checkout Session endpoints our app calls, in the
wire format Stripe documents (form-encoded requests with bracketed keys; JSON `checkout.session`
objects), serves a stand-in for Stripe's hosted payment page, and, when "paid", delivers a
`checkout.session.completed` event signed with Stripe's scheme (`t=<time>,v1=<HMAC-SHA256>`).

Every other API request is forwarded to localstripe (customers, PaymentIntents, refunds,
subscriptions), so it is one base address for the official `stripe` library, and every
request the library sends is recorded here: the metadata allow-list test reads that log.
Never used outside tests.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

WEBHOOK_CONFIG = "/_config/webhooks"


def stripe_signature(payload: bytes, secret: str, *, timestamp: int | None = None) -> str:
    """Stripe's webhook signature header for a payload."""
    moment = int(time.time()) if timestamp is None else timestamp
    signed = f"{moment}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={moment},v1={digest}"


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    #: The form fields as sent, bracketed keys and all (`metadata[pledge_id]`).
    fields: list[tuple[str, str]]
    body: bytes


@dataclass
class CheckoutDouble:
    upstream: str = ""
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    #: The Referer header (or "") of each visit to the hosted payment page: what the page
    #: a person came from told "Stripe" about itself.
    page_referers: list[str] = field(default_factory=list)
    webhook_url: str = ""
    webhook_secret: str = ""
    base: str = ""
    _server: ThreadingHTTPServer | None = None

    def start(self) -> str:
        double = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet: tests read `requests`
                pass

            def do_GET(self) -> None:
                double._handle(self, "GET")

            def do_POST(self) -> None:
                double._handle(self, "POST")

            def do_DELETE(self) -> None:
                double._handle(self, "DELETE")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self.base

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    # --- what a test can do ----------------------------------------------------------------

    def session_event(self, session_id: str, kind: str = "checkout.session.completed") -> bytes:
        """A Stripe event about a session, as the JSON Stripe would POST."""
        event = {
            "id": "evt_" + secrets.token_hex(12),
            "object": "event",
            "type": kind,
            "created": int(time.time()),
            "livemode": False,
            "api_version": "2026-10-28.endive",
            "data": {"object": self.sessions[session_id]},
        }
        return json.dumps(event).encode()

    def pay(self, session_id: str, *, deliver: bool = True) -> bytes:
        """Complete a session as a payer would; deliver (and return) the signed event."""
        session = self.sessions[session_id]
        session["status"] = "complete"
        session["payment_status"] = "paid"
        if session["mode"] == "payment":
            session["payment_intent"] = "pi_" + secrets.token_hex(12)
        else:
            session["subscription"] = session.get("subscription") or "sub_" + secrets.token_hex(12)
        payload = self.session_event(session_id)
        if deliver:
            self.deliver(payload)
        return payload

    def deliver(self, payload: bytes) -> int:
        request = urllib.request.Request(  # noqa: S310 (loopback only)
            self.webhook_url,
            data=payload,
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "Stripe-Signature": stripe_signature(payload, self.webhook_secret),
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
                return int(answer.status)
        except urllib.error.HTTPError as error:
            return int(error.code)

    # --- the server ------------------------------------------------------------------------

    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        length = int(handler.headers.get("content-length") or 0)
        body = handler.rfile.read(length) if length else b""
        path = handler.path.split("?", 1)[0]
        query = handler.path.split("?", 1)[1] if "?" in handler.path else ""
        fields = parse_qsl(body.decode() if method != "GET" else query, keep_blank_values=True)
        if path.startswith("/v1/") or path.startswith("/v2/"):
            self.requests.append(Recorded(method, path, fields, body))
        if path == WEBHOOK_CONFIG and method == "POST":
            values = dict(fields)
            self.webhook_url, self.webhook_secret = values["url"], values["secret"]
            return self._json(handler, 200, {"ok": True})
        if path == "/v1/checkout/sessions" and method == "POST":
            return self._json(handler, 200, self._create_session(dict(fields)))
        if path.startswith("/v1/checkout/sessions/") and method == "GET":
            found = self.sessions.get(path.rsplit("/", 1)[1])
            if found is None:
                return self._json(handler, 404, _error("No such checkout.session"))
            return self._json(handler, 200, found)
        if path.startswith("/pay/"):
            if method == "GET":
                self.page_referers.append(handler.headers.get("referer", ""))
            return self._hosted_page(handler, method, path.removeprefix("/pay/"))
        if self.upstream:
            return self._forward(handler, method, body)
        return self._json(handler, 404, _error("Unrecognized request URL"))

    def _create_session(self, values: dict[str, str]) -> dict[str, Any]:
        session_id = "cs_test_" + secrets.token_hex(16)
        metadata = {
            key[len("metadata[") : -1]: value
            for key, value in values.items()
            if key.startswith("metadata[")
        }
        session = {
            "id": session_id,
            "object": "checkout.session",
            "mode": values.get("mode", "payment"),
            "status": "open",
            "payment_status": "unpaid",
            "amount_total": int(values.get("line_items[0][price_data][unit_amount]", "0")),
            "currency": values.get("line_items[0][price_data][currency]", "usd"),
            "metadata": metadata,
            "success_url": values.get("success_url", ""),
            "cancel_url": values.get("cancel_url", ""),
            "payment_intent": None,
            "subscription": None,
            "customer_details": {"email": "giver@example.net", "name": "A Giver"},
            "url": f"{self.base}/pay/{session_id}",
            "livemode": False,
        }
        self.sessions[session_id] = session
        return session

    def _hosted_page(self, handler: BaseHTTPRequestHandler, method: str, session_id: str) -> None:
        session = self.sessions.get(session_id)
        if session is None:
            return self._send(handler, 404, b"no such session", "text/plain")
        if method == "POST":
            self.pay(session_id)
            handler.send_response(303)
            handler.send_header("Location", session["success_url"])
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return None
        amount = session["amount_total"]
        page = (
            "<!doctype html><html lang='en'><head><title>Checkout test double</title></head>"
            "<body><h1>Checkout test double</h1>"
            f"<p id='amount'>{amount} {session['currency']}</p>"
            f"<form method='post' action='/pay/{session_id}'>"
            "<button type='submit' id='pay'>Pay</button></form>"
            f"<a id='cancel' href='{session['cancel_url']}'>Cancel</a></body></html>"
        )
        return self._send(handler, 200, page.encode(), "text/html; charset=utf-8")

    def _forward(self, handler: BaseHTTPRequestHandler, method: str, body: bytes) -> None:
        headers = {
            name: value
            for name, value in handler.headers.items()
            if name.lower() in ("authorization", "content-type", "stripe-version")
        }
        request = urllib.request.Request(  # noqa: S310 (loopback only)
            self.upstream + handler.path, data=body or None, headers=headers, method=method
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
                status, data = int(answer.status), answer.read()
        except urllib.error.HTTPError as error:
            status, data = int(error.code), error.read()
        return self._send(handler, status, data, "application/json")

    def _json(self, handler: BaseHTTPRequestHandler, status: int, data: Any) -> None:
        return self._send(handler, status, json.dumps(data).encode(), "application/json")

    def _send(
        self, handler: BaseHTTPRequestHandler, status: int, data: bytes, content_type: str
    ) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)


def _error(message: str) -> dict[str, Any]:
    return {"error": {"type": "invalid_request_error", "message": message}}
