"""What the three plan kinds share: status, follow-ups, coordinators, consent records.

A plan records the consents that cover what it holds as plan-level records
(:class:`PlanConsent`): who the information is about, who gave the consent, to
what (documenting in the plan, sharing with the plan's participants), shared with
whom, when, how it was given and recorded, and when it was revoked. The rules
check those records. A system that keeps consents in a registry (for instance
``anhorig.consent``'s) plugs it in through :class:`ConsentOracle`: give the rule
check a ``consent_oracle`` and it, not the plan's records, decides whether a
person's consent covers a purpose on the date judged;
:class:`~anhorig.plans._oracle.RegistryOracle` adapts ``anhorig.consent``'s
:class:`~anhorig.consent.ConsentRegistry` to it.

Who gave a consent and how are consent's words (:class:`GrantorCapacity`,
:class:`EvidenceForm`), and whether that grantor may consent is consent's one rule
(:func:`anhorig.consent.grantors.grantor_refusal`): one law, one answer in both
families (issue 12).

References:
    - Offentlighets- och sekretesslag (2009:400) 12 kap. 2–3 §§: consent waives secrecy;
      the custodian consents for a child.
    - Socialstyrelsen, *Samtycke* (Kunskapsguiden): oral consent is valid and documented;
      consent is specific and revocable; each person consents for their own information.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol, runtime_checkable

import attrs

from anhorig import _checks
from anhorig._arguments import checked
from anhorig._checks import (
    a_bool,
    a_date,
    collecting,
    each,
    instance_of,
    month_days,
    non_empty_text,
    optional,
)
from anhorig.consent.grantors import EvidenceForm, GrantorCapacity, may_consent
from anhorig.consent.policy import DecisionPolicy
from anhorig.errors import InvalidInput
from anhorig.language import LabelledEnum
from anhorig.people import Person

__all__ = [
    "CONSENT_POLICY",
    "LIVE_STATUSES",
    "ConsentForm",
    "ConsentOracle",
    "ConsentPurpose",
    "Coordinator",
    "EvidenceForm",
    "FollowUp",
    "GrantorCapacity",
    "GrantorKind",
    "PlanConsent",
    "PlanStatus",
    "add_months",
    "judged_day",
    "reviewed_follow_ups",
    "same_person",
]


CONSENT_POLICY = DecisionPolicy()
"""Consent's default policy, the one a plan's consents are judged under: made once, as
consent's rule would otherwise make it anew for each consent judged (issue 14)."""


class PlanStatus(LabelledEnum):
    """Where a plan is in its life (*planens status*).

    ``DRAFT`` → ``AGREED`` → ``ACTIVE`` → ``UNDER_REVIEW`` → ``ACTIVE`` again or
    ``CLOSED``. A draft may be incomplete; from ``AGREED`` on the whole chain of
    needs, goals, measures and follow-up must hold.
    """

    DRAFT = "draft", "utkast", "draft"
    AGREED = "agreed", "överenskommen", "agreed"
    ACTIVE = "active", "pågående", "active"
    UNDER_REVIEW = "under_review", "under uppföljning", "under review"
    CLOSED = "closed", "avslutad", "closed"


LIVE_STATUSES = frozenset({PlanStatus.AGREED, PlanStatus.ACTIVE, PlanStatus.UNDER_REVIEW})
"""Statuses in which a plan is in force and every completeness rule applies."""


class ConsentPurpose(LabelledEnum):
    """What a consent recorded in a plan allows (*samtyckets omfattning*)."""

    DOCUMENT_IN_PLAN = (
        "document_in_plan",
        "att uppgifter dokumenteras i planen",
        "that information is documented in the plan",
    )
    SHARE_WITH_PARTICIPANTS = (
        "share_with_participants",
        "att uppgifter lämnas mellan planens deltagare",
        "that information is shared between the plan's participants",
    )


ConsentForm = EvidenceForm
"""Former name of :class:`~anhorig.consent.EvidenceForm` (same values), kept because the
plans reference and tutorial named it; write ``EvidenceForm``."""

GrantorKind = GrantorCapacity
"""Former name of :class:`~anhorig.consent.GrantorCapacity`, kept because the plans
reference named it; write ``GrantorCapacity``. Its former ``GUARDIAN`` (god man or
förvaltare) is an alias of ``GOD_MAN`` (write ``GOD_MAN`` or ``FORVALTARE``), and a
document's ``"guardian"`` reads as ``"god_man"``."""


@collecting
@attrs.frozen(kw_only=True, order=False)
class PlanConsent:
    """A consent recorded in a plan (*samtycke*): whose information, to what, with whom.

    ``subject`` is the person the information is about; ``grantor`` says in what
    capacity the consent was given (consent's :class:`GrantorCapacity`: the subject
    themself, their custodian for a child, or someone who cannot consent for them) and
    ``form`` how (consent's :class:`EvidenceForm`). ``recorded_by`` names who
    documented it (an oral consent must be documented).
    A consent holds from ``given_on`` and until ``revoked_on`` (exclusive): a
    revocation takes effect from that day on.
    """

    id: str = attrs.field(validator=non_empty_text)
    subject: Person = attrs.field(validator=instance_of(Person))
    purposes: frozenset[ConsentPurpose] = attrs.field(
        validator=_checks.and_(each(ConsentPurpose), _checks.not_empty)
    )
    given_on: date = attrs.field(validator=a_date)
    form: EvidenceForm = attrs.field(validator=instance_of(EvidenceForm))
    recorded_by: str = attrs.field(validator=non_empty_text, repr=lambda v: f"<{len(v)} tecken>")
    grantor: GrantorCapacity = attrs.field(
        default=GrantorCapacity.SELF,
        validator=instance_of(GrantorCapacity),
        # Written as "guardian" (god man or förvaltare) before issue 12.
        metadata={_checks.FORMER_VALUES: {"guardian": GrantorCapacity.GOD_MAN}},
    )
    shared_with: frozenset[str] = attrs.field(default=frozenset(), validator=each(str))
    """Recipients named in the consent (organisations or roles), if it allows sharing."""
    revoked_on: date | None = attrs.field(
        default=None, validator=_checks.and_(optional(a_date), _checks.not_before("given_on"))
    )

    def in_force_on(self, on: date) -> bool:
        """Whether the consent was given on or before ``on`` and not revoked by then."""
        return self.given_on <= on and (self.revoked_on is None or on < self.revoked_on)

    def grantor_can_consent(self, on: date, policy: DecisionPolicy | None = None) -> bool:
        """Whether ``grantor`` may consent for ``subject`` on ``on`` (DOMAIN rule 7):
        consent's own rule (:func:`~anhorig.consent.grantors.may_consent`), with
        ``policy``'s age from which a child consents alone (consent's default policy
        when ``None``)."""
        return may_consent(self.grantor, self.subject, on, policy or CONSENT_POLICY)

    def covers(self, subject: Person, purpose: ConsentPurpose, *, on: date) -> bool:
        """Whether this record is a valid consent of ``subject`` to ``purpose`` on ``on``."""
        return (
            same_person(self.subject, subject)
            and purpose in self.purposes
            and self.in_force_on(on)
            and self.grantor_can_consent(on)
        )


@runtime_checkable
class ConsentOracle(Protocol):
    """The seam to a consent registry (*samtyckesregister*).

    ``covers(subject, purpose, on=...)`` answers whether ``subject`` has a valid
    consent to ``purpose`` on ``on``. Given to a plan check as ``consent_oracle``,
    it decides coverage instead of the consents recorded in the plan. Any registry can
    be adapted to this; :class:`~anhorig.plans._oracle.RegistryOracle` adapts
    ``anhorig.consent``'s.
    """

    def covers(self, subject: Person, purpose: ConsentPurpose, *, on: date) -> bool:
        """Whether ``subject``'s consent covers ``purpose`` on ``on``."""
        ...


def same_person(a: Person, b: Person) -> bool:
    """Whether ``a`` and ``b`` are the same person: equal, or the same personnummer."""
    return a == b or (a.id is not None and a.id == b.id)


def judged_day(on: object) -> date:
    """``on``, the day a plan is judged, if it is a date (not a datetime); else
    ``InvalidInput`` at ``on``."""
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
    return on


@checked
def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` calendar months on, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, month_days(year, month)))


@collecting
@attrs.frozen(kw_only=True, order=False)
class FollowUp:
    """A follow-up of a plan (*uppföljning*): when it is due, and when it was done.

    An open follow-up has ``done_on=None``. ``note`` is free text, hidden in ``repr``.
    """

    due: date = attrs.field(validator=a_date)
    done_on: date | None = attrs.field(default=None, validator=optional(a_date))
    note: str = attrs.field(default="", validator=_checks.text, repr=lambda v: f"<{len(v)} tecken>")

    @property
    def is_open(self) -> bool:
        """Whether the follow-up has not been done yet."""
        return self.done_on is None


def reviewed_follow_ups(
    follow_ups: tuple[FollowUp, ...], on: date, next_due: date, note: str
) -> tuple[FollowUp, ...]:
    """``follow_ups`` with the earliest open one done on ``on`` and a new one due ``next_due``."""
    updated = list(follow_ups)
    open_ones = [(f.due, i) for i, f in enumerate(follow_ups) if f.is_open]
    if open_ones:
        _, index = min(open_ones)
        updated[index] = attrs.evolve(follow_ups[index], done_on=on, note=note)
    updated.append(FollowUp(due=next_due))
    return tuple(updated)


@collecting
@attrs.frozen(kw_only=True, order=False)
class Coordinator:
    """Who coordinates the services around a person (*samordnare*, *stödkontakt*, *lots*).

    Relatives are never given the organisational coordination ("anhöriga ska inte
    vara samordnare", seed 003): ``professional`` must be true for a valid plan.
    """

    person: Person = attrs.field(validator=instance_of(Person))
    title: str = attrs.field(validator=non_empty_text)
    """The coordinator's title, e.g. *anhörigkonsulent*, *biståndshandläggare*."""
    organisation: str = attrs.field(validator=non_empty_text)
    professional: bool = attrs.field(validator=a_bool)
