"""Hypothesis strategies for hostile requests: the text, bodies and events people and bots
could send. Each builds raw bytes, so nothing is cleaned up by a client library first."""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote_from_bytes

from hypothesis import strategies as st

#: Text that has broken web apps before: NUL, bidi and zero-width marks, lone surrogates,
#: markup, template and format syntax, SQL, paths, numbers at the edges, odd dates.
NASTY = (
    "\x00",
    "a\x00b",
    "\u202etxet lanigiro",
    "\u200f\u200e\u2066x\u2069",
    "\ufeff",
    "\u200b",
    "\ud800",
    "x\udfffy",
    "\r\n\r\nSet-Cookie: x=1",
    "<script>alert(1)</script>",
    "{{ 7*7 }}{% raw %}",
    "%(x)s %s {0} ${x}",
    "'; DROP TABLE need; --",
    '" OR "1"="1',
    "../../../../etc/passwd",
    "𝕿𝖍𝖊 🏳️‍⚧️ نص عربي 中文",
    "-1",
    "0",
    "1e309",
    "NaN",
    "99999999999999999999999999",
    "2031-13-45",
    "0000-00-00",
    " ",
    "",
)

nasty_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), max_size=12),
    # Long values: the same piece many times (cheaper for Hypothesis than huge draws).
    st.builds(
        lambda piece, times: piece * times,
        st.sampled_from(NASTY[:8]) | st.text(max_size=3),
        st.integers(50, 3000),
    ),
)


def form_bytes(pairs: list[tuple[str, str]]) -> bytes:
    """urlencoded as a browser would, except that lone surrogates go out as their raw
    (invalid UTF-8) bytes instead of failing to encode."""
    return b"&".join(
        quote_from_bytes(name.encode("utf-8", "surrogatepass")).encode()
        + b"="
        + quote_from_bytes(value.encode("utf-8", "surrogatepass")).encode()
        for name, value in pairs
    )


@dataclass(frozen=True)
class Post:
    """One request body with its headers; `token` says whether the CSRF token was sent."""

    body: bytes
    content_type: str | None
    token: bool
    headers: dict[str, str] = field(default_factory=dict)

    def request_headers(self, csrf: str) -> dict[str, str]:
        headers = dict(self.headers)
        if self.content_type is not None:
            headers["Content-Type"] = self.content_type
        if self.token and "csrf_token=" not in self.body.decode("latin-1"):
            headers["X-CSRF-Token"] = csrf
        return headers


FORM = "application/x-www-form-urlencoded"


@st.composite
def fuzzed_forms(draw: st.DrawFn, fields: Mapping[str, Any], csrf: str) -> Post:
    """The route's real form with some fields swapped for hostile text, dropped, doubled,
    or joined by strangers; the CSRF token usually right, sometimes missing."""
    pairs: list[tuple[str, str]] = []
    for name, value in fields.items():
        values = value if isinstance(value, list) else [str(value)]
        choice = draw(st.sampled_from(("keep", "fuzz", "fuzz", "drop", "double")))
        if choice == "drop":
            continue
        if choice == "fuzz":
            values = [draw(nasty_text)]
        elif choice == "double":
            values = [*values, draw(nasty_text)]
        pairs += [(name, v) for v in values]
    pairs += draw(st.lists(st.tuples(nasty_text, nasty_text), max_size=3))
    token = draw(st.booleans() | st.just(True))
    if token:
        pairs.insert(draw(st.integers(0, len(pairs))), ("csrf_token", csrf))
    pairs.append(("form_id", secrets.token_urlsafe(16)))
    return Post(form_bytes(pairs), draw(st.sampled_from((FORM, FORM + "; charset=utf-8"))), token)


CONTENT_TYPES = (
    None,
    "",
    "application/json",
    "application/octet-stream",
    "text/plain",
    "multipart/form-data; boundary=xyz",
    "multipart/form-data",
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded",
    "text/html; charset=\x7f",
)


@st.composite
def malformed_bodies(draw: st.DrawFn, csrf: str) -> Post:
    """Binary, half-multipart, broken urlencoding or JSON, under any content type; the
    token comes in the header so the check can't be what stops them."""
    body = draw(
        st.one_of(
            st.binary(max_size=300),
            st.just(b'--xyz\r\nContent-Disposition: form-data; name="description"\r\n\r\nhi'),
            st.just(b"a=%zz&b=%&=%FF%FE&csrf_token"),
            st.just(b'{"description": "hi", "csrf_token": "' + csrf.encode() + b'"}'),
            st.builds(lambda n: b"&".join([b"a=b"] * n), st.integers(90, 140)),
        )
    )
    return Post(body, draw(st.sampled_from(CONTENT_TYPES)), token=True)


def oversized(csrf: str, limit: int) -> Post:
    """A body just over the limit (declared honestly)."""
    filler = b"x" * (limit + 1)
    return Post(b"csrf_token=" + csrf.encode() + b"&description=" + filler, FORM, token=True)


def posts(fields: Mapping[str, Any], csrf: str) -> st.SearchStrategy[Post]:
    return st.one_of(
        fuzzed_forms(fields, csrf),
        fuzzed_forms(fields, csrf),
        fuzzed_forms(fields, csrf),
        malformed_bodies(csrf),
    )


#: What Stripe's event objects carry that our handler reads.
EVENT_KEYS = (
    "id",
    "object",
    "mode",
    "status",
    "payment_status",
    "client_reference_id",
    "subscription",
    "payment_intent",
    "charge",
    "invoice",
    "amount_total",
    "amount_paid",
    "amount_refunded",
    "amount",
    "currency",
    "metadata",
    "parent",
    "subscription_details",
    "billing_reason",
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | nasty_text,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(EVENT_KEYS) | st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def event_bytes(kind: Any, obj: Any, event_id: Any) -> bytes:
    return json.dumps(
        {"id": event_id, "object": "event", "type": kind, "data": {"object": obj}},
        ensure_ascii=False,
    ).encode("utf-8", "surrogatepass")


@st.composite
def stripe_events(draw: st.DrawFn, handled: tuple[str, ...]) -> bytes:
    """Events shaped like Stripe's, with our handled types and hostile contents."""
    kind = draw(st.sampled_from(handled) | nasty_text | json_values)
    obj = draw(st.dictionaries(st.sampled_from(EVENT_KEYS), json_values, max_size=8) | json_values)
    event_id = draw(st.builds(lambda s: "evt_" + s, st.text(max_size=20)) | json_values)
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=200))
    return event_bytes(kind, obj, event_id)
