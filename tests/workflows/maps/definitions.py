"""Realistic workflow definitions for map tests, built from SPEC §4 with the pack schema.

The packs' own definitions arrive later; these follow SPEC §4.2.1 (Kotim cross-unit),
§4.3.1 (Kotim cross-PD) and §4.6.2 (Surakarta voluntary cross-unit), plus one flow full of
characters that need escaping.
"""

from __future__ import annotations

from sikerja.regulations.citation import Citation
from sikerja.regulations.schema.workflows import DocType, PenugasanDefinition
from tests.workflows.maps.builders import (
    ACKNOWLEDGE,
    APPROVE,
    FORWARD,
    REJECT,
    RETURN,
    SUBMIT,
    at,
    cite_kotim,
    cite_surakarta,
    doc,
    step,
)
from tests.workflows.maps.kotim_flows import kotim_cross_pd, kotim_cross_unit

__all__ = [
    "cite_kotim",
    "cite_surakarta",
    "kotim_cross_pd",
    "kotim_cross_unit",
    "surakarta_voluntary",
    "tricky",
]


def surakarta_voluntary() -> PenugasanDefinition:
    """SPEC §4.6.2 (Lampiran IV 3.2.2): prior approval, application, two reviews."""
    base = "Lampiran IV 3.2.2"
    steps = (
        step(
            "pre_approval",
            "Beri persetujuan awal atau rekomendasi",
            "home.unit_head",
            f"{base} huruf a",
            decisions=(APPROVE, REJECT),
            next={APPROVE: "application", REJECT: "@rejected"},
        ),
        step(
            "application",
            "Kirim surat pengajuan",
            "applicant",
            "Lampiran IV 3.2",
            decisions=(SUBMIT,),
            next={SUBMIT: "target_review"},
            documents={
                SUBMIT: (
                    doc(
                        DocType.VOLUNTARY_APPLICATION,
                        "Surat Pengajuan",
                        "applicant",
                        ("owner.unit_head",),
                        f"{base} huruf a",
                        cc=("home.appraiser",),
                    ),
                )
            },
        ),
        step(
            "target_review",
            "Tinjau pengajuan",
            "owner.unit_head",
            f"{base} huruf b",
            decisions=(APPROVE, REJECT),
            next={APPROVE: "forward", REJECT: "@rejected"},
            documents={
                REJECT: (
                    doc(
                        DocType.INVOLVEMENT_REPLY,
                        "Surat Balasan (penolakan beralasan)",
                        "owner.unit_head",
                        ("applicant",),
                        f"{base} huruf e",
                    ),
                )
            },
        ),
        step(
            "forward",
            "Teruskan pengajuan yang disetujui",
            "applicant",
            f"{base} huruf b",
            decisions=(FORWARD,),
            next={FORWARD: "own_review"},
            documents={
                FORWARD: (
                    doc(
                        DocType.VOLUNTARY_APPROVAL_FORWARD,
                        "Surat Permohonan Persetujuan",
                        "applicant",
                        ("home.unit_head",),
                        f"{base} huruf b",
                        cc=("home.appraiser",),
                    ),
                )
            },
        ),
        step(
            "own_review",
            "Setujui dan tandatangani surat penugasan",
            "home.unit_head",
            f"{base} huruf c",
            product_decision=True,
            decisions=(APPROVE, REJECT),
            next={APPROVE: "accept", REJECT: "@rejected"},
            documents={
                APPROVE: (
                    doc(
                        DocType.ASSIGNMENT_LETTER,
                        "Surat Penugasan",
                        "home.unit_head",
                        ("owner.unit_head",),
                        f"{base} huruf c",
                    ),
                )
            },
        ),
        step(
            "accept",
            "Terima surat penugasan",
            "applicant",
            f"{base} huruf d",
            decisions=(ACKNOWLEDGE,),
            next={ACKNOWLEDGE: "@approved"},
        ),
    )
    return PenugasanDefinition(
        kind="penugasan",
        id="WF-SUK-UO",
        label="Pengajuan sukarela lintas unit organisasi",
        label_en="Voluntary application across units",
        mode="VOLUNTARY",
        scope="CROSS_UNIT",
        subjects=("INDIVIDUAL",),
        variant="4.6.2",
        citations=(at(base), at("Pasal 18 ayat (3)")),
        start="pre_approval",
        steps=steps,
    )


def tricky() -> PenugasanDefinition:
    """Special characters everywhere, a withdrawal, and a flow the pack does not specify."""
    steps = (
        step(
            "draft",
            "Susun <draf> & kirim",
            "requester",
            'Pasal 1 "angka" 2 & 3',
            decisions=(SUBMIT, REJECT),
            next={SUBMIT: "check", REJECT: "@withdrawn"},
            documents={
                SUBMIT: (
                    doc(
                        DocType.ASSIGNMENT_PROOF,
                        "Bukti <tertulis> & elektronik",
                        "requester",
                        ("government.regional_head",),
                        "Pasal 2",
                        on_behalf_of="a.n. Bupati",
                    ),
                )
            },
        ),
        step(
            "check",
            "Periksa",
            "government.regional_head",
            "Pasal 3 ayat (1) huruf <a>",
            decisions=(APPROVE, RETURN),
            next={APPROVE: "@approved", RETURN: "draft"},
        ),
    )
    return PenugasanDefinition(
        kind="penugasan",
        id="WF-TEST-AMP",
        label="Uji & <karakter> khusus",
        label_en="Test & <special> characters",
        mode="APPOINTMENT",
        scope="CROSS_INSTANSI",
        subjects=("TEAM",),
        not_specified_by_pack=True,
        citations=(Citation(article="Pasal 9 & 10", instrument="PP <49>/2018"),),
        start="draft",
        steps=steps,
    )
