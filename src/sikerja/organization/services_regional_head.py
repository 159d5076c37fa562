"""The regional head (Bupati / Wali Kota / Walikota): a person of the government who decides and
signs the Keputusan of the regional head (SPEC 4.0.1 rule 4, V-71).

An elected regional head is a Pejabat Negara, not a Pegawai ASN: no NIP, no placement in a
Perangkat Daerah. They are an `Employee` row of type PEJABAT_NEGARA, so that they can log in and
act on workflow steps like any official, identified by a registration number that is never read
as a NIP (ADR 0008).
"""

from __future__ import annotations

import datetime as dt
import re

from django.db import transaction
from django.utils.translation import gettext as _

from sikerja.core.errors import ValidationFailed
from sikerja.organization.errors import OrgErrorCode
from sikerja.organization.models import Employee, Government, new_access_stamp
from sikerja.organization.rules import Actor
from sikerja.organization.services import _audit, _require_operator, pack_for

IDENTIFIER = re.compile(r"^[A-Z][A-Z0-9./-]{1,17}$")
_STATE_OFFICIAL = Employee.EmploymentType.PEJABAT_NEGARA


def regional_head_set(
    *,
    actor: Actor,
    government: Government,
    identifier: str,
    name: str,
    gender: str,
    birth_date: dt.date,
    at: dt.datetime,
    front_title: str = "",
    back_title: str = "",
    email: str = "",
) -> Employee:
    """Record who is the government's regional head from now on, as a Pejabat Negara.

    The identifier is the official's registration number in Sikerja (letters first, e.g.
    "KDH-SKA-2025"): it can never be taken for an 18-digit NIP. Recording the same identifier
    again makes that person the regional head again.

    Implements: G04 (the regional head of the pack's Pasal 1), for V-71.
    Raises: PermissionDenied (not the government's operator), ValidationFailed (identifier,
    name or gender invalid; the identifier belongs to a Pegawai ASN).
    """
    _require_operator(actor, government, pack_for(government))
    values = _values(identifier=identifier, name=name, gender=gender)
    with transaction.atomic():
        employee = Employee.objects.filter(government=government, nip=values["nip"]).first()
        if employee is not None and employee.employment_type != _STATE_OFFICIAL:
            raise _taken(str(values["nip"]))
        if employee is None:
            employee = Employee.objects.create(
                government=government,
                employment_type=_STATE_OFFICIAL,
                birth_date=birth_date,
                front_title=front_title,
                back_title=back_title,
                email=email,
                **values,
            )
        before = {"regional_head": government.regional_head_id}
        Government.objects.filter(pk=government.pk).update(
            regional_head=employee,
            region_head_name=employee.full_name,
            access_stamp=new_access_stamp(),  # the official above every chain changed
        )
        government.regional_head = employee
        government.region_head_name = employee.full_name
        _audit(
            actor,
            "government.regional_head_set",
            government,
            at,
            before=before,
            after={"regional_head": employee.pk, "identifier": employee.nip, "name": name},
            rule="G04",
            citation=pack_for(government).citation_of("G04"),
        )
    return employee


def _values(*, identifier: str, name: str, gender: str) -> dict[str, object]:
    nip = identifier.strip().upper()
    if not IDENTIFIER.match(nip):
        message = _(
            "Nomor registrasi Pejabat Negara diawali huruf, paling banyak 18 karakter "
            "(huruf, angka, titik, garis miring, tanda hubung): %(value)s."
        ) % {"value": identifier}
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE, message=message, fields={"identifier": message}
        )
    if gender not in Employee.Gender.values:
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Jenis kelamin harus L atau P (diterima: %(value)s).") % {"value": gender},
            fields={"gender": _("Nilai tidak dikenal.")},
        )
    if not name.strip():
        raise ValidationFailed(
            code=OrgErrorCode.UNKNOWN_VALUE,
            message=_("Nama pegawai wajib diisi."),
            fields={"name": _("Wajib diisi.")},
        )
    return {"nip": nip, "name": name.strip(), "gender": gender}


def _taken(identifier: str) -> ValidationFailed:
    message = _("Nomor %(value)s sudah dipakai oleh seorang Pegawai ASN.") % {"value": identifier}
    return ValidationFailed(
        code=OrgErrorCode.DUPLICATE_NIP, message=message, fields={"identifier": message}
    )
