"""Gallring: which of a person's records a purge removes, in groups (see
:meth:`anhorig.store.Store.purge`).

A record goes only with its group (a consent with its revocations, a block with its
lifts, a grant with its bookings and cancellations) and only once nothing in the group can
change an answer about an instant from the cut-off on.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from typing import Any

import pendulum

from anhorig.consent import (
    Block,
    BlockLift,
    Consent,
    DecisionPolicy,
    HarmAssessment,
    Revocation,
)
from anhorig.respite import Booking, Cancellation, RespiteGrant
from anhorig.serialization import from_json
from anhorig.store._kinds import KINDS
from anhorig.time import ZONE, local

__all__ = ["FOREVER", "group_end", "purgeable"]


def purgeable(
    rows: list[tuple[int, str, str, Any]], cutoff: pendulum.DateTime, policy: DecisionPolicy
) -> list[tuple[int, str]]:
    """``(seq, kind)`` of the records that go, in groups (see :meth:`anhorig.store.Store.purge`)."""
    groups: dict[tuple[str, str], list[tuple[int, str, Any]]] = defaultdict(list)
    for seq, kind, document, grant_id in rows:
        record = from_json(KINDS[kind], document)
        if isinstance(record, Consent):
            groups["consent", record.id].append((seq, kind, record))
        elif isinstance(record, Revocation):
            groups["consent", record.consent_id].append((seq, kind, record))
        elif isinstance(record, Block):
            groups["block", record.id].append((seq, kind, record))
        elif isinstance(record, BlockLift):
            groups["block", record.block_id].append((seq, kind, record))
        elif isinstance(record, HarmAssessment):
            groups["assessment", record.id].append((seq, kind, record))
        elif grant_id is not None:
            groups["grant", str(grant_id)].append((seq, kind, record))
    doomed: list[tuple[int, str]] = []
    for (group, _), members in groups.items():
        if group_end(group, [m[2] for m in members], policy) < cutoff:
            doomed.extend((seq, kind) for seq, kind, _ in members)
    return sorted(doomed)


FOREVER = pendulum.datetime(9999, 1, 1, tz=ZONE)
"""Later than any record can end: a group that never ends is never purged."""


def group_end(group: str, records: list[Any], policy: DecisionPolicy) -> pendulum.DateTime:
    """The instant after which nothing in the group can change an answer again."""
    instants: list[pendulum.DateTime] = []
    ended: pendulum.DateTime | None = None
    if group == "consent":
        consents = [r for r in records if isinstance(r, Consent)]
        if not consents:
            return FOREVER
        consent = consents[0]
        instants += [consent.given_at, consent.valid_from]
        ends = [r.revoked_at for r in records if isinstance(r, Revocation)]
        instants += ends
        if consent.valid_until is not None:
            ends.append(consent.valid_until)
        ended = min(ends) if ends else None
    elif group == "block":
        blocks = [r for r in records if isinstance(r, Block)]
        if not blocks:
            return FOREVER
        instants.append(blocks[0].placed_at)
        lifts = [r for r in records if isinstance(r, BlockLift)]
        instants += [r.lifted_at for r in lifts]
        complete = [r.lifted_at for r in lifts if r.evidence.is_complete]
        ended = min(complete) if complete else None
    elif group == "assessment":
        assessment = records[0]
        last = assessment.assessed_at.in_timezone(ZONE).date() + timedelta(
            days=policy.harm_assessment_days
        )
        ended = local(last.year, last.month, last.day)
        instants.append(assessment.assessed_at)
    else:
        grants = [r for r in records if isinstance(r, RespiteGrant)]
        if not grants or grants[0].validity.end is None:
            return FOREVER
        end = grants[0].validity.end
        ended = local(end.year, end.month, end.day)
        for record in records:
            if isinstance(record, Booking):
                instants += [record.made_at, record.interval.end]
            elif isinstance(record, Cancellation):
                instants.append(record.at)
    if ended is None:
        return FOREVER
    return max([ended, *instants])
