"""`manage.py demo --pack ID --employees N`: build the demo pemda and print its logins."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sikerja.accounts.models import Account
from sikerja.core.errors import DomainError
from sikerja.organization.demo import DEFAULT_PASSWORD, PERSONAS, generate, persona_key
from sikerja.organization.models import Employee, Government
from sikerja.organization.persona_labels import persona_labels
from sikerja.regulations.loader import available_pack_ids

OFFICIALS = (
    "Pejabat lain yang dicapai alur demo (setiap pemegang jabatan pimpinan, termasuk Plt./Plh.): "
    "masuk dengan NIP sebagai login (berawalan kode bila --prefix), kata sandi yang sama."
)


class Command(BaseCommand):
    """Build one deterministic demo government for a regulation pack and list its logins.

    `--if-empty` leaves an existing database alone and lists the logins already there (what
    `make run` uses). `--prefix` prefixes the logins with the government's kode ("ska.sekda"),
    so that several demo governments can live in one database.
    """

    help = "Build the demo pemda for a regulation pack and print its demo logins."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--pack", required=True, help="Pack id, e.g. surakarta-2023.")
        parser.add_argument("--employees", type=int, required=True, help="Number of employees.")
        parser.add_argument("--seed", type=int, default=1, help="Seed: same seed, same demo.")
        parser.add_argument("--password", default=DEFAULT_PASSWORD, help="Password of every login.")
        parser.add_argument("--kode", default=None, help="Government kode (default from the pack).")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if any government exists."
        )
        parser.add_argument(
            "--prefix", action="store_true", help="Prefix logins with the kode: ska.sekda."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        pack_id: str = options["pack"]
        if pack_id not in available_pack_ids():
            known = ", ".join(available_pack_ids())
            raise CommandError(f"unknown pack {pack_id!r}; available packs: {known}")
        if options["employees"] < 1:
            raise CommandError("--employees must be a positive number")
        if options["if_empty"] and Government.objects.exists():
            self.stdout.write("Basis data sudah berisi data; demo tidak dibuat ulang.")
            self._existing_logins()
            return
        try:
            result = generate(
                pack_id=pack_id,
                employees=options["employees"],
                seed=options["seed"],
                kode=options["kode"],
                password=options["password"],
                username_prefix=options["prefix"],
                at=timezone.now(),
                on=timezone.localdate(),
            )
        except DomainError as exc:
            raise CommandError(str(exc.message)) from exc
        government, counts = result.government, result.counts
        self.stdout.write(
            f"{government.name} ({government.kode}), paket {government.pack_id}: "
            f"{counts['agencies']} Perangkat Daerah, {counts['units']} unit, "
            f"{counts['positions']} jabatan, {counts['employees']} pegawai "
            f"({counts['pppk']} PPPK), {counts['placements']} penempatan "
            f"({counts['acting']} Plt./Plh.), {counts['delegations']} pendelegasian."
        )
        labels = persona_labels(government, dict(result.personas), timezone.localdate())
        rows = [(login, labels[login], e.full_name) for login, e in result.personas.items()]
        self._table(rows)
        self.stdout.write(OFFICIALS)
        self.stdout.write(f"Kata sandi semua login demo: {options['password']}")

    def _existing_logins(self) -> None:
        accounts = Account.objects.select_related("user", "user__employee", "government")
        by_government: dict[Government, dict[str, Employee | None]] = {}
        for account in accounts.order_by("pk"):
            login = account.user.get_username()
            if persona_key(login) in PERSONAS:
                employee = getattr(account.user, "employee", None)
                by_government.setdefault(account.government, {})[login] = employee
        rows = []
        for government, logins in by_government.items():
            labels = persona_labels(government, logins, timezone.localdate())
            for login, e in logins.items():
                rows.append((login, labels[login], e.full_name if e else ""))
        self._table(rows)
        self.stdout.write(OFFICIALS)
        self.stdout.write(f"Kata sandi: seperti saat demo dibuat (bawaan: {DEFAULT_PASSWORD}).")

    def _table(self, rows: list[tuple[str, str, str]]) -> None:
        width = max((len(login) for login, _, _ in rows), default=8) + 2
        roles = max((len(role) for _, role, _ in rows), default=8) + 2
        self.stdout.write("Login demo:")
        self.stdout.write(f"  {'login':<{width}}{'peran menurut paket':<{roles}}pegawai")
        for login, role, name in rows:
            self.stdout.write(f"  {login:<{width}}{role:<{roles}}{name}")
