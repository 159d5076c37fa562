"""Words printed on process maps, in Indonesian (the regulations' language) and English.

Pure data: the maps are drawn from pack definitions outside any request, so these strings
are chosen by an explicit ``lang`` argument rather than Django's active translation.
"""

from __future__ import annotations

from collections.abc import Mapping

from sikerja.regulations.schema.workflows import (
    ChainSpec,
    Decision,
    Mode,
    Scope,
    Subject,
    chain_name,
    is_chain,
)
from sikerja.workflows import actors, hooks

LANGUAGES = ("id", "en")

_ACTOR_LABELS: dict[str, tuple[str, str]] = {
    "requester": ("Pemohon", "Requester"),
    "applicant": ("Pegawai pemohon", "Applying employee"),
    "candidate": ("Pegawai yang ditugaskan", "Assigned employee"),
    "owner.unit_head": (
        "Pimpinan Unit Organisasi pemilik kinerja",
        "Head of the performance-owner unit",
    ),
    "owner.appraiser": (
        "Pejabat Penilai Kinerja (pemilik kinerja)",
        "Performance appraiser (owner unit)",
    ),
    "owner.authorized_official": (
        "Pejabat yang Berwenang (PD pemilik kinerja)",
        "Authorised official (owner's regional agency)",
    ),
    "owner.agency_head": (
        "Kepala Perangkat Daerah (pemilik kinerja)",
        "Head of the owner's regional agency",
    ),
    "home.unit_head": (
        "Pimpinan Unit Organisasi (unit pegawai)",
        "Head of the employee's unit",
    ),
    "home.appraiser": (
        "Pejabat Penilai Kinerja (unit pegawai)",
        "Performance appraiser (employee's unit)",
    ),
    "home.authorized_official": (
        "Pejabat yang Berwenang (PD pegawai)",
        "Authorised official (employee's regional agency)",
    ),
    "home.agency_head": (
        "Kepala Perangkat Daerah (PD pegawai)",
        "Head of the employee's regional agency",
    ),
    "government.regional_secretary": ("Sekretaris Daerah", "Regional Secretary"),
    "government.regional_head": ("Kepala Daerah", "Regional Head"),
    "external.authorized_official": (
        "Pejabat yang Berwenang instansi lain",
        "Authorised official of another government agency",
    ),
}

_DECISION_LABELS: dict[Decision, tuple[str, str]] = {
    Decision.SUBMIT: ("kirim", "submit"),
    Decision.APPROVE: ("setuju", "approve"),
    Decision.REJECT: ("tolak", "reject"),
    Decision.RETURN: ("kembalikan", "return"),
    Decision.ACKNOWLEDGE: ("terima", "acknowledge"),
    Decision.FORWARD: ("teruskan", "forward"),
    Decision.RECORD: ("catat", "record"),
}

_TERMINAL_LABELS: dict[str, tuple[str, str]] = {
    "@approved": ("Selesai", "Done"),
    "@rejected": ("Ditolak", "Rejected"),
    "@withdrawn": ("Ditarik", "Withdrawn"),
}

_MODE_LABELS: dict[Mode, tuple[str, str]] = {
    Mode.APPOINTMENT: ("Penunjukan", "Appointment"),
    Mode.VOLUNTARY: ("Pengajuan sukarela", "Voluntary application"),
}

_SCOPE_LABELS: dict[Scope, tuple[str, str]] = {
    Scope.WITHIN_UNIT: ("di dalam unit organisasi", "within one unit"),
    Scope.CROSS_UNIT: ("lintas unit organisasi", "across units"),
    Scope.CROSS_PD: ("lintas Perangkat Daerah", "across regional agencies"),
    Scope.CROSS_INSTANSI: ("lintas instansi pemerintah", "across government agencies"),
}

_SUBJECT_LABELS: dict[Subject, tuple[str, str]] = {
    Subject.INDIVIDUAL: ("perorangan", "individual"),
    Subject.TEAM: ("tim", "team"),
}

_PHRASES: dict[str, tuple[str, str]] = {
    "product_marker": (
        "ditetapkan oleh produk (bukan teks peraturan)",
        "set by the product (not regulation text)",
    ),
    "flow_not_specified": (
        "Alur ini tidak diatur oleh paket peraturan:",
        "The pack's regulation does not specify this flow:",
    ),
    "product_legend": (
        "Kotak bergaris putus-putus: langkah",
        "Dashed boxes: steps",
    ),
    "forbidden": (
        "Alur ini tidak diizinkan oleh paket peraturan.",
        "The pack's regulation does not allow this flow.",
    ),
    "basis": ("Dasar:", "Basis:"),
    "recommendation": ("Dengan rekomendasi: %(actor)s", "With a recommendation from: %(actor)s"),
    "deadline": ("Batas waktu: %(days)s hari", "Deadline: %(days)s days"),
    "addressees": ("→ %(parties)s", "→ %(parties)s"),
    "copies": ("Tembusan: %(parties)s", "Copies: %(parties)s"),
    "signer": ("Ditandatangani: %(party)s", "Signed by: %(party)s"),
    "start": ("Mulai", "Start"),
    "map": ("Peta lintas fungsi", "Cross-functional process map"),
    "decision_of": ("keputusan %(decision)s", "decision %(decision)s"),
    "otherwise": ("selain itu", "otherwise"),
    "not": ("bukan %(condition)s", "not %(condition)s"),
}


def check_language(lang: str) -> None:
    """Raises ValueError unless maps can be written in `lang`."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported map language {lang!r}; use one of {LANGUAGES}")


def _pick(pair: tuple[str, str], lang: str) -> str:
    check_language(lang)
    return pair[LANGUAGES.index(lang)]


def actor_lane_label(
    expression: str, lang: str = "id", chains: Mapping[str, ChainSpec] | None = None
) -> str:
    """The lane title for an actor expression, e.g. 'home.appraiser' → its Indonesian name.

    Expressions other kinds' apps registered take the label they registered with; a chain of
    officials (`chain:<name>`) takes its label in the pack's `chains`.
    Raises ValueError for an expression or language without a label.
    """
    chain = (chains or {}).get(chain_name(expression)) if is_chain(expression) else None
    if chain is not None:
        return _pick((chain.label, chain.label_en), lang)
    pair = _ACTOR_LABELS.get(expression) or actors.registered_label(expression)
    if pair is None:
        raise ValueError(f"no lane label for actor expression {expression!r}")
    return _pick(pair, lang)


def decision_label(decision: Decision, lang: str = "id") -> str:
    """The word printed on a transition arrow, e.g. 'setuju' for approve."""
    return _pick(_DECISION_LABELS[decision], lang)


def terminal_label(terminal: str, lang: str = "id") -> str:
    """The caption of an end node, e.g. 'Ditolak' for '@rejected'."""
    return _pick(_TERMINAL_LABELS[terminal], lang)


def mode_label(mode: Mode, lang: str = "id") -> str:
    return _pick(_MODE_LABELS[mode], lang)


def scope_label(scope: Scope, lang: str = "id") -> str:
    return _pick(_SCOPE_LABELS[scope], lang)


def subject_label(subject: Subject, lang: str = "id") -> str:
    return _pick(_SUBJECT_LABELS[subject], lang)


def condition_label(condition: str, lang: str = "id") -> str:
    """The words for a guard on a transition arrow, as the kind's hooks name it ("!" negates;
    "" is the plain way out of a decision that also has guarded ones: "otherwise").

    Raises ValueError for a condition no registered kind names.
    """
    if not condition:
        return phrase("otherwise", lang)
    pair = hooks.condition_label(condition)
    if pair is None and condition.startswith("!"):
        positive = hooks.condition_label(condition[1:])
        if positive is not None:
            return phrase("not", lang, condition=_pick(positive, lang))
    if pair is None:
        raise ValueError(f"no label for condition {condition!r}")
    return _pick(pair, lang)


def phrase(key: str, lang: str = "id", **values: object) -> str:
    """A fixed phrase of the map, with %(name)s placeholders filled from ``values``."""
    text = _pick(_PHRASES[key], lang)
    return text % values if values else text
