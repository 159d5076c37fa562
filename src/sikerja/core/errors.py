"""The DomainError hierarchy: every refusal carries a stable code, a message, and the rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Official:
    """Someone who may do what was refused instead: their name and position, as resolved."""

    name: str
    position: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "position": self.position}


@dataclass
class DomainError(Exception):
    """A refusal by the domain: stable `code`, translated `message`, pack `rule` and `citation`.

    `fields` maps input field names to their own messages (for forms and the API). Where someone
    else may do what was refused, `instead` names them (resolved on the day) and `next_step`
    says what to do now.
    """

    code: str
    message: str
    rule: str = ""
    citation: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    status: int = 400
    instead: tuple[Official, ...] = ()
    next_step: str = ""

    def __post_init__(self) -> None:
        super().__init__(self.message)

    def as_dict(self) -> dict[str, Any]:
        """The shared JSON shape `{code, message, rule, citation, fields}`, with `instead` and
        `next_step` added when the refusal knows who may do it instead or what to do next."""
        shape: dict[str, Any] = {
            "code": self.code,
            "message": str(self.message),
            "rule": self.rule,
            "citation": self.citation,
            "fields": {key: str(value) for key, value in self.fields.items()},
        }
        if self.instead or self.next_step:
            shape["instead"] = [official.as_dict() for official in self.instead]
            shape["next_step"] = str(self.next_step)
        return shape


class ValidationFailed(DomainError):
    """Input that breaks a rule of the data itself (format, required field, unknown value)."""


class RuleViolation(DomainError):
    """An action the governing regulation (the pack) does not allow."""


class NotFound(DomainError):
    """Missing or not visible to the caller: the same answer for both, by design."""

    def __init__(self, message: str = "Tidak ditemukan.") -> None:
        super().__init__(code="not_found", message=message, status=404)


class PermissionDenied(DomainError):
    """The caller may see the object but may not perform the action."""

    def __init__(
        self,
        message: str,
        *,
        rule: str = "",
        citation: str = "",
        instead: tuple[Official, ...] = (),
        next_step: str = "",
    ) -> None:
        super().__init__(
            code="permission_denied",
            message=message,
            rule=rule,
            citation=citation,
            status=403,
            instead=instead,
            next_step=next_step,
        )


class StaleState(DomainError):
    """Someone else changed the object first (check-and-set lost)."""

    def __init__(self, message: str) -> None:
        super().__init__(code="stale_state", message=message, status=409)
