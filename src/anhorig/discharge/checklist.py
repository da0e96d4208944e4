"""The checklist for a discharge: who to contact, in which order, which deadlines run,
what each recipient may be told (*checklista vid utskrivning*).

Seed 000 asked for "någon form av checklista för att kunna lotsa till rätt person". A
:class:`Checklist` is data (a document like any other, ``to_json``) and a printable
page (:meth:`Checklist.render`, Swedish or English). Its items follow the law's order:
the notice of admission, the fast vårdkontakt, the relatives (asked, offered support,
prepared), the planning meeting, the children, the ready notice, the SIP invitation,
the information transfer with every decision of the consent engine, the information at
each stage, the contingency plan and the payment responsibility. It ends with the
rules' findings.

References:
    - Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård.
    - Seed 000: "Vid mötet med patient ska det finnas någon form av checklista för att
      kunna lotsa till rätt person."
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pendulum

from anhorig import bounds
from anhorig._arguments import checked
from anhorig._checks import (
    a_date,
    and_,
    collecting,
    each,
    ge,
    instance_of,
    non_empty_text,
    optional,
)
from anhorig._values import date_text
from anhorig.consent import DecisionPolicy
from anhorig.discharge.deadlines import (
    Deadline,
    DeadlineKind,
    DeadlineStatus,
    PaymentResponsibility,
    admission_notice_deadlines,
    day_deadline,
    payment_responsibility,
    sip_invitation_deadline,
)
from anhorig.discharge.model import Channel, DischargeProcess, RelativeAtDischarge
from anhorig.discharge.policy import DischargePolicy
from anhorig.discharge.rules import check
from anhorig.discharge.transfers import TransferDecision, decide_stage, decide_transfers, describe
from anhorig.findings import Report
from anhorig.language import LabelledEnum, Lang, Text, check_lang
from anhorig.relations import ChildRelative
from anhorig.time import day_interval

__all__ = ["Checklist", "ChecklistItem", "ItemStatus", "Step", "checklist"]


class Step(LabelledEnum):
    """A step of the discharge (*steg*), in the law's order."""

    ADMISSION_NOTICE = (
        "admission_notice",
        "Skicka inskrivningsmeddelande",
        "Send the notice of admission",
    )
    CARE_CONTACT = (
        "care_contact",
        "Utse fast vårdkontakt i öppenvården",
        "Appoint a named care contact in öppenvården",
    )
    ASK_RELATIVE = (
        "ask_relative",
        "Fråga om hen vill delta och få information",
        "Ask whether they want to take part and be informed",
    )
    OFFER_SUPPORT = (
        "offer_support",
        "Berätta om rätten till anhörigstöd; koppla in anhörigkonsulenten",
        "Tell them of their right to carer support; involve the carer support officer",
    )
    PREPARE_RELATIVE = (
        "prepare_relative",
        "Berätta före vårdplaneringen vad som ska ske",
        "Tell them before the planning meeting what will happen",
    )
    PLANNING = "planning", "Håll samordnad vårdplanering", "Hold the planning meeting"
    CHILD = (
        "child",
        "Beakta barnets behov av information, råd och stöd",
        "Consider the child's need for information, advice and support",
    )
    READY_NOTICE = (
        "ready_notice",
        "Underrätta om att patienten är utskrivningsklar",
        "Notify that the patient is ready for discharge",
    )
    SIP_INVITATION = "sip_invitation", "Kalla till SIP", "Send the SIP invitation"
    TRANSFER = (
        "transfer",
        "Överför information senast utskrivningsdagen",
        "Transfer the information by the day of discharge",
    )
    STAGE = "stage", "Informera anhörig i skedet", "Inform the carer at the stage"
    CONTINGENCY = (
        "contingency",
        "Planera vem som tar över om anhörig blir sjuk",
        "Plan who takes over if the carer falls ill",
    )
    PAYMENT = "payment", "Kommunens betalningsansvar", "The municipality's payment responsibility"


class ItemStatus(LabelledEnum):
    """Where an item stands on the date judged (*läge*)."""

    DONE = "done", "klar", "done"
    LATE = "late", "klar för sent", "done late"
    OPEN = "open", "att göra", "to do"
    OVERDUE = "overdue", "försenad", "overdue"
    BLOCKED = "blocked", "stopp: grund saknas", "stopped: no basis"
    WITHOUT_BASIS = "without_basis", "lämnat utan grund", "given without a basis"
    NOT_NEEDED = "not_needed", "behövs inte", "not needed"
    INFO = "info", "att känna till", "to know"


_FROM_DEADLINE = {
    DeadlineStatus.MET: ItemStatus.DONE,
    DeadlineStatus.LATE: ItemStatus.LATE,
    DeadlineStatus.RUNNING: ItemStatus.OPEN,
    DeadlineStatus.MISSED: ItemStatus.OVERDUE,
}

_EMPTY = Text(sv="", en="")


@collecting
@attrs.frozen(kw_only=True, order=False)
class ChecklistItem:
    """One thing to do, for one contact (*punkt*): the ``step``, ``who`` (a unit with its
    role, a relative by initials), how to reach them, where it stands, its deadline, and
    for a transfer what they may be told (``decisions``)."""

    order: int = attrs.field(
        validator=and_(
            instance_of(int),
            ge(1),
            bounds.at_most(
                bounds.INTEROP_INTEGER,
                sv="en plats i listan, så stor som varje JSON-läsare håller exakt",
                en="a place in the list, as large as every JSON reader keeps exactly",
            ),
        )
    )
    step: Step = attrs.field(validator=instance_of(Step))
    who: Text = attrs.field(validator=instance_of(Text))
    status: ItemStatus = attrs.field(validator=instance_of(ItemStatus))
    channels: frozenset[Channel] = attrs.field(default=frozenset(), validator=each(Channel))
    deadline: Deadline | None = attrs.field(default=None, validator=optional(instance_of(Deadline)))
    decisions: tuple[TransferDecision, ...] = attrs.field(
        default=(), validator=each(TransferDecision)
    )
    note: Text = attrs.field(default=_EMPTY, validator=instance_of(Text))


@collecting
@attrs.frozen(kw_only=True, order=False)
class Checklist:
    """The checklist of one discharge judged on ``on`` (*checklista vid utskrivning*).

    ``patient`` is masked (initials); ``report`` holds the rules' findings.
    """

    process_id: str = attrs.field(validator=non_empty_text)
    patient: str = attrs.field(validator=non_empty_text)
    on: date = attrs.field(validator=a_date)
    policy: str = attrs.field(validator=non_empty_text)
    payment: PaymentResponsibility = attrs.field(validator=instance_of(PaymentResponsibility))
    items: tuple[ChecklistItem, ...] = attrs.field(default=(), validator=each(ChecklistItem))
    report: Report = attrs.field(factory=Report, validator=instance_of(Report))

    def render(self, lang: Lang = "sv") -> str:
        """The checklist as a printable page in ``lang``."""
        return _render(self, check_lang(lang))


# --- building it ------------------------------------------------------------------------------------


def _stamp(moment: pendulum.DateTime) -> str:
    """Local wall time with its offset, to the minute: ``2026-03-29 11:00+02:00``."""
    return moment.isoformat(timespec="minutes").replace("T", " ")


def _day_done(day: date | None) -> pendulum.DateTime | None:
    return None if day is None else day_interval(day).start


class _Items:
    def __init__(self) -> None:
        self.items: list[ChecklistItem] = []

    def add(self, step: Step, who: Text, status: ItemStatus, **more: object) -> None:
        self.items.append(
            ChecklistItem(order=len(self.items) + 1, step=step, who=who, status=status, **more)  # type: ignore[arg-type]
        )


def _relative_note(relative: RelativeAtDischarge, on: date) -> Text:
    wish = relative.involvement_on(on)
    if wish is None:
        return Text(sv="inte tillfrågad", en="not asked")
    yes_no = {True: ("ja", "yes"), False: ("nej", "no")}
    info, part = yes_no[wish.wants_information], yes_no[wish.wants_to_take_part]
    return Text(
        sv=f"tillfrågad {date_text(wish.recorded_on, 'sv')}: vill ha information {info[0]}, "
        f"vill delta {part[0]}; fråga igen senast {date_text(wish.reconfirm_by, 'sv')}",
        en=f"asked {date_text(wish.recorded_on, 'en')}: wants information {info[1]}, "
        f"wants to take part {part[1]}; ask again by {date_text(wish.reconfirm_by, 'en')}",
    )


def _early_steps(
    items: _Items, process: DischargeProcess, policy: DischargePolicy, on: date
) -> None:
    deadlines = admission_notice_deadlines(process, policy, on=on)
    if not process.admission.support_may_be_needed:
        items.add(
            Step.ADMISSION_NOTICE,
            Text(sv="kommunen och öppenvården", en="the municipality and öppenvården"),
            ItemStatus.NOT_NEEDED,
            note=Text(
                sv="läkaren bedömde att inga insatser behövs efter utskrivningen",
                en="the physician judged that no services are needed after discharge",
            ),
        )
    for index, deadline in deadlines:
        recipient = process.recipients[index]
        items.add(
            Step.ADMISSION_NOTICE,
            describe(process, recipient.id),
            _FROM_DEADLINE[deadline.status],
            channels=recipient.channels,
            deadline=deadline,
        )
    contact = process.care_contact
    ready = process.ready_notice
    if contact is None:
        status = ItemStatus.OVERDUE if ready is not None else ItemStatus.OPEN
        who = Text(sv="öppenvården", en="öppenvården")
    else:
        late = ready is not None and contact.appointed_at > ready.sent_at
        status = ItemStatus.LATE if late else ItemStatus.DONE
        who = describe(process, contact.unit)
    if process.admission.support_may_be_needed:
        items.add(Step.CARE_CONTACT, who, status)


def _relative_steps(
    items: _Items, process: DischargeProcess, policy: DischargePolicy, on: date
) -> None:
    planning = process.planning
    for relative in process.relatives:
        who = describe(process, relative.id)
        asked = relative.involvement_on(on) is not None
        items.add(
            Step.ASK_RELATIVE,
            who,
            ItemStatus.DONE if asked else ItemStatus.OPEN,
            channels=relative.channels,
            note=_relative_note(relative, on),
        )
        known = relative.known_as_carer_on
        if known is not None and known <= on:
            deadline = day_deadline(
                DeadlineKind.CARER_SUPPORT,
                relative.id,
                known,
                policy.support_offer_days,
                done_at=_day_done(relative.support_offered_on),
                on=on,
            )
            consultant = relative.consultant_involved_on
            items.add(
                Step.OFFER_SUPPORT,
                who,
                _FROM_DEADLINE[deadline.status],
                deadline=deadline,
                note=Text(
                    sv=f"anhörigkonsulent inkopplad {consultant}"
                    if consultant
                    else "anhörigkonsulenten inte inkopplad",
                    en=f"carer support officer involved {consultant}"
                    if consultant
                    else "carer support officer not involved",
                ),
            )
        if planning is not None and relative.id in planning.invited:
            told = relative.informed_before_planning_at
            if told is not None and told < planning.held_at:
                status = ItemStatus.DONE
            elif planning.held_at < day_interval(on).start:
                status = ItemStatus.OVERDUE
            else:
                status = ItemStatus.OPEN
            items.add(Step.PREPARE_RELATIVE, who, status)
    if planning is not None:
        held = planning.held_at < day_interval(on).end
        invited = Text(
            sv=", ".join(describe(process, i).sv for i in sorted(planning.invited)),
            en=", ".join(describe(process, i).en for i in sorted(planning.invited)),
        )
        items.add(
            Step.PLANNING,
            invited,
            ItemStatus.DONE if held else ItemStatus.OPEN,
            note=Text(sv=f"den {_stamp(planning.held_at)}", en=f"on {_stamp(planning.held_at)}"),
        )
    else:
        items.add(Step.PLANNING, Text(sv="alla berörda", en="everyone concerned"), ItemStatus.OPEN)


def _child_steps(items: _Items, process: DischargeProcess, on: date) -> None:
    day = process.discharge_on if process.discharge_on is not None else on
    for entry in process.children:
        who = Text(sv=f"{entry.child} (barn)", en=f"{entry.child} (child)")
        situation = ChildRelative(
            child=entry.child,
            adult=process.patient,
            adult_is_parent=entry.patient_is_parent,
            lives_with_adult=entry.lives_with_patient,
            conditions=process.patient_conditions,
        )
        if entry.child.birth_date is None or not situation.triggers_hsl_5_7(day):
            items.add(Step.CHILD, who, ItemStatus.NOT_NEEDED)
            continue
        done = entry.consideration
        deadline = Deadline.of(
            DeadlineKind.CHILD_CONSIDERED,
            "",
            process.admission.admitted_at,
            last_day=day,
            done_at=_day_done(done.considered_on) if done is not None else None,
            on=on,
        )
        note = _EMPTY
        if done is not None:
            acts = sorted(done.actions)
            note = Text(
                sv="gjort: " + ", ".join(a.label("sv") for a in acts),
                en="done: " + ", ".join(a.label("en") for a in acts),
            )
        items.add(Step.CHILD, who, _FROM_DEADLINE[deadline.status], deadline=deadline, note=note)


def _notice_steps(
    items: _Items, process: DischargeProcess, policy: DischargePolicy, on: date
) -> None:
    ready = process.ready_notice
    if ready is None:
        items.add(
            Step.READY_NOTICE,
            Text(sv="kommunen och öppenvården", en="the municipality and öppenvården"),
            ItemStatus.OPEN,
        )
    else:
        for recipient_id in sorted(ready.to):
            items.add(
                Step.READY_NOTICE,
                describe(process, recipient_id),
                ItemStatus.DONE,
                note=Text(
                    sv=f"skickad {_stamp(ready.sent_at)}", en=f"sent {_stamp(ready.sent_at)}"
                ),
            )
    if not process.sip_needed:
        items.add(Step.SIP_INVITATION, Text(sv="–", en="–"), ItemStatus.NOT_NEEDED)
        return
    deadline = sip_invitation_deadline(process, policy, on=on)
    contact = process.care_contact
    who = (
        describe(process, contact.unit)
        if contact is not None
        else Text(sv="den fasta vårdkontakten", en="the named care contact")
    )
    status = ItemStatus.OPEN if deadline is None else _FROM_DEADLINE[deadline.status]
    items.add(Step.SIP_INVITATION, who, status, deadline=deadline)


def _transfer_steps(
    items: _Items,
    process: DischargeProcess,
    on: date,
    decisions: tuple[TransferDecision, ...],
) -> None:
    start = (
        process.ready_notice.sent_at
        if process.ready_notice is not None
        else process.admission.admitted_at
    )
    addressees = [(r.id, r.channels, True) for r in process.recipients if r.needs] + [
        (r.id, r.channels, False) for r in process.relatives if r.needs
    ]
    for addressee, channels, professional in addressees:
        mine = tuple(d for d in decisions if d.to == addressee)
        if mine and all(d.declined for d in mine):
            items.add(
                Step.TRANSFER,
                describe(process, addressee),
                ItemStatus.NOT_NEEDED,
                channels=channels,
                decisions=mine,
                note=Text(sv="vill inte ha information", en="does not want information"),
            )
            continue
        sent = [d.sent_at for d in mine if d.sent_at is not None]
        all_sent = len(sent) == len(mine)
        deadline = None
        if professional and process.discharge_on is not None:
            deadline = Deadline.of(
                DeadlineKind.INFORMATION_TRANSFER,
                addressee,
                start,
                last_day=process.discharge_on,
                done_at=max(sent) if all_sent and sent else None,
                on=on,
            )
        if any(not d.permitted and d.sent_at is not None for d in mine):
            status = ItemStatus.WITHOUT_BASIS
        elif any(not d.permitted and d.sent_at is None and not d.declined for d in mine):
            status = ItemStatus.BLOCKED
        elif deadline is not None:
            status = _FROM_DEADLINE[deadline.status]
        else:
            status = ItemStatus.DONE if all_sent else ItemStatus.OPEN
        items.add(
            Step.TRANSFER,
            describe(process, addressee),
            status,
            channels=channels,
            deadline=deadline,
            decisions=mine,
        )


def _late_steps(
    items: _Items,
    process: DischargeProcess,
    policy: DischargePolicy,
    on: date,
    decision_policy: DecisionPolicy | None,
) -> None:
    for relative in process.relatives:
        who = describe(process, relative.id)
        for stage in relative.stages:
            last_day = stage.occurred_on + timedelta(days=policy.stage_information_days)
            deadline = day_deadline(
                DeadlineKind.STAGE_INFORMATION,
                relative.id,
                stage.occurred_on,
                policy.stage_information_days,
                done_at=stage.informed_at,
                on=on,
            )
            decision = decide_stage(
                process,
                relative,
                stage,
                at=stage.informed_at
                if stage.informed_at is not None
                else day_interval(last_day).end,
                decision_policy=decision_policy,
            )
            status = _FROM_DEADLINE[deadline.status]
            if stage.informed_at is not None and not decision.permitted:
                status = ItemStatus.WITHOUT_BASIS
            elif decision.declined:
                status = ItemStatus.NOT_NEEDED
            elif not decision.permitted and stage.informed_at is None:
                status = ItemStatus.BLOCKED
            items.add(
                Step.STAGE,
                who,
                status,
                channels=relative.channels,
                deadline=deadline,
                decisions=(decision,),
                note=Text(
                    sv=f"{stage.stage.label('sv')} {date_text(stage.occurred_on, 'sv')}",
                    en=f"{stage.stage.label('en')} {date_text(stage.occurred_on, 'en')}",
                ),
            )
        plan = relative.contingency
        if plan is not None:
            known = ("känd", "known") if plan.family_known_to_unit else ("inte känd", "not known")
            items.add(
                Step.CONTINGENCY,
                who,
                ItemStatus.DONE,
                note=Text(
                    sv=f"{plan.unit}, nås {plan.how_to_reach}; familjen {known[0]} där",
                    en=f"{plan.unit}, reached {plan.how_to_reach}; the family {known[1]} there",
                ),
            )
        elif relative.substantial_care:
            items.add(Step.CONTINGENCY, who, ItemStatus.OPEN)


@checked
def checklist(
    process: DischargeProcess,
    *,
    on: date,
    policy: DischargePolicy | None = None,
    decision_policy: DecisionPolicy | None = None,
) -> Checklist:
    """The checklist of ``process`` judged on ``on`` under ``policy`` (the law's defaults
    if ``None``), every transfer decided by the consent engine."""
    chosen = policy if policy is not None else DischargePolicy()
    report = check(process, on=on, policy=chosen, decision_policy=decision_policy)
    decisions = decide_transfers(process, on=on, decision_policy=decision_policy)
    payment = payment_responsibility(process, chosen)
    items = _Items()
    _early_steps(items, process, chosen, on)
    _relative_steps(items, process, chosen, on)
    _child_steps(items, process, on)
    _notice_steps(items, process, chosen, on)
    _transfer_steps(items, process, on, decisions)
    _late_steps(items, process, chosen, on, decision_policy)
    items.add(
        Step.PAYMENT,
        Text(sv="kommunen", en="the municipality"),
        ItemStatus.INFO,
        note=payment.reason,
    )
    return Checklist(
        process_id=process.id,
        patient=str(process.patient),
        on=on,
        policy=chosen.name,
        payment=payment,
        items=tuple(items.items),
        report=report,
    )


# --- the printable page -----------------------------------------------------------------------------


def _render(sheet: Checklist, lang: Lang) -> str:
    sv = lang == "sv"
    lines = [
        (
            f"Checklista vid utskrivning {sheet.process_id}, patient {sheet.patient}"
            if sv
            else f"Discharge checklist {sheet.process_id}, patient {sheet.patient}"
        ),
        (
            f"Bedömd {date_text(sheet.on, 'sv')} enligt {sheet.policy}"
            if sv
            else f"Judged on {date_text(sheet.on, 'en')} under {sheet.policy}"
        ),
        "",
    ]
    width = max(len(s.label(lang)) for s in ItemStatus) + 2
    for item in sheet.items:
        head = f"{item.order:>2}. {('[' + item.status.label(lang) + ']').ljust(width)} {item.step.label(lang)}: {item.who.in_(lang)}"
        lines.append(head)
        pad = " " * (4 + width + 1)
        if item.channels:
            word = "kanal" if sv else "channel"
            lines.append(
                pad + f"{word}: " + ", ".join(c.label(lang) for c in sorted(item.channels))
            )
        if item.deadline is not None:
            d = item.deadline
            word = "frist" if sv else "deadline"
            lines.append(
                pad + f"{word}: {_stamp(d.runs.start)} → {_stamp(d.due)} ({d.status.label(lang)})"
            )
            if d.done_at is not None:
                lines.append(pad + ("klart " if sv else "done ") + _stamp(d.done_at))
        for decision in item.decisions:
            outcome = decision.decision.outcome.label(lang)
            basis = "; ".join(b.explain(lang) for b in decision.decision.basis) or "–"
            lines.append(pad + f"{decision.category.label(lang)}: {outcome} ({basis})")
            if not decision.permitted and decision.decision.reasons:
                lines.append(pad + "  " + decision.decision.reasons[-1].message.in_(lang))
        note = item.note.in_(lang)
        if note:
            lines.append(pad + note)
    lines += ["", ("Anmärkningar:" if sv else "Findings:"), sheet.report.explain(lang)]
    return "\n".join(lines) + "\n"
