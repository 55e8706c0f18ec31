"""Logs record events and ids, never people: no text, codenames, contacts or addresses."""

from __future__ import annotations

import logging

import httpx2
import pytest

from mutualaid.logging_config import NoMessageFormatter, logging_config
from tests.conftest import Database, post_form, post_need
from tests.privacy.conftest import canary


async def test_nothing_a_person_typed_reaches_the_log_even_at_debug(
    client: httpx2.AsyncClient, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    text, contact, message = canary("text"), canary("contact"), canary("msg")
    codename = await post_need(client, description=text, contact=contact)
    await post_form(client, "/check", {"codename": codename})
    await post_form(client, "/check/message", {"codename": codename, "body": message})
    await post_form(client, "/check/withdraw", {"codename": codename})
    assert caplog.records  # logging really was captured at DEBUG
    for needle in (text, contact, message, codename, *codename.split()[:1]):
        assert needle not in caplog.text


def test_the_server_logging_config_silences_sql_and_access_logs() -> None:
    config = logging_config()
    assert config["loggers"]["tortoise.db_client"]["level"] == "WARNING"
    assert config["loggers"]["uvicorn.access"]["level"] == "CRITICAL"
    assert config["loggers"]["uvicorn.access"]["handlers"] == []


def test_tracebacks_in_logs_leave_out_the_exception_message() -> None:
    secret = canary("exc")
    try:
        raise ValueError(f"input was {secret}")
    except ValueError as error:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "boom", None, (type(error), error, error.__traceback__)
        )
    rendered = NoMessageFormatter("%(message)s").format(record)
    assert "ValueError" in rendered and "test_logs.py" in rendered
    assert secret not in rendered
