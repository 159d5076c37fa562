"""Input of the performance pages (parsing only; what is allowed is the domain's to say)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sikerja.performance.models import Rating

PERIOD_CHOICES = [
    ("QUARTERLY", _("Triwulan")),
    ("SEMESTER", _("Semester")),
    ("MONTHLY", _("Bulan")),
    ("ANNUAL", _("Tahunan")),
]
RATING_CHOICES = Rating.Value.choices


class SkpCreateForm(forms.Form):
    """Start my SKP for a year."""

    year = forms.IntegerField(label=_("Tahun"), min_value=2000, max_value=2100)


class SkpDecisionForm(forms.Form):
    """The appraiser's decision on a submitted SKP."""

    decision = forms.ChoiceField(
        label=_("Keputusan"), choices=[("approve", _("Setujui")), ("return", _("Kembalikan"))]
    )
    reason = forms.CharField(
        label=_("Alasan"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class RatingForm(forms.Form):
    """A rating of one period: draft it, or sign it off."""

    period_kind = forms.ChoiceField(label=_("Periode"), choices=PERIOD_CHOICES)
    period_index = forms.IntegerField(label=_("Ke-"), min_value=1, max_value=12)
    result_rating = forms.ChoiceField(label=_("Hasil kerja"), choices=RATING_CHOICES)
    behaviour_rating = forms.ChoiceField(label=_("Perilaku kerja"), choices=RATING_CHOICES)
    note = forms.CharField(
        label=_("Catatan"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    action = forms.ChoiceField(
        choices=[("draft", _("Simpan draf")), ("sign", _("Tetapkan"))], initial="draft"
    )


class RhkForm(forms.Form):
    """An RHK with one indicator and its target; a main RHK names the RHK it cascades from
    (the page lists the appraiser's RHK and, for the head who signed it, the unit's PK)."""

    kind = forms.ChoiceField(
        label=_("Jenis"), choices=[("UTAMA", _("Utama")), ("TAMBAHAN", _("Tambahan"))]
    )
    text = forms.CharField(
        label=_("Rencana hasil kerja"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )
    source = forms.CharField(label=_("Diturunkan dari"), required=False, widget=forms.Select)
    cascade = forms.ChoiceField(
        label=_("Penjenjangan"),
        required=False,
        choices=[("DIRECT", _("Langsung")), ("INTERVENTION", _("Intervensi"))],
    )
    indicator = forms.CharField(label=_("Indikator"), max_length=300)
    approach = forms.ChoiceField(
        label=_("Pendekatan"),
        choices=[("KUANTITATIF", _("Kuantitatif")), ("KUALITATIF", _("Kualitatif"))],
    )
    target = forms.CharField(label=_("Target"), max_length=120)


class ExpectationForm(forms.Form):
    """The leader's expectation of one BerAKHLAK core value."""

    core_value = forms.ChoiceField(
        label=_("Nilai BerAKHLAK"),
        choices=[
            ("BERORIENTASI_PELAYANAN", _("Berorientasi pelayanan")),
            ("AKUNTABEL", _("Akuntabel")),
            ("KOMPETEN", _("Kompeten")),
            ("HARMONIS", _("Harmonis")),
            ("LOYAL", _("Loyal")),
            ("ADAPTIF", _("Adaptif")),
            ("KOLABORATIF", _("Kolaboratif")),
        ],
    )
    text = forms.CharField(
        label=_("Ekspektasi"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )
    output = forms.CharField(label=_("Output"), required=False, max_length=300)
    target = forms.CharField(label=_("Target"), required=False, max_length=120)
    timeline = forms.CharField(label=_("Waktu"), required=False, max_length=120)


class UnitLevelForm(forms.Form):
    """The unit's organisational level for a period, set by the leader one level up."""

    period_kind = forms.ChoiceField(widget=forms.HiddenInput, choices=PERIOD_CHOICES)
    period_index = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=12)
    skp_id = forms.IntegerField(widget=forms.HiddenInput)
    level = forms.ChoiceField(
        label=_("Capaian kinerja organisasi"),
        choices=[
            ("ISTIMEWA", _("Istimewa")),
            ("BAIK", _("Baik")),
            ("BUTUH_PERBAIKAN", _("Butuh Perbaikan")),
            ("KURANG", _("Kurang")),
            ("SANGAT_KURANG", _("Sangat Kurang")),
        ],
    )
    recommendations = forms.CharField(
        label=_("Rekomendasi unit perencanaan, kepegawaian, atau pengawasan"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
