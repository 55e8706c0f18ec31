"""Coordinators' tools: areas (with neighbours) and categories, and the "purging soon" view;
and, for organization members, where their staff notifications go.

Plain forms that work without JavaScript; every change answers 303 and is audited, and a
form that needs another look answers 422 with everything typed kept.
"""

from __future__ import annotations

import uuid
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from mutualaid.domain.clock import now
from mutualaid.domain.errors import UnknownChoice
from mutualaid.i18n import _l
from mutualaid.services import coordinator_tools as tools
from mutualaid.services import notify
from mutualaid.web.auth import Endpoint, audience, signed_in
from mutualaid.web.forms import validate
from mutualaid.web.once import SeenForms, new_form_id
from mutualaid.web.routes import Audience
from mutualaid.web.templating import render, url
from mutualaid.web.tools_forms import (
    TOOLS_FIELD_MESSAGES,
    AreaForm,
    CategoryNameForm,
    NewAreaForm,
    NewCategoryForm,
    NotificationForm,
    raw_values,
)

#: What a coordinator sees after a change (chosen by a fixed key, never echoed from input).
AREA_NOTICES = {
    "created": _l("The area is added. Every form offers it now."),
    "updated": _l("Your changes to the area are saved."),
    "deactivated": _l(
        "The area is deactivated: no form offers it any more. Requests and offers that "
        "already use it keep it."
    ),
    "reactivated": _l("The area is active again. Every form offers it."),
    "unchanged": _l("Nothing changed: the area already was that way."),
    "last": _l("At least one area has to stay active, so people can still ask for help."),
}
CATEGORY_NOTICES = {
    "created": _l("The category is added. Every form offers it now."),
    "renamed": _l("The category is renamed."),
    "deactivated": _l(
        "The category is deactivated: no form offers it any more. Requests and offers that "
        "already use it keep it."
    ),
    "reactivated": _l("The category is active again. Every form offers it."),
    "unchanged": _l("Nothing changed: the category already was that way."),
    "last": _l("At least one category has to stay active, so people can still ask for help."),
    "builtin": _l(
        "Built-in categories are named in every language for you, so they can't be renamed."
    ),
}
NOTIFICATION_NOTICES = {
    "saved": _l("Saved. Notifications go to this address."),
    "cleared": _l("Done. We won't email your organization."),
}


def _notice(request: Request, notices: dict[str, str]) -> str:
    notice = notices.get(request.query_params.get("done", ""))
    return str(notice) if notice else ""


def _seen(request: Request) -> SeenForms:
    seen: SeenForms = request.app.state.seen_forms
    return seen


# --- Areas -------------------------------------------------------------------------------


def _blank_area() -> dict[str, Any]:
    return {"name": "", "slug": "", "group": "", "neighbours": []}


async def _areas_page(
    request: Request,
    *,
    values: dict[str, Any],
    errors: dict[str, str],
    form_id: str | None = None,
) -> Response:
    context = {
        "rows": await tools.list_areas(),
        "groups": await tools.area_groups(),
        "values": values,
        "errors": errors,
        "form_id": form_id or new_form_id(),
        "notice": _notice(request, AREA_NOTICES),
    }
    return render(request, "staff/areas.html", context, status_code=422 if errors else 200)


@audience(Audience.COORDINATOR)
async def areas(request: Request) -> Response:
    return await _areas_page(request, values=_blank_area(), errors={})


@audience(Audience.COORDINATOR)
async def area_create(request: Request) -> Response:
    submitted = await request.form()
    values = raw_values(submitted, NewAreaForm)
    form_id = str(submitted.get("form_id", ""))
    form, errors = validate(NewAreaForm, values, TOOLS_FIELD_MESSAGES)
    if form is not None:
        slug = form.slug or tools.derive_slug(form.name)
        if not slug:
            errors["slug"] = str(TOOLS_FIELD_MESSAGES["slug_needed"])
        elif not await _seen(request).first_time(form_id):
            return RedirectResponse(url(request, "staff_areas"), status_code=303)
        else:
            draft = tools.AreaDraft(form.name, form.group, form.neighbours)
            try:
                await tools.create_area(draft, slug=slug, by=signed_in(request).id)
            except tools.SlugTaken:
                errors["slug"] = str(TOOLS_FIELD_MESSAGES["slug_taken"])
            except UnknownChoice:
                errors["neighbours"] = str(TOOLS_FIELD_MESSAGES["neighbours"])
            else:
                return RedirectResponse(url(request, "staff_areas") + "?done=created", 303)
            await _seen(request).forget(form_id)
    return await _areas_page(request, values=values, errors=errors, form_id=form_id)


def _area_id(request: Request) -> uuid.UUID:
    value = request.path_params["area_id"]
    if not isinstance(value, uuid.UUID):  # the route's uuid convertor makes it one
        raise HTTPException(404)
    return value


async def _area(request: Request) -> tools.AreaRow:
    try:
        return await tools.area_row(_area_id(request))
    except tools.UnknownRecord:
        raise HTTPException(404) from None


async def _area_page(
    request: Request, row: tools.AreaRow, *, values: dict[str, Any], errors: dict[str, str]
) -> Response:
    context = {
        "area": row,
        "others": [other for other in await tools.list_areas() if other.id != row.id],
        "groups": await tools.area_groups(),
        "values": values,
        "errors": errors,
        "notice": _notice(request, AREA_NOTICES),
    }
    return render(request, "staff/areas_edit.html", context, status_code=422 if errors else 200)


@audience(Audience.COORDINATOR)
async def area(request: Request) -> Response:
    row = await _area(request)
    values = {"name": row.name, "group": row.group, "neighbours": list(row.neighbour_slugs)}
    return await _area_page(request, row, values=values, errors={})


@audience(Audience.COORDINATOR)
async def area_update(request: Request) -> Response:
    row = await _area(request)
    values = raw_values(await request.form(), AreaForm)
    form, errors = validate(AreaForm, values, TOOLS_FIELD_MESSAGES)
    if form is not None:
        draft = tools.AreaDraft(form.name, form.group, form.neighbours)
        try:
            await tools.update_area(row.id, draft, by=signed_in(request).id)
        except tools.UnknownRecord:
            raise HTTPException(404) from None
        except UnknownChoice:
            errors["neighbours"] = str(TOOLS_FIELD_MESSAGES["neighbours"])
        else:
            target = url(request, "staff_area", area_id=row.id)
            return RedirectResponse(f"{target}?done=updated", status_code=303)
    return await _area_page(request, row, values=values, errors=errors)


def _area_switch(active: bool) -> Endpoint:
    async def switch(request: Request) -> Response:
        area_id = _area_id(request)
        try:
            changed = await tools.set_area_active(area_id, active=active, by=signed_in(request).id)
            done = ("reactivated" if active else "deactivated") if changed else "unchanged"
        except tools.UnknownRecord:
            raise HTTPException(404) from None
        except tools.LastActive:
            done = "last"
        target = url(request, "staff_area", area_id=area_id)
        return RedirectResponse(f"{target}?done={done}", status_code=303)

    switch.__name__ = switch.__qualname__ = "area_reactivate" if active else "area_deactivate"
    return audience(Audience.COORDINATOR)(switch)


# --- Categories --------------------------------------------------------------------------


async def _categories_page(
    request: Request,
    *,
    values: dict[str, Any],
    errors: dict[str, str],
    form_id: str | None = None,
    rename_values: dict[str, Any] | None = None,
    rename_errors: dict[str, str] | None = None,
) -> Response:
    """The list with its inline rename forms (their fields are named `name-<slug>` here)."""
    context = {
        "rows": await tools.list_categories(),
        "values": values,
        "errors": errors,
        "form_id": form_id or new_form_id(),
        "rename_values": rename_values or {},
        "rename_errors": rename_errors or {},
        "notice": _notice(request, CATEGORY_NOTICES),
    }
    failed = bool(errors or rename_errors)
    return render(request, "staff/categories.html", context, status_code=422 if failed else 200)


@audience(Audience.COORDINATOR)
async def categories(request: Request) -> Response:
    return await _categories_page(request, values={"name": "", "slug": ""}, errors={})


@audience(Audience.COORDINATOR)
async def category_create(request: Request) -> Response:
    submitted = await request.form()
    values = raw_values(submitted, NewCategoryForm)
    form_id = str(submitted.get("form_id", ""))
    form, errors = validate(NewCategoryForm, values, TOOLS_FIELD_MESSAGES)
    if form is not None:
        slug = form.slug or tools.derive_slug(form.name)
        if not slug:
            errors["slug"] = str(TOOLS_FIELD_MESSAGES["slug_needed"])
        elif not await _seen(request).first_time(form_id):
            return RedirectResponse(url(request, "staff_categories"), status_code=303)
        else:
            try:
                await tools.create_category(form.name, slug=slug, by=signed_in(request).id)
            except tools.SlugTaken:
                errors["slug"] = str(TOOLS_FIELD_MESSAGES["slug_taken"])
            else:
                return RedirectResponse(url(request, "staff_categories") + "?done=created", 303)
            await _seen(request).forget(form_id)
    return await _categories_page(request, values=values, errors=errors, form_id=form_id)


def _category_id(request: Request) -> uuid.UUID:
    value = request.path_params["category_id"]
    if not isinstance(value, uuid.UUID):
        raise HTTPException(404)
    return value


def _to_categories(request: Request, done: str) -> Response:
    return RedirectResponse(url(request, "staff_categories") + f"?done={done}", status_code=303)


@audience(Audience.COORDINATOR)
async def category_rename(request: Request) -> Response:
    category_id = _category_id(request)
    row = next((r for r in await tools.list_categories() if r.id == category_id), None)
    if row is None:
        raise HTTPException(404)
    values = raw_values(await request.form(), CategoryNameForm)
    form, errors = validate(CategoryNameForm, values, TOOLS_FIELD_MESSAGES)
    if form is not None:
        try:
            await tools.rename_category(category_id, form.name, by=signed_in(request).id)
        except tools.UnknownRecord:
            raise HTTPException(404) from None
        except tools.BuiltinCategory:
            return _to_categories(request, "builtin")
        return _to_categories(request, "renamed")
    field = f"name-{row.slug}"
    return await _categories_page(
        request,
        values={"name": "", "slug": ""},
        errors={},
        rename_values={field: values["name"]},
        rename_errors={field: errors.get("name", str(TOOLS_FIELD_MESSAGES["name"]))},
    )


def _category_switch(active: bool) -> Endpoint:
    async def switch(request: Request) -> Response:
        category_id = _category_id(request)
        try:
            changed = await tools.set_category_active(
                category_id, active=active, by=signed_in(request).id
            )
            done = ("reactivated" if active else "deactivated") if changed else "unchanged"
        except tools.UnknownRecord:
            raise HTTPException(404) from None
        except tools.LastActive:
            done = "last"
        return _to_categories(request, done)

    name = "category_reactivate" if active else "category_deactivate"
    switch.__name__ = switch.__qualname__ = name
    return audience(Audience.COORDINATOR)(switch)


# --- Purging soon ------------------------------------------------------------------------


@audience(Audience.COORDINATOR)
async def purging(request: Request) -> Response:
    """What the purge job deletes in the next days: ids, days and counts, never content."""
    settings = request.app.state.settings
    preview = await tools.purging_soon(
        now=now(),
        retention_days=settings.closed_retention_days,
        audit_retention_days=settings.audit_retention_days,
    )
    context = {
        "preview": preview,
        "days": tools.PURGE_HORIZON_DAYS,
        "list_limit": tools.PURGE_LIST_LIMIT,
    }
    return render(request, "staff/purging.html", context)


# --- An organization's notification address ----------------------------------------------


def _organization_id(request: Request) -> uuid.UUID:
    organization_id = signed_in(request).organization_id
    if organization_id is None:  # Audience.ORGANIZATION admits only members of one
        raise HTTPException(404)
    return organization_id


async def _notifications_page(
    request: Request, *, values: dict[str, Any], errors: dict[str, str]
) -> Response:
    context = {
        "current": await notify.notification_address(_organization_id(request)),
        "values": values,
        "errors": errors,
        "notice": _notice(request, NOTIFICATION_NOTICES),
    }
    status = 422 if errors else 200
    return render(request, "portal/notifications.html", context, status_code=status)


@audience(Audience.ORGANIZATION)
async def notifications(request: Request) -> Response:
    current = await notify.notification_address(_organization_id(request))
    return await _notifications_page(
        request, values={"notification_email": current or ""}, errors={}
    )


@audience(Audience.ORGANIZATION)
async def notifications_submit(request: Request) -> Response:
    """Save an address, or clear it with the "stop" button (an empty save is refused, so a
    blank form can't switch emails off by accident)."""
    organization_id = _organization_id(request)
    values = raw_values(await request.form(), NotificationForm)
    values["action"] = values["action"] or "save"
    form, errors = validate(NotificationForm, values, TOOLS_FIELD_MESSAGES)
    if form is not None and form.action == "save" and form.notification_email is None:
        form, errors = None, {"notification_email": str(TOOLS_FIELD_MESSAGES["notification_email"])}
    if form is not None:
        address = None if form.action == "clear" else form.notification_email
        member = signed_in(request)
        if not await notify.set_notification_address(organization_id, address, by=member.id):
            raise HTTPException(404)
        target = url(request, "portal_notifications")
        return RedirectResponse(f"{target}?done={'saved' if address else 'cleared'}", 303)
    return await _notifications_page(request, values=values, errors=errors)


AREA = "/staff/areas/{area_id:uuid}"
CATEGORY = "/staff/categories/{category_id:uuid}"

routes = [
    Route("/staff/areas", areas, name="staff_areas", methods=["GET"]),
    Route("/staff/areas", area_create, name="staff_areas_create", methods=["POST"]),
    Route(AREA, area, name="staff_area", methods=["GET"]),
    Route(AREA, area_update, name="staff_area_update", methods=["POST"]),
    Route(
        f"{AREA}/deactivate",
        _area_switch(False),
        name="staff_area_deactivate",
        methods=["POST"],
    ),
    Route(f"{AREA}/reactivate", _area_switch(True), name="staff_area_reactivate", methods=["POST"]),
    Route("/staff/categories", categories, name="staff_categories", methods=["GET"]),
    Route("/staff/categories", category_create, name="staff_categories_create", methods=["POST"]),
    Route(CATEGORY, category_rename, name="staff_category_rename", methods=["POST"]),
    Route(
        f"{CATEGORY}/deactivate",
        _category_switch(False),
        name="staff_category_deactivate",
        methods=["POST"],
    ),
    Route(
        f"{CATEGORY}/reactivate",
        _category_switch(True),
        name="staff_category_reactivate",
        methods=["POST"],
    ),
    Route("/staff/purging", purging, name="staff_purging", methods=["GET"]),
    Route("/portal/notifications", notifications, name="portal_notifications", methods=["GET"]),
    Route(
        "/portal/notifications",
        notifications_submit,
        name="portal_notifications_submit",
        methods=["POST"],
    ),
]
