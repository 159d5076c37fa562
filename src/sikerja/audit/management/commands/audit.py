"""`manage.py audit --verify | --checkpoint | --events`: check, anchor or list the audit chains."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from sikerja.audit import checkpoints, selectors


class Command(BaseCommand):
    """Verify the audit hash chains, or anchor their heads in a signed checkpoint file.

    `--verify` prints one line per break and fails if there is any; on success it prints
    `audit chain ok: N events in M governments`, and, when a checkpoint file exists,
    `audit checkpoint ok: <time>` once every chain still holds the event its latest
    checkpoint named. Run it from cron or after a restore: a break means an event was
    changed, removed or inserted outside `event_record`, or the chain was cut.

    `--checkpoint` (from cron, e.g. hourly) verifies the chains and the latest checkpoint, then
    appends the heads of all of them, signed with the audit key, to
    settings.AUDIT_CHECKPOINT_PATH. After deliberately restoring an older backup the restored
    chains end before the latest checkpoint; `--checkpoint --after-restore` anchors them anew
    without that comparison, and the checkpoint records that it was taken after a restore.

    `--events` lists the latest events, newest first, one line each: government and seq, time
    (UTC), action, object, actor and the id of the HTTP request that wrote it (`-` for a
    command), the id of that request's log lines and `X-Request-ID` header;
    `--request-id ID` lists the events one request wrote.
    """

    help = "Verify the audit log's hash chains, or append a signed checkpoint of their heads."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--verify", action="store_true", help="Recompute and check every hash chain."
        )
        parser.add_argument(
            "--checkpoint",
            action="store_true",
            help="Append a signed checkpoint of every chain head to AUDIT_CHECKPOINT_PATH.",
        )
        parser.add_argument(
            "--after-restore",
            action="store_true",
            help=(
                "With --checkpoint, after deliberately restoring an older backup: anchor the "
                "restored heads without comparing them with the latest checkpoint (recorded)."
            ),
        )
        parser.add_argument(
            "--events", action="store_true", help="List the latest events with their request id."
        )
        parser.add_argument(
            "--request-id",
            default="",
            metavar="ID",
            help="With --events, only the events written by this request (X-Request-ID).",
        )
        parser.add_argument(
            "--limit", type=int, default=50, help="With --events, at most this many (50)."
        )
        parser.add_argument(
            "--government", type=int, default=None, metavar="ID", help="Check only this one."
        )

    def handle(
        self, *args: Any, verify: bool, checkpoint: bool, government: int | None, **options: Any
    ) -> None:
        after_restore = bool(options["after_restore"])
        if options["events"]:
            if verify or checkpoint:
                raise CommandError("--events goes alone (with --government, --request-id)")
            self._events(government, request_id=options["request_id"], limit=options["limit"])
            return
        if not (verify or checkpoint):
            raise CommandError("nothing to do: pass --verify, --checkpoint or --events")
        if checkpoint and government is not None:
            raise CommandError("--checkpoint anchors every government: leave out --government")
        if after_restore and (verify or not checkpoint):
            raise CommandError("--after-restore goes with --checkpoint alone")
        latest = self._verify(government, against_checkpoint=not after_restore)
        if verify:
            totals = selectors.chain_totals(government_id=government)
            self.stdout.write(
                f"audit chain ok: {totals.events} events in {totals.governments} governments"
            )
        if checkpoint:
            path = checkpoints.checkpoint_path()
            taken = checkpoints.checkpoint_take(at=timezone.now(), after_restore=after_restore)
            checkpoints.checkpoint_append(taken, path)
            self.stdout.write(
                f"audit checkpoint written: {len(taken.heads)} governments at {taken.at} to {path}"
            )
        elif latest is not None:
            self.stdout.write(f"audit checkpoint ok: {latest.at}")

    def _events(self, government: int | None, *, request_id: str, limit: int) -> None:
        events = selectors.event_list_latest(
            government_id=government, request_id=request_id, limit=limit
        )
        for event in events:
            self.stdout.write(
                f"{event.government_id}#{event.seq} {event.at.isoformat()} {event.action} "
                f"{event.object_type}:{event.object_id} by {event.actor_label} "
                f"request {event.request_id or '-'}"
            )

    def _verify(
        self, government: int | None, *, against_checkpoint: bool
    ) -> checkpoints.Checkpoint | None:
        """Check the chains and the latest checkpoint; the checkpoint, or fail with the breaks."""
        problems = [_line(b) for b in selectors.chain_verify(government_id=government)]
        latest = None
        try:
            if against_checkpoint:
                latest = checkpoints.checkpoint_latest(checkpoints.checkpoint_path())
        except checkpoints.CheckpointInvalid as exc:
            problems.append(f"checkpoint {checkpoints.checkpoint_path()}: {exc}")
        if latest is not None:
            breaks = checkpoints.checkpoint_breaks(latest, government_id=government)
            problems.extend(_line(b) for b in breaks)
        for problem in problems:
            self.stdout.write(problem)
        if problems:
            raise CommandError(f"audit chain broken: {len(problems)} break(s)")
        return latest


def _line(chain_break: selectors.ChainBreak) -> str:
    return f"government {chain_break.government_id} seq {chain_break.seq}: {chain_break.reason}"
