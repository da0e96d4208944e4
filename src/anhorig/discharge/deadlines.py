"""The deadlines a discharge runs, in Europe/Stockholm, DST-correct (*tidsfrister*).

A :class:`Deadline` is a half-open interval ``[trigger, due)`` and what happened in it.
Two kinds of counting:

- **hours** are elapsed hours: the inskrivningsmeddelande is due 24 elapsed hours after
  the admission, so across the spring change the wall clock shows 25 hours later, across
  the autumn change 23 (``Instant.add(hours=...)`` on an aware instant);
- **calendar days** end at a local midnight: "within 3 days of the notice" sent on day
  *d* is due at the start of day *d* + 4, whatever the offsets in between
  (:func:`anhorig.time.day_interval`).

Something done before ``due`` is in time (*i tid*); at ``due`` or later it is late.
Judged on a date, a deadline not yet met is *missed* once the whole of it lies before
that date begins, and *running* until then: a rule never calls something late that may
still be on time that day.

>>> from anhorig.time import local
>>> spring = Deadline.of(DeadlineKind.ADMISSION_NOTICE, "", local(2026, 3, 28, 10),
...                      hours=24, done_at=None, on=date(2026, 3, 29))
>>> spring.runs.end.isoformat(), spring.runs.hours, spring.status.value
('2026-03-29T11:00:00+02:00', 24.0, 'running')

References:
    - Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård.
    - DESIGN.md decision 5: aware instants, half-open intervals, elapsed hours.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pendulum

from anhorig import bounds
from anhorig._arguments import checked, checked_first
from anhorig._checks import a_date, and_, collecting, ge, instance_of, optional, text
from anhorig._values import date_text, instant_text
from anhorig.discharge._fields import day_of, optional_instant, to_instant
from anhorig.discharge.model import CareKind, DischargeProcess
from anhorig.discharge.policy import DischargePolicy
from anhorig.language import LabelledEnum, Text
from anhorig.organisations import Principal
from anhorig.time import Interval, day_interval

__all__ = [
    "Deadline",
    "DeadlineKind",
    "DeadlineStatus",
    "PaymentResponsibility",
    "admission_notice_deadlines",
    "day_deadline",
    "payment_responsibility",
    "sip_invitation_deadline",
    "transfer_due",
]


class DeadlineKind(LabelledEnum):
    """Which deadline (*frist*)."""

    ADMISSION_NOTICE = "admission_notice", "inskrivningsmeddelande", "admission notice"
    SIP_INVITATION = "sip_invitation", "kallelse till SIP", "SIP invitation"
    INFORMATION_TRANSFER = (
        "information_transfer",
        "informationsöverföring senast utskrivningsdagen",
        "information transfer by the day of discharge",
    )
    CARER_SUPPORT = "carer_support", "erbjudande om anhörigstöd", "offer of carer support"
    STAGE_INFORMATION = "stage_information", "information i ett skede", "information at a stage"
    CHILD_CONSIDERED = "child_considered", "barnets behov beaktat", "child's needs considered"


class DeadlineStatus(LabelledEnum):
    """Where a deadline stands on the date judged (*läge*)."""

    MET = "met", "klar i tid", "done in time"
    LATE = "late", "klar för sent", "done late"
    RUNNING = "running", "löper", "running"
    MISSED = "missed", "överskriden", "missed"

    @property
    def failed(self) -> bool:
        """Whether the deadline was not kept (done late, or missed)."""
        return self in (DeadlineStatus.LATE, DeadlineStatus.MISSED)


@collecting
@attrs.frozen(kw_only=True, order=False)
class Deadline:
    """One deadline of a discharge: from its trigger to when it is due (``runs``), when
    it was met (``done_at``) and where it stands on the date judged (``status``).

    ``about`` is the id of the recipient, relative or child it concerns (``""``: the
    process as a whole).
    """

    kind: DeadlineKind = attrs.field(validator=instance_of(DeadlineKind))
    about: str = attrs.field(validator=text)
    runs: Interval = attrs.field(validator=instance_of(Interval))
    done_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_instant, validator=optional_instant
    )
    status: DeadlineStatus = attrs.field(validator=instance_of(DeadlineStatus))

    @property
    def due(self) -> pendulum.DateTime:
        """The instant from which it is late."""
        return self.runs.end

    @classmethod
    def of(
        cls,
        kind: DeadlineKind,
        about: str,
        trigger: pendulum.DateTime,
        *,
        hours: int | None = None,
        last_day: date | None = None,
        done_at: pendulum.DateTime | None,
        on: date,
    ) -> Deadline:
        """A deadline ``hours`` elapsed hours after ``trigger``, or ending with the local
        day ``last_day``; its status judged on ``on``."""
        if hours is not None:
            due = trigger.add(hours=hours)
        elif last_day is not None:
            due = day_interval(last_day).end
        else:  # pragma: no cover - a programming error, not input
            raise TypeError("a deadline needs hours or a last day")
        runs = Interval(trigger, max(due, trigger))
        return cls(
            kind=kind,
            about=about,
            runs=runs,
            done_at=done_at,
            status=_status(runs, done_at, on),
        )


def _status(runs: Interval, done_at: pendulum.DateTime | None, on: date) -> DeadlineStatus:
    if done_at is not None:
        return DeadlineStatus.MET if done_at < runs.end else DeadlineStatus.LATE
    if runs.end <= day_interval(on).start:
        return DeadlineStatus.MISSED
    return DeadlineStatus.RUNNING


@checked_first
def day_deadline(
    kind: DeadlineKind,
    about: str,
    first_day: date,
    days: int,
    *,
    done_at: pendulum.DateTime | None,
    on: date,
) -> Deadline:
    """A deadline from the start of ``first_day`` to the end of ``first_day + days``."""
    start = day_interval(first_day).start
    return Deadline.of(
        kind, about, start, last_day=first_day + timedelta(days=days), done_at=done_at, on=on
    )


@checked_first
def admission_notice_deadlines(
    process: DischargeProcess, policy: DischargePolicy, *, on: date
) -> tuple[tuple[int, Deadline], ...]:
    """For each recipient (by index) an inskrivningsmeddelande must reach, its deadline.

    None when the physician did not judge that support may be needed.
    """
    if not process.admission.support_may_be_needed:
        return ()
    admitted = process.admission.admitted_at
    found = []
    for index, recipient in enumerate(process.recipients):
        if recipient.role not in policy.admission_notice_roles:
            continue
        sent = [n.sent_at for n in process.admission_notices if recipient.id in n.to]
        deadline = Deadline.of(
            DeadlineKind.ADMISSION_NOTICE,
            recipient.id,
            admitted,
            hours=policy.admission_notice_hours,
            done_at=min(sent) if sent else None,
            on=on,
        )
        found.append((index, deadline))
    return tuple(found)


@checked_first
def sip_invitation_deadline(
    process: DischargeProcess, policy: DischargePolicy, *, on: date
) -> Deadline | None:
    """The SIP invitation's deadline, once the ready notice was sent and a SIP is needed."""
    notice = process.ready_notice
    if notice is None or not process.sip_needed:
        return None
    invitation = process.sip_invitation
    return Deadline.of(
        DeadlineKind.SIP_INVITATION,
        "",
        notice.sent_at,
        last_day=day_of(notice.sent_at) + timedelta(days=policy.sip_invitation_days),
        done_at=invitation.sent_at if invitation is not None else None,
        on=on,
    )


@checked
def transfer_due(process: DischargeProcess) -> pendulum.DateTime | None:
    """The end of the discharge day, by which information must have been transferred."""
    if process.discharge_on is None:
        return None
    return day_interval(process.discharge_on).end


# --- the municipality's payment responsibility ------------------------------------------------


@collecting
@attrs.frozen(kw_only=True, order=False)
class PaymentResponsibility:
    """When the municipality starts paying for a patient ready for discharge
    (*kommunens betalningsansvar*), and why, or why it cannot be said.

    ``starts_on`` is the first day it pays for (``None``: not started, or unknown);
    ``counted_from`` day 0 of the count; ``days`` the policy's number of days.
    """

    starts_on: date | None = attrs.field(validator=optional(a_date))
    counted_from: date | None = attrs.field(default=None, validator=optional(a_date))
    days: int | None = attrs.field(
        default=None,
        validator=optional(
            and_(
                instance_of(int),
                ge(0),
                bounds.at_most(bounds.MAX_NOTICE_DAYS, sv="dagar, ett år", en="days, one year"),
            )
        ),
    )
    reason: Text = attrs.field(validator=instance_of(Text))

    def days_payable(self, discharge_on: date | None, on: date) -> int:
        """Hospital days the municipality has paid for by the end of ``on``: from
        ``starts_on`` up to the discharge day (not counted) or, still in hospital, up to
        and including ``on``."""
        if self.starts_on is None:
            return 0
        end = on + timedelta(days=1)
        if discharge_on is not None:
            end = min(end, discharge_on)
        return max(0, (end - self.starts_on).days)


def _to_municipality(process: DischargeProcess, to: frozenset[str]) -> bool:
    return any(
        r.id in to and r.organisation.principal is Principal.MUNICIPALITY
        for r in process.recipients
    )


@checked_first
def payment_responsibility(
    process: DischargeProcess, policy: DischargePolicy
) -> PaymentResponsibility:
    """When the municipality's payment responsibility starts under ``policy``.

    It starts ``payment_days`` calendar days after the day the ready notice was sent
    (day 0; the next day if it was sent at or after ``payment_cutoff_hour``), provided the
    municipality received both the inskrivningsmeddelande and the ready notice.
    """
    notice = process.ready_notice
    if notice is None:
        return PaymentResponsibility(
            starts_on=None,
            reason=Text(
                sv="Ingen underrättelse om utskrivningsklar är skickad; inget betalningsansvar löper.",
                en="No notice of readiness for discharge has been sent; no payment responsibility runs.",
            ),
        )
    admitted_notice = any(_to_municipality(process, n.to) for n in process.admission_notices)
    if not (admitted_notice and _to_municipality(process, notice.to)):
        return PaymentResponsibility(
            starts_on=None,
            reason=Text(
                sv="Kommunen har inte fått både inskrivningsmeddelande och underrättelse om "
                "utskrivningsklar; betalningsansvaret inträder inte.",
                en="The municipality has not received both the notice of admission and the "
                "notice of readiness for discharge; its payment responsibility does not start.",
            ),
        )
    psychiatric = process.admission.care_kind is CareKind.PSYCHIATRIC
    days = policy.psychiatric_payment_days if psychiatric else policy.payment_days
    if days is None:
        return PaymentResponsibility(
            starts_on=None,
            reason=Text(
                sv=f"Antalet dagar i psykiatrisk vård är inte verifierat; ange det i policyn ({policy.name}).",
                en=f"The number of days in psychiatric care is not verified; set it in the policy ({policy.name}).",
            ),
        )
    day_zero = day_of(notice.sent_at)
    if policy.payment_cutoff_hour is not None and notice.sent_at.hour >= policy.payment_cutoff_hour:
        day_zero += timedelta(days=1)
    starts = day_zero + timedelta(days=days)
    return PaymentResponsibility(
        starts_on=starts,
        counted_from=day_zero,
        days=days,
        reason=Text(
            sv=f"{days} kalenderdagar räknat från {date_text(day_zero, 'sv')} (underrättelsen "
            f"skickad {instant_text(notice.sent_at, 'sv')}); kommunen betalar från {date_text(starts, 'sv')} "
            f"({policy.name}).",
            en=f"{days} calendar days counted from {date_text(day_zero, 'en')} (notice sent "
            f"{instant_text(notice.sent_at, 'en')}); the municipality pays from {date_text(starts, 'en')} "
            f"({policy.name}).",
        ),
    )
