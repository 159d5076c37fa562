"""System check: every workflow of every pack can run (`manage.py check`, `packs --check`).

The pack schema checks the shape of a definition; this checks what only the running product
knows: that an app runs each kind, that each actor expression and guard condition is
registered for its kind, that chains name resolvable officials, and that the delegation scope
exists.
"""

from __future__ import annotations

from typing import Any

from django.core import checks

from sikerja.organization.models import Delegation
from sikerja.regulations.loader import LoadedPack, PackError, available_pack_ids, load_pack
from sikerja.regulations.schema.workflows import FlowCore
from sikerja.workflows import actors
from sikerja.workflows.hooks import hooks_for, registered_kinds


def definition_problems(pack: LoadedPack, key: str, definition: FlowCore) -> list[str]:
    """What keeps one definition from running, each naming the pack, flow and field."""
    where = f"pack {pack.id}, workflow {key}"
    if definition.kind not in registered_kinds():
        return [f"{where}: no app runs workflow kind {definition.kind!r}"]
    problems = [
        f"{where}: actor expression {expression!r} is not known for kind {definition.kind!r}"
        for expression in sorted(_expressions(pack, definition))
        if not actors.is_known(definition.kind, expression)
    ]
    vocabulary = hooks_for(definition.kind).conditions
    problems += [
        f"{where}: condition {condition!r} is not in the vocabulary of {definition.kind!r}"
        for condition in sorted(definition.conditions() - vocabulary)
    ]
    if definition.delegation_scope not in Delegation.Scope.values:
        problems.append(f"{where}: unknown delegation_scope {definition.delegation_scope!r}")
    return problems


def _expressions(pack: LoadedPack, definition: FlowCore) -> set[str]:
    found = definition.actor_expressions()
    for name in definition.chains():
        chain = pack.data.chains.get(name)
        if chain is not None:
            for node in chain.nodes:
                found |= set(node.expressions())
    return found


def pack_problems(pack: LoadedPack) -> list[str]:
    problems: list[str] = []
    for key, definition in pack.data.workflows.items():
        if definition.allowed:
            problems += definition_problems(pack, key, definition)
    return problems


@checks.register("packs")
def check_workflows(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """An Error for every workflow of a pack that could not run."""
    errors: list[checks.CheckMessage] = []
    for pack_id in available_pack_ids():
        try:
            pack = load_pack(pack_id)
        except PackError:
            continue  # reported by the pack schema check
        errors += [
            checks.Error(problem, id="sikerja.W001", obj=pack.path.name)
            for problem in pack_problems(pack)
        ]
    return errors
