"""Bad examples for mutualaid-log-request-data: never imported, only scanned."""

import logging
from typing import Any

log = logging.getLogger("mutualaid")


async def event_only(request: Any) -> None:
    # ok: mutualaid-log-request-data
    log.info("event=need_posted")


async def client_address(request: Any) -> None:
    # ruleid: mutualaid-log-request-data
    log.info("visit from %s", request.client.host)


async def user_agent(request: Any) -> None:
    agent = request.headers.get("user-agent")
    # ruleid: mutualaid-log-request-data
    logging.warning("agent %s", agent)


async def form_values(request: Any) -> None:
    form = await request.form()
    # ruleid: mutualaid-log-request-data
    log.error("bad form: %s", dict(form))


async def query_parameter(request: Any) -> None:
    # ruleid: mutualaid-log-request-data
    log.debug("search for %s", request.query_params["q"])


async def printed(scope: Any) -> None:
    # ruleid: mutualaid-log-request-data
    print(scope["client"])
