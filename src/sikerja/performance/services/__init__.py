"""Every write of performance management: one function per use case."""

from sikerja.performance.services.agreements import pk_set
from sikerja.performance.services.skp import (
    skp_create,
    skp_decide,
    skp_expectation_set,
    skp_rhk_add,
    skp_submit,
)

__all__ = [
    "pk_set",
    "skp_create",
    "skp_decide",
    "skp_expectation_set",
    "skp_rhk_add",
    "skp_submit",
]
