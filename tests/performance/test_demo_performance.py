"""The demo's year in progress (issue 12 item 11), built through the services in every pack:
the Dinas's PK, SKPs approved by the appraiser the resolver names, one Bidang's first period
rated and signed within its curve, another's ratings drafted that break its curve (P-DISTRIBUTION,
SPEC §10.3), every appraiser with a rating waiting able to log in, and one objection to a
signed predikat waiting for the atasan of the appraiser (P-OBJECTION)."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from sikerja.organization.demo import generate, persona_employee
from sikerja.organization.models import Employee, Government, OrgUnit
from sikerja.organization.resolver import Resolver
from sikerja.performance.curve import unit_curve
from sikerja.performance.demo import demo_performance
from sikerja.performance.models import (
    Objection,
    PerformanceAgreement,
    Rating,
    Rhk,
    RhkEvidence,
    RhkFeedback,
    Skp,
)
from sikerja.performance.periods import period_bounds
from sikerja.regulations.loader import load_pack
from sikerja.regulations.performance import stated_rule
from sikerja.regulations.schema.performance import AppraisalPeriods
from sikerja.workflows.models import WorkflowStep
from tests.conftest import NOW, TODAY
from tests.regulations.conftest import REGIONAL


@pytest.mark.django_db
@pytest.mark.parametrize("pack_id", REGIONAL)
def test_the_demo_year_in_every_pack(pack_id):
    # Kode-prefixed logins: the demo's plain logins may already exist in the test database.
    government = generate(
        pack_id=pack_id,
        employees=120,
        seed=3,
        at=NOW,
        on=TODAY,
        kode=f"K{pack_id[:4].upper()}",
        username_prefix=True,
    ).government
    pack, resolver = load_pack(pack_id), Resolver(load_pack(pack_id))

    signed, drafted = demo_performance(government=government, at=NOW, on=TODAY)

    skps = Skp.objects.filter(government=government)
    assert set(skps.values_list("status", flat=True)) == {Skp.Status.APPROVED}
    for skp in skps:
        assert skp.appraiser_id == resolver.appraiser(skp.employee_id, TODAY).person.employee_id
    head_of_dinas = persona_employee(government, "kepala_dinas")
    chain = {
        persona_employee(government, name).pk for name in ("kepala_dinas", "kabid", "jf_ahli_muda")
    }
    assert set(skps.filter(employee_id__in=chain).values_list("employee_id", flat=True)) == chain
    for rhk in Rhk.objects.filter(skp__government=government).select_related(
        "parent__skp", "pk_indicator__agreement", "skp"
    ):
        source = rhk.parent.skp.employee_id if rhk.parent else rhk.pk_indicator.agreement.head_id
        assert source == (rhk.skp.appraiser_id if rhk.parent else rhk.skp.employee_id)
    assert PerformanceAgreement.objects.filter(head=head_of_dinas, year=TODAY.year).exists()
    kind = stated_rule(pack, "P-APPRAISAL-PERIODS", AppraisalPeriods).params.periodic_default
    assert signed.period == drafted.period
    assert signed.period[0] == kind
    for earlier in range(1, signed.period[1]):  # the first period with two SKPs in each unit
        start, end = period_bounds(TODAY.year, kind, earlier)
        assert (
            min(
                skps.filter(
                    unit__path__startswith=_path(o.unit_id), starts_on__lte=end, ends_on__gte=start
                ).count()
                for o in (signed, drafted)
            )
            < 2
        )
    assert (signed.ratings, drafted.ratings) == ("SIGNED", "DRAFT")
    for outcome, status in ((signed, "SIGNED"), (drafted, "DRAFT")):
        ratings = Rating.objects.filter(
            unit__path__startswith=_path(outcome.unit_id), period_kind=kind
        )
        start, end = period_bounds(TODAY.year, *outcome.period)
        held_there = skps.filter(
            unit__path__startswith=_path(outcome.unit_id), starts_on__lte=end, ends_on__gte=start
        )
        assert ratings.count() == held_there.count() == outcome.skps
        assert set(ratings.values_list("status", flat=True)) == {status}
        assert set(ratings.values_list("period_index", flat=True)) == {signed.period[1]}
    held = unit_curve(pack, signed.unit_id, TODAY.year, *signed.period)
    broken = unit_curve(pack, drafted.unit_id, TODAY.year, *drafted.period)
    assert (held.total, held.breaches) == (signed.skps, ())
    assert broken.total == drafted.skps
    assert broken.breaches
    waiting = Rating.objects.filter(government=government, status="DRAFT")
    raters = set(waiting.values_list("drafted_by_id", flat=True))
    assert Employee.objects.filter(pk__in=raters, user__isnull=True).count() == 0
    _pending_objection(government, resolver, signed)
    _notes(signed, drafted)


def _notes(signed, drafted) -> None:
    """Feedback and evidence on one RHK in each Bidang (P-FEEDBACK, P-EVIDENCE): about the year
    (answered by the employee) in both, about the rated period only where it is still drafted;
    the signed Bidang's evidence is for the year."""
    kind, index = signed.period
    for outcome, about_period in ((signed, []), (drafted, [(kind, index)])):
        feedback = RhkFeedback.objects.filter(skp__unit__path__startswith=_path(outcome.unit_id))
        evidence = RhkEvidence.objects.filter(skp__unit__path__startswith=_path(outcome.unit_id))
        assert len({row.rhk_id for row in feedback}) == 1
        assert sorted(feedback.values_list("period_kind", "period_index")) == sorted(
            [("", None), *about_period]
        )
        # By the appraiser of record (Blitar's by delegation of its grade, Pasal 17).
        assert {row.given_by_id for row in feedback} == {feedback[0].skp.appraiser_id}
        assert feedback.get(period_kind="").reply == "Siap, dokumentasi saya lengkapi."
        kept = evidence.get()
        assert (kept.period_kind, kept.period_index) == (
            (kind, index) if about_period else ("", None)
        )
        assert kept.uploaded_by_id == kept.skp.employee_id


def _pending_objection(government, resolver, signed) -> None:
    """One objection, open, to a signed rating of the signed Bidang, in the inbox of the
    appraiser of its employee's appraiser (who can log in)."""
    objection = Objection.objects.get(government=government)
    step = WorkflowStep.objects.get(instance__subject_id=objection.pk, status="OPEN")
    appraiser = resolver.appraiser(objection.employee_id, TODAY).person
    superior = resolver.appraiser(appraiser.employee_id, TODAY).person
    assert (objection.status, objection.rating.status) == ("OPEN", "SIGNED")
    assert objection.rating.skp.unit.path.startswith(_path(signed.unit_id))
    assert (step.instance.subject_type, step.actor_id) == (
        "performance.objection",
        superior.employee_id,
    )
    assert Employee.objects.get(pk=step.actor_id).user_id is not None


def _path(unit_id: int) -> str:
    return OrgUnit.objects.get(pk=unit_id).path


@pytest.mark.django_db
def test_the_command_leaves_a_government_with_skps_alone(world):
    government = Government.objects.get(pk=world.government_id)
    first, second = StringIO(), StringIO()
    call_command("demo_performance", government=government.kode, if_empty=True, stdout=first)
    before = Skp.objects.filter(government=government).count()

    call_command("demo_performance", government=government.kode, if_empty=True, stdout=second)

    assert ": SIGNED" in first.getvalue()
    assert ": DRAFT" in first.getvalue()
    assert first.getvalue().count(": menunggu keputusan") == 1
    assert second.getvalue() == "kinerja contoh sudah ada\n"
    assert Skp.objects.filter(government=government).count() == before > 0


@pytest.mark.django_db
def test_the_kepala_dinas_sees_the_curve_warning_on_a_drafted_demo_rating(
    world, persona, client_of
):
    government = Government.objects.get(pk=world.government_id)
    _signed, drafted = demo_performance(government=government, at=NOW, on=TODAY)
    rating = Rating.objects.get(drafted_by=persona("kepala_dinas"), status="DRAFT")
    kind, index = drafted.period
    url = reverse("web:rating-form", args=[rating.skp_id])

    page = client_of("kepala_dinas").get(url, {"period_kind": kind, "period_index": index})

    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('data-testid="curve-warning"') == 1
    assert drafted.label in html
