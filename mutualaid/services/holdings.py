"""Finding what a codename holds: a need or an offer (never saying which codenames exist)."""

from __future__ import annotations

from mutualaid.domain.codenames import codename_hash, normalize
from mutualaid.domain.errors import UnknownCodename
from mutualaid.services.needs import MemberNeedView, member_view_by_codename_hash
from mutualaid.services.offers import MemberOfferView, member_offer_view
from mutualaid.storage.models import Offer

Holding = MemberNeedView | MemberOfferView


def hash_typed_codename(typed: str, key: bytes) -> str:
    """The stored hash for typed input; malformed input fails exactly like a wrong codename."""
    codename = normalize(typed)
    if codename is None:
        raise UnknownCodename()
    return codename_hash(codename, key)


async def find_holding(typed: str, key: bytes) -> Holding:
    digest = hash_typed_codename(typed, key)
    need = await member_view_by_codename_hash(digest)
    if need is not None:
        return need
    offer = await Offer.get_or_none(codename_hash=digest)
    if offer is not None:
        return await member_offer_view(offer)
    raise UnknownCodename()
