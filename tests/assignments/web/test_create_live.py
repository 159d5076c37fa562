"""The request form while it is filled in (htmx posts `action=candidates`): the flow the request
will run is named as soon as the unit is chosen, with only that flow's fields marked; the staff
of the unit are picked with a search by name or NIP, by checkbox (touch), never from a list of
every employee."""

from __future__ import annotations

import pytest

from sikerja.assignments.alternatives import Request, with_alternative
from sikerja.assignments.models import Assignment
from sikerja.core.errors import Official, RuleViolation
from sikerja.organization.models import OrgUnit
from sikerja.organization.resolver import Resolver
from sikerja.regulations.loader import load_pack
from sikerja.regulations.schema.workflows import Mode, Scope
from tests.assignments.web.test_world import request_form, unit_of
from tests.web.helpers import text

CREATE = "/penugasan/baru/"

pytestmark = pytest.mark.django_db


def _choices(response) -> list[tuple[int, str]]:
    return list(response.context["page"].form.fields["candidate_ids"].widget.choices)


def _live(client, **data):
    values = {"action": "candidates", "mode": "APPOINTMENT", "subject": "INDIVIDUAL", **data}
    return client.post(CREATE, values)


def test_choosing_a_unit_names_the_flow_and_marks_only_its_fields(client_of, persona, today):
    response = _live(client_of("kepala_dinas"), unit=str(unit_of(persona("outsider"), today)))

    page = response.context["page"]
    required = {name for name, item in page.fields.items() if item.required_by}
    assert (page.flow.label, page.flow.refusal) == ("Penunjukan lintas unit organisasi", None)
    assert required == {"purpose", "competencies", "expected_target", "starts_on", "ends_on"}
    assert {item.required_by for item in page.fields.values() if item.required_by} == {
        "Penunjukan lintas unit organisasi"
    }
    assert "Alur yang berlaku: Penunjukan lintas unit organisasi (Perwali Surakarta 32/2023)." in (
        text(response.content.decode())
    )
    assert Assignment.objects.count() == 0


def test_a_flow_the_pack_does_not_run_is_refused_while_filling_in_with_its_citation(
    client_of, persona, today
):
    # Surakarta's voluntary application across units is for one person, not a team.
    response = _live(
        client_of("jf_ahli_muda"),
        mode="VOLUNTARY",
        subject="TEAM",
        unit=str(unit_of(persona("outsider"), today)),
    )

    refusal = response.context["page"].flow.refusal
    assert (refusal.code, refusal.message, refusal.citation) == (
        "subject_not_allowed",
        "Pengajuan sukarela lintas unit organisasi tidak berlaku untuk penugasan tim.",
        "Perwali Surakarta 32/2023 Lampiran IV 3.2.2; Perwali Surakarta 32/2023 Pasal 18 ayat (3)",
    )
    assert response.context["page"].flow.instead == "Ajukan untuk penugasan perorangan."
    html = response.content.decode()
    assert 'data-testid="refusal-citation"' in html
    assert (
        '<p data-testid="refusal-next">Yang perlu dilakukan: Ajukan untuk penugasan perorangan.</p>'
    ) in html


def test_the_picker_searches_the_units_staff_by_name_and_keeps_the_chosen(
    client_of, persona, today
):
    jf = persona("jf_ahli_muda")
    unit = unit_of(persona("kepala_dinas"), today)  # the Dinas: its whole subtree's staff
    client = client_of("kepala_dinas")
    everyone = _live(client, unit=str(unit))
    other = next(pk for pk, _label in _choices(everyone) if pk != jf.pk)

    searched = _live(client, unit=str(unit), candidate_query=jf.name.upper())
    kept = _live(client, unit=str(unit), candidate_query=jf.name, candidate_ids=[str(other)])

    def listed(response) -> set[int]:
        return {pk for pk, _label in _choices(response)}

    assert listed(searched) == {jf.pk}
    assert len(listed(everyone)) > 2
    assert listed(kept) == {jf.pk, other}
    assert 'type="checkbox" name="candidate_ids"' in everyone.content.decode()
    assert '<select name="candidate_ids"' not in everyone.content.decode()


def test_the_picker_finds_by_nip_where_the_viewer_sees_nips_in_full(client_of, persona, today):
    jf = persona("jf_ahli_muda")
    unit = unit_of(persona("kepala_dinas"), today)

    found = _live(client_of("bkpsdm"), unit=str(unit), candidate_query=jf.nip)

    assert [pk for pk, _label in _choices(found)] == [jf.pk]


def test_every_error_of_the_request_shows_at_once_next_to_its_field(client_of, persona, today):
    data = {
        **request_form(persona, today),
        "title": "Kajian",
        "purpose": "",
        "starts_on": "2026-11-01",
        "channel": "ORAL",
    }

    response = client_of("kepala_dinas").post(CREATE, data)

    form = response.context["page"].form
    assert response.status_code == 400
    assert {name: form.errors[name] for name in sorted(form.errors)} == {
        "channel": ["Pilih tertulis."],
        "purpose": ["Wajib diisi."],
        "starts_on": ["Pilih hari ini atau sesudahnya."],
    }
    assert Assignment.objects.count() == 0


def test_a_forbidden_voluntary_application_points_to_an_appointment_by_the_units_head(
    persona, today
):
    pack = load_pack("kotim-2023")
    unit = OrgUnit.objects.get(pk=unit_of(persona("outsider"), today))
    refusal = RuleViolation(code="flow_forbidden", message="x", rule="V-14")
    request = Request(Mode.VOLUNTARY, "INDIVIDUAL", Scope.CROSS_PD, unit, False)

    helped = with_alternative(refusal, pack, request, today)

    head = Resolver(load_pack(unit.government.pack_id)).head_of_unit(unit.pk, today).person
    flow = pack.data.workflows["WF-PEN-PD"].label
    assert pack.data.workflows["WF-SUK-PD"].allowed is False
    assert (helped.code, helped.rule) == ("flow_forbidden", "V-14")
    assert helped.instead == (Official(name=head.name, position=head.position_title),)
    assert helped.next_step == (
        f"Sampaikan minat Anda kepada {head.name}: Pimpinan {unit.name} dapat menunjuk Anda "
        f"melalui {flow}."
    )
