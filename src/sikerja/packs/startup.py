"""Start-up guard for servers: a broken regulation pack stops the process, naming the fault.

`manage.py` commands run the system checks themselves; a WSGI/ASGI server does not, so its
entry point calls `verify_packs()` once the application is loaded.
"""

from __future__ import annotations

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from sikerja.packs.checks import TAG


def verify_packs() -> None:
    """Raise ImproperlyConfigured listing every pack problem (schema and workflows).

    Raises: ImproperlyConfigured naming each pack file and field at fault.
    """
    problems = [message for message in checks.run_checks(tags=[TAG]) if message.is_serious()]
    if problems:
        raise ImproperlyConfigured("; ".join(str(message.msg) for message in problems))
