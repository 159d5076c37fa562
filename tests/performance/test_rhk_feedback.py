"""Continuous feedback on an RHK (SPEC §6.4, §10.1 stage 2; P-FEEDBACK): given at any time of
the year by the appraiser of record or a delegate and, on an RHK a team fed, by that team's
lead; acknowledged and answered once by the employee; nothing added once the rating it stands
beside is signed off. On the Surakarta world: kabid appraises jf_ahli_muda."""

from __future__ import annotations

import pytest

from sikerja.audit.models import AuditEvent
from sikerja.core.errors import DomainError, NotFound, RuleViolation, ValidationFailed
from sikerja.organization.models import Employee
from sikerja.performance import rules
from sikerja.performance.models import RhkFeedback
from sikerja.performance.services.feedback import rhk_feedback_acknowledge
from sikerja.performance.services.ratings import rating_sign
from sikerja.regulations.loader import load_pack
from sikerja.regulations.performance import StatedRule
from sikerja.regulations.schema.enums import Strength
from sikerja.regulations.schema.feedback import FeedbackRules
from tests.performance.notes_world import FEEDBACK_CITATION, fed_member, give
from tests.performance.test_ratings import draft
from tests.performance.world import NOW, ON, delegate, rhk

pytestmark = pytest.mark.django_db

GIVEN = "performance.feedback_given"


def acknowledge(by: Employee, feedback: RhkFeedback, reply: str = ""):
    return rhk_feedback_acknowledge(actor=by, feedback_id=feedback.pk, reply=reply, at=NOW)


def test_p_feedback_the_appraiser_of_record_gives_feedback_about_a_quarter(team, persona):
    skp = team["jf"]
    main = skp.rhks.get()

    given = give(persona("kabid"), main, "Percepat pembinaan sekolah", ("QUARTERLY", 4))

    row = RhkFeedback.objects.get()
    assert (row.pk, row.skp_id, row.rhk_id, row.government_id) == (
        given.pk,
        skp.pk,
        main.pk,
        skp.government_id,
    )
    assert (row.period_kind, row.period_index, row.text, row.given_at) == (
        "QUARTERLY",
        4,
        "Percepat pembinaan sekolah",
        NOW,
    )
    assert (row.given_by_id, row.giver_role, row.giver_rule, row.giver_citation) == (
        persona("kabid").pk,
        "APPRAISER",
        "P-FEEDBACK",
        FEEDBACK_CITATION,
    )
    assert (row.acknowledged_at, row.reply) == (None, "")
    event = AuditEvent.objects.get(action=GIVEN)
    assert (event.object_type, event.object_id, event.rule, event.citation) == (
        "performance.skp",
        str(skp.pk),
        "P-FEEDBACK",
        FEEDBACK_CITATION,
    )
    assert event.after == {
        "feedback": row.pk,
        "rhk": main.pk,
        "role": "APPRAISER",
        "period": "QUARTERLY4",
    }


@pytest.mark.parametrize("scope", ["PERF_MGMT", "APPRAISAL"])
def test_p_feedback_a_delegate_of_the_appraiser_gives_it_case(team, persona, operator, scope):
    delegate(operator, persona("kabid"), persona("outsider"), scope)

    given = give(persona("outsider"), team["jf"].rhks.get())

    assert (given.giver_role, given.period_kind, given.period_index) == ("DELEGATE", "", None)


@pytest.mark.parametrize(
    "name",
    ["jf_ahli_muda", "kepala_dinas", "subkoordinator", "outsider", "sekda"],
)
def test_p_feedback_anyone_else_is_refused_with_the_rule_and_nothing_is_kept_case(
    team, persona, name
):
    """The employee themself, their superiors who may see the SKP, a colleague, a stranger."""
    with pytest.raises(RuleViolation) as refused:
        give(persona(name), team["jf"].rhks.get())

    assert (refused.value.code, refused.value.status) == ("feedback_giver_not_permitted", 403)
    assert (refused.value.rule, refused.value.citation) == ("P-FEEDBACK", FEEDBACK_CITATION)
    assert not RhkFeedback.objects.exists()
    assert not AuditEvent.objects.filter(action=GIVEN).exists()


def test_another_governments_official_finds_no_such_rhk(team, other_tenant_user):
    with pytest.raises(NotFound):
        give(Employee.objects.get(user=other_tenant_user), team["jf"].rhks.get())

    assert not RhkFeedback.objects.exists()


def test_feedback_needs_text_and_a_period_the_pack_sets(team, persona):
    main = team["jf"].rhks.get()

    with pytest.raises(ValidationFailed) as empty:
        give(persona("kabid"), main, "   ")
    with pytest.raises(RuleViolation) as monthly:
        give(persona("kabid"), main, "Bulanan", ("MONTHLY", 1))

    assert (empty.value.code, set(empty.value.fields)) == ("feedback_text_required", {"text"})
    # Surakarta appraises quarterly (SPEC §10.1): no monthly period to be about.
    assert (monthly.value.code, monthly.value.rule) == (
        "rating_period_invalid",
        "P-APPRAISAL-PERIODS",
    )
    assert not RhkFeedback.objects.exists()


def test_signed_off_quarter_takes_no_more_feedback_about_it_but_the_year_still_does(team, persona):
    kabid, main = persona("kabid"), team["jf"].rhks.get()
    rating_sign(actor=kabid, rating_id=draft(kabid, team["jf"]).rating.pk, at=NOW, on=ON)

    with pytest.raises(RuleViolation) as refused:
        give(kabid, main, "Terlambat", ("QUARTERLY", 4))
    third = give(kabid, main, "Triwulan tiga", ("QUARTERLY", 3))
    year = give(kabid, main, "Sepanjang tahun")

    assert (refused.value.code, refused.value.rule, refused.value.citation) == (
        "rhk_period_signed_off",
        "P-FEEDBACK",
        FEEDBACK_CITATION,
    )
    assert list(RhkFeedback.objects.order_by("pk")) == [third, year]


def test_a_signed_off_annual_rating_closes_the_whole_year(team, persona):
    kabid, skp = persona("kabid"), team["jf"]
    note = give(kabid, skp.rhks.get(), "Catatan awal", ("QUARTERLY", 2))
    annual = draft(kabid, skp, kind="ANNUAL", index=1).rating
    rating_sign(actor=kabid, rating_id=annual.pk, at=NOW, on=ON)
    before = AuditEvent.objects.count()

    with pytest.raises(RuleViolation) as about_year:
        give(kabid, skp.rhks.get(), "Sepanjang tahun")
    with pytest.raises(RuleViolation) as about_quarter:
        give(kabid, skp.rhks.get(), "Triwulan tiga", ("QUARTERLY", 3))
    with pytest.raises(RuleViolation) as answered:
        acknowledge(persona("jf_ahli_muda"), note, "Baik")

    assert {about_year.value.code, about_quarter.value.code, answered.value.code} == {
        "rhk_period_signed_off"
    }
    assert RhkFeedback.objects.get().acknowledged_at is None
    assert AuditEvent.objects.count() == before


def test_the_employee_acknowledges_once_with_a_reply(team, persona):
    note = give(persona("kabid"), team["jf"].rhks.get())
    jf = persona("jf_ahli_muda")

    done = acknowledge(jf, note, "Siap, akan saya percepat")
    with pytest.raises(DomainError) as again:
        acknowledge(jf, note, "Sekali lagi")

    assert (done.acknowledged_at, done.reply) == (NOW, "Siap, akan saya percepat")
    assert (again.value.code, again.value.status) == ("feedback_already_acknowledged", 409)
    assert RhkFeedback.objects.get().reply == "Siap, akan saya percepat"
    event = AuditEvent.objects.get(action="performance.feedback_acknowledged")
    assert (event.after, event.rule) == ({"feedback": note.pk, "replied": True}, "P-FEEDBACK")


@pytest.mark.parametrize("name", ["kabid", "kepala_dinas", "outsider"])
def test_only_the_employee_acknowledges_case(team, persona, name):
    note = give(persona("kabid"), team["jf"].rhks.get())

    with pytest.raises(RuleViolation) as refused:
        acknowledge(persona(name), note)

    assert (refused.value.code, refused.value.rule, refused.value.status) == (
        "feedback_not_own_rhk",
        "P-FEEDBACK",
        403,
    )
    assert RhkFeedback.objects.get().acknowledged_at is None
    assert not AuditEvent.objects.filter(action="performance.feedback_acknowledged").exists()


def test_p_feedback_the_lead_gives_feedback_on_the_rhk_their_team_fed_only(
    django_capture_on_commit_callbacks,
):
    org, lead, member, _team, skp = fed_member(django_capture_on_commit_callbacks)
    fed = skp.rhks.get()
    own = rhk(skp, kind="TAMBAHAN")

    given = give(lead, fed, "Analisis tepat waktu")
    with pytest.raises(RuleViolation) as refused:
        give(lead, own, "Di luar tim")

    assert (given.giver_role, given.given_by_id, given.skp_id) == ("TEAM_LEAD", lead.pk, skp.pk)
    assert (refused.value.code, refused.value.rule) == (
        "feedback_giver_not_permitted",
        "P-FEEDBACK",
    )
    assert list(rules.rhks_led_by(lead.pk, skp.government_id)) == [fed]
    assert list(rules.rhks_led_by(member.pk, skp.government_id)) == []
    # The member's own appraiser (the Kasubbid) gives feedback on both.
    assert give(org.people["subbidang"], own).giver_role == "APPRAISER"


def test_p_feedback_a_pack_that_names_only_the_appraiser_refuses_the_lead(
    django_capture_on_commit_callbacks, monkeypatch
):
    _org, lead, _member, _team, skp = fed_member(django_capture_on_commit_callbacks)
    stated = StatedRule(
        "P-FEEDBACK", FeedbackRules(by=("appraiser",)), "kotim-2023", "Pasal uji", Strength.MUST
    )
    monkeypatch.setattr(rules, "feedback_rule", lambda pack_id: stated)

    with pytest.raises(RuleViolation) as refused:
        give(lead, skp.rhks.get())

    assert (refused.value.rule, refused.value.citation) == ("P-FEEDBACK", "Pasal uji")
    assert not RhkFeedback.objects.exists()


@pytest.mark.parametrize(
    ("pack_id", "articles"),
    [
        ("kotim-2023", ("Pasal 14 ayat (1) huruf b", "Lampiran II.B.3 huruf c angka 4)")),
        ("blitar-2023", ("Pasal 25 huruf b", "Lampiran B, Tahapan 2.b")),
        ("surakarta-2023", ("Pasal 28 ayat (1) huruf b", "Pasal 23 ayat (5) huruf d")),
        ("cilegon-2023", ("Pasal 13 ayat (1) huruf b", "Lampiran C.5 huruf c angka 4)")),
        ("barut-2024", ("Pasal 32 ayat (1) huruf b", "Pasal 28 ayat (4) huruf d")),
        ("national", ()),
    ],
)
def test_p_feedback_each_pack_cites_its_stage_2_and_the_leads_feedback_case(pack_id, articles):
    """SPEC §6.1 stage 2 and §6.4: the region's own articles, then PermenPANRB 6/2022."""
    stated = rules.feedback_rule(pack_id)

    parts = stated.citation.split("; ")

    assert (stated.rule_id, stated.pack_id, stated.params.by) == (
        "P-FEEDBACK",
        pack_id,
        ("appraiser", "team_lead"),
    )
    assert parts[:-1] == [f"{load_pack(pack_id).short} {article}" for article in articles]
    assert parts[-1].startswith("PermenPANRB 6/2022 tahap pelaksanaan")
