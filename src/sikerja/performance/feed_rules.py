"""Who may decide on a proposed RHK, and whose proposals a viewer sees (STYLE §5 shapes).

A proposal is decided by the employee's home appraiser of record on the day of the decision
(the resolver's answer, a delegate for appraisal included) or one acting for that official under
a delegation of performance management: the same person who approves and rates the SKP.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from sikerja.organization.resolver import Resolver, RoleAnswer
from sikerja.organization.rules import Viewer
from sikerja.performance import rules
from sikerja.performance.models import RhkProposal, Skp
from sikerja.regulations.loader import load_pack


def home_appraiser(pack_id: str, employee_id: int, on: dt.date) -> RoleAnswer:
    """The employee's own (home) Pejabat Penilai Kinerja on the day, with its article (who)."""
    return Resolver(load_pack(pack_id)).appraiser(employee_id, on)


def may_decide_proposal(
    employee_id: int, proposal: RhkProposal, on: dt.date
) -> tuple[bool, RoleAnswer]:
    """Whether the employee may accept or decline the proposal on the day (may): the one who
    may rate the proposal's employee (`rules.may_rate`), with the resolver's answer naming the
    appraiser for the refusal's rule and article."""
    # The question is asked of the employee, whatever SKP (if any) the proposal joins yet.
    subject = Skp(government=proposal.government, employee_id=proposal.employee_id)
    return rules.may_rate(employee_id, subject, on)


def proposals_visible_to(viewer: Viewer, on: dt.date) -> QuerySet[RhkProposal]:
    """The proposals of every employee whose SKPs the viewer may see, and those owned by the
    viewer as appraiser (which)."""
    queryset = RhkProposal.objects.filter(government_id=viewer.government.pk)
    if viewer.sees_government:
        return queryset
    if viewer.employee_id is None:
        return queryset.none()
    employees = rules.skps_visible_to(viewer, on).values("employee_id")
    return queryset.filter(employee_id__in=employees) | queryset.filter(
        appraiser_id=viewer.employee_id
    )
