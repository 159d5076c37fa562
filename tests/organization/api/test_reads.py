"""What each reader sees through the list and detail endpoints, and which NIPs are masked."""

from __future__ import annotations

from sikerja.organization import services_people
from sikerja.organization.models import Agency, Employee, Placement
from sikerja.organization.nip import mask_nip


def _definitive(employee, today) -> Placement:
    return (
        Placement.objects.effective_on(today)
        .select_related("position__unit")
        .get(employee=employee, kind="DEFINITIVE")
    )


def _dinas_id(persona, today) -> int:
    return _definitive(persona("kepala_dinas"), today).position.unit.agency_id


def _placed_in(agency_id: int, today) -> set[int]:
    placements = Placement.objects.effective_on(today).filter(position__unit__agency_id=agency_id)
    return set(placements.values_list("employee_id", flat=True))


def _all(client, path, **params) -> list[dict]:
    body = client.get(path, page_size=200, **params).json()
    assert body["count"] <= 200
    return body["items"]


def test_the_agency_list_is_scoped(session_as, persona, world, today, other_tenant_user):
    from django.test import Client

    from tests.clients import ApiClient

    other = Client()
    other.force_login(other_tenant_user)

    everything = session_as("bkpsdm").get("/agencies").json()
    own_agency = session_as("kepala_dinas").get("/agencies").json()
    none = session_as("jf_ahli_muda").get("/agencies").json()
    foreign = ApiClient(other).get("/agencies").json()

    main_ids = set(
        Agency.objects.filter(government_id=world.government_id).values_list("pk", flat=True)
    )
    assert {agency["id"] for agency in everything} == main_ids
    assert [agency["id"] for agency in own_agency] == [_dinas_id(persona, today)]
    assert none == []
    other_ids = set(
        Agency.objects.filter(government_id=world.other_government_id).values_list("pk", flat=True)
    )
    assert {agency["id"] for agency in foreign} == other_ids


def test_the_kepala_dinas_sees_the_whole_agency_and_the_sekda_above(session_as, persona, today):
    dinas = _dinas_id(persona, today)
    client = session_as("kepala_dinas")

    in_agency = _all(client, "/employees", agency=dinas)
    everyone = _all(client, "/employees")

    names = {employee.pk: employee.full_name for employee in Employee.objects.all()}
    assert sorted(item["name"] for item in in_agency) == sorted(
        names[pk] for pk in _placed_in(dinas, today)
    )
    assert sorted(item["name"] for item in everyone) == sorted(
        [names[pk] for pk in _placed_in(dinas, today)] + [persona("sekda").full_name]
    )


def test_a_list_masks_every_nip_but_the_callers_own(session_as, persona, today):
    own = persona("kepala_dinas")

    items = _all(session_as("kepala_dinas"), "/employees", agency=_dinas_id(persona, today))

    by_name = {item["name"]: item["nip"] for item in items}
    assert by_name.pop(own.full_name) == own.nip
    expected = {
        employee.full_name: mask_nip(employee.nip)
        for employee in Employee.objects.filter(pk__in=_placed_in(_dinas_id(persona, today), today))
        if employee.pk != own.pk
    }
    assert by_name == expected


def test_the_operator_sees_full_nips_in_lists(session_as, world):
    items = _all(session_as("bkpsdm"), "/employees")

    employees = Employee.objects.filter(government_id=world.government_id)
    assert sorted(item["nip"] for item in items) == sorted(employees.values_list("nip", flat=True))


def test_the_employee_list_searches_by_name_only(session_as, persona):
    jf = persona("jf_ahli_muda")
    client = session_as("bkpsdm")

    by_name = _all(client, "/employees", q=jf.name.split()[0].lower())
    by_nip = _all(client, "/employees", q=jf.nip)

    assert jf.nip in {item["nip"] for item in by_name}
    assert by_nip == []


def test_the_tree_nests_units_and_marks_a_plt_head(session_as, persona, operator, today, now):
    kabid_placement = _definitive(persona("kabid"), today)
    services_people.placement_end(actor=operator, placement=kabid_placement, valid_to=today, at=now)
    services_people.placement_create(
        actor=operator,
        employee=persona("subkoordinator"),
        position=kabid_placement.position,
        kind="PLT",
        valid_from=today,
        decision_number="800/31/BKPSDM/2026",
        decision_date=today,
        decided_by="Wali Kota Surakarta",
        at=now,
    )

    body = session_as("kepala_dinas").get(f"/agencies/{_dinas_id(persona, today)}/tree").json()

    [root] = body["units"]
    assert [head["name"] for head in root["heads"]] == [persona("kepala_dinas").full_name]
    assert root["heads"][0]["nip"] == persona("kepala_dinas").nip
    [bidang] = [unit for unit in root["children"] if unit["id"] == kabid_placement.position.unit_id]
    assert bidang["heads"] == [
        {
            "nip": mask_nip(persona("subkoordinator").nip),
            "name": persona("subkoordinator").full_name,
            "position_title": kabid_placement.position.title,
            "unit_name": bidang["name"],
            "acting": "PLT",
            "acting_label": "Plt.",
        }
    ]


def test_the_kabid_sees_only_the_bidang_subtree(session_as, persona, today):
    bidang = _definitive(persona("kabid"), today).position.unit

    body = session_as("kabid").get(f"/agencies/{bidang.agency_id}/tree").json()

    assert [unit["id"] for unit in body["units"]] == [bidang.pk]
    assert body["units"][0]["depth"] == 1


def test_kedudukan_lists_the_jf_under_the_kabid_with_rule_and_citation(session_as, persona, today):
    jf, kabid = persona("jf_ahli_muda"), persona("kabid")
    dinas = _dinas_id(persona, today)

    body = session_as("kepala_dinas").get(f"/agencies/{dinas}/kedudukan").json()

    [entry] = [m for m in body["members"] if m["person"]["name"] == jf.full_name]
    assert (entry["position_kind"], entry["grade"]) == ("FUNGSIONAL", "AHLI_MUDA")
    assert entry["appraiser"]["person"]["name"] == kabid.full_name
    assert (entry["appraiser"]["rule"], entry["appraiser"]["citation"]) == (
        "T-KEDUDUKAN",
        "Perwali Surakarta 32/2023 Lampiran III.f (Tabel 7.5)",
    )
    staff = Placement.objects.effective_on(today).filter(
        position__unit__agency_id=dinas, position__is_head=False
    )
    assert len(body["members"]) == staff.count()


def test_kedudukan_for_the_kabid_covers_only_the_bidang(session_as, persona, today):
    bidang = _definitive(persona("kabid"), today).position.unit

    body = session_as("kabid").get(f"/agencies/{bidang.agency_id}/kedudukan").json()

    staff = Placement.objects.effective_on(today).filter(
        position__unit__path__startswith=bidang.path, position__is_head=False
    )
    assert sorted(m["person"]["name"] for m in body["members"]) == sorted(
        p.employee.full_name for p in staff.select_related("employee")
    )


def test_a_unit_shows_its_head_and_the_heads_above(session_as, persona, today):
    bidang = _definitive(persona("kabid"), today).position.unit

    body = session_as("kabid").get(f"/units/{bidang.pk}").json()

    assert (body["id"], body["parent_id"], body["agency"]["id"]) == (
        bidang.pk,
        bidang.parent_id,
        bidang.agency_id,
    )
    assert [(a["role"], a["person"]["name"]) for a in body["chain"]] == [
        ("unit_head", persona("kabid").full_name),
        ("unit_head", persona("kepala_dinas").full_name),
    ]
    assert body["chain"][1]["person"]["nip"] == mask_nip(persona("kepala_dinas").nip)


def test_the_placement_history_is_newest_first(session_as, persona):
    jf = persona("jf_ahli_muda")

    body = session_as("jf_ahli_muda").get(f"/employees/{jf.nip}/placements").json()

    expected = Placement.objects.filter(employee=jf).order_by("-valid_from", "kind")
    assert [p["id"] for p in body] == [p.pk for p in expected]
    assert body[0]["decision_number"] == expected[0].decision_number


def test_the_detail_shows_the_full_nip_and_todays_placement(session_as, persona, today):
    jf = persona("jf_ahli_muda")
    placement = _definitive(jf, today)

    body = session_as("kabid").get(f"/employees/{jf.nip}").json()

    assert (body["nip"], body["employment_type"]) == (jf.nip, jf.employment_type)
    assert [(p["id"], p["unit"]["id"]) for p in body["placements"]] == [
        (placement.pk, placement.position.unit_id)
    ]


def test_delegations_are_seen_by_the_people_in_them_and_their_chain(
    session_as, persona, operator, today, now
):
    delegation = services_people.delegation_create(
        actor=operator,
        from_employee=persona("kepala_dinas"),
        to_employee=persona("kabid"),
        scope="REPORT_RECEIPT",
        valid_from=today,
        legal_basis="Surat Kepala Dinas Nomor 800/7/2026",
        at=now,
    )

    seen_by_jf = session_as("jf_ahli_muda").get("/delegations").json()["items"]
    seen_by_outsider = session_as("outsider").get("/delegations").json()["items"]

    assert [d["id"] for d in seen_by_jf] == [delegation.pk]
    assert seen_by_jf[0]["to_employee"]["nip"] == mask_nip(persona("kabid").nip)
    assert delegation.pk not in [d["id"] for d in seen_by_outsider]
