"""System checks of the core app: every regulation pack must load before Sikerja starts.

Registered in `CoreConfig.ready`, so `manage.py check`, `runserver` and `migrate` stop on a
broken pack with a message naming the pack file and the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core import checks

from sikerja.regulations.loader import PACKS_DIR, check_all

TAG = "packs"


def packs_are_valid(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[checks.CheckMessage]:
    """One Error per pack file that does not satisfy the schema (packs.E001).

    The directory is the installed packs; the `SIKERJA_PACKS_DIR` setting points the check
    elsewhere (a region's packs under review, or a test).
    """
    del app_configs, kwargs
    directory = Path(getattr(settings, "SIKERJA_PACKS_DIR", PACKS_DIR))
    return [
        checks.Error(
            f"Regulation pack {result.path.name} ({result.pack_id}) is invalid: {result.error}",
            hint="Correct the pack file; `manage.py packs --check` lists every pack.",
            obj=str(result.path),
            id="packs.E001",
        )
        for result in check_all(directory)
        if not result.ok
    ]
