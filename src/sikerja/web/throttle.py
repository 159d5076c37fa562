"""Login throttling: refuse further attempts after too many failures in a window.

Failures are counted per username and per client address, in the cache, over a fixed window that
starts with the first failure. The count and the window's end are stored together and written
with the remaining lifetime: Django's generic `incr` (used by the database cache) re-sets a key
with the default timeout, which would silently stretch or shorten the window.

The read-modify-write is not atomic, so concurrent failures may be undercounted by the number of
requests racing; the throttle still bounds guessing to a small multiple of the limit.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import ngettext

KEY_PREFIX = "sikerja:login-failures"


@dataclass(frozen=True)
class Attempt:
    """Who is trying to log in: the username typed and the client address."""

    username: str
    address: str

    @classmethod
    def from_request(cls, request: HttpRequest, username: str) -> Attempt:
        """The attempt of a request. The address is REMOTE_ADDR: a proxy must set it."""
        return cls(username=username.strip().lower(), address=request.META.get("REMOTE_ADDR", ""))

    def cache_keys(self) -> list[str]:
        """Cache keys of the counters this attempt touches (hashed: usernames are personal)."""
        keys = [_key("address", self.address)]
        if self.username:
            keys.append(_key("username", self.username))
        return keys


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:{kind}:{digest}"


def _limit() -> int:
    return int(settings.LOGIN_THROTTLE_ATTEMPTS)


def _window() -> int:
    return int(settings.LOGIN_THROTTLE_WINDOW_SECONDS)


def is_blocked(attempt: Attempt) -> bool:
    """Whether the username or the address has used up its failures in the current window."""
    counters = cache.get_many(attempt.cache_keys())
    now = time.time()
    return any(count >= _limit() and until > now for count, until in counters.values())


def record_failure(attempt: Attempt) -> None:
    """Count one failed attempt against the username and the address."""
    now = time.time()
    for key in attempt.cache_keys():
        count, until = cache.get(key, (0, 0.0))
        if until <= now:
            count, until = 0, now + _window()
        cache.set(key, (count + 1, until), timeout=max(1, int(until - now) + 1))


def record_success(attempt: Attempt) -> None:
    """Forget the username's failures after a successful login (the address keeps its count)."""
    if attempt.username:
        cache.delete(_key("username", attempt.username))


def refusal() -> str:
    """The message shown instead of the login result while an attempt is blocked."""
    minutes = max(1, -(-_window() // 60))
    return ngettext(
        "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi setelah %(minutes)d "
        "menit atau hubungi operator BKPSDM.",
        "Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi setelah %(minutes)d "
        "menit atau hubungi operator BKPSDM.",
        minutes,
    ) % {"minutes": minutes}
