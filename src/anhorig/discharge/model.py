"""The discharge from hospital as records (*samverkan vid utskrivning från sluten vård*).

One :class:`DischargeProcess` is one hospital stay planned under Lag (2017:612): the
admission (*inskrivning*), the inskrivningsmeddelande to the municipality and the
öppenvård, the fast vårdkontakt there, the planning meeting (*vårdplanering*), the
notice that the patient is ready for discharge (*underrättelse om utskrivningsklar*),
the SIP invitation, the information transfer no later than the day of discharge, the
recipients who need information and how they can be reached, the patient's relatives
(asked, informed, offered support, their contingency plan) and the children who live
with the patient. The consent records that decide every transfer travel with it.

Construction checks structure only (types, ids, aware instants, nothing before the
admission); everything the law or good practice asks of a discharge is a rule in
:mod:`anhorig.discharge.rules`.

Where the contingency plan lives: on the carer at discharge (:class:`RelativeAtDischarge`),
not in the stödplan. The discharge is where "who takes over if the carer falls ill" is
planned with the family, and the stödplan is another family's record
(:mod:`anhorig.plans`); families do not import each other, so the plan cannot hold a
discharge type nor the discharge a plan type.

>>> from anhorig.time import local
>>> Admission(admitted_at=local(2026, 3, 28, 10), ward="Geriatriken avd 3",
...           support_may_be_needed=True).care_kind
<CareKind.SOMATIC: 'somatic'>
>>> AdmissionNotice(sent_at=None, to=frozenset({"bad id"}), channel=Channel.IT_SYSTEM)
Traceback (most recent call last):
  ...
anhorig.errors.InvalidInput: sent_at: väntade en tidpunkt med tidszon, fick NoneType
to: väntade id: 1–64 tecken A–Z, a–z, 0–9, '-' eller '.', fick ['bad id']

References:
    - Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård.
    - Hälso- och sjukvårdslag (2017:30) 5 kap. 7 §.
    - Seed 000 (vårdplanering, anhörigkonsulent), 002 (WebCare), 004 (trygghetsplats).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs
import pendulum

from anhorig import _checks
from anhorig._checks import a_bool, a_date, collecting, each, instance_of, non_empty_text, optional
from anhorig.consent import (
    Block,
    BlockLift,
    Consent,
    ConsentRecord,
    DecisionPolicy,
    HarmAssessment,
    InfoCategory,
    Revocation,
)
from anhorig.consent.engine import compile_records
from anhorig.discharge._fields import an_id, an_instant, ids, optional_instant, to_instant
from anhorig.errors import InvalidInput
from anhorig.language import LabelledEnum
from anhorig.organisations import Organisation
from anhorig.people import Person
from anhorig.relations import (
    AdultCondition,
    ContingencyPlan,
    Involvement,
    RelationKind,
    Relationship,
)

__all__ = [
    "Admission",
    "AdmissionNotice",
    "CareContact",
    "CareKind",
    "Channel",
    "ChildAtDischarge",
    "ChildConsideration",
    "ChildSupportAction",
    "ContingencyPlan",
    "DischargeProcess",
    "DischargeRecipient",
    "DischargeRole",
    "InformationTransfer",
    "PlanningMeeting",
    "ReadyNotice",
    "RelativeAtDischarge",
    "SipInvitation",
    "Stage",
    "StageInformation",
]


def _masked(value: str) -> str:
    return "''" if not value else f"<{len(value)} tecken>"


# --- vocabularies ---------------------------------------------------------------------------


class DischargeRole(LabelledEnum):
    """What a recipient of discharge information does (*mottagarens funktion*).

    The recipients seed 002 names: the municipality's needs assessor, home care, the
    nurse and physician of special housing, primary care and its rehabilitation; and
    the municipality's carer support officer (seed 000).
    """

    CASE_OFFICER = "case_officer", "biståndshandläggare", "needs assessor"
    HOME_CARE = "home_care", "hemtjänst", "home care"
    HOME_HEALTH_CARE = "home_health_care", "hemsjukvård", "home health care"
    SPECIAL_HOUSING_NURSE = (
        "special_housing_nurse",
        "sjuksköterska i särskilt boende",
        "nurse in special housing",
    )
    SPECIAL_HOUSING_PHYSICIAN = (
        "special_housing_physician",
        "läkare i särskilt boende",
        "physician in special housing",
    )
    PRIMARY_CARE = "primary_care", "primärvård/vårdcentral", "primary care"
    REHABILITATION = "rehabilitation", "primärvårdsrehabilitering", "primary-care rehabilitation"
    CARER_SUPPORT = "carer_support", "anhörigkonsulent", "carer support officer"
    OTHER = "other", "annan mottagare", "other recipient"


class Channel(LabelledEnum):
    """How information reaches a recipient (*informationskanal*).

    Seed 002: the IT system for discharge planning (WebCare) did not reach home care,
    special housing or primary-care rehabilitation; "Telefon är en vanlig men inte
    säker informationskanal".
    """

    IT_SYSTEM = (
        "it_system",
        "IT-stöd för utskrivning (t.ex. WebCare)",
        "discharge IT system (e.g. WebCare)",
    )
    SECURE_MESSAGE = "secure_message", "säkert meddelande", "secure message"
    TELEPHONE = "telephone", "telefon", "telephone"
    LETTER = "letter", "brev", "letter"
    IN_PERSON = "in_person", "personligt möte", "in person"


class CareKind(LabelledEnum):
    """The kind of inpatient care (*vårdform*); payment responsibility may differ."""

    SOMATIC = "somatic", "somatisk vård", "somatic care"
    PSYCHIATRIC = "psychiatric", "psykiatrisk vård", "psychiatric care"


class Stage(LabelledEnum):
    """A stage of the illness at which a carer needs information (*skede*).

    Seed 004: "behovet av information i olika skeden för mig som anhörig".
    ``category`` is the information about the patient that telling the carer discloses.
    """

    DIAGNOSIS = "diagnosis", "diagnos", "diagnosis"
    ADMISSION = "admission", "inskrivning på sjukhus", "admission to hospital"
    DISCHARGE = "discharge", "utskrivning", "discharge"
    MOVE_TO_SPECIAL_HOUSING = (
        "move_to_special_housing",
        "flytt till särskilt boende",
        "move to special housing",
    )
    END_OF_LIFE = "end_of_life", "livets slutskede", "end of life"
    DEATH = "death", "dödsfall", "death"

    @property
    def category(self) -> InfoCategory:
        """The class of information about the patient this stage's news is."""
        return _STAGE_CATEGORY[self]


_STAGE_CATEGORY = {
    Stage.DIAGNOSIS: InfoCategory.HEALTH_DIAGNOSIS,
    Stage.ADMISSION: InfoCategory.HEALTH_CARE,
    Stage.DISCHARGE: InfoCategory.HEALTH_DISCHARGE,
    Stage.MOVE_TO_SPECIAL_HOUSING: InfoCategory.SOCIAL_ASSISTANCE,
    Stage.END_OF_LIFE: InfoCategory.HEALTH_CARE,
    Stage.DEATH: InfoCategory.HEALTH_CARE,
}


class ChildSupportAction(LabelledEnum):
    """What was done for a child whose parent is discharged (HSL 5 kap. 7 §)."""

    INFORMATION = "information", "information", "information"
    ADVICE = "advice", "råd", "advice"
    SUPPORT = "support", "stöd", "support"
    REFERRAL = "referral", "hänvisning till annan verksamhet", "referral elsewhere"
    REPORT_OF_CONCERN = "report_of_concern", "orosanmälan", "report of concern"
    NO_NEED = "no_need", "behovet bedömt: inget behov just nu", "assessed: no need now"


# --- the process, step by step ----------------------------------------------------------------


@collecting
@attrs.frozen(kw_only=True, order=False)
class Admission:
    """The admission to inpatient care (*inskrivning i sluten vård*).

    ``support_may_be_needed`` is the physician's judgement that the patient may need
    services from the municipality or the öppenvård after discharge; only then is an
    inskrivningsmeddelande sent (Lag 2017:612).
    """

    admitted_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=an_instant)
    ward: str = attrs.field(validator=non_empty_text)
    """The ward or unit (*avdelning*), e.g. ``Geriatriken avd 3``."""
    support_may_be_needed: bool = attrs.field(validator=a_bool)
    care_kind: CareKind = attrs.field(default=CareKind.SOMATIC, validator=instance_of(CareKind))


@collecting
@attrs.frozen(kw_only=True, order=False)
class AdmissionNotice:
    """The notice of admission (*inskrivningsmeddelande*) to the units in ``to``.

    Sent within 24 hours of the admission to the municipality and the öppenvård when
    the physician judges support may be needed.
    """

    sent_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=an_instant)
    to: frozenset[str] = attrs.field(validator=_checks.and_(ids, _checks.not_empty))
    channel: Channel = attrs.field(validator=instance_of(Channel))


@collecting
@attrs.frozen(kw_only=True, order=False)
class CareContact:
    """The named care contact in öppenvården (*fast vårdkontakt*) who coordinates.

    ``unit`` is the recipient id of the öppenvård unit (usually primary care);
    ``staff_id`` who it is (an HSA-id or a role, never a personnummer; masked in repr).
    """

    unit: str = attrs.field(validator=an_id)
    staff_id: str = attrs.field(validator=non_empty_text, repr=_masked)
    appointed_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=an_instant)


@collecting
@attrs.frozen(kw_only=True, order=False)
class PlanningMeeting:
    """The planning meeting before discharge (*samordnad vårdplanering*).

    ``invited`` and ``attended`` hold recipient and relative ids.
    """

    held_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=an_instant)
    invited: frozenset[str] = attrs.field(validator=ids)
    attended: frozenset[str] = attrs.field(default=frozenset(), validator=ids)


@collecting
@attrs.frozen(kw_only=True, order=False)
class ReadyNotice:
    """The notice that the patient is ready for discharge (*underrättelse om
    utskrivningsklar*), sent to the units in ``to`` "så snart som möjligt"."""

    sent_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=an_instant)
    to: frozenset[str] = attrs.field(validator=_checks.and_(ids, _checks.not_empty))
    channel: Channel = attrs.field(validator=instance_of(Channel))


@collecting
@attrs.frozen(kw_only=True, order=False)
class SipInvitation:
    """The invitation to a SIP meeting (*kallelse till SIP*), sent by the fast
    vårdkontakt's unit ``by`` to ``to`` (recipient and relative ids)."""

    sent_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=an_instant)
    by: str = attrs.field(validator=an_id)
    to: frozenset[str] = attrs.field(validator=ids)


@collecting
@attrs.frozen(kw_only=True, order=False)
class InformationTransfer:
    """Information of ``categories`` about the patient sent to ``to`` (a recipient or a
    relative id) at ``sent_at`` over ``channel`` (*informationsöverföring*)."""

    to: str = attrs.field(validator=an_id)
    categories: frozenset[InfoCategory] = attrs.field(
        validator=_checks.and_(each(InfoCategory), _checks.not_empty)
    )
    sent_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=an_instant)
    channel: Channel = attrs.field(validator=instance_of(Channel))


@collecting
@attrs.frozen(kw_only=True, order=False)
class DischargeRecipient:
    """A unit that needs information for the patient's care after discharge (*mottagare*).

    ``needs`` is what it needs to know about the patient; ``channels`` how it can be
    reached (empty: no known way). ``given_by`` is the id of the recipient whose
    organisation holds the information and passes it on (home care gets it from the
    needs assessor, seed 002); ``None`` means the hospital itself.
    """

    id: str = attrs.field(validator=an_id)
    role: DischargeRole = attrs.field(validator=instance_of(DischargeRole))
    organisation: Organisation = attrs.field(validator=instance_of(Organisation))
    needs: frozenset[InfoCategory] = attrs.field(default=frozenset(), validator=each(InfoCategory))
    channels: frozenset[Channel] = attrs.field(default=frozenset(), validator=each(Channel))
    given_by: str | None = attrs.field(default=None, validator=optional(an_id))


# --- the relative at discharge ---------------------------------------------------------------


@collecting
@attrs.frozen(kw_only=True, order=False)
class StageInformation:
    """A stage of the illness (*skede*) that occurred on ``occurred_on``, and when the
    carer was told of it (``informed_at``, ``None``: not yet).

    ``given_by`` is the recipient id of the unit that tells (``None``: the hospital).
    """

    stage: Stage = attrs.field(validator=instance_of(Stage))
    occurred_on: date = attrs.field(validator=a_date)
    informed_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_instant, validator=optional_instant
    )
    given_by: str | None = attrs.field(default=None, validator=optional(an_id))


def _sorted_involvements(values: Iterable[Involvement]) -> tuple[Involvement, ...]:
    if not isinstance(values, tuple | list):
        return values  # type: ignore[return-value]  # the validator names it
    if not all(isinstance(v, Involvement) for v in values):
        return tuple(values)
    return tuple(sorted(values, key=lambda inv: inv.recorded_on))


@collecting
@attrs.frozen(kw_only=True, order=False)
class RelativeAtDischarge:
    """A relative of the patient at discharge (*närstående vid utskrivning*).

    ``involvements`` is what they said when asked whether they want to take part and
    be informed (oldest first). ``known_as_carer_on`` is the day the services first
    knew them as a carer (``None``: not a carer, only a relative); from then the duty
    to offer support runs. ``support_offered_on``: told of their right to carer support
    (SoL 2025:400 13 kap. 9 §); ``consultant_involved_on``: the anhörigkonsulent
    involved (seed 000); ``guidance_given_on``: information and guidance, or a
    stödkontakt, given (prop. 2025/26:60); ``informed_before_planning_at``: told what
    will happen at the planning meeting. ``substantial_care``: they give substantial
    care, as judged with them; then a ``contingency`` plan is expected.
    """

    id: str = attrs.field(validator=an_id)
    person: Person = attrs.field(validator=instance_of(Person))
    kind: RelationKind = attrs.field(validator=instance_of(RelationKind))
    lives_with_patient: bool | None = attrs.field(default=None, validator=optional(a_bool))
    involvements: tuple[Involvement, ...] = attrs.field(
        default=(), converter=_sorted_involvements, validator=each(Involvement)
    )
    needs: frozenset[InfoCategory] = attrs.field(default=frozenset(), validator=each(InfoCategory))
    channels: frozenset[Channel] = attrs.field(default=frozenset(), validator=each(Channel))
    known_as_carer_on: date | None = attrs.field(default=None, validator=optional(a_date))
    informed_before_planning_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_instant, validator=optional_instant
    )
    support_offered_on: date | None = attrs.field(default=None, validator=optional(a_date))
    consultant_involved_on: date | None = attrs.field(default=None, validator=optional(a_date))
    guidance_given_on: date | None = attrs.field(default=None, validator=optional(a_date))
    substantial_care: bool = attrs.field(default=False, validator=a_bool)
    contingency: ContingencyPlan | None = attrs.field(
        default=None, validator=optional(instance_of(ContingencyPlan))
    )
    stages: tuple[StageInformation, ...] = attrs.field(default=(), validator=each(StageInformation))

    def relationship(self, patient: Person) -> Relationship:
        """This relative as the carer of ``patient`` (the core record the consent engine
        reads their wish for information from)."""
        return Relationship(
            carer=self.person,
            cared_for=patient,
            kind=self.kind,
            lives_together=self.lives_with_patient,
            involvements=self.involvements,
        )

    def involvement_on(self, on: date) -> Involvement | None:
        """The latest involvement recorded on or before ``on``, if any."""
        current = None
        for involvement in self.involvements:
            if involvement.recorded_on <= on:
                current = involvement
        return current

    def is_known_carer_on(self, on: date) -> bool:
        """Whether the services knew this relative as a carer on ``on``."""
        return self.known_as_carer_on is not None and self.known_as_carer_on <= on


# --- children as relatives ---------------------------------------------------------------------


@collecting
@attrs.frozen(kw_only=True, order=False)
class ChildConsideration:
    """That a child's need for information, advice and support was considered, and what
    was done, by whom (*barnets behov beaktat och dokumenterat*, HSL 5 kap. 7 §).

    ``by`` is a staff id or role (masked in repr); ``note`` free text (masked).
    """

    considered_on: date = attrs.field(validator=a_date)
    by: str = attrs.field(validator=non_empty_text, repr=_masked)
    actions: frozenset[ChildSupportAction] = attrs.field(
        validator=_checks.and_(each(ChildSupportAction), _checks.not_empty)
    )
    note: str = attrs.field(default="", validator=_checks.text, repr=_masked)


@collecting
@attrs.frozen(kw_only=True, order=False)
class ChildAtDischarge:
    """A child of the patient, or living with them (*barn som anhörig vid utskrivning*).

    Whether HSL 5 kap. 7 § applies depends on the patient's conditions
    (:attr:`DischargeProcess.patient_conditions`) and the child's age on the discharge day.
    """

    child: Person = attrs.field(validator=instance_of(Person))
    patient_is_parent: bool = attrs.field(validator=a_bool)
    lives_with_patient: bool = attrs.field(validator=a_bool)
    consideration: ChildConsideration | None = attrs.field(
        default=None, validator=optional(instance_of(ChildConsideration))
    )


# --- the whole process --------------------------------------------------------------------------


def _admitted(instance: DischargeProcess) -> pendulum.DateTime | None:
    admission = instance.admission
    if isinstance(admission, Admission):
        return admission.admitted_at
    return None


def _not_before_admission(
    instance: DischargeProcess, attribute: attrs.Attribute[Any], value: Any
) -> None:
    """Every event of the process is at or after the admission."""
    admitted = _admitted(instance)
    if admitted is None or value is None:
        return
    events: list[tuple[str, object]]
    if isinstance(value, tuple):
        events = [(f"{attribute.name}[{i}]", v) for i, v in enumerate(value)]
    else:
        events = [(attribute.name, value)]
    for path, event in events:
        for name in ("sent_at", "appointed_at", "held_at"):
            moment = getattr(event, name, None)
            if isinstance(moment, pendulum.DateTime) and moment < admitted:
                _checks.fail(
                    f"{path}.{name}",
                    sv=f"ligger före inskrivningen ('{admitted.isoformat()}')",
                    en=f"is before the admission ('{admitted.isoformat()}')",
                )


def _discharge_day(instance: DischargeProcess, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional(a_date)(instance, attribute, value)
    admitted = _admitted(instance)
    if admitted is not None and _checks.is_date(value) and value < admitted.date():
        _checks.fail(
            attribute.name,
            sv=f"utskrivningsdagen ligger före inskrivningsdagen ({admitted.date()})",
            en=f"the discharge day is before the day of admission ({admitted.date()})",
        )


def _relatives(instance: DischargeProcess, attribute: attrs.Attribute[Any], value: Any) -> None:
    each(RelativeAtDischarge)(instance, attribute, value)
    patient = instance.patient
    if not (isinstance(value, tuple) and isinstance(patient, Person)):
        return
    for index, relative in enumerate(value):
        if isinstance(relative, RelativeAtDischarge) and (
            relative.person == patient
            or (relative.person.id is not None and relative.person.id == patient.id)
        ):
            _checks.fail(
                f"relatives[{index}].person",
                sv="en närstående kan inte vara patienten själv",
                en="a relative cannot be the patient themself",
            )


_RECORD_TYPES = (Consent, Revocation, Block, BlockLift, HarmAssessment)


def _records(instance: DischargeProcess, attribute: attrs.Attribute[Any], value: Any) -> None:
    each(*_RECORD_TYPES)(instance, attribute, value)
    if not (isinstance(value, tuple) and all(isinstance(r, _RECORD_TYPES) for r in value)):
        return
    try:
        compile_records(value, DecisionPolicy())
    except InvalidInput as exc:
        for problem in exc.problems:
            path = problem.path
            if path.startswith("consents"):
                path = "records" + path[len("consents") :]
            _checks.fail(path, sv=problem.message.sv, en=problem.message.en)


@collecting
@attrs.frozen(kw_only=True, order=False)
class DischargeProcess:
    """One hospital stay planned for discharge under Lag (2017:612)
    (*samverkan vid utskrivning*).

    ``hospital`` is the inpatient unit's authority, which holds the information and
    sends it unless a recipient's ``given_by`` names another holder. ``patient_conditions``
    are what HSL 5 kap. 7 § asks about a parent (serious physical illness, mental
    disorder, addiction). ``sip_needed``: the patient needs services from both the
    municipality and the region after discharge, so the fast vårdkontakt calls a SIP.
    ``discharge_on`` is the planned or actual day of discharge (*utskrivningsdag*).
    ``records`` are the consents, revocations, blocks, lifts and harm assessments
    (*samtycken, menprövningar*) that decide every transfer.
    """

    id: str = attrs.field(validator=an_id)
    patient: Person = attrs.field(validator=instance_of(Person))
    hospital: Organisation = attrs.field(validator=instance_of(Organisation))
    admission: Admission = attrs.field(validator=instance_of(Admission))
    patient_conditions: frozenset[AdultCondition] = attrs.field(
        default=frozenset(), validator=each(AdultCondition)
    )
    recipients: tuple[DischargeRecipient, ...] = attrs.field(
        default=(), validator=each(DischargeRecipient)
    )
    relatives: tuple[RelativeAtDischarge, ...] = attrs.field(default=(), validator=_relatives)
    children: tuple[ChildAtDischarge, ...] = attrs.field(
        default=(), validator=each(ChildAtDischarge)
    )
    admission_notices: tuple[AdmissionNotice, ...] = attrs.field(
        default=(), validator=_checks.and_(each(AdmissionNotice), _not_before_admission)
    )
    care_contact: CareContact | None = attrs.field(
        default=None,
        validator=_checks.and_(optional(instance_of(CareContact)), _not_before_admission),
    )
    planning: PlanningMeeting | None = attrs.field(
        default=None,
        validator=_checks.and_(optional(instance_of(PlanningMeeting)), _not_before_admission),
    )
    ready_notice: ReadyNotice | None = attrs.field(
        default=None,
        validator=_checks.and_(optional(instance_of(ReadyNotice)), _not_before_admission),
    )
    sip_needed: bool = attrs.field(default=False, validator=a_bool)
    sip_invitation: SipInvitation | None = attrs.field(
        default=None,
        validator=_checks.and_(optional(instance_of(SipInvitation)), _not_before_admission),
    )
    discharge_on: date | None = attrs.field(default=None, validator=_discharge_day)
    transfers: tuple[InformationTransfer, ...] = attrs.field(
        default=(), validator=_checks.and_(each(InformationTransfer), _not_before_admission)
    )
    records: tuple[ConsentRecord, ...] = attrs.field(default=(), validator=_records)

    def addressee_ids(self) -> tuple[str, ...]:
        """Every recipient and relative id, in document order (repeats kept)."""
        return tuple(r.id for r in self.recipients) + tuple(r.id for r in self.relatives)

    def recipient(self, recipient_id: str) -> DischargeRecipient | None:
        """The first recipient with ``recipient_id``, if any."""
        return next((r for r in self.recipients if r.id == recipient_id), None)

    def relative(self, relative_id: str) -> RelativeAtDischarge | None:
        """The first relative with ``relative_id``, if any."""
        return next((r for r in self.relatives if r.id == relative_id), None)
