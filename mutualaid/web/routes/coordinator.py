"""The coordinators' console: the queue, a need's page, and what can be done from it.

Plain forms and 303 redirects throughout, so everything works without JavaScript; htmx only
refreshes the queue's results in place and swaps the thread. Domain errors come back as
kind 409 pages that show the need as it stands now, never as a 500.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from babel.dates import format_date
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mutualaid.domain.catalog import CONTACT_LANGUAGES, OFFER_KIND_LABELS
from mutualaid.domain.clock import now, today
from mutualaid.domain.errors import InvalidTransition
from mutualaid.domain.match_rules import (
    MATCH_STATUS_LABELS,
    MatchStatus,
    NoLongerAvailable,
    NoOpenMatch,
    NotMatchable,
)
from mutualaid.domain.needs import URGENCY_LABELS, NeedStatus, Urgency
from mutualaid.domain.queue import (
    AGE_BAND_LABELS,
    FACETS,
    QUEUE_STATUS_LABELS,
    URGENCY_ORDER,
    AgeBand,
    QueueFilters,
    age_hours,
)
from mutualaid.domain.staff import IDLE_TIMEOUT
from mutualaid.i18n import _, _l, current_language, ngettext
from mutualaid.services import coordination
from mutualaid.services.queue import QueueChoices, queue_choices, queue_page
from mutualaid.web import htmx
from mutualaid.web.auth import audience, signed_in
from mutualaid.web.coordinator_forms import (
    COORDINATOR_FIELD_MESSAGES,
    CloseForm,
    CoordinatorMessageForm,
    ProposeForm,
    QueueFilterForm,
)
from mutualaid.web.forms import raw_values, validate
from mutualaid.web.pledge_forms import filter_values
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render, url

RESULTS_TARGET = "queue-results"
#: Seconds between refreshes of the queue's results (htmx polling, same query).
REFRESH_SECONDS = 30
#: Refreshing stops after two thirds of the idle timeout without a click: every poll is a
#: request, and endless polling would keep an unattended screen signed in (promise 8).
MAX_REFRESHES = int(IDLE_TIMEOUT.total_seconds() * 2 / 3) // REFRESH_SECONDS

FACET_LABELS = {
    "status": _l("Status"),
    "urgency": _l("How soon"),
    "category": _l("Kind of help"),
    "area": _l("Area"),
    "language": _l("Language"),
    "age": _l("Posted"),
}
#: Coordinators' words for a need's status (the member-facing ones speak to the member).
NEED_STATUS_LABELS = {
    NeedStatus.OPEN: _l("Waiting for a match"),
    NeedStatus.MATCHED: _l("Matched"),
    NeedStatus.FULFILLED: _l("Met"),
    NeedStatus.UNMET: _l("Closed without being met"),
    NeedStatus.EXPIRED: _l("Expired after a long quiet time"),
    NeedStatus.WITHDRAWN: _l("Withdrawn"),
}
QUEUE_MATCH_LABELS = {
    MatchStatus.PROPOSED: _l("Proposed, waiting for the helper"),
    MatchStatus.ACCEPTED: _l("Accepted by the helper"),
}
HISTORY_EVENT_LABELS = {
    "posted": _l("Posted"),
    "proposed": _l("Match proposed"),
    "accepted": _l("Match accepted"),
    "declined": _l("Match declined; back in the queue"),
    "taken_back": _l("Match taken back; back in the queue"),
    "consented": _l("Contact sharing agreed"),
    "consent_withdrawn": _l("Contact sharing withdrawn"),
    "fulfilled": _l("Closed as met"),
    "unmet": _l("Closed as not met"),
    "withdrawn": _l("Withdrawn"),
    "expired": _l("Expired"),
}
ROLE_LABELS = {
    "member": _l("the member"),
    "coordinator": _l("a coordinator"),
    "organization": _l("the organization"),
    "offerer": _l("the offering member"),
    "system": _l("automatically"),
}
NOTICES = {
    "proposed": _l("Match proposed. The helper is asked to accept; the request waits for them."),
    "sent": _l("Your message is in the thread."),
    "taken_back": _l(
        "Match taken back. The offer has its unit again and the request is back in the queue."
    ),
    "fulfilled": _l("Closed as met. The contact details are erased."),
    "unmet": _l("Closed as not met. The contact details are erased."),
    "withdrawn": _l("Closed as withdrawn. The contact details are erased."),
}
CONFLICTS = {
    "taken": _l("That offer can't take this any more; here are fresh suggestions."),
    "not_open": _l(
        "This request isn't waiting for a match any more: it was matched or closed a moment "
        "ago, perhaps by another coordinator. Here is how it stands now."
    ),
    "closed": _l("This request is already closed, so it can't change any more."),
    "no_match": _l("There is no open match here any more. Here is how it stands now."),
    "not_matched": _l(
        "Only a matched request can be closed as met. Propose a match first, or close it "
        "as not met or withdrawn."
    ),
}
CLOSED_THREAD = _l("This request is closed, so its thread takes no more messages.")


def age_text(hours: int) -> str:
    """An age to the hour, in words: '5 hours', '3 days, 4 hours'."""
    if hours < 1:
        return _("under an hour")
    if hours < 48:
        return ngettext("%(num)d hour", "%(num)d hours", hours) % {"num": hours}
    days, rest = divmod(hours, 24)
    text = ngettext("%(num)d day", "%(num)d days", days) % {"num": days}
    if rest:
        hours_part = ngettext("%(num)d hour", "%(num)d hours", rest) % {"num": rest}
        text = _("%(days)s, %(hours)s") % {"days": text, "hours": hours_part}
    return text


def hour_text(moment: datetime) -> str:
    """A stored time, which is only ever to the hour (privacy promise 2)."""
    return _hour_text(moment, current_language())


@lru_cache(maxsize=1024)
def _hour_text(moment: datetime, language: str) -> str:
    # Queue rows share few distinct hours, and formatting a date is most of a row's cost.
    day = format_date(moment, "medium", locale=language)
    return _("%(day)s, %(hour)s UTC") % {"day": day, "hour": moment.strftime("%H:00")}


def day_text(day: date, today_: date) -> str:
    if day <= today_:
        return _("today")
    if day == today_ + timedelta(days=1):
        return _("tomorrow")
    return format_date(day, "EEE d MMM", locale=current_language())


def suggestion_reason(suggestion: coordination.SuggestionView, today_: date) -> str:
    """One line on why this offer is suggested: where, when, how much is left, and who."""
    where = _("Serves this area") if suggestion.exact_area else _("Serves a neighbouring area")
    when = _("from %(day)s") % {"day": day_text(suggestion.first_day, today_)}
    left = ngettext("%(num)d left", "%(num)d left", suggestion.capacity_left) % {
        "num": suggestion.capacity_left
    }
    if suggestion.organization is None:
        who = _("a community member")
    elif suggestion.organization_load:
        who = ngettext(
            "%(name)s, already on %(num)d match",
            "%(name)s, already on %(num)d matches",
            suggestion.organization_load,
        ) % {"name": suggestion.organization, "num": suggestion.organization_load}
    else:
        who = suggestion.organization
    return _("%(where)s; %(when)s; %(left)s; %(who)s") % {
        "where": where,
        "when": when,
        "left": left,
        "who": who,
    }


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    chosen: str
    #: Needs shown for "any" value of this filter, the other filters kept.
    total: int
    options: list[Option]


def _facets(
    values: dict[str, str], counts: dict[str, dict[str, int]], choices: QueueChoices
) -> list[Facet]:
    labelled: dict[str, list[tuple[str, str]]] = {
        "status": [(s.value, str(label)) for s, label in QUEUE_STATUS_LABELS.items()],
        "urgency": [(u.value, str(URGENCY_LABELS[u])) for u in URGENCY_ORDER],
        "category": [(c.value, c.label) for c in choices.categories],
        "area": [(a.value, a.label) for a in choices.areas],
        "language": [(code, str(name)) for code, name in CONTACT_LANGUAGES.items()],
        "age": [(band.value, str(label)) for band, label in AGE_BAND_LABELS.items()],
    }
    return [
        Facet(
            name=name,
            label=str(FACET_LABELS[name]),
            chosen=values.get(name, ""),
            total=sum(counts[name].values()),
            options=[
                Option(value, label, counts[name].get(value, 0)) for value, label in labelled[name]
            ],
        )
        for name in FACETS
    ]


def _checked_filters(
    values: dict[str, str], choices: QueueChoices
) -> tuple[QueueFilters, int, dict[str, str]]:
    """The filters to apply, the page asked for, and a message for each filter that needs
    attention; a filter that needs attention is dropped, the others are kept."""
    checked, errors = validate(QueueFilterForm, values, COORDINATOR_FIELD_MESSAGES)
    if checked is None:
        # Every field may be empty, so the rest still stand with the troubled ones cleared.
        checked, _unused = validate(QueueFilterForm, {**values, **dict.fromkeys(errors, "")})
    form = checked or QueueFilterForm()
    known = {"category": choices.category_ids, "area": choices.area_ids}
    chosen: dict[str, str | None] = {"category": form.category, "area": form.area}
    for name, allowed in known.items():
        if chosen[name] is not None and chosen[name] not in allowed:
            errors[name] = str(COORDINATOR_FIELD_MESSAGES[name])
            chosen[name] = None
    filters = QueueFilters(
        status=NeedStatus(form.status) if form.status else None,
        urgency=Urgency(form.urgency) if form.urgency else None,
        category=chosen["category"],
        area=chosen["area"],
        language=form.language,
        age=AgeBand(form.age) if form.age else None,
    )
    return filters, form.page, errors


def _query(filters: QueueFilters, page: int) -> dict[str, str]:
    """The query string for these filters and page: what links and refreshes carry."""
    params = {name: str(getattr(filters, name)) for name in FACETS if getattr(filters, name)}
    if page > 1:
        params["page"] = str(page)
    return params


def _queue_url(request: Request, filters: QueueFilters, page: int, refreshes: int = 0) -> str:
    params = _query(filters, page)
    if refreshes:
        params["refreshes"] = str(refreshes)
    base = url(request, "staff_queue")
    return f"{base}?{urlencode(params)}" if params else base


def _refreshes(request: Request) -> int:
    """How many times the results refreshed themselves since the coordinator last acted."""
    value = request.query_params.get("refreshes", "")
    if not (value.isascii() and value.isdigit() and len(value) <= 6):
        return 0
    return min(int(value), MAX_REFRESHES)


@audience(Audience.COORDINATOR)
async def queue(request: Request) -> Response:
    """Open and matched needs, newest-urgent first; htmx refreshes only the results."""
    values = filter_values(request.query_params, QueueFilterForm)
    choices = await queue_choices()
    filters, page, errors = _checked_filters(values, choices)
    moment = now()
    result = await queue_page(filters, choices, page=page, now=moment)
    shown = result.pagination.page
    refreshes = _refreshes(request) if htmx.target(request) == RESULTS_TARGET else 0
    shown_values = {**values, **{name: "" for name in errors}}
    context: dict[str, Any] = {
        "result": result,
        "filters": filters,
        "facets": _facets(shown_values, result.counts, choices),
        "errors": errors,
        "refresh_url": _queue_url(request, filters, shown, refreshes + 1),
        "refresh_seconds": REFRESH_SECONDS,
        "auto_refresh": refreshes < MAX_REFRESHES,
        "previous_url": _queue_url(request, filters, shown - 1),
        "next_url": _queue_url(request, filters, shown + 1),
        "urgency_labels": URGENCY_LABELS,
        "status_labels": NEED_STATUS_LABELS,
        "match_labels": QUEUE_MATCH_LABELS,
        "languages": CONTACT_LANGUAGES,
        "age_text": age_text,
        "hour_text": hour_text,
        "need_url_prefix": _need_url_prefix(request),
    }
    status = 422 if errors else 200
    if htmx.target(request) == RESULTS_TARGET:
        return render(request, "staff/_queue_results.html", context, status_code=status)
    return render(request, "staff/queue.html", context, status_code=status)


def _need_url_prefix(request: Request) -> str:
    """What every need's link starts with: resolved once per page, not once per row (each
    resolution walks the whole route table)."""
    some = uuid.UUID(int=0)
    return url(request, "staff_need", need_id=some).removesuffix(str(some))


def _need_id(request: Request) -> uuid.UUID:
    need_id: uuid.UUID = request.path_params["need_id"]
    return need_id


def _need_url(request: Request, need_id: uuid.UUID, done: str) -> str:
    return url(request, "staff_need", need_id=need_id) + "?" + urlencode({"done": done})


def _thread_context(need: coordination.CoordinatorNeedView) -> dict[str, Any]:
    return {"need": need, "languages": CONTACT_LANGUAGES, "hour_text": hour_text}


async def _need_page(
    request: Request,
    need_id: uuid.UUID,
    *,
    notice: str = "",
    conflict: str = "",
    errors: dict[str, str] | None = None,
    draft: str = "",
    status_code: int = 200,
) -> Response:
    """The need as it stands now (reading it is audited), with fresh suggestions if open."""
    need = await coordination.read_need(need_id, staff_id=signed_in(request).id)
    if need is None:
        raise HTTPException(404)
    suggestions = await coordination.suggestions(need_id) if need.is_open else []
    today_ = today()
    context: dict[str, Any] = {
        **_thread_context(need),
        "suggestions": [(s, suggestion_reason(s, today_)) for s in suggestions],
        "notice": notice,
        "thread_notice": "",
        "conflict": conflict,
        "errors": errors or {},
        "draft": draft,
        "age": age_text(age_hours(need.created_at, now())),
        "status_labels": NEED_STATUS_LABELS,
        "urgency_labels": URGENCY_LABELS,
        "match_labels": MATCH_STATUS_LABELS,
        "kinds": OFFER_KIND_LABELS,
        "event_labels": HISTORY_EVENT_LABELS,
        "role_labels": ROLE_LABELS,
    }
    return render(request, "staff/need.html", context, status_code=status_code)


@audience(Audience.COORDINATOR)
async def need_page(request: Request) -> Response:
    """A need in full: what the member shared, its history, its thread and suggestions."""
    done = request.query_params.get("done", "")
    notice = NOTICES.get(done)
    return await _need_page(request, _need_id(request), notice=str(notice) if notice else "")


def _first(errors: dict[str, str]) -> str:
    return next(iter(errors.values()), "")


async def _existing_need(request: Request) -> uuid.UUID:
    need_id = _need_id(request)
    if not await coordination.need_exists(need_id):
        raise HTTPException(404)
    return need_id


@audience(Audience.COORDINATOR)
async def propose(request: Request) -> Response:
    """Propose a match from a suggestion, in one action."""
    need_id = await _existing_need(request)
    form, errors = validate(
        ProposeForm, raw_values(await request.form(), ProposeForm), COORDINATOR_FIELD_MESSAGES
    )
    if form is None:
        return await _need_page(
            request, need_id, conflict=_first(errors), errors=errors, status_code=422
        )
    try:
        match_id = await coordination.propose(
            need_id, form.offer_id, staff_id=signed_in(request).id
        )
    except NoLongerAvailable:
        return await _need_page(request, need_id, conflict=str(CONFLICTS["taken"]), status_code=409)
    except NotMatchable:
        return await _need_page(
            request, need_id, conflict=str(CONFLICTS["not_open"]), status_code=409
        )
    return RedirectResponse(
        _need_url(request, need_id, "proposed"),
        status_code=303,
        background=BackgroundTask(
            coordination.tell_helper, match_id, settings=request.app.state.settings
        ),
    )


@audience(Audience.COORDINATOR)
async def message(request: Request) -> Response:
    """Write in the need's thread; htmx swaps the thread, a plain form comes back to the page."""
    need_id = await _existing_need(request)
    form_data = await request.form()
    form, errors = validate(
        CoordinatorMessageForm,
        raw_values(form_data, CoordinatorMessageForm),
        COORDINATOR_FIELD_MESSAGES,
    )
    status = 422
    if form is not None:
        try:
            await coordination.write_message(
                need_id, staff_id=signed_in(request).id, body=form.body
            )
            status = 200
        except InvalidTransition:
            errors, status = {"body": str(CLOSED_THREAD)}, 409
    draft = "" if status == 200 else str(form_data.get("body", ""))
    if htmx.is_htmx(request):
        need = await coordination.need_view(need_id)
        if need is None:
            raise HTTPException(404)
        context = {
            **_thread_context(need),
            "errors": errors,
            "draft": draft,
            "thread_notice": str(NOTICES["sent"]) if status == 200 else "",
        }
        # htmx 2 swaps only 2xx answers: a message that needs attention must arrive as one
        # to be seen at all. Without JavaScript the page below carries the real status.
        return render(request, "staff/need_thread.html", context)
    if status != 200:
        return await _need_page(request, need_id, errors=errors, draft=draft, status_code=status)
    return RedirectResponse(_need_url(request, need_id, "sent") + "#thread", status_code=303)


@audience(Audience.COORDINATOR)
async def take_back(request: Request) -> Response:
    """End the open match (a helper who never answers, a mistake): back to the queue."""
    need_id = await _existing_need(request)
    await request.form()  # the CSRF middleware has checked the token; nothing else is asked
    try:
        await coordination.take_back(need_id, staff_id=signed_in(request).id)
    except NoOpenMatch:
        return await _need_page(
            request, need_id, conflict=str(CONFLICTS["no_match"]), status_code=409
        )
    return RedirectResponse(_need_url(request, need_id, "taken_back"), status_code=303)


@audience(Audience.COORDINATOR)
async def close(request: Request) -> Response:
    """Close as met, not met or withdrawn: counters move and contact details are erased."""
    need_id = await _existing_need(request)
    form, errors = validate(
        CloseForm, raw_values(await request.form(), CloseForm), COORDINATOR_FIELD_MESSAGES
    )
    if form is None:
        return await _need_page(
            request, need_id, conflict=_first(errors), errors=errors, status_code=422
        )
    try:
        await coordination.close(need_id, form.outcome, staff_id=signed_in(request).id)
    except NotMatchable:
        return await _need_page(
            request, need_id, conflict=str(CONFLICTS["closed"]), status_code=409
        )
    except NoOpenMatch:
        return await _need_page(
            request, need_id, conflict=str(CONFLICTS["no_match"]), status_code=409
        )
    except InvalidTransition:
        return await _need_page(
            request, need_id, conflict=str(CONFLICTS["not_matched"]), status_code=409
        )
    return RedirectResponse(_need_url(request, need_id, form.outcome), status_code=303)


routes = [
    Route("/staff/queue", queue, name="staff_queue", methods=["GET"]),
    Route("/staff/needs/{need_id:uuid}", need_page, name="staff_need", methods=["GET"]),
    Route("/staff/needs/{need_id:uuid}/match", propose, name="staff_need_match", methods=["POST"]),
    Route(
        "/staff/needs/{need_id:uuid}/message",
        message,
        name="staff_need_message",
        methods=["POST"],
    ),
    Route(
        "/staff/needs/{need_id:uuid}/take-back",
        take_back,
        name="staff_need_take_back",
        methods=["POST"],
    ),
    Route("/staff/needs/{need_id:uuid}/close", close, name="staff_need_close", methods=["POST"]),
]
