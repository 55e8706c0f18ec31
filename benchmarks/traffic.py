"""Mixed traffic against a running server, the way browsers with JavaScript off send it.

Each connection is one simulated person in a loop until the deadline: posting a need,
checking one with its codename, writing in its thread, a coordinator reading the queue, or
a coordinator proposing a match that the offering member then accepts. Every answer is
counted by status; a need counts as acknowledged only when its codename came back, and the
codenames are kept so the database can be checked for every one of them afterwards.
Nothing here is printed or logged: codenames stay in memory.
"""

from __future__ import annotations

import asyncio
import random
import re
import secrets
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx2

TOKEN = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
FORM_ID = re.compile(r'name="form_id" value="([^"]+)"')
CODENAME = re.compile(r'<p class="codename" id="codename" lang="en">([a-z -]+)</p>')
QUEUE_NEED = re.compile(r'id="open-([0-9a-f-]{36})"')
SUGGESTED_OFFER = re.compile(r'name="offer_id" value="([0-9a-f-]{36})"')
PROPOSED_NEED = re.compile(
    r'name="need_id" value="([0-9a-f-]{36})">\s*<input type="hidden" name="action" value="accept"'
)
#: How often each action is chosen (posting dominates, as on a busy day).
MIX = {"post_need": 30, "check": 25, "message": 15, "queue": 15, "match": 15}
NEED = {
    "category": "food",
    "area": "downtown",
    "urgency": "now",
    "description": "Groceries for two days, load test",
    "language": "en",
}
OFFER = {
    "kind": "goods",
    "category": "food",
    "areas": "downtown",
    "capacity": "500",
    "language": "en",
}
#: After a refused connection (the server is down), wait this long before the next try.
RETRY_PAUSE = 0.05
#: Idle connections are dropped by the client well before uvicorn closes them (after 5 s,
#: `--timeout-keep-alive`): at equal timeouts a request can leave on a connection the
#: server is closing at that moment and get no answer (a browser retries it; httpx doesn't).
CLIENT_LIMITS = httpx2.Limits(keepalive_expiry=2.0)


@dataclass
class Tally:
    """Everything the traffic saw. Codenames are secrets: never print `acknowledged`."""

    statuses: Counter[int] = field(default_factory=Counter)
    #: Requests that got no answer (connection refused or reset), by exception type.
    unanswered: Counter[str] = field(default_factory=Counter)
    actions: Counter[str] = field(default_factory=Counter)
    acknowledged: list[str] = field(default_factory=list, repr=False)
    offers: list[str] = field(default_factory=list, repr=False)
    accepted: int = 0
    proposed: int = 0

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    @property
    def answered(self) -> int:
        return sum(self.statuses.values())

    def summary(self) -> str:
        statuses = ", ".join(f"{s}: {n:,}" for s, n in sorted(self.statuses.items()))
        unanswered = ", ".join(f"{k}: {n:,}" for k, n in sorted(self.unanswered.items()))
        return (
            f"{self.answered:,} answers ({statuses}); unanswered: {unanswered or 'none'}; "
            f"{len(self.acknowledged):,} needs acknowledged; {self.proposed:,} matches "
            f"proposed, {self.accepted:,} accepted"
        )


class Unanswered(Exception):
    """The request got no answer; the caller moves on to the next action."""


@dataclass
class Person:
    """One connection's state: its own cookies (a CSRF cookie; a session for staff)."""

    client: httpx2.AsyncClient
    staff: httpx2.AsyncClient
    tally: Tally
    rng: random.Random
    codenames: list[str] = field(default_factory=list, repr=False)

    async def request(
        self, method: str, path: str, *, staff: bool = False, data: dict[str, str] | None = None
    ) -> httpx2.Response:
        client = self.staff if staff else self.client
        try:
            response = await client.request(method, path, data=data)
        except httpx2.TransportError as error:
            self.tally.unanswered[type(error).__name__] += 1
            await asyncio.sleep(RETRY_PAUSE)
            raise Unanswered() from error
        self.tally.statuses[response.status_code] += 1
        return response

    async def token(self, page: str, *, staff: bool = False) -> tuple[str, str]:
        """The CSRF token (and form id, if any) of a page, as a browser gets them."""
        response = await self.request("GET", page, staff=staff)
        token, form_id = TOKEN.search(response.text), FORM_ID.search(response.text)
        if token is None:
            raise Unanswered()
        return token.group(1), form_id.group(1) if form_id else secrets.token_urlsafe(16)

    async def post_need(self) -> None:
        token, form_id = await self.token("/ask")
        response = await self.request(
            "POST", "/ask", data={**NEED, "csrf_token": token, "form_id": form_id}
        )
        found = CODENAME.search(response.text) if response.status_code == 200 else None
        if found is not None:
            self.codenames.append(found.group(1))
            self.tally.acknowledged.append(found.group(1))

    async def post_offer(self) -> None:
        token, form_id = await self.token("/offer")
        response = await self.request(
            "POST", "/offer", data={**OFFER, "csrf_token": token, "form_id": form_id}
        )
        found = CODENAME.search(response.text) if response.status_code == 200 else None
        if found is not None:
            self.tally.offers.append(found.group(1))

    async def check(self) -> None:
        if not self.codenames:
            return await self.post_need()
        token, _ = await self.token("/check")
        codename = self.rng.choice(self.codenames)
        await self.request("POST", "/check", data={"csrf_token": token, "codename": codename})

    async def message(self) -> None:
        if not self.codenames:
            return await self.post_need()
        token, _ = await self.token("/check")
        body = {
            "csrf_token": token,
            "codename": self.rng.choice(self.codenames),
            "body": "Is there any news? Thank you.",
        }
        await self.request("POST", "/check/message", data=body)

    async def queue(self) -> None:
        await self.request("GET", "/staff/queue", staff=True)

    async def match(self) -> None:
        """A coordinator proposes the first suggestion for a need of the queue; then the
        member behind one of the load's own offers accepts what was proposed to them."""
        queue = await self.request("GET", "/staff/queue", staff=True)
        needs = QUEUE_NEED.findall(queue.text)
        if needs:
            need_id = self.rng.choice(needs)
            page = await self.request("GET", f"/staff/needs/{need_id}", staff=True)
            token, offer = TOKEN.search(page.text), SUGGESTED_OFFER.search(page.text)
            if token is not None and offer is not None:
                data = {"csrf_token": token.group(1), "offer_id": offer.group(1)}
                proposed = await self.request(
                    "POST", f"/staff/needs/{need_id}/match", staff=True, data=data
                )
                self.tally.proposed += proposed.status_code == 303
        if self.tally.offers:
            await self.accept(self.rng.choice(self.tally.offers))

    async def accept(self, offer_codename: str) -> None:
        token, _ = await self.token("/check")
        status = await self.request(
            "POST", "/check", data={"csrf_token": token, "codename": offer_codename}
        )
        proposed = PROPOSED_NEED.search(status.text)
        if proposed is None:
            return
        data = {
            "csrf_token": token,
            "codename": offer_codename,
            "need_id": proposed.group(1),
            "action": "accept",
        }
        answer = await self.request("POST", "/check/offer/match", data=data)
        self.tally.accepted += answer.status_code == 200

    async def act(self, action: str) -> None:
        await getattr(self, action)()


async def _person(base_url: str, session: str, tally: Tally, deadline: float, seed: int) -> None:
    timeout = httpx2.Timeout(60.0)
    async with (
        httpx2.AsyncClient(base_url=base_url, timeout=timeout, limits=CLIENT_LIMITS) as client,
        httpx2.AsyncClient(base_url=base_url, timeout=timeout, limits=CLIENT_LIMITS) as staff,
    ):
        staff.cookies.set("session", session)
        person = Person(client, staff, tally, random.Random(seed))  # noqa: S311 (not secret)
        actions, weights = list(MIX), list(MIX.values())
        first = True
        while time.monotonic() < deadline:
            action = "post_offer" if first else person.rng.choices(actions, weights)[0]
            try:
                await person.act(action)
                first = False
            except Unanswered:
                continue
            tally.actions[action] += 1


async def run_traffic(base_url: str, session: str, *, connections: int, seconds: float) -> Tally:
    """`connections` people at once for `seconds`; returns what they saw."""
    tally = Tally()
    deadline = time.monotonic() + seconds
    await asyncio.gather(
        *(_person(base_url, session, tally, deadline, seed) for seed in range(connections))
    )
    return tally
