"""The carer's own support plan (*stödplan*): needs, goals, measures, follow-up.

A stödplan is not required by law; it is the carer's own, written with them, and
it is documented only with their consent (and with the närstående's consent for
what it says about them). It follows the IBIC chain: every goal serves a need,
every measure serves a goal, and the plan is followed up. It states what the
carer is willing to do and what the services will do (a *förväntansdokument*),
and is signed by the carer and the case officer as an acknowledgement, not a
contract.

Plans are immutable: the lifecycle methods (:meth:`SupportPlan.agree`,
:meth:`~SupportPlan.activate`, :meth:`~SupportPlan.start_review`,
:meth:`~SupportPlan.complete_review`, :meth:`~SupportPlan.close`) return a new
plan, and refuse a step with ``RuleViolation`` carrying the findings that stop it
(they step through :func:`anhorig.plans._lifecycle.transition`).

>>> from datetime import date
>>> from anhorig.people import Person
>>> from anhorig.relations import RelationKind
>>> plan = SupportPlan.draft(
...     id="SP-1",
...     carer=Person(name="Karin Berg", birth_date=date(1950, 3, 1)),
...     cared_for=Person(name="Nils Berg", birth_date=date(1946, 5, 2)),
...     relation=RelationKind.SPOUSE,
...     created_on=date(2026, 11, 2),
... )
>>> plan.status.label("en")
'draft'
>>> plan.agree(on=date(2026, 11, 20))
Traceback (most recent call last):
  ...
anhorig.errors.RuleViolation: consents: [PLAN-NO-CARER-CONSENT] ...
...

References:
    - Socialtjänstlag (2025:400) 13 kap. 9 § (before 2025-07-01: SoL 2001:453 5 kap. 10 §).
    - Socialtjänstlag (2025:400) 11 kap. 1 §, 5 §: bistånd and insatser without a needs
      assessment.
    - Offentlighets- och sekretesslag (2009:400) 12 kap. 2 §: consent.
    - Seed 004 (Nka, tema A 2:3), question 4: "vad innebär underskriften av en stödplan?
      Är det ett avtal, kontrakt?"; "Min integritet som anhörig är så viktig".
    - Seed 001: "förväntansdokument … förväntningar åt båda håll".
    - Seed 003: "anhöriga ska inte vara samordnare".
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from anhorig import _checks
from anhorig._checks import a_bool, a_date, collecting, each, instance_of, non_empty_text, optional
from anhorig.findings import Report
from anhorig.language import LabelledEnum, Text
from anhorig.organisations import Provider
from anhorig.people import Person
from anhorig.plans._common import (
    Coordinator,
    FollowUp,
    PlanConsent,
    PlanStatus,
    reviewed_follow_ups,
    same_person,
)
from anhorig.plans._lifecycle import check as check_plan
from anhorig.plans._lifecycle import transition
from anhorig.plans.policy import RESPITE_KINDS, MeasureKind, PlanPolicy
from anhorig.relations import (
    CareArea,
    ContingencyPlan,
    Involvement,
    RelationKind,
    Relationship,
)
from anhorig.terminology import Role

__all__ = [
    "Expectation",
    "ExpectedOf",
    "Goal",
    "Measure",
    "Need",
    "Signature",
    "SignerRole",
    "SupportPlan",
]

_ID = _checks.matches(
    r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}",
    "ett id: A-Z a-z 0-9 . _ : -",
    en="an id: A-Z a-z 0-9 . _ : -",
)


def _hidden(value: str) -> str:
    return f"<{len(value)} tecken>"


@collecting
@attrs.frozen(kw_only=True, order=False)
class Need:
    """A need in one life area (*behov*), the carer's own or the närstående's.

    ``about`` says whose need it is: ``Role.CARER`` (the default) or
    ``Role.CARED_FOR``; a need about the närstående is information about them.
    """

    id: str = attrs.field(validator=_ID)
    area: CareArea = attrs.field(validator=instance_of(CareArea))
    description: str = attrs.field(validator=non_empty_text, repr=_hidden)
    about: Role = attrs.field(default=Role.CARER, validator=instance_of(Role))


@collecting
@attrs.frozen(kw_only=True, order=False)
class Goal:
    """A goal (*mål*) serving one need, named by ``need_id``."""

    id: str = attrs.field(validator=_ID)
    need_id: str = attrs.field(validator=_checks.text)
    description: str = attrs.field(validator=non_empty_text, repr=_hidden)
    target_date: date | None = attrs.field(default=None, validator=optional(a_date))


def _grant_only_for_respite(instance: Measure, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    _ID(instance, attribute, value)
    if isinstance(instance.kind, MeasureKind) and instance.kind not in RESPITE_KINDS:
        _checks.fail(
            "respite_grant_id",
            sv=f"bara avlösande insatser kan hänvisa till ett avlösningsbeslut, inte {instance.kind.label('sv')}",
            en=f"only respite measures can reference a respite grant, not {instance.kind.label('en')}",
        )


_checks.describe(
    _grant_only_for_respite,
    "cases",
    "kind",
    {kind.value: ((), ("respite_grant_id",)) for kind in MeasureKind if kind not in RESPITE_KINDS},
    _ID,
)


@collecting
@attrs.frozen(kw_only=True, order=False)
class Measure:
    """A measure (*insats*) serving one goal, named by ``goal_id``.

    ``granted_by_decision`` is true for a measure granted by decision after a needs
    assessment (*bistånd*); ``decision_id`` then names that decision. A measure
    offered without a needs assessment has neither. A respite measure may name the
    respite grant it draws on (``respite_grant_id``, an id in ``anhorig.respite``).
    ``end`` is the last day (inclusive), ``None`` while open-ended.
    """

    id: str = attrs.field(validator=_ID)
    goal_id: str = attrs.field(validator=_checks.text)
    kind: MeasureKind = attrs.field(validator=instance_of(MeasureKind))
    description: str = attrs.field(validator=non_empty_text, repr=_hidden)
    provider: Provider = attrs.field(validator=instance_of(Provider))
    granted_by_decision: bool = attrs.field(validator=a_bool)
    start: date = attrs.field(validator=a_date)
    end: date | None = attrs.field(
        default=None, validator=_checks.and_(optional(a_date), _checks.not_before("start"))
    )
    frequency: str = attrs.field(default="", validator=_checks.text)
    """How often, in words: ``"1 g/vecka"``, ``"16 timmar/månad"``."""
    decision_id: str | None = attrs.field(default=None, validator=optional(_ID))
    respite_grant_id: str | None = attrs.field(default=None, validator=_grant_only_for_respite)

    @property
    def concerns_cared_for(self) -> bool:
        """Whether the measure is given to the närstående (respite kinds)."""
        return self.kind in RESPITE_KINDS


class ExpectedOf(LabelledEnum):
    """Who an expectation is on (*förväntan på*): the carer or the services."""

    CARER = "carer", "anhörig", "carer"
    SERVICES = "services", "verksamheten", "the services"


@collecting
@attrs.frozen(kw_only=True, order=False)
class Expectation:
    """What one side may expect of the other (*förväntan*, förväntansdokument, seed 001)."""

    of: ExpectedOf = attrs.field(validator=instance_of(ExpectedOf))
    description: str = attrs.field(validator=non_empty_text, repr=_hidden)


class SignerRole(LabelledEnum):
    """In what capacity someone signs a plan (*undertecknare*)."""

    CARER = "carer", "anhörig", "carer"
    CASE_OFFICER = "case_officer", "handläggare", "case officer"
    CARED_FOR = "cared_for", "närstående", "person cared for"


@collecting
@attrs.frozen(kw_only=True, order=False)
class Signature:
    """A signature on a plan (*underskrift*): an acknowledgement, not a contract.

    Signing says the signer has taken part in and read the plan; it creates no
    obligation (seed 004: "Är det ett avtal, kontrakt?" — no).
    """

    signer: Person = attrs.field(validator=instance_of(Person))
    role: SignerRole = attrs.field(validator=instance_of(SignerRole))
    signed_on: date = attrs.field(validator=a_date)

    MEANING = Text(
        sv="Underskriften bekräftar att planen tagits fram tillsammans och lästs; den är inget avtal.",
        en="The signature acknowledges that the plan was made together and read; it is not a contract.",
    )


def _status_dates(instance: SupportPlan, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(PlanStatus)(instance, attribute, value)
    if not isinstance(value, PlanStatus):
        return
    agreed, closed = instance.agreed_on, instance.closed_on
    if value in (PlanStatus.AGREED, PlanStatus.ACTIVE, PlanStatus.UNDER_REVIEW) and agreed is None:
        _checks.fail(
            "agreed_on",
            sv=f"en plan med status {value.label('sv')} måste ha ett datum för överenskommelsen",
            en=f"a plan with status {value.label('en')} must have agreed_on",
        )
    if value is PlanStatus.DRAFT and agreed is not None:
        _checks.fail(
            "agreed_on",
            sv="ett utkast har inget datum för överenskommelse",
            en="a draft has no agreed_on",
        )
    if (value is PlanStatus.CLOSED) != (closed is not None):
        _checks.fail(
            "closed_on",
            sv="closed_on anges precis när planen är avslutad",
            en="closed_on is given exactly when the plan is closed",
        )


# For the JSON Schema: which dates each status needs, and which it must leave out.
_AGREED = ((PlanStatus.AGREED, PlanStatus.ACTIVE, PlanStatus.UNDER_REVIEW), ("agreed_on",))
_checks.describe(
    _status_dates,
    "cases",
    "status",
    {
        PlanStatus.DRAFT.value: ((), ("agreed_on", "closed_on")),
        **{status.value: (_AGREED[1], ("closed_on",)) for status in _AGREED[0]},
        PlanStatus.CLOSED.value: (("closed_on",), ()),
    },
    instance_of(PlanStatus),
)


@collecting
@attrs.frozen(kw_only=True, order=False)
class SupportPlan:
    """The carer's own support plan (*stödplan*).

    ``carer`` (anhörig) and ``cared_for`` (närstående), their ``relation``, the
    carer's ``involvement`` (what they do and are willing to do, as last asked),
    ``needs`` → ``goals`` → ``measures``, ``expectations`` both ways,
    ``follow_ups``, ``signatures``, ``consents`` covering what the plan records,
    and a professional ``coordinator`` (stödkontakt), never a relative.
    ``substantial_care``: the carer gives substantial care, as judged with them; then
    the plan should hold a ``contingency`` plan for when the carer falls ill
    (*plan vid akut behov*: who takes over, which unit, how to reach it). Build one
    with :meth:`draft` and move it on with the lifecycle methods.
    """

    id: str = attrs.field(validator=_ID)
    carer: Person = attrs.field(validator=instance_of(Person))
    cared_for: Person = attrs.field(validator=instance_of(Person))
    relation: RelationKind = attrs.field(validator=instance_of(RelationKind))
    created_on: date = attrs.field(validator=a_date)
    involvement: Involvement | None = attrs.field(
        default=None, validator=optional(instance_of(Involvement))
    )
    needs: tuple[Need, ...] = attrs.field(default=(), validator=each(Need))
    goals: tuple[Goal, ...] = attrs.field(default=(), validator=each(Goal))
    measures: tuple[Measure, ...] = attrs.field(default=(), validator=each(Measure))
    expectations: tuple[Expectation, ...] = attrs.field(default=(), validator=each(Expectation))
    follow_ups: tuple[FollowUp, ...] = attrs.field(default=(), validator=each(FollowUp))
    signatures: tuple[Signature, ...] = attrs.field(default=(), validator=each(Signature))
    consents: tuple[PlanConsent, ...] = attrs.field(default=(), validator=each(PlanConsent))
    coordinator: Coordinator | None = attrs.field(
        default=None, validator=optional(instance_of(Coordinator))
    )
    agreed_on: date | None = attrs.field(
        default=None, validator=_checks.and_(optional(a_date), _checks.not_before("created_on"))
    )
    closed_on: date | None = attrs.field(
        default=None, validator=_checks.and_(optional(a_date), _checks.not_before("created_on"))
    )
    status: PlanStatus = attrs.field(default=PlanStatus.DRAFT, validator=_status_dates)
    substantial_care: bool = attrs.field(default=False, validator=a_bool)
    contingency: ContingencyPlan | None = attrs.field(
        default=None, validator=optional(instance_of(ContingencyPlan))
    )

    @classmethod
    def draft(
        cls,
        *,
        id: str,
        carer: Person,
        cared_for: Person,
        relation: RelationKind,
        created_on: date,
        **parts: Any,
    ) -> SupportPlan:
        """A new plan in ``DRAFT``; ``parts`` are any further fields (needs, goals, ...)."""
        return cls(
            id=id,
            carer=carer,
            cared_for=cared_for,
            relation=relation,
            created_on=created_on,
            status=PlanStatus.DRAFT,
            **parts,
        )

    @property
    def records_about_cared_for(self) -> bool:
        """Whether the plan holds information about the närstående beyond who they are:
        a need about them, or a measure given to them (respite)."""
        return any(n.about is Role.CARED_FOR for n in self.needs) or any(
            m.concerns_cared_for for m in self.measures
        )

    def relationship(self) -> Relationship:
        """The care relationship the plan rests on, for :func:`anhorig.relations.check`
        (whether the carer's involvement was reconfirmed in time, a child carer, ...).

        ``InvalidInput`` at ``cared_for`` when the carer is the person cared for."""
        involvements = () if self.involvement is None else (self.involvement,)
        if same_person(self.carer, self.cared_for):  # the constructor says what is wrong
            return Relationship(
                carer=self.carer,
                cared_for=self.cared_for,
                kind=self.relation,
                involvements=involvements,
            )
        # Every part was checked when the plan was made, and the one condition between
        # them is the one just tested: the plan check asks for this each time (issue 14).
        return _checks.trusted(
            Relationship,
            carer=self.carer,
            cared_for=self.cared_for,
            kind=self.relation,
            areas=frozenset(),
            lives_together=None,
            involvements=involvements,
        )

    def signed_by(self, role: SignerRole) -> bool:
        """Whether someone has signed in ``role`` (the carer's signature must be the carer's)."""
        return any(
            s.role is role and (role is not SignerRole.CARER or same_person(s.signer, self.carer))
            for s in self.signatures
        )

    def open_follow_up(self) -> tuple[int, FollowUp] | None:
        """The earliest open follow-up and its index, if any."""
        open_ones = [(f.due, i, f) for i, f in enumerate(self.follow_ups) if f.is_open]
        if not open_ones:
            return None
        _, index, follow_up = min(open_ones, key=lambda t: (t[0], t[1]))
        return index, follow_up

    # --- lifecycle ---------------------------------------------------------------------

    def _step(
        self, to: PlanStatus, on: date, policy: PlanPolicy | None, **changes: Any
    ) -> SupportPlan:
        return transition(self, to, on=on, policy=policy, **changes)

    def agree(
        self,
        *,
        on: date,
        signatures: tuple[Signature, ...] = (),
        follow_up: date | None = None,
        policy: PlanPolicy | None = None,
    ) -> SupportPlan:
        """``DRAFT`` → ``AGREED`` on ``on``, adding ``signatures`` and a first follow-up
        due on ``follow_up``; refused with the findings of an agreed plan."""
        follow_ups = (
            self.follow_ups if follow_up is None else (*self.follow_ups, FollowUp(due=follow_up))
        )
        return self._step(
            PlanStatus.AGREED,
            on,
            policy,
            agreed_on=on,
            signatures=(*self.signatures, *signatures),
            follow_ups=follow_ups,
        )

    def activate(self, *, on: date, policy: PlanPolicy | None = None) -> SupportPlan:
        """``AGREED`` → ``ACTIVE``: the measures have started."""
        return self._step(PlanStatus.ACTIVE, on, policy)

    def start_review(self, *, on: date, policy: PlanPolicy | None = None) -> SupportPlan:
        """``ACTIVE`` → ``UNDER_REVIEW``: the follow-up has begun."""
        return self._step(PlanStatus.UNDER_REVIEW, on, policy)

    def complete_review(
        self, *, on: date, next_follow_up: date, note: str = "", policy: PlanPolicy | None = None
    ) -> SupportPlan:
        """``UNDER_REVIEW`` → ``ACTIVE``: the open follow-up is marked done on ``on`` and the
        next one is due on ``next_follow_up``."""
        follow_ups = reviewed_follow_ups(self.follow_ups, on, next_follow_up, note)
        return self._step(PlanStatus.ACTIVE, on, policy, follow_ups=follow_ups)

    def close(self, *, on: date, policy: PlanPolicy | None = None) -> SupportPlan:
        """Any status but ``CLOSED`` → ``CLOSED`` on ``on``."""
        return self._step(PlanStatus.CLOSED, on, policy, closed_on=on)

    def check(self, *, on: date, policy: PlanPolicy | None = None) -> Report:
        """Shorthand for :func:`anhorig.plans.check` on this plan."""
        return check_plan(self, on=on, policy=policy)
