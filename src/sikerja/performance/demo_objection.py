"""The demo's pending objection (issue 12 item 11): one employee of the Bidang whose first
period was rated and signed objects to their predikat, through the real service, and the
objection waits in the inbox of the atasan of their appraiser."""

from __future__ import annotations

import datetime as dt

from sikerja.core.errors import DomainError
from sikerja.organization.demo import persona_employee
from sikerja.organization.models import Government, OrgUnit
from sikerja.performance import services
from sikerja.performance.models import Objection, Rating

REASON = (
    "Hasil kerja periode ini memenuhi target yang disepakati; bukti dukung terlampir pada "
    "laporan kegiatan."
)


def demo_objection(
    *, government: Government, unit_id: int, at: dt.datetime, on: dt.date
) -> Objection | None:
    """File the objection of the persona JF Ahli Muda (else of the first employee with a login
    who is not the unit's head) to their signed rating in the unit; None where none can."""
    path = OrgUnit.objects.values_list("path", flat=True).get(pk=unit_id)
    ratings = (
        Rating.objects.filter(
            government=government, skp__unit__path__startswith=path, status=Rating.Status.SIGNED
        )
        .exclude(skp__employee__user__isnull=True)
        .select_related("skp__employee")
        .order_by("pk")
    )
    persona = persona_employee(government, "jf_ahli_muda")
    chosen = sorted(ratings, key=lambda r: r.skp.employee_id != (persona.pk if persona else 0))
    for rating in chosen:
        try:
            return services.objection_file(
                actor=rating.skp.employee, rating_id=rating.pk, reason=REASON, at=at, on=on
            )
        except DomainError:
            continue
    return None
