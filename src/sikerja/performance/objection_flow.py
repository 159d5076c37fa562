"""The objection's part in the workflow engine (kind `performance`, stage OBJECTION): the
deciding official's actor expression, and the title and page of an objection in the inbox.

`employee.appraiser_superior` is the atasan of the employee's Pejabat Penilai Kinerja: the
appraiser the organisation resolver names on the day for the employee's appraiser, with that
answer's rule and citation (PP 30/2019 Pasal 59: the objection goes to the appraiser's
superior).
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from sikerja.performance.models_objections import Objection
from sikerja.performance.parties import PERFORMANCE, PerformanceParties
from sikerja.workflows import actors
from sikerja.workflows.actors import ActorContext, ResolvedActor
from sikerja.workflows.hooks import SubjectRef
from sikerja.workflows.models import WorkflowInstance

SUPERIOR = "employee.appraiser_superior"


def _appraiser_superior(ctx: ActorContext, expression: str) -> ResolvedActor:
    """The appraiser of the employee's appraiser on the day (none when either is vacant)."""
    parties = ctx.parties
    assert isinstance(parties, PerformanceParties)  # noqa: S101 (registered for this kind only)
    appraiser = ctx.resolver.appraiser(parties.owner, ctx.on)
    if appraiser.person is None:
        return ResolvedActor(expression, None, appraiser.rule, appraiser.citation, appraiser.notes)
    return actors.answer_actor(
        expression, ctx.resolver.appraiser(appraiser.person.employee_id, ctx.on)
    )


def register_objection_actors() -> None:
    """Let the performance kind name the deciding official of an objection."""
    actors.register(
        PERFORMANCE,
        SUPERIOR,
        _appraiser_superior,
        (
            "Atasan Pejabat Penilai Kinerja (pegawai yang dinilai)",
            "Appraiser's superior (appraised employee)",
        ),
    )


def describe_objections(instances: list[WorkflowInstance]) -> dict[int, SubjectRef]:
    """Title and page of each objection instance (one query)."""
    rows = Objection.objects.filter(pk__in={i.subject_id for i in instances}).values_list(
        "pk", "employee__name", "rating__year"
    )
    titles = {
        pk: _("Keberatan %(name)s atas penilaian %(year)s") % {"name": n, "year": y}
        for pk, n, y in rows
    }
    return {
        instance.pk: SubjectRef(
            title=titles.get(instance.subject_id, ""),
            url=reverse("web:objection-detail", args=[instance.subject_id]),
        )
        for instance in instances
    }
