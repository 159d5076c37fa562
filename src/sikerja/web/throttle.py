"""Login throttling: failures are counted per account and per client address, separately.

An account whose failures reach LOGIN_THROTTLE_ATTEMPTS within the window is locked until the
window ends (`sikerja.accounts.lockout`: recorded on the account, audited, and liftable by a
BKPSDM operator). A client address is refused for the rest of its window after
LOGIN_THROTTLE_ADDRESS_ATTEMPTS failures, a limit set well above the account's: an office
behind one NAT address shares it, and one person mistyping must not lock out the office. A
username without an account is counted like an account (in the cache only), so a refusal does
not tell whether the account exists.

The client address is REMOTE_ADDR, unless that is one of TRUSTED_PROXIES: then it is the
nearest address in X-Forwarded-For that is not a trusted proxy. Nothing a client sends is
believed otherwise.

Counts and the window's end are stored together in the cache and written with the remaining
lifetime (Django's generic `incr`, used by the database cache, would re-set the timeout). The
read-modify-write is not atomic: concurrent failures may be undercounted by the number of
requests racing, which still bounds guessing to a small multiple of the limit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import ngettext

from sikerja.accounts.lockout import account_is_locked, account_lock
from sikerja.web.requestlog import is_trusted_proxy, trusted_networks

KEY_PREFIX = "sikerja:login-failures"
logger = logging.getLogger(__name__)


def client_address(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or behind trusted proxies the first address that
    X-Forwarded-For names from the right which is not itself a trusted proxy."""
    peer = str(request.META.get("REMOTE_ADDR", ""))
    networks = trusted_networks(settings.TRUSTED_PROXIES)
    if not is_trusted_proxy(peer, networks):
        return peer
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not is_trusted_proxy(hop, networks):
            return hop
    return hops[0] if hops else peer


@dataclass(frozen=True)
class Attempt:
    """Who is trying to log in: the username typed and the client address."""

    username: str
    address: str

    @classmethod
    def from_request(cls, request: HttpRequest, username: str) -> Attempt:
        """The attempt of a request (the address from `client_address`)."""
        return cls(username=username.strip().lower(), address=client_address(request))


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]  # usernames are personal
    return f"{KEY_PREFIX}:{kind}:{digest}"


def _account_limit() -> int:
    return int(settings.LOGIN_THROTTLE_ATTEMPTS)


def _address_limit() -> int:
    return int(settings.LOGIN_THROTTLE_ADDRESS_ATTEMPTS)


def _window() -> int:
    return int(settings.LOGIN_THROTTLE_WINDOW_SECONDS)


def _reached(key: str, limit: int, now: float) -> bool:
    count, until = cache.get(key, (0, 0.0))
    return bool(count >= limit and until > now)


def _count(key: str, now: float) -> tuple[int, float]:
    """Count one failure under the key; the new count and the window's end."""
    count, until = cache.get(key, (0, 0.0))
    if until <= now:
        count, until = 0, now + _window()
    cache.set(key, (count + 1, until), timeout=max(1, int(until - now) + 1))
    return count + 1, until


def _moment(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def is_blocked(attempt: Attempt) -> bool:
    """Whether the address has used up its failures, or the account is locked."""
    now = time.time()
    if _reached(_key("address", attempt.address), _address_limit(), now):
        return True
    if not attempt.username:
        return False
    return _reached(_key("username", attempt.username), _account_limit(), now) or (
        account_is_locked(username=attempt.username, at=_moment(now))
    )


def record_failure(attempt: Attempt) -> None:
    """Count one failed attempt against the address and the account; lock at the limit."""
    now = time.time()
    if _count(_key("address", attempt.address), now)[0] == _address_limit():
        logger.warning("login attempts refused for a client address until its window ends")
    if not attempt.username:
        return
    key = _key("username", attempt.username)
    count, until = _count(key, now)
    if count < _account_limit():
        return
    locked = account_lock(
        username=attempt.username, address=attempt.address, until=_moment(until), at=_moment(now)
    )
    if locked:  # the account holds the lock now; a later count starts afresh
        cache.delete(key)


def record_success(attempt: Attempt) -> None:
    """Forget the account's failures after a successful login (the address keeps its count)."""
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
