"""SOURCE_DATE_EPOCH for the span of one PDF write, shared safely between rendering threads.

WeasyPrint subsets every font it embeds. Its fallback subsetter (fontTools, used where the
HarfBuzz-Subset library is missing) stamps each subset font's `head.modified` with the current
time unless SOURCE_DATE_EPOCH is set, so the same letter rendered a second later differs. The
letter's own issue time is the stamp it gets instead.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

VARIABLE = "SOURCE_DATE_EPOCH"


class _SharedVariable:
    """One environment variable held by any number of threads that agree on its value.

    The environment is per process: a thread that needs another value waits until the current
    holders are done, then the variable is set for it (and restored after the last holder).
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._changed = threading.Condition()
        self._holders = 0
        self._value: str | None = None
        self._saved: str | None = None

    @contextmanager
    def holding(self, value: str) -> Iterator[None]:
        with self._changed:
            self._changed.wait_for(lambda: self._holders == 0 or self._value == value)
            if self._holders == 0:
                self._saved = os.environ.get(self.name)
                os.environ[self.name] = self._value = value
            self._holders += 1
        try:
            yield
        finally:
            with self._changed:
                self._holders -= 1
                if self._holders == 0:
                    self._restore()
                    self._changed.notify_all()

    def _restore(self) -> None:
        if self._saved is None:
            os.environ.pop(self.name, None)
        else:
            os.environ[self.name] = self._saved
        self._value = self._saved = None


_source_date_epoch = _SharedVariable(VARIABLE)


@contextmanager
def source_date_epoch(at: dt.datetime) -> Iterator[None]:
    """SOURCE_DATE_EPOCH is `at` (whole seconds since 1970, UTC) while the block runs."""
    with _source_date_epoch.holding(str(int(at.timestamp()))):
        yield
