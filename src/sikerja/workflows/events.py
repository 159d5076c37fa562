"""Engine events ("step opened", "instance closed") published to handlers apps register.

The engine imports no app above it: notifications (and later reminders, metrics) subscribe in
their AppConfig.ready, and the engine publishes once the deciding transaction commits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction

STEP_OPENED = "step_opened"
INSTANCE_CLOSED = "instance_closed"

Handler = Callable[..., Any]
_handlers: dict[str, list[Handler]] = {}


def subscribe(event: str, handler: Handler) -> None:
    """Call `handler(**payload)` after every commit that publishes `event` (idempotent)."""
    handlers = _handlers.setdefault(event, [])
    if handler not in handlers:
        handlers.append(handler)


def publish_on_commit(event: str, **payload: Any) -> None:
    """Publish an event once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: publish(event, **payload))


def publish(event: str, **payload: Any) -> None:
    for handler in _handlers.get(event, []):
        handler(**payload)
