"""Kotim flows from SPEC §4.2.1 (cross-unit) and §4.3.1 (cross-PD, Gambar 11)."""

from __future__ import annotations

from sikerja.regulations.schema.workflows import DocType, PenugasanDefinition, StepSpec
from tests.workflows.maps.builders import (
    ACKNOWLEDGE,
    APPROVE,
    FORWARD,
    RECORD,
    REJECT,
    RETURN,
    SUBMIT,
    at,
    doc,
    step,
)


def kotim_cross_unit() -> PenugasanDefinition:
    """SPEC §4.2.1: the request goes to the target appraiser; a decree formalises it."""
    base = "Lampiran II.B.2.a.2)"
    steps = (
        step(
            "request",
            "Kirim surat permohonan pelibatan",
            "owner.unit_head",
            f"{base}a)",
            decisions=(SUBMIT,),
            next={SUBMIT: "review"},
            documents={
                SUBMIT: (
                    doc(
                        DocType.INVOLVEMENT_REQUEST,
                        "Surat Permohonan Pelibatan",
                        "owner.unit_head",
                        ("home.appraiser",),
                        f"{base}a)",
                        cc=("owner.appraiser",),
                    ),
                )
            },
        ),
        step(
            "review",
            "Proses dan jawab permohonan",
            "home.appraiser",
            f"{base}b)",
            decisions=(APPROVE, REJECT),
            next={APPROVE: "decree", REJECT: "@rejected"},
            recommendation_from="home.unit_head",
            deadline_days=5,
            documents={
                APPROVE: (
                    doc(
                        DocType.ASSIGNMENT_LETTER,
                        "Surat Penugasan",
                        "home.appraiser",
                        ("candidate",),
                        f"{base}c)",
                    ),
                ),
                REJECT: (
                    doc(
                        DocType.INVOLVEMENT_REPLY,
                        "Surat Jawaban Permohonan Pelibatan (penolakan)",
                        "home.appraiser",
                        ("owner.unit_head",),
                        f"{base}d)",
                    ),
                ),
            },
        ),
        step(
            "decree",
            "Tetapkan Keputusan Kepala Perangkat Daerah",
            "home.agency_head",
            "Lampiran II.B.2 butir kedua",
            decisions=(RECORD,),
            next={RECORD: "accept"},
            product_decision=True,
            documents={
                RECORD: (
                    doc(
                        DocType.DECREE,
                        "Keputusan Kepala Perangkat Daerah",
                        "home.agency_head",
                        ("candidate",),
                        "Lampiran II.B.2 butir kedua",
                    ),
                )
            },
        ),
        step(
            "accept",
            "Terima surat penugasan dan laksanakan",
            "candidate",
            f"{base}e)",
            decisions=(ACKNOWLEDGE,),
            next={ACKNOWLEDGE: "@approved"},
        ),
    )
    return PenugasanDefinition(
        kind="penugasan",
        id="WF-PEN-UO",
        label="Penunjukan lintas unit organisasi",
        label_en="Direct appointment across units",
        mode="APPOINTMENT",
        scope="CROSS_UNIT",
        subjects=("INDIVIDUAL",),
        variant="4.2.1",
        citations=(at("Lampiran II.B.2.a.2)"),),
        start="request",
        steps=steps,
    )


def kotim_cross_pd() -> PenugasanDefinition:
    """SPEC §4.3.1 (Gambar 11), with the product decisions for the silent refusals."""
    base = "Lampiran II.B.2.a.3)"
    return PenugasanDefinition(
        kind="penugasan",
        id="WF-PEN-PD",
        label="Penunjukan lintas Perangkat Daerah",
        label_en="Direct appointment across regional agencies",
        mode="APPOINTMENT",
        scope="CROSS_PD",
        subjects=("INDIVIDUAL", "TEAM"),
        variant="4.3.1",
        citations=(at(base), at("Lampiran II.B.2 butir pertama")),
        start="request",
        steps=_kotim_cross_pd_steps(base),
    )


def _kotim_cross_pd_steps(base: str) -> tuple[StepSpec, ...]:
    return (
        step(
            "request",
            "Kirim surat permohonan pelibatan",
            "owner.unit_head",
            f"{base}a)",
            decisions=(SUBMIT,),
            next={SUBMIT: "owner_review"},
            documents={
                SUBMIT: (
                    doc(
                        DocType.INVOLVEMENT_REQUEST,
                        "Surat Permohonan Pelibatan",
                        "owner.unit_head",
                        ("owner.authorized_official",),
                        f"{base}a)",
                        cc=("owner.appraiser",),
                    ),
                )
            },
        ),
        step(
            "owner_review",
            "Setujui dan teruskan ke Perangkat Daerah lain",
            "owner.authorized_official",
            f"{base}b)",
            decisions=(FORWARD, REJECT),
            next={FORWARD: "target_review", REJECT: "@rejected"},
            documents={
                FORWARD: (
                    doc(
                        DocType.INVOLVEMENT_REQUEST,
                        "Surat Permohonan Pelibatan",
                        "owner.authorized_official",
                        ("home.authorized_official",),
                        f"{base}b)",
                    ),
                )
            },
        ),
        step(
            "target_review",
            "Setujui dan instruksikan penilai kinerja",
            "home.authorized_official",
            f"{base}c)",
            decisions=(APPROVE, REJECT),
            next={APPROVE: "availability", REJECT: "@rejected"},
            documents={
                APPROVE: (
                    doc(
                        DocType.INSTRUCTION,
                        "Instruksi penugasan",
                        "home.authorized_official",
                        ("home.appraiser",),
                        f"{base}c)",
                    ),
                )
            },
        ),
        step(
            "availability",
            "Jawab ketersediaan pegawai sesuai kriteria",
            "home.appraiser",
            f"{base}d)",
            recommendation_from="home.unit_head",
            decisions=(SUBMIT, REJECT),
            next={SUBMIT: "reply_approval", REJECT: "@rejected"},
            documents={
                SUBMIT: (
                    doc(
                        DocType.INVOLVEMENT_REPLY,
                        "Surat Jawaban Permohonan Pelibatan",
                        "home.appraiser",
                        ("home.authorized_official",),
                        f"{base}e)",
                    ),
                    doc(
                        DocType.STAFF_LIST,
                        "Daftar JF/Pelaksana yang ditugaskan",
                        "home.appraiser",
                        ("home.authorized_official",),
                        f"{base}e)",
                    ),
                )
            },
        ),
        step(
            "reply_approval",
            "Setujui jawaban dan daftar pegawai",
            "home.authorized_official",
            f"{base}e) butir pertama",
            product_decision=True,
            decisions=(APPROVE, RETURN, REJECT),
            next={APPROVE: "letter", RETURN: "availability", REJECT: "@rejected"},
            documents={
                APPROVE: (
                    doc(
                        DocType.INVOLVEMENT_REPLY,
                        "Surat Jawaban Permohonan Pelibatan",
                        "home.authorized_official",
                        ("owner.authorized_official",),
                        f"{base}e)",
                    ),
                )
            },
        ),
        step(
            "letter",
            "Tugaskan pegawai dan terbitkan surat penugasan",
            "home.unit_head",
            f"{base}e) butir ketiga",
            decisions=(RECORD,),
            next={RECORD: "accept"},
            documents={
                RECORD: (
                    doc(
                        DocType.ASSIGNMENT_LETTER,
                        "Surat Penugasan",
                        "home.unit_head",
                        ("candidate",),
                        f"{base}e) butir ketiga",
                        cc=(
                            "home.authorized_official",
                            "home.appraiser",
                            "owner.authorized_official",
                        ),
                    ),
                )
            },
        ),
        step(
            "accept",
            "Terima surat penugasan dan laksanakan",
            "candidate",
            f"{base}e) butir keempat",
            decisions=(ACKNOWLEDGE,),
            next={ACKNOWLEDGE: "decree"},
        ),
        step(
            "decree",
            "Tetapkan Keputusan Sekretaris Daerah",
            "government.regional_secretary",
            "Lampiran II.B.2 butir pertama",
            decisions=(RECORD,),
            next={RECORD: "@approved"},
            documents={
                RECORD: (
                    doc(
                        DocType.DECREE,
                        "Keputusan Sekretaris Daerah",
                        "government.regional_secretary",
                        ("candidate",),
                        "Lampiran II.B.2 butir pertama",
                    ),
                )
            },
        ),
    )
