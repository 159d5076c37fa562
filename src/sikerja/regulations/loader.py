"""Load, validate and look up regulation packs (one TOML file per regulation)."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from sikerja.regulations.schema import Citation, Pack, Rule, Strength
from sikerja.regulations.schema.base import RuleParams
from sikerja.regulations.schema.parameters import PackParameters

PACKS_DIR = Path(__file__).resolve().parent / "packs"
P = TypeVar("P", bound=RuleParams)


class PackError(Exception):
    """A pack that is missing or does not satisfy the schema."""


class UnknownPack(PackError):
    """No pack with that id."""


class UnknownRule(PackError):
    """The pack has no rule with that id."""


@dataclass(frozen=True)
class PackCheck:
    """The result of validating one pack file."""

    pack_id: str
    path: Path
    ok: bool
    rules: int
    error: str


BINDING = frozenset({Strength.MUST, Strength.ONLY})


class LoadedPack:
    """A validated pack with lookups; the only way code asks what a regulation says."""

    def __init__(self, data: Pack, path: Path) -> None:
        self.data = data
        self.path = path
        self._rules = {rule.id: rule for rule in data.rules}

    @property
    def id(self) -> str:
        return self.data.pack.id

    @property
    def short(self) -> str:
        return self.data.pack.short

    def has_rule(self, rule_id: str) -> bool:
        """Whether the pack states the rule at all (for display; never a strength test)."""
        return rule_id in self._rules

    def strength(self, rule_id: str) -> Strength:
        """How binding the pack makes a rule; a rule the pack does not state is SILENT."""
        rule = self._rules.get(rule_id)
        return rule.strength if rule is not None else Strength.SILENT

    def binds(self, rule_id: str) -> bool:
        """Whether the rule refuses (MUST or ONLY) in this pack: the one strength test."""
        return self.strength(rule_id) in BINDING

    def warns(self, rule_id: str) -> bool:
        """Whether the rule is PREFERRED: not met, it needs a written justification."""
        return self.strength(rule_id) == Strength.PREFERRED

    def citation_of(self, rule_id: str) -> str:
        """The rule's citations, or "" when the pack does not state the rule."""
        return self.cite_rule(rule_id) if rule_id in self._rules else ""

    def rule(self, rule_id: str) -> Rule:
        try:
            return self._rules[rule_id]
        except KeyError as exc:
            raise UnknownRule(f"pack {self.id} has no rule {rule_id}") from exc

    def cite(self, citation: Citation) -> str:
        """Full citation text, e.g. 'Perwali Surakarta 32/2023 Pasal 15 ayat (5)'."""
        instrument = citation.instrument or self.short
        return f"{instrument} {citation.article}"

    def cite_rule(self, rule_id: str) -> str:
        """All citations of a rule joined, e.g. for a refusal message."""
        return "; ".join(self.cite(citation) for citation in self.rule(rule_id).citations)

    @property
    def parameters(self) -> PackParameters:
        """The pack's typed `[parameters]` (every key validated when the pack loaded)."""
        return self.data.parameters

    def rule_params(self, rule_id: str, model: type[P]) -> P:
        """The typed parameters of a rule code reads (see `RULE_PARAMS`).

        Raises UnknownRule when the pack has no such rule or gives it no parameters of `model`.
        """
        params = self.rule(rule_id).typed_params
        if not isinstance(params, model):
            raise UnknownRule(f"pack {self.id} gives rule {rule_id} no {model.__name__}")
        return params


WORKFLOWS_SUFFIX = ".workflows.toml"


def _parts(path: Path) -> list[Path]:
    """The part files of a pack, in name order: `<id>.<part>.toml` beside `<id>.toml`."""
    return sorted(p for p in path.parent.glob(f"{path.stem}.*.toml") if p.stem.count(".") == 1)


def _read(path: Path) -> Pack:
    """Read a pack and its part files (`<id>.workflows.toml` and any other `<id>.<part>.toml`),
    so one area of the regulation (the work cycle, performance management) keeps its own file."""
    return _parse(path.read_bytes(), tuple(part.read_bytes() for part in _parts(path)))


def pack_raw(path: Path) -> dict[str, Any]:
    """A pack's tables with its part files merged, before validation: for a tool or a test that
    changes one table of a real pack and validates the whole of it."""
    return _merged(path.read_bytes(), tuple(part.read_bytes() for part in _parts(path)))


def _merged(text: bytes, parts: tuple[bytes, ...]) -> dict[str, Any]:
    raw = tomllib.loads(text.decode())
    for part in parts:
        extra = tomllib.loads(part.decode())
        # A part adds to its pack: a table is merged key by key (`workflows`, `parameters`, a new
        # area's own table), an array of tables (`rules`) is appended to.
        for key, value in extra.items():
            if isinstance(value, list):
                raw.setdefault(key, []).extend(value)
            else:
                raw.setdefault(key, {}).update(value)
    return raw


@functools.lru_cache(maxsize=32)
def _parse(text: bytes, parts: tuple[bytes, ...]) -> Pack:
    """The validated pack of these file contents. Keyed by the contents themselves, so the
    start-up checks, `packs --check` and `load_pack` of one process parse a pack once (the
    TOML parse and validation are most of a pack's load), and an edited file is read afresh."""
    return Pack.model_validate(_merged(text, parts))


def _pack_files(directory: Path) -> list[Path]:
    """The packs themselves: `<id>.toml`, not their part files."""
    return sorted(p for p in directory.glob("*.toml") if "." not in p.stem)


def _describe(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors()[:5]:
        location = ".".join(str(item) for item in error["loc"])
        parts.append(f"{location}: {error['msg']}" if location else str(error["msg"]))
    return "; ".join(parts)


def check_all(directory: Path = PACKS_DIR) -> list[PackCheck]:
    """Validate every pack file in a directory, reporting each one."""
    results = []
    for path in _pack_files(directory):
        try:
            pack = _read(path)
        except ValidationError as exc:
            results.append(PackCheck(path.stem, path, ok=False, rules=0, error=_describe(exc)))
            continue
        except tomllib.TOMLDecodeError as exc:
            results.append(PackCheck(path.stem, path, ok=False, rules=0, error=f"TOML: {exc}"))
            continue
        if pack.pack.id != path.stem:
            error = f"pack id {pack.pack.id!r} does not match file name {path.name!r}"
            results.append(PackCheck(path.stem, path, ok=False, rules=0, error=error))
            continue
        results.append(PackCheck(pack.pack.id, path, ok=True, rules=len(pack.rules), error=""))
    return results


@functools.cache
def load_pack(pack_id: str) -> LoadedPack:
    """Return the validated pack; raise UnknownPack or PackError with the reason."""
    path = PACKS_DIR / f"{pack_id}.toml"
    if not pack_id or "/" in pack_id or not path.is_file():
        known = ", ".join(available_pack_ids())
        raise UnknownPack(f"unknown pack {pack_id!r}; available: {known}")
    try:
        return LoadedPack(_read(path), path)
    except ValidationError as exc:
        raise PackError(f"pack {pack_id} is invalid: {_describe(exc)}") from exc


def available_pack_ids() -> list[str]:
    """Ids of the pack files present (valid or not)."""
    return [path.stem for path in _pack_files(PACKS_DIR)]


def load_all() -> list[LoadedPack]:
    """Load every pack, failing on the first invalid one (used at start-up)."""
    return [load_pack(pack_id) for pack_id in available_pack_ids()]
