"""The field unit (Bagian) of a position, recorded by BKPSDM (V-39; V-46): a Setda JF Madya's
report goes through the Kepala Bagian of its field, which the unit tree cannot tell. The form
offers the Bagian of the position's own Perangkat Daerah; everyone but an operator gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from sikerja.core.errors import DomainError
from sikerja.organization import commands
from sikerja.organization.forms import FieldUnitForm
from sikerja.organization.http import render_page, viewer_required
from sikerja.organization.models import Position
from sikerja.organization.rules import Viewer, may_change_organization
from sikerja.organization.services import pack_for
from sikerja.organization.services_positions import field_units_for


def _position(viewer: Viewer, position_id: int) -> Position:
    position = (
        Position.objects.select_related("unit__agency", "field_unit")
        .filter(pk=position_id, government_id=viewer.government.pk)
        .first()
    )
    if position is None or not may_change_organization(viewer.actor, viewer.government.pk):
        raise Http404
    return position


@require_http_methods(["GET", "POST"])
@viewer_required
def position_field_unit(request: HttpRequest, viewer: Viewer, position_id: int) -> HttpResponse:
    """Show or record the field unit (Bagian) of one position."""
    position = _position(viewer, position_id)
    units = [(u.pk, u.name) for u in field_units_for(position, pack_for(viewer.government))]
    data = request.POST if request.method == "POST" else None
    form = FieldUnitForm(data, units=units, initial={"field_unit": position.field_unit_id})
    error = None
    if data is not None and form.is_valid():
        try:
            commands.position_field_unit_set(
                viewer=viewer,
                position_id=position.pk,
                field_unit_id=form.cleaned_data["field_unit"],
                at=timezone.now(),
            )
        except DomainError as exc:
            error = exc
            for name, message in exc.fields.items():
                form.add_error(name if name in form.fields else None, str(message))
        else:
            messages.success(request, _("Bagian bidang jabatan tersimpan."))
            return HttpResponseRedirect(reverse("web:position-field-unit", args=[position.pk]))
    status = 200 if data is None else (error.status if error else 400)
    return render_page(
        request,
        viewer,
        "organization/position_field_unit.html",
        status,
        position=position,
        form=form,
        error=error,
        nav="organisation",
    )
