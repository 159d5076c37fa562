"""The swimlane map (peta lintas fungsi) as SVG: lanes, boxes, arrows, documents, markers."""

from __future__ import annotations

import re

import pytest

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.workflows import PenugasanDefinition
from sikerja.workflows.maps import actor_lane_label, swimlane_svg
from tests.workflows.maps.definitions import (
    cite_kotim,
    cite_surakarta,
    kotim_cross_pd,
    kotim_cross_unit,
    surakarta_voluntary,
    tricky,
)
from tests.workflows.maps.xmltools import (
    SVG,
    attr,
    child,
    groups,
    ident_after,
    parse,
    path_points,
    rect_of,
    shown_text,
    texts_of,
)

MARKER = "ditetapkan oleh produk (bukan teks peraturan)"
DECISION_WORDS = {
    "submit": "kirim",
    "approve": "setuju",
    "reject": "tolak",
    "return": "kembalikan",
    "acknowledge": "terima",
    "forward": "teruskan",
    "record": "catat",
}
PD_LANES = [
    "Pimpinan Unit Organisasi pemilik kinerja",
    "Pejabat yang Berwenang (PD pemilik kinerja)",
    "Pejabat yang Berwenang (PD pegawai)",
    "Pejabat Penilai Kinerja (unit pegawai)",
    "Pimpinan Unit Organisasi (unit pegawai)",
    "Pegawai yang ditugaskan",
    "Sekretaris Daerah",
]


@pytest.fixture(scope="module")
def pd_svg():
    return swimlane_svg(kotim_cross_pd(), cite=cite_kotim)


@pytest.fixture(scope="module")
def pd_root(pd_svg):
    return parse(pd_svg)


def _step_group(root, step_id):
    (group,) = [
        g
        for g in groups(root, "step")
        if g.get("id", "").endswith(f"-step-{step_id.replace('_', '-')}")
    ]
    return group


def test_the_map_is_a_self_contained_svg_1_1_document(pd_svg, pd_root):
    width, height = int(pd_root.get("width")), int(pd_root.get("height"))

    assert pd_root.tag == f"{SVG}svg"
    assert pd_root.get("version") == "1.1"
    assert pd_root.get("viewBox") == f"0 0 {width} {height}"
    assert pd_svg.startswith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'
    )
    assert re.search(r"<style|<script|\sstyle=|href|@import|url\((?!#)", pd_svg) is None


def test_ids_are_unique_and_every_arrow_marker_reference_resolves(pd_svg, pd_root):
    ids = [element.get("id") for element in pd_root.iter() if element.get("id")]
    references = set(re.findall(r"url\(#([^)]+)\)", pd_svg))

    assert len(ids) == len(set(ids))
    assert references == {
        "map-wf-pen-pd-id-arrow-normal",
        "map-wf-pen-pd-id-arrow-reject",
        "map-wf-pen-pd-id-arrow-return",
    }
    assert references <= set(ids)


def test_one_lane_per_actor_in_order_of_first_appearance(pd_root):
    lanes = groups(pd_root, "lane")

    assert [shown_text(lane, "lane-title") for lane in lanes] == PD_LANES
    assert [lane.findtext(f"{SVG}title") for lane in lanes] == PD_LANES


def test_one_box_per_step_with_its_label_inside_its_actors_lane(pd_root):
    definition = kotim_cross_pd()
    lanes = {shown_text(lane, "lane-title"): rect_of(lane) for lane in groups(pd_root, "lane")}

    assert len(groups(pd_root, "step")) == len(definition.steps)
    for step in definition.steps:
        group = _step_group(pd_root, step.id)
        _, box_y, _, box_h = rect_of(group)
        _, lane_y, _, lane_h = lanes[actor_lane_label(step.actor)]

        assert shown_text(group, "label") == step.label
        assert lane_y < box_y
        assert box_y + box_h < lane_y + lane_h


def test_each_step_shows_its_citation_under_the_box(pd_root):
    citations = {
        step.id: texts_of(_step_group(pd_root, step.id), "citation")
        for step in kotim_cross_pd().steps
    }

    assert citations["request"] == ["Perbup Kotim 51/2023 Lampiran II.B.2.a.3)a)"]
    assert citations["reply_approval"] == [
        "Perbup Kotim 51/2023 Lampiran II.B.2.a.3)e) butir pertama"
    ]
    assert citations["decree"] == ["Perbup Kotim 51/2023 Lampiran II.B.2 butir pertama"]


def test_each_transition_is_an_arrow_labelled_with_its_decision(pd_root):
    definition = kotim_cross_pd()
    transitions = {
        ident_after(group, "-transition-"): group for group in groups(pd_root, "transition")
    }

    expected = {"start": ""} | {
        f"{step.id}_{decision.value}": DECISION_WORDS[decision.value]
        for step in definition.steps
        for decision in step.decisions
    }
    assert {key: shown_text(group, "decision") for key, group in transitions.items()} == expected
    assert all(attr(child(group, f"{SVG}path"), "marker-end") for group in transitions.values())


def test_rejections_and_returns_are_drawn_in_their_own_style(pd_root):
    transitions = {
        ident_after(group, "-transition-"): child(group, f"{SVG}path")
        for group in groups(pd_root, "transition")
    }

    assert (
        transitions["owner_review_reject"].get("marker-end")
        == "url(#map-wf-pen-pd-id-arrow-reject)"
    )
    assert transitions["reply_approval_return"].get("stroke-dasharray") == "5 3"
    assert transitions["owner_review_forward"].get("stroke-dasharray") is None


def test_terminals_are_circles_named_selesai_and_ditolak(pd_root):
    ends = groups(pd_root, "end")

    assert sorted(shown_text(end) for end in ends) == ["Ditolak"] * 4 + ["Selesai"]
    assert all(end.find(f"{SVG}circle") is not None for end in ends)
    assert [shown_text(start) for start in groups(pd_root, "start")] == ["Mulai"]


def test_a_withdrawal_ends_in_a_ditarik_circle():
    root = parse(swimlane_svg(tricky(), cite=cite_kotim))

    assert sorted(shown_text(end) for end in groups(root, "end")) == ["Ditarik", "Selesai"]


def test_documents_show_title_addressee_lanes_and_copies(pd_root):
    documents = {ident_after(group, "-doc-"): group for group in groups(pd_root, "document")}

    letter = documents["letter-record-1"]

    assert sorted(documents) == [
        "availability-submit-1",
        "availability-submit-2",
        "decree-record-1",
        "letter-record-1",
        "owner-review-forward-1",
        "reply-approval-approve-1",
        "request-submit-1",
        "target-review-approve-1",
    ]
    assert shown_text(letter, "document-title") == "Surat Penugasan"
    assert shown_text(letter, "addressees") == "→ Pegawai yang ditugaskan"
    assert shown_text(letter, "copies") == (
        "Tembusan: Pejabat yang Berwenang (PD pegawai); Pejabat Penilai Kinerja (unit pegawai); "
        "Pejabat yang Berwenang (PD pemilik kinerja)"
    )
    assert letter.findtext(f"{SVG}title") == "Surat Penugasan — keputusan catat"


def test_a_document_is_tied_to_the_arrow_of_the_decision_that_issues_it(pd_root):
    transitions = {
        ident_after(group, "-transition-"): child(group, f"{SVG}path")
        for group in groups(pd_root, "transition")
    }
    (document,) = [
        g
        for g in groups(pd_root, "document")
        if attr(g, "id").endswith("-doc-owner-review-forward-1")
    ]

    tie_end = child(document, f"{SVG}circle")
    (port_x, port_y), (turn_x, _) = path_points(attr(transitions["owner_review_forward"], "d"))[:2]

    assert int(attr(tie_end, "cy")) == port_y
    assert port_x < int(attr(tie_end, "cx")) < turn_x


def test_a_signer_other_than_the_actor_is_shown_with_on_behalf_of():
    root = parse(swimlane_svg(tricky(), cite=cite_kotim))

    (document,) = groups(root, "document")

    assert shown_text(document, "signer") == "Ditandatangani: Pemohon a.n. Bupati"
    assert shown_text(document, "addressees") == "→ Kepala Daerah"


def test_product_decision_steps_carry_the_marker_and_a_dashed_box(pd_root):
    marked = {
        step.id: texts_of(_step_group(pd_root, step.id), "product-marker")
        for step in kotim_cross_pd().steps
    }
    dashed = {
        step.id: child(_step_group(pd_root, step.id), f"{SVG}rect").get("stroke-dasharray")
        for step in kotim_cross_pd().steps
    }

    assert {key for key, value in marked.items() if value} == {"reply_approval"}
    assert marked["reply_approval"] == [MARKER]
    assert {key for key, value in dashed.items() if value} == {"reply_approval"}
    assert texts_of(pd_root, "product-legend") == [f"Kotak bergaris putus-putus: langkah {MARKER}"]


def test_a_flow_the_pack_does_not_specify_is_marked_in_the_title_block():
    root = parse(swimlane_svg(tricky(), cite=cite_kotim))

    assert texts_of(root, "flow-not-specified") == [
        f"Alur ini tidak diatur oleh paket peraturan: {MARKER}"
    ]
    assert texts_of(root, "product-legend") == []


def test_the_title_block_names_the_flow_its_kind_and_its_basis(pd_root):
    assert texts_of(pd_root, "title") == ["Penunjukan lintas Perangkat Daerah"]
    assert texts_of(pd_root, "kind") == [
        "Peta lintas fungsi · Penunjukan lintas Perangkat Daerah · perorangan, tim"
    ]
    assert texts_of(pd_root, "basis") == [
        "Dasar: Perbup Kotim 51/2023 Lampiran II.B.2.a.3); Perbup Kotim 51/2023 Lampiran II.B.2 butir pertama"
    ]
    assert pd_root.findtext(f"{SVG}title") == "Penunjukan lintas Perangkat Daerah"


def test_recommendation_and_deadline_are_noted_under_the_step():
    root = parse(swimlane_svg(kotim_cross_unit(), cite=cite_kotim))

    review = _step_group(root, "review")

    assert texts_of(review, "recommendation") == [
        "Dengan rekomendasi: Pimpinan Unit Organisasi (unit pegawai)"
    ]
    assert texts_of(review, "deadline") == ["Batas waktu: 5 hari"]


def test_the_same_definition_always_gives_the_same_bytes():
    first = swimlane_svg(surakarta_voluntary(), cite=cite_surakarta)

    second = swimlane_svg(surakarta_voluntary(), cite=cite_surakarta)

    assert first == second


def test_special_characters_are_escaped_and_read_back_unchanged():
    document = swimlane_svg(tricky(), cite=cite_kotim)
    root = parse(document)

    assert "Uji &amp; &lt;karakter&gt; khusus" in document
    assert "<karakter>" not in document
    assert "<draf>" not in document
    assert texts_of(root, "title") == ["Uji & <karakter> khusus"]
    assert shown_text(_step_group(root, "draft"), "label") == "Susun <draf> & kirim"
    assert texts_of(_step_group(root, "draft"), "citation") == [
        'Perbup Kotim 51/2023 Pasal 1 "angka" 2 & 3'
    ]
    assert texts_of(root, "basis") == ["Dasar: PP <49>/2018 Pasal 9 & 10"]


def test_long_labels_wrap_onto_several_lines_inside_the_box(pd_root):
    (label,) = groups(_step_group(pd_root, "letter"), "label")

    lines = [text.text for text in label.iter(f"{SVG}text")]

    assert lines == ["Tugaskan pegawai dan", "terbitkan surat penugasan"]


def test_english_maps_use_english_labels():
    root = parse(swimlane_svg(kotim_cross_unit(), cite=cite_kotim, lang="en"))

    assert shown_text(groups(root, "lane")[0], "lane-title") == "Head of the performance-owner unit"
    assert sorted(shown_text(group, "decision") for group in groups(root, "transition")) == [
        "",
        "acknowledge",
        "approve",
        "record",
        "reject",
        "submit",
    ]
    assert texts_of(root, "product-legend") == [
        "Dashed boxes: steps set by the product (not regulation text)"
    ]


def test_a_forbidden_flow_is_drawn_as_a_title_block_with_the_refusal():
    definition = PenugasanDefinition(
        kind="penugasan",
        id="WF-SUK-PD",
        label="Pengajuan sukarela lintas Perangkat Daerah",
        label_en="Voluntary",
        mode="VOLUNTARY",
        scope="CROSS_PD",
        subjects=("INDIVIDUAL",),
        allowed=False,
        refusal_rule="V-21",
        citations=(Citation(article="Lampiran II.B.2.b"),),
    )

    root = parse(swimlane_svg(definition, cite=cite_kotim))

    assert groups(root, "lane") == []
    assert texts_of(root, "refusal") == ["Alur ini tidak diizinkan oleh paket peraturan."]


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unsupported map language"):
        swimlane_svg(tricky(), cite=cite_kotim, lang="fr")
