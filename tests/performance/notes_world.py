"""Feedback and evidence on RHK, set up through the services (SPEC §6.4; P-FEEDBACK,
P-EVIDENCE), and a Kotim team whose work fed a member's SKP (the lead gives feedback on it)."""

from __future__ import annotations

from pathlib import Path

from sikerja.organization.models import Employee
from sikerja.performance import services
from sikerja.performance.models import Rhk, RhkEvidence, RhkFeedback, RhkProposal, Skp
from sikerja.performance.services.evidence import rhk_evidence_upload
from sikerja.performance.services.feed import rhk_proposal_accept
from sikerja.performance.services.feedback import Period, rhk_feedback_give
from sikerja.teams.services import team_propose
from sikerja.teams.services.evidence import Upload
from tests.organization.builders import build_org
from tests.performance.world import NOW, ON
from tests.teams.work import samples
from tests.teams.world import decide, staff, team_input

# Surakarta's own articles first (stage 2, Pasal 28 ayat (1) huruf b; the lead's periodic
# advice, Pasal 23 ayat (5) huruf d), then the national rule (surakarta-2023.feedback.toml).
FEEDBACK_CITATION = (
    "Perwali Surakarta 32/2023 Pasal 28 ayat (1) huruf b; "
    "Perwali Surakarta 32/2023 Pasal 23 ayat (5) huruf d; "
    "PermenPANRB 6/2022 tahap pelaksanaan, pemantauan kinerja, dan pembinaan kinerja "
    "(umpan balik berkelanjutan)"
)
EVIDENCE_CITATION = (
    "Perwali Surakarta 32/2023 Pasal 28 ayat (1) huruf b; "
    "PermenPANRB 6/2022 tahap pelaksanaan, pemantauan kinerja, dan pembinaan kinerja "
    "(pendokumentasian kinerja)"
)


def give(by: Employee, rhk: Rhk, text: str = "Pertahankan", period=None) -> RhkFeedback:
    about = Period(*period) if period else None
    return rhk_feedback_give(actor=by, rhk_id=rhk.pk, text=text, period=about, at=NOW, on=ON)


def attach(
    by: Employee, rhk: Rhk, name: str = "bukti.pdf", content: bytes = samples.PDF, period=None
) -> RhkEvidence:
    about = Period(*period) if period else None
    return rhk_evidence_upload(
        actor=by, rhk_id=rhk.pk, upload=Upload(name, content), period=about, at=NOW, on=ON
    )


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def fed_member(capture, others: tuple[str, ...] = ()):
    """A Kotim team (lead: the JF Ahli Muda; member: the Pelaksana of the Subbidang, and the
    `others` of `staff` too), and the member's SKP of 2026 with the team's RHK accepted by their
    own appraiser (the Kasubbid)."""
    org = build_org("kotim-2023")
    people = staff(org, pelaksana_unit="subbidang")
    lead, member = people["ahli_muda"], people["pelaksana"]
    with capture(execute=True):
        team = team_propose(
            requester=org.people["bidang"],
            data=team_input(
                lead_id=lead.pk, member_ids=[member.pk, *(people[name].pk for name in others)]
            ),
            at=NOW,
            on=ON,
        )
        team = decide(team, "approve")
    return org, lead, member, team, fed_skp(member)


def fed_skp(member: Employee) -> Skp:
    """The member's SKP of 2026 with the team's RHK, accepted by their own appraiser."""
    skp = services.skp_create(actor=member, year=2026, at=NOW, on=ON)
    proposal = RhkProposal.objects.get(employee=member)
    appraiser = Employee.objects.get(pk=proposal.appraiser_id)
    rhk_proposal_accept(actor=appraiser, proposal_id=proposal.pk, at=NOW, on=ON)
    return skp
