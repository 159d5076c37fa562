"""A unit's distribution curve for a period (SPEC §10.3): its organisational level, the
predikat of its employees' ratings (drafted and signed) and the clauses they break.

The curve applies per satuan organisasi whose level was set [product decision, §10.3 item 5]:
the ratings counted are those of SKPs in the unit and the units below it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sikerja.organization.models import OrgUnit
from sikerja.performance import checks
from sikerja.performance.models import Rating, UnitLevel
from sikerja.regulations.loader import LoadedPack
from sikerja.regulations.performance import CurveBreach
from sikerja.regulations.schema.performance import OrgLevel, Predikat

PREDIKAT_LABELS = {Predikat(value): label for value, label in Rating.Predikat.choices}
LEVEL_LABELS = {
    OrgLevel.ISTIMEWA: gettext_lazy("Istimewa"),
    OrgLevel.BAIK: gettext_lazy("Baik"),
    OrgLevel.BUTUH_PERBAIKAN: gettext_lazy("Butuh Perbaikan"),
    OrgLevel.KURANG: gettext_lazy("Kurang"),
    OrgLevel.SANGAT_KURANG: gettext_lazy("Sangat Kurang"),
}


@dataclass(frozen=True)
class CurveView:
    """A unit's curve for a period: level, counts per predikat, and the clauses broken."""

    unit_id: int
    unit_name: str
    level: OrgLevel
    counts: dict[Predikat, int]
    breaches: tuple[CurveBreach, ...]
    rule: str
    citation: str

    @property
    def level_label(self) -> str:
        return str(LEVEL_LABELS[self.level])

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def rows(self) -> list[tuple[str, int, int]]:
        """(label, count, percent) per predikat, in the matrix's order, for the page's chart."""
        total = self.total or 1
        return [
            (str(PREDIKAT_LABELS[p]), n, round(100 * n / total)) for p, n in self.counts.items()
        ]

    @property
    def messages(self) -> list[str]:
        return [describe(breach) for breach in self.breaches]


def _percent(limit: Fraction | int) -> str:
    return f"{float(limit) * 100:g}%"


def describe(breach: CurveBreach) -> str:
    """One broken clause in words, e.g. 'Baik paling banyak 70% (sekarang 8 dari 10)'."""
    group = " / ".join(str(PREDIKAT_LABELS[p]) for p in breach.predikat)
    values = {
        "group": group,
        "limit": _percent(breach.limit),
        "count": breach.count,
        "total": breach.total,
        "minimum": breach.limit,
    }
    texts = {
        "max": _("%(group)s paling banyak %(limit)s (sekarang %(count)s dari %(total)s)"),
        "min": _("%(group)s paling sedikit %(limit)s (sekarang %(count)s dari %(total)s)"),
        "min_count": _("%(group)s sedikitnya %(minimum)s pegawai (sekarang %(count)s)"),
        "largest_group": _(
            "%(group)s harus menjadi kelompok terbesar (sekarang %(count)s dari %(total)s)"
        ),
    }
    return texts[breach.clause] % values


def unit_curve(
    pack: LoadedPack, unit_id: int, year: int, period_kind: str, period_index: int
) -> CurveView | None:
    """The unit's curve for the period, or None while its level is not set (two queries)."""
    level = (
        UnitLevel.objects.filter(
            unit_id=unit_id, year=year, period_kind=period_kind, period_index=period_index
        )
        .select_related("unit")
        .first()
    )
    if level is None:
        return None
    found = dict(
        Rating.objects.filter(
            unit__path__startswith=level.unit.path,
            government_id=level.government_id,
            year=year,
            period_kind=period_kind,
            period_index=period_index,
        )
        .values_list("predikat")
        .annotate(n=Count("pk"))
        .values_list("predikat", "n")
    )
    counts = {p: int(found.get(p.value, 0)) for p in Predikat}
    rule = checks.curve_of(pack)
    predikat = [p for p, n in counts.items() for _ in range(n)]
    return CurveView(
        unit_id=unit_id,
        unit_name=level.unit.name,
        level=OrgLevel(level.level),
        counts=counts,
        breaches=tuple(checks.breaches(pack, level.level, predikat)),
        rule=rule.rule_id,
        citation=rule.citation,
    )


def curves_for(pack: LoadedPack, rating: Rating) -> list[CurveView]:
    """The curves a rating counts in: every unit above or at its SKP's unit with a level."""
    unit = OrgUnit.objects.only("path").get(pk=rating.unit_id)
    ids = [int(part) for part in unit.path.strip(".").split(".") if part]
    views = (
        unit_curve(pack, pk, rating.year, rating.period_kind, rating.period_index) for pk in ids
    )
    return [view for view in views if view is not None]
