"""Routes, one module per area of the site; each exports `routes`."""

from __future__ import annotations

from enum import StrEnum


class Audience(StrEnum):
    """Who a route is for; every route declares one (checked by a registry test)."""

    PUBLIC = "public"
    CODENAME = "codename holder"
    STAFF = "any signed-in staff member"
    ORGANIZATION = "organization member"
    COORDINATOR = "coordinator"
    ADMIN = "admin"
