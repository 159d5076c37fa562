"""The pack's performance rules, checked by the services: each refusal names its rule and article.

The rules come from the government's pack where it states them, else from the national
baseline (`regulations.performance.stated_rule`).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping

from django.db.models import Q
from django.utils.translation import gettext as _

from sikerja.core.errors import RuleViolation, ValidationFailed
from sikerja.performance.errors import PerformanceErrorCode
from sikerja.performance.models import Dialogue, Expectation, PkIndicator, Rhk, RhkIndicator, Skp
from sikerja.performance.periods import ANNUAL, period_bounds
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.performance import (
    CurveBreach,
    StatedRule,
    curve_breaches,
    curve_breaches_counted,
    predikat_of,
    stated_rule,
)
from sikerja.regulations.schema.performance import (
    AppraisalPeriods,
    Cascading,
    DistributionCurves,
    ExpectationFields,
    OrgLevel,
    Predikat,
    PredikatMatrix,
    Rating,
    SkpContent,
)
from sikerja.teams.models import TeamMember

ACTIVITY_PK_RULE = "V-49"


def activity_pk_check(pack: LoadedPack, year: int, on: dt.date) -> None:
    """V-49: a unit activity PK exists only where the pack has one, set before its year."""
    if not pack.binds(ACTIVITY_PK_RULE):
        raise RuleViolation(
            code=PerformanceErrorCode.ACTIVITY_PK_NOT_PROVIDED,
            message=_("%(pack)s tidak mengatur Perjanjian Kinerja Pelaksanaan Kegiatan.")
            % {"pack": pack.short},
            rule=ACTIVITY_PK_RULE,
            citation=pack.citation_of(ACTIVITY_PK_RULE),
        )
    if on >= dt.date(year, 1, 1):
        raise RuleViolation(
            code=PerformanceErrorCode.ACTIVITY_PK_LATE,
            message=_(
                "Perjanjian Kinerja Pelaksanaan Kegiatan tahun %(year)s ditetapkan sebelum tahun "
                "itu dimulai."
            )
            % {"year": year},
            rule=ACTIVITY_PK_RULE,
            citation=pack.cite_rule(ACTIVITY_PK_RULE),
        )


def skp_content(pack: LoadedPack) -> StatedRule[SkpContent]:
    return stated_rule(pack, "P-SKP", SkpContent)


def choice_check(value: str, allowed: Iterable[str], field: str) -> str:
    """A value from a closed list (the pack's, or the model's)."""
    if value not in set(allowed):
        raise ValidationFailed(
            code=PerformanceErrorCode.UNKNOWN_VALUE,
            message=_("Nilai %(value)s tidak dikenal.") % {"value": value},
            fields={field: _("Pilih salah satu nilai yang tersedia.")},
        )
    return value


def cascade_check(
    pack: LoadedPack, skp: Skp, kind: str, parent: Rhk | None, pk_indicator: PkIndicator | None
) -> None:
    """P-CASCADING: a main RHK is cascaded from an RHK of the appraiser's SKP of that year, or,
    for the head who signed the unit's PK, from that PK; an additional RHK may stand alone."""
    rule = stated_rule(pack, "P-CASCADING", Cascading)
    if pk_indicator is not None:
        agreement = pk_indicator.agreement
        if (agreement.head_id, agreement.year, agreement.is_current) != (
            skp.employee_id,
            skp.year,
            True,
        ):
            raise RuleViolation(
                code=PerformanceErrorCode.CASCADE_SOURCE,
                message=_(
                    "RHK dari Perjanjian Kinerja hanya bagi pimpinan yang menandatanganinya."
                ),
                rule=rule.rule_id,
                citation=rule.citation,
                fields={"pk_indicator_id": _("Bukan Perjanjian Kinerja Anda tahun ini.")},
            )
        return
    if parent is None:
        if kind == Rhk.Kind.UTAMA:
            raise RuleViolation(
                code=PerformanceErrorCode.CASCADE_REQUIRED,
                message=_("RHK utama diturunkan dari RHK atasan (langsung atau intervensi)."),
                rule=rule.rule_id,
                citation=rule.citation,
                fields={"parent_id": _("Pilih RHK atasan yang diturunkan.")},
            )
        return
    if parent.skp.employee_id != skp.appraiser_id or parent.skp.year != skp.year:
        raise RuleViolation(
            code=PerformanceErrorCode.CASCADE_SOURCE,
            message=_("RHK diturunkan dari SKP Pejabat Penilai Kinerja pada tahun yang sama."),
            rule=rule.rule_id,
            citation=rule.citation,
            fields={"parent_id": _("Bukan RHK Pejabat Penilai Kinerja Anda tahun ini.")},
        )


def skp_complete_check(pack: LoadedPack, skp: Skp) -> None:
    """P-SKP: at least one main RHK, every RHK with an indicator and target; P-EXPECTATION where
    the pack states it (Blitar Pasal 25 huruf a: output, target and timeline)."""
    content = skp_content(pack)
    rhks = Rhk.objects.filter(skp=skp)
    has_main = rhks.filter(kind=Rhk.Kind.UTAMA).exists()
    bare = rhks.exclude(pk__in=RhkIndicator.objects.values("rhk_id")).exists()
    if not has_main or bare:
        raise RuleViolation(
            code=PerformanceErrorCode.SKP_INCOMPLETE,
            message=_(
                "SKP memuat sedikitnya satu RHK utama, dan setiap RHK memuat indikator dan target."
            ),
            rule=content.rule_id,
            citation=content.citation,
        )
    if pack.has_rule("P-EXPECTATION"):
        expectation_check(pack, Expectation.objects.filter(skp=skp))
    dialogue_check(pack, skp)


DIALOGUE_RULE = "V-59"


def dialogue_check(pack: LoadedPack, skp: Skp) -> None:
    """V-59: where the pack makes the performance dialogue mandatory for team work, a member of
    a team during the SKP's span submits it only after a recorded dialogue (Surakarta Lampiran
    IV 3.1.2 angka 1: its results go into the SKP)."""
    if not pack.binds(DIALOGUE_RULE):
        return
    if "team_member" not in pack.rule(DIALOGUE_RULE).params.get("applies_to", ()):
        return
    in_team = TeamMember.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gt=skp.starts_on),
        employee_id=skp.employee_id,
        status=TeamMember.Status.ACTIVE,
        valid_from__lte=skp.ends_on,
    ).exists()
    if in_team and not Dialogue.objects.filter(skp=skp).exists():
        raise RuleViolation(
            code=PerformanceErrorCode.DIALOGUE_REQUIRED,
            message=_(
                "Anggota tim kerja menjalani dialog kinerja dengan Pejabat Penilai Kinerja "
                "sebelum SKP diajukan; hasilnya dituangkan dalam SKP."
            ),
            rule=DIALOGUE_RULE,
            citation=pack.cite_rule(DIALOGUE_RULE),
        )


def expectation_check(pack: LoadedPack, expectations: Iterable[Expectation]) -> None:
    """P-EXPECTATION: every expectation carries the fields the pack requires."""
    rule = stated_rule(pack, "P-EXPECTATION", ExpectationFields)
    for expectation in expectations:
        missing = [f for f in rule.params.required if not getattr(expectation, f).strip()]
        if missing:
            raise RuleViolation(
                code=PerformanceErrorCode.EXPECTATION_FIELDS,
                message=_("Ekspektasi %(value)s harus memuat output, target, dan waktu.")
                % {"value": expectation.core_value},
                rule=rule.rule_id,
                citation=rule.citation,
                fields={name: _("Wajib diisi.") for name in missing},
            )


def period_check(
    pack: LoadedPack,
    year: int,
    kind: str,
    index: int,
    within: tuple[dt.date, dt.date] | None = None,
) -> tuple[dt.date, dt.date]:
    """P-APPRAISAL-PERIODS: a period the pack allows (inside an SKP's part of the year, when
    given); returns its first and last day."""
    rule = stated_rule(pack, "P-APPRAISAL-PERIODS", AppraisalPeriods)
    allowed = {*rule.params.periodic_options, *([ANNUAL] if rule.params.annual else [])}
    bounds = _bounds(year, kind, index) if kind in allowed else None
    outside = (
        within is not None
        and bounds is not None
        and (bounds[1] < within[0] or bounds[0] > within[1])
    )
    if bounds is None or outside:
        raise RuleViolation(
            code=PerformanceErrorCode.PERIOD,
            message=_("Periode penilaian %(kind)s %(index)s tidak berlaku.")
            % {"kind": kind, "index": index},
            rule=rule.rule_id,
            citation=rule.citation,
            fields={
                "period_kind": _("Pilih periode yang diatur: %(periods)s.")
                % {"periods": ", ".join(sorted(allowed))}
            },
        )
    return bounds


def _bounds(year: int, kind: str, index: int) -> tuple[dt.date, dt.date] | None:
    try:
        return period_bounds(year, kind, index)
    except (KeyError, ValueError):
        return None


def predikat_for(pack: LoadedPack, result: str, behaviour: str) -> Predikat:
    """P-PREDIKAT: the predikat of the two ratings, from the matrix."""
    matrix = stated_rule(pack, "P-PREDIKAT", PredikatMatrix).params
    choice_check(result, Rating, "result_rating")
    choice_check(behaviour, Rating, "behaviour_rating")
    return predikat_of(matrix, result=Rating(result), behaviour=Rating(behaviour))


def matrix_citation(pack: LoadedPack) -> str:
    return stated_rule(pack, "P-PREDIKAT", PredikatMatrix).citation


def curve_of(pack: LoadedPack) -> StatedRule[DistributionCurves]:
    return stated_rule(pack, "P-DISTRIBUTION", DistributionCurves)


def breaches(pack: LoadedPack, level: str, predikat: Iterable[str]) -> list[CurveBreach]:
    """P-DISTRIBUTION: the clauses of the unit's curve its predikat break."""
    return curve_breaches(curve_of(pack).params, OrgLevel(level), [Predikat(p) for p in predikat])


def breaches_counted(pack: LoadedPack, level: str, counts: Mapping[str, int]) -> list[CurveBreach]:
    """P-DISTRIBUTION over the number of employees per predikat: the same clauses as
    `breaches`."""
    counted = Counter({Predikat(p): n for p, n in counts.items()})
    return curve_breaches_counted(curve_of(pack).params, OrgLevel(level), counted)
