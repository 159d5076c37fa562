"""WeasyPrint is imported when the first PDF is made, not when the site's URLs are loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import sys, django; django.setup();"
    "from django.urls import get_resolver; get_resolver().url_patterns;"
    "import sikerja.documents.views, sikerja.documents.api;"
    "print('weasyprint' in sys.modules)"
)


def test_loading_every_url_imports_no_weasyprint(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sikerja.config.settings.test",
        "PYTHONPATH": str(ROOT / "src"),
        "SIKERJA_VAR_DIR": str(tmp_path),
    }

    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed probe
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )

    assert result.stdout.strip() == "False"
