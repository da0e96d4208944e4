"""The coordinated individual plan (*samordnad individuell plan*, SIP).

When a person needs measures from both social services and health care, and the
municipality or the region judges a plan necessary, they make a SIP together —
if the person consents. The plan must state four things: which measures are
needed; which principal (*huvudman*) is responsible for which; what anyone other
than the municipality or the region will do; and which principal has the overall
responsibility. Relatives take part if it is suitable and the person does not
object, and only after being asked whether they want to. Everyone with a
responsibility is invited to the SIP meeting. After a hospital stay the invitation
is sent within 3 days of the notice that the patient is ready for discharge.

References:
    - Hälso- och sjukvårdslag (2017:30) 16 kap. 4 §.
    - Socialtjänstlag (2025:400) 10 kap. 8–9 §§ (before 2025-07-01: SoL 2001:453 2 kap. 7 §).
    - Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård.
    - Seed 002: "Planen ska upprättas om landstinget eller kommunen bedömer att den behövs
      … och om den enskilde samtycker till att den upprättas (HSL § 3 f, … SoL kap. 2 § 7)".
    - Seed 001: a SIP meeting where not all parties came "fungerade det inte".
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from anhorig import _checks
from anhorig._checks import a_bool, a_date, collecting, each, instance_of, non_empty_text, optional
from anhorig.organisations import Principal, Sector
from anhorig.people import Person
from anhorig.plans._common import (
    Coordinator,
    FollowUp,
    PlanConsent,
    PlanStatus,
    reviewed_follow_ups,
)
from anhorig.plans._lifecycle import transition
from anhorig.plans.policy import PlanPolicy
from anhorig.relations import RelationKind

__all__ = [
    "CoordinatedPlan",
    "Discharge",
    "Meeting",
    "Participant",
    "Responsibility",
    "SipRelative",
]

_ID = _checks.matches(
    r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}",
    "ett id: A-Z a-z 0-9 . _ : -",
    en="an id: A-Z a-z 0-9 . _ : -",
)

_SIP_PRINCIPALS = (Principal.MUNICIPALITY, Principal.REGION)
"""The two principals who make a SIP; anyone else's part is a measure by others."""


@collecting
@attrs.frozen(kw_only=True, order=False)
class Participant:
    """A professional party to a SIP (*deltagare*) and their principal (*huvudman*)."""

    id: str = attrs.field(validator=_ID)
    person: Person = attrs.field(validator=instance_of(Person))
    organisation: str = attrs.field(validator=non_empty_text)
    principal: Principal = attrs.field(validator=instance_of(Principal))
    title: str = attrs.field(default="", validator=_checks.text)


@collecting
@attrs.frozen(kw_only=True, order=False)
class SipRelative:
    """A relative who may take part in a SIP (*närstående som deltar*).

    They take part only after being asked whether they want to (``asked_on``,
    ``wants_to_take_part``), and not if the individual objects.
    """

    id: str = attrs.field(validator=_ID)
    person: Person = attrs.field(validator=instance_of(Person))
    relation: RelationKind = attrs.field(validator=instance_of(RelationKind))
    asked_on: date | None = attrs.field(default=None, validator=optional(a_date))
    wants_to_take_part: bool | None = attrs.field(default=None, validator=optional(a_bool))
    individual_objects: bool = attrs.field(default=False, validator=a_bool)

    def may_take_part(self, on: date) -> bool:
        """Whether the relative was asked by ``on``, said yes, and the individual does not object."""
        return (
            self.asked_on is not None
            and self.asked_on <= on
            and self.wants_to_take_part is True
            and not self.individual_objects
        )


@collecting
@attrs.frozen(kw_only=True, order=False)
class Responsibility:
    """One measure in a SIP and who provides it (*insats och ansvarsfördelning*).

    ``holder_id`` names a participant (whose principal provides it) or a relative
    (a measure by someone other than the municipality or the region).
    """

    id: str = attrs.field(validator=_ID)
    measure: str = attrs.field(validator=non_empty_text, repr=lambda v: f"<{len(v)} tecken>")
    holder_id: str = attrs.field(validator=_checks.text)
    field: Sector = attrs.field(validator=instance_of(Sector))


def _attended_were_invited(instance: Meeting, attribute: attrs.Attribute[Any], value: Any) -> None:
    each(str)(instance, attribute, value)
    invited = instance.invited
    if isinstance(value, frozenset) and isinstance(invited, frozenset) and not value <= invited:
        _checks.fail(
            "attended",
            sv=f"deltog utan att vara kallade: {sorted(map(str, value - invited))}",
            en=f"attended without an invitation: {sorted(map(str, value - invited))}",
        )


@collecting
@attrs.frozen(kw_only=True, order=False)
class Meeting:
    """A SIP meeting (*SIP-möte*): who was invited, and who came (once held).

    ``invited`` and ``attended`` hold participant and relative ids.
    """

    held_on: date = attrs.field(validator=a_date)
    invited: frozenset[str] = attrs.field(validator=each(str))
    attended: frozenset[str] = attrs.field(default=frozenset(), validator=_attended_were_invited)


@collecting
@attrs.frozen(kw_only=True, order=False)
class Discharge:
    """The hospital stay a SIP follows (*utskrivning från sluten vård*).

    ``ready_notified_on``: the day the municipality was notified that the patient
    is ready for discharge (*underrättelse om utskrivningsklar*);
    ``invitation_sent_on``: the day the SIP invitation (*kallelse*) was sent.
    """

    admitted_on: date = attrs.field(validator=a_date)
    ready_notified_on: date = attrs.field(validator=a_date)
    invitation_sent_on: date | None = attrs.field(default=None, validator=optional(a_date))
    discharged_on: date | None = attrs.field(default=None, validator=optional(a_date))

    @ready_notified_on.validator
    def _after_admission(self, attribute: attrs.Attribute[date], value: date) -> None:
        if (
            _checks.is_date(value)
            and _checks.is_date(self.admitted_on)
            and value < self.admitted_on
        ):
            _checks.fail(
                "ready_notified_on",
                sv=f"får inte vara före admitted_on ('{self.admitted_on}'), fick '{value}'",
                en=f"must not be before admitted_on ('{self.admitted_on}'), got '{value}'",
            )

    _checks.describe(
        _after_admission,
        "rule",
        None,
        "ready_notified_on is on or after admitted_on",
        "admitted_on <= ready_notified_on",
    )


@collecting
@attrs.frozen(kw_only=True, order=False)
class CoordinatedPlan:
    """A coordinated individual plan (*samordnad individuell plan*, SIP).

    ``individual`` is the person the plan is for; ``participants`` the professional
    parties and their principals; ``responsibilities`` the measures and who provides
    each; ``others_considered`` says the plan has stated what others than the
    municipality and the region will do (possibly nothing); ``lead_principal`` has
    the overall responsibility; ``coordinator`` is a professional; ``relatives`` may
    take part; ``meetings`` record invitations and attendance; ``discharge`` is set
    when the SIP follows a hospital stay.
    """

    id: str = attrs.field(validator=_ID)
    individual: Person = attrs.field(validator=instance_of(Person))
    initiated_by: Principal = attrs.field(validator=instance_of(Principal))
    created_on: date = attrs.field(validator=a_date)
    participants: tuple[Participant, ...] = attrs.field(default=(), validator=each(Participant))
    responsibilities: tuple[Responsibility, ...] = attrs.field(
        default=(), validator=each(Responsibility)
    )
    others_considered: bool = attrs.field(default=False, validator=a_bool)
    lead_principal: Principal | None = attrs.field(
        default=None, validator=optional(instance_of(Principal))
    )
    coordinator: Coordinator | None = attrs.field(
        default=None, validator=optional(instance_of(Coordinator))
    )
    relatives: tuple[SipRelative, ...] = attrs.field(default=(), validator=each(SipRelative))
    meetings: tuple[Meeting, ...] = attrs.field(default=(), validator=each(Meeting))
    follow_ups: tuple[FollowUp, ...] = attrs.field(default=(), validator=each(FollowUp))
    consents: tuple[PlanConsent, ...] = attrs.field(default=(), validator=each(PlanConsent))
    discharge: Discharge | None = attrs.field(
        default=None, validator=optional(instance_of(Discharge))
    )
    status: PlanStatus = attrs.field(default=PlanStatus.DRAFT, validator=instance_of(PlanStatus))

    # --- lifecycle ---------------------------------------------------------------------

    def _step(
        self, to: PlanStatus, on: date, policy: PlanPolicy | None, **changes: Any
    ) -> CoordinatedPlan:
        return transition(self, to, on=on, policy=policy, **changes)

    def agree(
        self, *, on: date, follow_up: date | None = None, policy: PlanPolicy | None = None
    ) -> CoordinatedPlan:
        """``DRAFT`` → ``AGREED`` on ``on`` with a first follow-up due on ``follow_up``;
        refused with ``RuleViolation`` carrying the findings of an agreed SIP."""
        follow_ups = (
            self.follow_ups if follow_up is None else (*self.follow_ups, FollowUp(due=follow_up))
        )
        return self._step(PlanStatus.AGREED, on, policy, follow_ups=follow_ups)

    def activate(self, *, on: date, policy: PlanPolicy | None = None) -> CoordinatedPlan:
        """``AGREED`` → ``ACTIVE``."""
        return self._step(PlanStatus.ACTIVE, on, policy)

    def start_review(self, *, on: date, policy: PlanPolicy | None = None) -> CoordinatedPlan:
        """``ACTIVE`` → ``UNDER_REVIEW``."""
        return self._step(PlanStatus.UNDER_REVIEW, on, policy)

    def complete_review(
        self, *, on: date, next_follow_up: date, note: str = "", policy: PlanPolicy | None = None
    ) -> CoordinatedPlan:
        """``UNDER_REVIEW`` → ``ACTIVE``: the earliest open follow-up is done on ``on``, the
        next is due on ``next_follow_up``."""
        return self._step(
            PlanStatus.ACTIVE,
            on,
            policy,
            follow_ups=reviewed_follow_ups(self.follow_ups, on, next_follow_up, note),
        )

    def close(self, *, on: date, policy: PlanPolicy | None = None) -> CoordinatedPlan:
        """Any status but ``CLOSED`` → ``CLOSED``."""
        return self._step(PlanStatus.CLOSED, on, policy)

    def party(self, party_id: str) -> Participant | SipRelative | None:
        """The participant or relative with ``party_id``, if any."""
        for participant in self.participants:
            if participant.id == party_id:
                return participant
        for relative in self.relatives:
            if relative.id == party_id:
                return relative
        return None

    def responsible_participants(self) -> tuple[str, ...]:
        """Ids of participants holding a responsibility, in first-mentioned order."""
        ids = {p.id for p in self.participants}
        seen: dict[str, None] = {}
        for r in self.responsibilities:
            if r.holder_id in ids:
                seen.setdefault(r.holder_id, None)
        return tuple(seen)

    def measures_by_others(self) -> tuple[Responsibility, ...]:
        """Measures held by a relative or by a participant whose principal is neither
        the municipality nor the region (a private provider, a voluntary organisation,
        another principal)."""
        out = []
        for r in self.responsibilities:
            holder = self.party(r.holder_id)
            if isinstance(holder, SipRelative) or (
                isinstance(holder, Participant) and holder.principal not in _SIP_PRINCIPALS
            ):
                out.append(r)
        return tuple(out)
