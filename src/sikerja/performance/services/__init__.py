"""Every write of performance management: one function per use case."""

from sikerja.performance.services.agreements import pk_set
from sikerja.performance.services.dialogues import skp_dialogue_record
from sikerja.performance.services.objection import objection_decide, objection_file
from sikerja.performance.services.ratings import rating_draft, rating_sign, unit_level_set
from sikerja.performance.services.simulation import ratings_redraft
from sikerja.performance.services.skp import (
    skp_create,
    skp_decide,
    skp_expectation_set,
    skp_rhk_add,
    skp_submit,
)

__all__ = [
    "objection_decide",
    "objection_file",
    "pk_set",
    "rating_draft",
    "rating_sign",
    "ratings_redraft",
    "skp_create",
    "skp_decide",
    "skp_dialogue_record",
    "skp_expectation_set",
    "skp_rhk_add",
    "skp_submit",
    "unit_level_set",
]
