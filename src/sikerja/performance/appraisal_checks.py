"""The pack's rules on appraisal inputs, checked by the services; each refusal names its rule
and article: the Kepala Bagian's consideration of a Setda JF Ahli Madya (V-46) and the dialogue
before the targets of JF activity items (V-60)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation, ValidationFailed
from sikerja.organization.models import Placement
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.models import Consideration, Dialogue, Rating, Skp
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.schema.appraisal import DialogueBeforeTarget, SetdaMadyaConsideration

V46 = "V-46"
V60 = "V-60"


def v46_rule(pack: LoadedPack, skp: Skp) -> SetdaMadyaConsideration | None:
    """V-46's parameters where the pack binds it and the SKP's position is the one it names
    (the SKP comes with its position and its unit's agency)."""
    if not pack.binds(V46):
        return None
    params = pack.rule_params(V46, SetdaMadyaConsideration)
    named = skp.position.grade == params.grade and skp.unit.agency.agency_type == params.agency_type
    return params if named else None


def v46_check(pack: LoadedPack, skp: Skp, rating: Rating) -> None:
    """V-46: a Setda JF Ahli Madya's rating is signed only once the Kepala Bagian's
    consideration is recorded on it."""
    if v46_rule(pack, skp) is None:
        return
    if not Consideration.objects.filter(
        rating=rating, kind=Consideration.Kind.KEPALA_BAGIAN
    ).exists():
        raise RuleViolation(
            code=PerformanceErrorCode.CONSIDERATION_REQUIRED,
            message=_(
                "Penilaian JF Ahli Madya di Sekretariat Daerah ditetapkan setelah pertimbangan "
                "Kepala Bagian yang membidangi dicatat."
            ),
            rule=V46,
            citation=pack.cite_rule(V46),
        )


def kepala_bagian_check(pack: LoadedPack, skp: Skp, given_by_id: int, on: dt.date) -> None:
    """V-46: the consideration is given by the head of a unit of the type the pack names
    (the Bagian) in the employee's agency, on the day."""
    params = v46_rule(pack, skp)
    unit_type = params.consideration_by if params is not None else "BAGIAN"
    heads = Placement.objects.effective_on(on).filter(
        employee_id=given_by_id,
        position__is_head=True,
        position__unit__unit_type=unit_type,
        position__unit__agency_id=skp.unit.agency_id,
    )
    if not heads.exists():
        raise ValidationFailed(
            code=PerformanceErrorCode.CONSIDERATION_GIVER,
            message=_("Pertimbangan diberikan oleh Kepala Bagian di Perangkat Daerah pegawai."),
            fields={"given_by_id": _("Bukan Kepala Bagian pada tanggal ini.")},
        )


def v60_dialogue(pack: LoadedPack, skp: Skp, on: dt.date) -> Dialogue | None:
    """V-60: the performance dialogue on the SKP, held by the day, that a JF activity item's
    target rests on; refused where the pack requires one and none was held."""
    dialogue = Dialogue.objects.filter(skp=skp, held_on__lte=on).order_by("-held_on", "-pk").first()
    required = (
        pack.binds(V60) and pack.rule_params(V60, DialogueBeforeTarget).dialogue_before_target
    )
    if dialogue is None and required:
        raise RuleViolation(
            code=PerformanceErrorCode.DIALOGUE_BEFORE_TARGET,
            message=_(
                "Target butir kegiatan JF ditetapkan setelah dialog kinerja dengan Pejabat "
                "Penilai Kinerja; catat dialognya terlebih dahulu."
            ),
            rule=V60,
            citation=pack.cite_rule(V60),
        )
    return dialogue
