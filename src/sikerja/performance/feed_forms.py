"""Input of the feed's page: the home appraiser's decision on a proposed RHK (parsing only)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ProposalDecisionForm(forms.Form):
    """Accept a proposed RHK into the SKP, or decline it with a reason."""

    decision = forms.ChoiceField(
        label=_("Keputusan"), choices=[("accept", _("Terima")), ("decline", _("Tolak"))]
    )
    reason = forms.CharField(
        label=_("Alasan penolakan"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ConsiderationForm(forms.Form):
    """A consideration the appraiser heard for the drafted rating (V-46; a team lead's)."""

    kind = forms.ChoiceField(
        label=_("Pertimbangan dari"),
        choices=[("KEPALA_BAGIAN", _("Kepala Bagian")), ("LEAD", _("Ketua tim"))],
    )
    given_by_nip = forms.CharField(label=_("NIP pemberi pertimbangan"), max_length=18)
    text = forms.CharField(
        label=_("Pertimbangan"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ActivityItemForm(forms.Form):
    """The target of a JF activity item under an RHK (V-60: after a performance dialogue)."""

    rhk_id = forms.IntegerField(label=_("RHK"), widget=forms.Select)
    item = forms.CharField(label=_("Butir kegiatan"), max_length=300)
    target = forms.CharField(label=_("Target"), max_length=120)


class RoleAgreementForm(forms.Form):
    """One task of a lead's or Pengendali's PK with its indicator and target (V-27a)."""

    task = forms.CharField(label=_("Tugas"), max_length=300)
    indicator = forms.CharField(label=_("Indikator kinerja"), max_length=300)
    target = forms.CharField(label=_("Target"), max_length=120)
