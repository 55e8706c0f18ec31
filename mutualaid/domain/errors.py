"""Domain errors: each docstring is the rule it enforces."""


class DomainError(Exception):
    """Base class for rule violations the web edge turns into kind messages."""


class InvalidTransition(DomainError):
    """A need or offer can only move along the life cycle in `needs.TRANSITIONS`."""


class UnknownCodename(DomainError):
    """No record answers to this codename (or it was malformed: the two look the same)."""


class UnknownChoice(DomainError):
    """A submitted category or area is not one that coordinators have set up."""

    def __init__(self, field: str) -> None:
        super().__init__(field)
        self.field = field
