"""Evidence (bukti dukung) of an RHK (SPEC §6.4 documentation, §10.1 stage 2; P-EVIDENCE):
attached by the SKP's employee or by the one who may rate the SKP, about the year or one of its
periods, until the rating it stands beside is signed off.

A file is checked as team evidence is (`sikerja.teams.services.evidence`: its kind recognised
by its bytes and agreeing with its name's extension, its size within
`SIKERJA_EVIDENCE_MAX_BYTES`) and kept in the same evidence storage under a generated name
(`skp/<government>/<skp>/<random>.<ext>`): the client's name is a label only and cannot reach
outside the storage. A refusal stores nothing; a file whose transaction fails is removed again.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation
from sikerja.organization.models import Employee
from sikerja.performance import rules
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.models import RhkEvidence
from sikerja.performance.rules import SKP_SUBJECT
from sikerja.performance.services.common import audit
from sikerja.performance.services.feedback import Period, open_check, period_of, rhk_of
from sikerja.regulations.loader import load_pack
from sikerja.teams.services.evidence import Upload, evidence_files_kept, evidence_store

EVIDENCE_RULE = "P-EVIDENCE"


def _evidence_rule(pack_id: str) -> tuple[str, str]:
    pack = load_pack(pack_id)
    stating = pack if pack.has_rule(EVIDENCE_RULE) else load_pack("national")
    return EVIDENCE_RULE, stating.cite_rule(EVIDENCE_RULE)


@transaction.atomic(durable=True)
def rhk_evidence_upload(
    *,
    actor: Employee,
    rhk_id: int,
    upload: Upload,
    at: dt.datetime,
    on: dt.date,
    period: Period | None = None,
) -> RhkEvidence:
    """Keep one evidence file of an RHK, as its employee or the one who may rate its SKP on the
    day (`rules.may_add_evidence`).

    Implements: P-EVIDENCE. Raises NotFound, RuleViolation (`evidence_uploader_not_permitted`,
    `rhk_period_signed_off`, a period the pack does not set), ValidationFailed
    (`evidence_empty`, `evidence_too_large`, `evidence_type_refused`); nothing is kept on
    refusal.
    """
    rhk, skp = rhk_of(actor, rhk_id)
    rule_id, citation = _evidence_rule(skp.government.pack_id)
    if not rules.may_add_evidence(actor.pk, skp, on):
        raise RuleViolation(
            code=PerformanceErrorCode.EVIDENCE_UPLOADER,
            message=_("Bukti dukung RHK diunggah oleh pegawai atau Pejabat Penilai Kinerjanya."),
            rule=rule_id,
            citation=citation,
            status=403,
        )
    about = period_of(skp, period)
    open_check(skp, about, rule_id, citation)
    with evidence_files_kept() as written:
        evidence = RhkEvidence.objects.create(
            government_id=skp.government_id,
            skp=skp,
            rhk=rhk,
            period_kind=about.kind if about else "",
            period_index=about.index if about else None,
            uploaded_by=actor,
            uploaded_at=at,
            **evidence_store(upload, f"skp/{skp.government_id}/{skp.pk}", written),
        )
        audit(
            skp.government_id,
            actor,
            "performance.evidence_uploaded",
            (SKP_SUBJECT, skp.pk),
            at,
            after={
                "evidence": evidence.pk,
                "rhk": rhk.pk,
                "name": evidence.original_name,
                "sha256": evidence.sha256,
            },
            rule=rule_id,
            citation=citation,
        )
    return evidence
