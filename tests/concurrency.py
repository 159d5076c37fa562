"""Races for the concurrency tests ("exactly one wins", "all take distinct numbers"): every
contender in its own thread with its own database connection, released together by a barrier.
On PostgreSQL these are real parallel transactions; on SQLite they queue for the write lock."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection

from sikerja.core.errors import StaleState


def race(
    act: Callable[[Any], str],
    contenders: Sequence[Any],
    *,
    ready: Callable[[Any], Any] = lambda contender: contender,
) -> list[str]:
    """`act(ready(contender))` for every contender at once, `ready` before the barrier and `act`
    after it. The outcomes, in the order they ended: what `act` returned for a win, "stale" for a
    StaleState, the repr of any other error."""
    barrier = threading.Barrier(len(contenders))
    outcomes: list[str] = []

    def run(contender: Any) -> None:
        prepared = ready(contender)
        barrier.wait()
        try:
            outcomes.append(act(prepared))
        except StaleState:
            outcomes.append("stale")
        except Exception as exc:
            outcomes.append(repr(exc))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(contender,)) for contender in contenders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
