"""Following a need or offer by codename: status, thread, withdraw, erase.

No account and no cookie: every request carries the codename in its POST body
(never in a URL), and every request is checked against it again.
"""

from __future__ import annotations

import uuid
from typing import Any, NamedTuple

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mutualaid.domain.catalog import CONTACT_LANGUAGES, OFFER_KIND_LABELS, OFFER_STATUS_LABELS
from mutualaid.domain.errors import InvalidTransition, UnknownCodename
from mutualaid.domain.match_rules import MATCH_STATUS_LABELS, NoOpenMatch
from mutualaid.domain.needs import STATUS_LABELS, URGENCY_LABELS
from mutualaid.i18n import _l
from mutualaid.services.helping import (
    HelperAction,
    NothingToShare,
    member_consent,
    member_match,
    offer_matches,
    offerer_act,
)
from mutualaid.services.holdings import Holding, find_holding
from mutualaid.services.needs import MemberNeedView, add_message, erase_need, withdraw_need
from mutualaid.services.offers import change_offer, erase_offer
from mutualaid.web import htmx, ratelimit
from mutualaid.web.auth import audience
from mutualaid.web.forms import CodenameForm, MessageForm, raw_values, validate
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render, url

NOT_FOUND = _l(
    "We couldn't find anything for that codename. Check each word and the spaces "
    "between them, then try again."
)
NOTICES = {
    "withdrawn": _l(
        "Your request is withdrawn. It will be deleted for good after the retention period."
    ),
    "sent": _l("Your message is in the thread."),
    "pause": _l("Your offer is paused. Coordinators won't match it until you resume it."),
    "resume": _l("Your offer is open again."),
    "end": _l("Your offer has ended. Thank you for offering."),
    "closed": _l("This is closed, so that can't change any more."),
    "unchanged": _l("Nothing changed: that doesn't apply to this any more."),
    "shared": _l(
        "Your contact details are now shared with the helper matched with you. You can stop "
        "sharing at any time while this match is open."
    ),
    "not_shared": _l(
        "Your contact details are not shared. Coordinators can still pass on messages through "
        "the thread below."
    ),
    "nothing_to_share": _l(
        "You didn't leave contact details, so there is nothing to share. Messages in the "
        "thread below still reach coordinators."
    ),
    "changed": _l(
        "This match has already changed, so nothing was done. Here is how it stands now."
    ),
    "accepted": _l(
        "Thank you for accepting. If the person shares their contact details, you will see them "
        "here when you check with your codename again."
    ),
    "declined": _l(
        "You declined, and that's fine. The request goes back to coordinators, and your offer "
        "has that place back."
    ),
}
#: What a consent form may say, and what it means.
SHARE_CHOICES = {"yes": True, "no": False}
OFFERER_ACTIONS = {"accept": HelperAction.ACCEPT, "decline": HelperAction.DECLINE}


def _labels() -> dict[str, Any]:
    return {
        "status_labels": STATUS_LABELS,
        "offer_status_labels": OFFER_STATUS_LABELS,
        "urgency_labels": URGENCY_LABELS,
        "languages": CONTACT_LANGUAGES,
        "kinds": OFFER_KIND_LABELS,
        "match_status_labels": MATCH_STATUS_LABELS,
    }


async def _about(holding: Holding) -> dict[str, Any]:
    """What the page shows beside the holding: the open match on a need (and whether the
    member shares their contact), or the needs matched to an offer."""
    if isinstance(holding, MemberNeedView):
        return {"match": await member_match(holding.id) if holding.is_active else None}
    return {"matched_needs": await offer_matches(holding.id)}


@audience(Audience.PUBLIC)
async def check_form(request: Request) -> Response:
    return render(request, "check.html", {"values": {"codename": ""}, "errors": {}})


class Found(NamedTuple):
    codename: str
    holding: Holding


async def _holding(request: Request) -> Found | Response:
    """Read and check the codename; a failure is answered the same way for every cause."""
    ratelimit.hit(request, "check")
    form = await request.form()
    values = raw_values(form, CodenameForm)
    parsed, _ = validate(CodenameForm, values)
    try:
        if parsed is None:
            raise UnknownCodename()
        holding = await find_holding(
            parsed.codename, request.app.state.settings.secret("codename_key")
        )
    except UnknownCodename:
        return render(
            request,
            "check.html",
            {"values": values, "errors": {"codename": str(NOT_FOUND)}},
            status_code=404,
        )
    return Found(parsed.codename, holding)


async def _status_page(
    request: Request, codename: str, holding: Holding, *, notice: str = "", status_code: int = 200
) -> Response:
    template = "status_need.html" if isinstance(holding, MemberNeedView) else "status_offer.html"
    context = {
        "codename": codename,
        "item": holding,
        "notice": notice,
        **_labels(),
        **await _about(holding),
    }
    return render(request, template, context, status_code=status_code)


@audience(Audience.CODENAME)
async def check_submit(request: Request) -> Response:
    found = await _holding(request)
    if isinstance(found, Response):
        return found
    codename, holding = found
    return await _status_page(request, codename, holding)


@audience(Audience.CODENAME)
async def thread(request: Request) -> Response:
    """The thread alone, for htmx polling; the full status page otherwise."""
    found = await _holding(request)
    if isinstance(found, Response):
        return found
    codename, holding = found
    if htmx.is_htmx(request) and isinstance(holding, MemberNeedView):
        context = {"codename": codename, "item": holding, **await _about(holding)}
        return render(request, "_thread.html", context)
    return await _status_page(request, codename, holding)


@audience(Audience.CODENAME)
async def message(request: Request) -> Response:
    found = await _holding(request)
    if isinstance(found, Response):
        return found
    codename, holding = found
    if not isinstance(holding, MemberNeedView):
        return await _status_page(request, codename, holding, notice=str(NOTICES["unchanged"]))
    form = await request.form()
    parsed, errors = validate(MessageForm, raw_values(form, MessageForm))
    notice = ""
    if parsed is not None:
        try:
            await add_message(holding.id, author_role="member", body=parsed.body)
            notice = str(NOTICES["sent"])
        except InvalidTransition:
            errors = {"body": str(NOTICES["closed"])}
    holding = await find_holding(codename, request.app.state.settings.secret("codename_key"))
    context = {
        "codename": codename,
        "item": holding,
        "notice": notice,
        "errors": errors,
        "draft": "" if parsed else str(form.get("body", "")),
        **_labels(),
        **await _about(holding),
    }
    status = 422 if errors else 200
    if htmx.is_htmx(request):
        return render(request, "_thread.html", context, status_code=status)
    return render(request, "status_need.html", context, status_code=status)


@audience(Audience.CODENAME)
async def withdraw(request: Request) -> Response:
    found = await _holding(request)
    if isinstance(found, Response):
        return found
    codename, holding = found
    notice = NOTICES["closed"] if isinstance(holding, MemberNeedView) else NOTICES["unchanged"]
    if isinstance(holding, MemberNeedView) and holding.is_active:
        await withdraw_need(holding.id)
        notice = NOTICES["withdrawn"]
    holding = await find_holding(codename, request.app.state.settings.secret("codename_key"))
    return await _status_page(request, codename, holding, notice=str(notice))


@audience(Audience.CODENAME)
async def offer_action(request: Request) -> Response:
    found = await _holding(request)
    if isinstance(found, Response):
        return found
    codename, holding = found
    action = str((await request.form()).get("action", ""))
    notice = NOTICES["unchanged"]
    if not isinstance(holding, MemberNeedView) and action in ("pause", "resume", "end"):
        try:
            await change_offer(holding.id, action)
            notice = NOTICES[action]
        except InvalidTransition:
            pass
    holding = await find_holding(codename, request.app.state.settings.secret("codename_key"))
    return await _status_page(request, codename, holding, notice=str(notice))


@audience(Audience.CODENAME)
async def consent(request: Request) -> Response:
    """The member says whether the matched helper may see their contact details."""
    found = await _holding(request)
    if isinstance(found, Response):
        return found
    codename, holding = found
    share = SHARE_CHOICES.get(str((await request.form()).get("share", "")))
    notice, status = NOTICES["unchanged"], 422
    if isinstance(holding, MemberNeedView) and share is not None:
        try:
            await member_consent(holding.id, share=share)
            notice, status = NOTICES["shared" if share else "not_shared"], 200
        except NothingToShare:
            notice, status = NOTICES["nothing_to_share"], 200
        except NoOpenMatch:
            notice, status = NOTICES["changed"], 409
    elif not isinstance(holding, MemberNeedView):
        status = 200
    holding = await find_holding(codename, request.app.state.settings.secret("codename_key"))
    return await _status_page(request, codename, holding, notice=str(notice), status_code=status)


def _need_id(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


@audience(Audience.CODENAME)
async def offer_match(request: Request) -> Response:
    """The offering member accepts or declines a need matched to their own offer.

    Anything else (another offer's need, a need that doesn't exist, a match that changed, a
    need's codename) gets the same answer, so need ids can't be probed from here.
    """
    found = await _holding(request)
    if isinstance(found, Response):
        return found
    codename, holding = found
    form = await request.form()
    action = OFFERER_ACTIONS.get(str(form.get("action", "")))
    need_id = _need_id(form.get("need_id", ""))
    notice, status = NOTICES["changed"], 409
    if not isinstance(holding, MemberNeedView) and action is not None and need_id is not None:
        try:
            await offerer_act(holding.id, need_id, action)
            notice, status = (
                NOTICES["accepted" if action is HelperAction.ACCEPT else "declined"],
                200,
            )
        except NoOpenMatch:
            pass
    holding = await find_holding(codename, request.app.state.settings.secret("codename_key"))
    return await _status_page(request, codename, holding, notice=str(notice), status_code=status)


@audience(Audience.CODENAME)
async def erase(request: Request) -> Response:
    """Ask once more, then delete at once and for good (privacy promise 5)."""
    found = await _holding(request)
    if isinstance(found, Response):
        return found
    codename, holding = found
    if (await request.form()).get("confirm") != "yes":
        return render(request, "erase_confirm.html", {"codename": codename, "item": holding})
    if isinstance(holding, MemberNeedView):
        await erase_need(holding.id)
    else:
        await erase_offer(holding.id)
    return RedirectResponse(url(request, "erased"), status_code=303)


@audience(Audience.PUBLIC)
async def erased(request: Request) -> Response:
    return render(request, "erased.html")


routes = [
    Route("/check", check_form, name="check", methods=["GET"]),
    Route("/check", check_submit, name="check_submit", methods=["POST"]),
    Route("/check/thread", thread, name="check_thread", methods=["POST"]),
    Route("/check/message", message, name="check_message", methods=["POST"]),
    Route("/check/withdraw", withdraw, name="check_withdraw", methods=["POST"]),
    Route("/check/offer", offer_action, name="check_offer", methods=["POST"]),
    Route("/check/offer/match", offer_match, name="check_offer_match", methods=["POST"]),
    Route("/check/consent", consent, name="check_consent", methods=["POST"]),
    Route("/check/erase", erase, name="check_erase", methods=["POST"]),
    Route("/check/erased", erased, name="erased", methods=["GET"]),
]
