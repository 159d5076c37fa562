"""Turn a decision's document specs into issued letters (naskah dinas) via the documents app."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sikerja.organization.models import Agency
from sikerja.regulations.schema.workflows import DocumentSpec
from sikerja.workflows.actors import ActorContext, ResolvedActor
from sikerja.workflows.hooks import hooks_for
from sikerja.workflows.models import WorkflowInstance, WorkflowStep


def party_snapshot(actor: ResolvedActor) -> dict[str, Any]:
    """A frozen description of a person as a letter prints them."""
    person = actor.person
    agency_name = actor.agency_name
    if not agency_name and actor.agency_id is not None:
        agency_name = (
            Agency.objects.filter(pk=actor.agency_id).values_list("name", flat=True).first() or ""
        )
    return {
        "expression": actor.expression,
        "employee_id": person.employee_id if person else None,
        "name": person.name if person else "",
        "nip": person.nip if person else "",
        "position": person.position_title if person else "",
        "unit": person.unit_name if person else "",
        "acting": person.acting if person else "",
        "agency_id": actor.agency_id,
        "agency": agency_name,
        "external": actor.external,
        "rule": actor.rule,
        "citation": actor.citation,
    }


def issue_for_decision(
    instance: WorkflowInstance,
    step: WorkflowStep,
    specs: tuple[DocumentSpec, ...],
    ctx: ActorContext,
    *,
    at: dt.datetime,
    on: dt.date,
    reason: str,
    data: dict[str, Any],
    decision: str = "",
) -> list[Any]:
    """Issue each letter of the decision, inside the decision's transaction."""
    if not specs:
        return []
    from sikerja.documents.services import letter_issue

    body = dict(hooks_for(instance.kind).document_body(instance=instance))
    body.update(
        {
            "reason": reason.strip(),
            "decision": decision,
            "decision_data": data,
            "step": step.label,
        }
    )
    issued = []
    for spec in specs:
        signer = ctx.resolve(spec.signer)
        addressees = [party_snapshot(a) for e in spec.to for a in ctx.resolve_all(e)]
        named = {signer.employee_id, *(a["employee_id"] for a in addressees)} - {None}
        # A copy to someone who signs or receives the letter anyway is dropped (e.g. when one
        # official is both the unit head and the appraiser).
        copies = [party_snapshot(a) for e in spec.cc for a in ctx.resolve_all(e)]
        copies = [c for c in copies if c["employee_id"] is None or c["employee_id"] not in named]
        issued.append(
            letter_issue(
                government_id=instance.government_id,
                doc_type=str(spec.type),
                title=spec.title,
                signer=party_snapshot(signer),
                on_behalf_of=spec.on_behalf_of,
                addressees=addressees,
                cc=_unique(copies),
                body=body,
                citation=ctx.pack.cite(spec.citation),
                workflow_instance_id=instance.pk,
                workflow_step_id=step.pk,
                at=at,
                on=on,
            )
        )
    return issued


def _unique(parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[object] = set()
    unique = []
    for party in parties:
        key = party["employee_id"] or party["expression"]
        if key not in seen:
            seen.add(key)
            unique.append(party)
    return unique
