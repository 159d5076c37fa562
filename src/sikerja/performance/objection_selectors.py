"""Reads of objections and the ratings objected to, scoped to what the viewer may see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sikerja.core.errors import NotFound
from sikerja.organization.rules import Viewer
from sikerja.performance import rules
from sikerja.performance.models import Objection, Rating
from sikerja.performance.services.objection import (
    objection_rule,
    objection_step,
    rating_window_ends_on,
)
from sikerja.regulations.loader import load_pack
from sikerja.workflows.models import WorkflowStep


def rating_get_for_view(*, viewer: Viewer, rating_id: int, on: dt.date) -> Rating:
    """A rating whose SKP the viewer may see, with its SKP, employee and objection (if any).

    Raises NotFound (missing or hidden alike).
    """
    visible = rules.skps_visible_to(viewer, on).values("pk")
    rating = (
        Rating.objects.select_related("skp__employee", "skp__government", "signed_by", "unit")
        .prefetch_related("objections")
        .filter(pk=rating_id, skp_id__in=visible)
        .first()
    )
    if rating is None:
        raise NotFound()
    return rating


@dataclass(frozen=True)
class ObjectionFiling:
    """The employee's "Ajukan keberatan" page: the rating, its objection if filed, the last day
    of the window and the rule that sets it."""

    rating: Rating
    objection: Objection | None
    may_file: bool
    window_ends_on: dt.date | None
    rule_citation: str
    file_within_days: int


def objection_filing_for(*, viewer: Viewer, rating_id: int, on: dt.date) -> ObjectionFiling:
    """What the employee's objection page shows for one of their own ratings.

    Raises NotFound (not their own rating, missing or hidden alike).
    """
    rating = rating_get_for_view(viewer=viewer, rating_id=rating_id, on=on)
    if rating.skp.employee_id != viewer.employee_id:
        raise NotFound()
    stated = objection_rule(load_pack(rating.skp.government.pack_id))
    objection = next(iter(rating.objections.all()), None)
    last = rating_window_ends_on(stated.params, rating)
    may_file = (
        objection is None
        and rules.may_object(viewer.employee_id or 0, rating)
        and last is not None
        and on <= last
    )
    return ObjectionFiling(
        rating, objection, may_file, last, stated.citation, stated.params.file_within_days
    )


@dataclass(frozen=True)
class ObjectionPage:
    """One objection as its page shows it, with its open step and whether the viewer decides."""

    objection: Objection
    step: WorkflowStep | None
    may_decide: bool
    predikat_before: str
    predikat_after: str


def objection_page_for(*, viewer: Viewer, objection_id: int, on: dt.date) -> ObjectionPage:
    """An objection the viewer may see. Raises NotFound (missing or hidden alike)."""
    objection = (
        rules.objections_visible_to(viewer, on)
        .select_related("rating__skp__employee", "rating__signed_by", "employee", "decided_by")
        .filter(pk=objection_id)
        .first()
    )
    if objection is None:
        raise NotFound()
    return ObjectionPage(
        objection,
        objection_step(objection),
        rules.may_decide_objection(viewer, objection, on),
        predikat_label(objection.predikat_before),
        predikat_label(objection.predikat_after),
    )


def predikat_label(value: str) -> str:
    """The predikat's name as people read it ("" for none)."""
    return str(Rating.Predikat(value).label) if value in Rating.Predikat.values else value


def objection_view(*, viewer: Viewer, objection_id: int, on: dt.date) -> Objection:
    """An objection the viewer may see, as the API answers it. Raises NotFound."""
    return objection_page_for(viewer=viewer, objection_id=objection_id, on=on).objection


def objection_id_visible(viewer: Viewer, objection_id: int, on: dt.date) -> int:
    """The objection's id once the viewer may see it (NotFound otherwise)."""
    if not rules.objections_visible_to(viewer, on).filter(pk=objection_id).exists():
        raise NotFound()
    return objection_id
