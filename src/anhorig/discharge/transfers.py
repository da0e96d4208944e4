"""Who may be told what at discharge: every transfer decided by the consent engine.

Lag (2017:612) transfers information only "om sekretess eller tystnadsplikt inte
hindrar", so nothing here decides a disclosure itself: each recipient's need for each
class of information becomes a :class:`~anhorig.consent.DisclosureRequest` and
:func:`anhorig.consent.evaluate` answers it from the process's consent records. A
:class:`TransferDecision` keeps the question and the answer, with its basis and reasons,
so a checklist can show which recipient is covered, which is not, and why.

The request:

- **subject**: the patient; **holder**: the hospital, or the organisation of the
  recipient named in ``given_by`` (home care is told by the needs assessor);
- **recipient**: the unit's organisation, purpose *discharge planning*; or the relative
  as a person (role *relative*), purpose *informing a relative*, with what their
  recorded involvement says (a relative who does not want information is not given it);
- **instant**: when the information was sent, if it was; otherwise the start of the
  discharge day (a basis must exist before the day the information is due), or, with no
  discharge day planned, the end of the day judged.

References:
    - Lag (2017:612) om samverkan vid utskrivning; Offentlighets- och sekretesslag
      (2009:400) 25 kap. 1 §, 26 kap. 1 §, 12 kap. 2 §.
    - DOMAIN.md rules 6, 8, 11 and 12.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import attrs
import pendulum

from anhorig._arguments import checked, checked_first
from anhorig._checks import collecting, instance_of, text
from anhorig.consent import (
    Action,
    Decision,
    DecisionPolicy,
    DisclosureRequest,
    InfoCategory,
    Outcome,
    Purpose,
    Recipient,
    RecipientRole,
    circumstances_from,
    evaluate,
)
from anhorig.discharge._fields import an_id, an_instant, optional_instant, to_instant
from anhorig.discharge.model import (
    DischargeProcess,
    InformationTransfer,
    RelativeAtDischarge,
    StageInformation,
)
from anhorig.language import Text
from anhorig.organisations import Organisation
from anhorig.time import day_interval

__all__ = [
    "TransferDecision",
    "decide_stage",
    "decide_transfers",
    "describe",
    "holder_of",
    "sent_at",
]

_DECLINES = "CONSENT-RECIPIENT-DECLINES"


@collecting
@attrs.frozen(kw_only=True, order=False)
class TransferDecision:
    """Whether ``to`` may be told ``category`` about the patient (*beslut om
    informationsöverföring*): the consent engine's :class:`~anhorig.consent.Decision`
    for the request asked at ``asked_at``, by holder ``holder_id``."""

    to: str = attrs.field(validator=an_id)
    category: InfoCategory = attrs.field(validator=instance_of(InfoCategory))
    holder_id: str = attrs.field(validator=text)
    asked_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=an_instant)
    sent_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_instant, validator=optional_instant
    )
    decision: Decision = attrs.field(validator=instance_of(Decision))

    @property
    def permitted(self) -> bool:
        """Whether the information may go."""
        return self.decision.outcome is Outcome.PERMIT

    @property
    def declined(self) -> bool:
        """Whether the recipient, a relative, said they do not want information."""
        return any(basis.code == _DECLINES for basis in self.decision.basis)


@checked
def describe(process: DischargeProcess, addressee_id: str) -> Text:
    """The recipient or relative ``addressee_id`` in words: a unit with its role, a
    relative by initials (masked); an unknown id as it is."""
    recipient = process.recipient(addressee_id)
    if recipient is not None:
        name = recipient.organisation.name
        return Text(
            sv=f"{name} ({recipient.role.label('sv')})",
            en=f"{name} ({recipient.role.label('en')})",
        )
    relative = process.relative(addressee_id)
    if relative is not None:
        return Text(sv=f"{relative.person} (närstående)", en=f"{relative.person} (relative)")
    return Text(sv=addressee_id, en=addressee_id)


@checked_first
def holder_of(process: DischargeProcess, given_by: str | None) -> Organisation:
    """The organisation that holds and gives the information: the recipient ``given_by``'s,
    or the hospital's (also when ``given_by`` names no recipient, which a rule reports)."""
    if given_by is not None:
        giver = process.recipient(given_by)
        if giver is not None:
            return giver.organisation
    return process.hospital


@checked_first
def sent_at(
    transfers: Iterable[InformationTransfer], to: str, category: InfoCategory
) -> pendulum.DateTime | None:
    """When information of ``category`` was first sent to ``to``, if it was."""
    times = [
        t.sent_at for t in transfers if t.to == to and any(c.covers(category) for c in t.categories)
    ]
    return min(times) if times else None


def _default_instant(process: DischargeProcess, on: date) -> pendulum.DateTime:
    if process.discharge_on is not None:
        return day_interval(process.discharge_on).start
    return day_interval(on + timedelta(days=1)).start


def _relative_request(
    process: DischargeProcess,
    relative: RelativeAtDischarge,
    category: InfoCategory,
    holder: Organisation,
    at: pendulum.DateTime,
) -> DisclosureRequest:
    relationship = relative.relationship(process.patient)
    return DisclosureRequest(
        subject=process.patient,
        action=Action.DISCLOSE,
        category=category,
        holder=holder,
        recipient=Recipient.of_person(relative.person, role=RecipientRole.RELATIVE),
        purpose=Purpose.INFORMING_RELATIVE,
        at=at,
        circumstances=circumstances_from(relationship, on=at.date()),
    )


@checked_first
def decide_transfers(
    process: DischargeProcess, *, on: date, decision_policy: DecisionPolicy | None = None
) -> tuple[TransferDecision, ...]:
    """Every need of every recipient and relative, decided; in document order, each
    one's needs in the order of ``InfoCategory``."""
    found: list[TransferDecision] = []
    default = _default_instant(process, on)
    order = list(InfoCategory)
    for recipient in process.recipients:
        holder = holder_of(process, recipient.given_by)
        for category in sorted(recipient.needs, key=order.index):
            sent = sent_at(process.transfers, recipient.id, category)
            at = sent if sent is not None else default
            request = DisclosureRequest(
                subject=process.patient,
                action=Action.DISCLOSE,
                category=category,
                holder=holder,
                recipient=Recipient.of_organisation(recipient.organisation),
                purpose=Purpose.DISCHARGE_PLANNING,
                at=at,
            )
            found.append(
                TransferDecision(
                    to=recipient.id,
                    category=category,
                    holder_id=holder.id,
                    asked_at=at,
                    sent_at=sent,
                    decision=evaluate(request, process.records, policy=decision_policy),
                )
            )
    for relative in process.relatives:
        for category in sorted(relative.needs, key=order.index):
            sent = sent_at(process.transfers, relative.id, category)
            at = sent if sent is not None else default
            request = _relative_request(process, relative, category, process.hospital, at)
            found.append(
                TransferDecision(
                    to=relative.id,
                    category=category,
                    holder_id=process.hospital.id,
                    asked_at=at,
                    sent_at=sent,
                    decision=evaluate(request, process.records, policy=decision_policy),
                )
            )
    return tuple(found)


@checked_first
def decide_stage(
    process: DischargeProcess,
    relative: RelativeAtDischarge,
    stage: StageInformation,
    *,
    at: pendulum.DateTime,
    decision_policy: DecisionPolicy | None = None,
) -> TransferDecision:
    """Whether ``relative`` may be told of ``stage`` at ``at`` (the news is information of
    ``stage.stage.category`` about the patient)."""
    holder = holder_of(process, stage.given_by)
    category = stage.stage.category
    request = _relative_request(process, relative, category, holder, at)
    return TransferDecision(
        to=relative.id,
        category=category,
        holder_id=holder.id,
        asked_at=at,
        sent_at=stage.informed_at,
        decision=evaluate(request, process.records, policy=decision_policy),
    )
