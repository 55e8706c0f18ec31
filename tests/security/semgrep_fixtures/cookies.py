"""Bad examples for mutualaid-codename-in-cookie: never imported, only scanned."""

from typing import Any


def generate_codename() -> str:
    return "six words of a codename here"


def csrf_cookie(response: Any, token: str) -> None:
    # ok: mutualaid-codename-in-cookie
    response.set_cookie("csrf", token, httponly=True, samesite="strict")


def remember_codename(response: Any) -> None:
    codename = generate_codename()
    # ruleid: mutualaid-codename-in-cookie
    response.set_cookie("remember", codename)


async def codename_from_form(request: Any, response: Any) -> None:
    form = await request.form()
    typed = form["codename"]
    # ruleid: mutualaid-codename-in-cookie
    response.set_cookie("last", typed)


def in_the_session(request: Any, need: Any) -> None:
    # ruleid: mutualaid-codename-in-cookie
    request.session["who"] = need.codename_hash


def raw_header(response: Any, codename: str) -> None:
    # ruleid: mutualaid-codename-in-cookie
    response.headers["set-cookie"] = f"c={codename}"
