"""The pack's rules on appraisal inputs, checked by the services; each refusal names its rule
and article: the Kepala Bagian's consideration of a Setda JF Ahli Madya (V-46) and the dialogue
before the targets of JF activity items (V-60)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation, ValidationFailed
from sikerja.organization.models import Placement
from sikerja.organization.resolver import Resolver
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


def _field_head_id(pack: LoadedPack, skp: Skp, on: dt.date) -> int | None:
    """V-46 (Lampiran VI angka 1 huruf b): the Kepala Bagian for the field is the head on the day
    (the resolver's answer: the definitive holder, else the Plt. or Plh.) of the Bagian BKPSDM
    recorded on the SKP's position, the reading the individual reports use. Refused, citing
    V-46, while no Bagian is recorded. A vacant head post without a Plt. or Plh. is answered
    one level up, as the resolver answers it; None only when no one is found."""
    field_unit_id = skp.position.field_unit_id
    if field_unit_id is None:
        raise RuleViolation(
            code=PerformanceErrorCode.FIELD_UNIT_MISSING,
            message=_(
                "Penilaian JF Ahli Madya Sekretariat Daerah memerlukan pertimbangan Kepala "
                "Bagian yang membidangi, tetapi Bagian bidang jabatan %(position)s belum "
                "dicatat. BKPSDM harus mencatatnya lebih dahulu."
            )
            % {"position": skp.position.title},
            rule=V46,
            citation=pack.cite_rule(V46),
        )
    head = Resolver(pack).head_of_unit(field_unit_id, on, "own_unit")
    return head.person.employee_id if head.person is not None else None


def v46_check(pack: LoadedPack, skp: Skp, rating: Rating, on: dt.date) -> None:
    """V-46: a Setda JF Ahli Madya's rating is signed only once the consideration of the
    Kepala Bagian for the field (on the day) is recorded on it."""
    if v46_rule(pack, skp) is None:
        return
    head_id = _field_head_id(pack, skp, on)
    if not Consideration.objects.filter(
        rating=rating, kind=Consideration.Kind.KEPALA_BAGIAN, given_by_id=head_id
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
    """V-46: where the pack binds it, the consideration is given by the Kepala Bagian for the
    employee's field on the day (or whoever acts for them) and by no one else; elsewhere by the
    head of a Bagian in the employee's agency."""
    if v46_rule(pack, skp) is not None:
        if _field_head_id(pack, skp, on) == given_by_id:
            return
    elif (
        Placement.objects.effective_on(on)
        .filter(
            employee_id=given_by_id,
            position__is_head=True,
            position__unit__unit_type="BAGIAN",
            position__unit__agency_id=skp.unit.agency_id,
        )
        .exists()
    ):
        return
    raise ValidationFailed(
        code=PerformanceErrorCode.CONSIDERATION_GIVER,
        message=_("Pertimbangan diberikan oleh Kepala Bagian yang membidangi jabatan pegawai."),
        fields={"given_by_id": _("Bukan Kepala Bagian bidang pegawai pada tanggal ini.")},
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
