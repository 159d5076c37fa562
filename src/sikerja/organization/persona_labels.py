"""What `manage.py demo` (and so `make run`) prints beside each demo login: the persona's own
position title and the roles the pack's resolver gives them over the demo's JF Ahli Muda.

A fixed word would be wrong in some packs: in Surakarta the Pimpinan Unit Organisasi of a Dinas
is the Kepala Dinas, elsewhere the Kepala Bidang. So the roles come from the resolver under the
government's pack, and the title from the persona's placement on the day.
"""

from __future__ import annotations

import datetime as dt

from sikerja.organization.demo import PERSONAS, persona_key
from sikerja.organization.display import ROLE_LABELS
from sikerja.organization.models import Employee, Government, Placement
from sikerja.organization.resolver import Resolver
from sikerja.regulations.loader import load_pack

SUBJECT = "jf_ahli_muda"  # the persona whose officials the roles are about
FIXED = ("bkpsdm", "kepala_daerah", "outsider")  # their role is not a position of the chain


def _titles(employee_ids: list[int], on: dt.date) -> dict[int, str]:
    """Each employee's position title on the day, a definitive placement before a Plt/Plh."""
    rows = (
        Placement.objects.effective_on(on)
        .filter(employee_id__in=employee_ids)
        .order_by("employee_id", "-kind")  # DEFINITIVE sorts after PLT/PLH: the last one wins
        .values_list("employee_id", "position__title")
    )
    return dict(rows)


def _roles(government: Government, subject: Employee | None, on: dt.date) -> dict[int, list[str]]:
    """Employee id -> the labels of the roles they hold over the subject, in the resolver's
    order (appraiser, unit head, performance owner, authorised official)."""
    if subject is None:
        return {}
    roles: dict[int, list[str]] = {}
    for answer in Resolver(load_pack(government.pack_id)).roles_for(subject.pk, on):
        if answer.person is not None:
            label = str(ROLE_LABELS.get(answer.role, answer.role))
            roles.setdefault(answer.person.employee_id, []).append(label)
    return roles


def persona_labels(
    government: Government, logins: dict[str, Employee | None], on: dt.date
) -> dict[str, str]:
    """Login -> what to print beside it, e.g. "Kepala Dinas Kesehatan (Pimpinan Unit
    Organisasi, Pejabat yang Berwenang bagi jf_ahli_muda)". Two queries and the resolver's."""
    employees = {login: e for login, e in logins.items() if e is not None}
    subject = next((e for login, e in employees.items() if persona_key(login) == SUBJECT), None)
    titles = _titles([e.pk for e in employees.values()], on)
    roles = _roles(government, subject, on)
    labels: dict[str, str] = {}
    for login in logins:
        key = persona_key(login)
        employee = employees.get(login)
        fixed = PERSONAS[key][0] if key in PERSONAS else ""
        if employee is None or key in FIXED:
            labels[login] = fixed
            continue
        title = titles.get(employee.pk, fixed)
        held = roles.get(employee.pk)
        labels[login] = f"{title} ({', '.join(held)} bagi {SUBJECT})" if held else title
    return labels
