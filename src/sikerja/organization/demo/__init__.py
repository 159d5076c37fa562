"""The deterministic demo pemda: `generate(pack_id=…, employees=N, seed=…, at=…, on=…)`.

Used by `manage.py demo`, by `make run` and by the test suite's shared world.
"""

from sikerja.organization.demo.errors import DemoErrorCode
from sikerja.organization.demo.generate import DEFAULT_PASSWORD, DemoResult, generate, regional_pack
from sikerja.organization.demo.personas import (
    PERSONAS,
    demo_government,
    persona_employee,
    persona_key,
    username,
)

__all__ = [
    "DEFAULT_PASSWORD",
    "PERSONAS",
    "DemoErrorCode",
    "DemoResult",
    "demo_government",
    "generate",
    "persona_employee",
    "persona_key",
    "regional_pack",
    "username",
]
