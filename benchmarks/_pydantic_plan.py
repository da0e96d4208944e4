"""The peer to beat for bench_plans.py: a pydantic v2 model of the SupportPlan schema.

Written by hand from the same fields as ``anhorig.plans.SupportPlan`` (strict,
unknown keys forbidden, frozen), with the same validation where pydantic can express
it: anhorig's enums, the id and non-blank patterns, the personnummer's form, date
and Luhn check digit, the birth date against the personnummer, dates written
``YYYY-MM-DD`` only, no duplicates in sets, date order, the status against its
dates, and a respite grant only on respite measures. Its plan rules (``check``) are
not here: the goal compares anhorig's parse *and* check with this parse alone.

``pydantic_model(checked=False)`` is the same model without the Python validators:
types, patterns and constraints only, all in pydantic-core (it lets through what
those validators refuse; the benchmark prints which).
"""

# The field types are chosen at run time (with or without the Python validators).
# mypy: disable-error-code="valid-type"

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from stdnum import luhn

from anhorig.organisations import ProviderKind
from anhorig.plans import (
    RESPITE_KINDS,
    ConsentForm,
    ConsentPurpose,
    ExpectedOf,
    GrantorKind,
    MeasureKind,
    PlanStatus,
    SignerRole,
)
from anhorig.relations import CareArea, RelationKind
from anhorig.terminology import Role


def _as_set(values: tuple[Any, ...]) -> frozenset[Any]:
    """A set given as a JSON array, refusing duplicates (a frozenset alone drops them)."""
    found = frozenset(values)
    if len(found) != len(values):
        raise ValueError("duplicates in a set")
    return found


def _personnummer(value: str) -> str:
    """Birth date (or samordningsnummer day + 60) a real date, Luhn check digit right."""
    digits = value.replace("-", "")
    day = int(digits[6:8])
    date(int(digits[:4]), int(digits[4:6]), day - 60 if day > 60 else day)
    if not luhn.is_valid(digits[2:]):
        raise ValueError("wrong check digit")
    return value


def _birth_date(value: str | None) -> date | None:
    if value is None:
        return None
    digits = value.replace("-", "")
    day = int(digits[6:8])
    return date(int(digits[:4]), int(digits[4:6]), day - 60 if day > 60 else day)


Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
Text = Annotated[str, StringConstraints(pattern=r"\S")]


STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)


def pydantic_model(checked: bool = True) -> type[BaseModel]:
    """The SupportPlan model; with ``checked`` False, without its Python validators
    (types, patterns and constraints only, all checked in pydantic-core)."""
    day: Any
    number: Any
    areas: Any
    purposes: Any
    names: Any
    if checked:
        # Dates as YYYY-MM-DD only: pydantic's own date also reads "1761436800".
        day = Annotated[
            str,
            StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
            AfterValidator(date.fromisoformat),
        ]
        number = Annotated[
            str, StringConstraints(pattern=r"^[0-9]{8}-?[0-9]{4}$"), AfterValidator(_personnummer)
        ]
        areas = Annotated[tuple[CareArea, ...], AfterValidator(_as_set)]
        purposes = Annotated[
            tuple[ConsentPurpose, ...], Field(min_length=1), AfterValidator(_as_set)
        ]
        names = Annotated[tuple[str, ...], AfterValidator(_as_set)]
    else:
        day = date
        number = Annotated[str, StringConstraints(pattern=r"^[0-9]{8}-?[0-9]{4}$")]
        areas = frozenset[CareArea]
        purposes = Annotated[frozenset[ConsentPurpose], Field(min_length=1)]
        names = frozenset[str]

    def validated(check: Callable[[Any], None]) -> Any:
        """``check`` as an after-model validator."""

        def run(self: Any) -> Any:
            check(self)
            return self

        return model_validator(mode="after")(run)

    class PPerson(BaseModel):
        model_config = STRICT
        id: number | None = None
        name: Text
        birth_date: day | None = None
        if checked:
            born_rule = validated(_check_born)

    class PInvolvement(BaseModel):
        model_config = STRICT
        recorded_on: day
        reconfirm_by: day
        willing: bool
        wants_information: bool
        wants_to_take_part: bool
        tasks: areas = frozenset()
        note: str = ""
        if checked:
            order_rule = validated(_check_reconfirm)

    class PNeed(BaseModel):
        model_config = STRICT
        id: Id
        area: CareArea
        description: Text
        about: Role = Role.CARER

    class PGoal(BaseModel):
        model_config = STRICT
        id: Id
        need_id: str
        description: Text
        target_date: day | None = None

    class PProvider(BaseModel):
        model_config = STRICT
        name: Text
        kind: ProviderKind

    class PMeasure(BaseModel):
        model_config = STRICT
        id: Id
        goal_id: str
        kind: MeasureKind
        description: Text
        provider: PProvider
        granted_by_decision: bool
        start: day
        end: day | None = None
        frequency: str = ""
        decision_id: Id | None = None
        respite_grant_id: Id | None = None
        if checked:
            rules_rule = validated(_check_measure)

    class PExpectation(BaseModel):
        model_config = STRICT
        of: ExpectedOf
        description: Text

    class PFollowUp(BaseModel):
        model_config = STRICT
        due: day
        done_on: day | None = None
        note: str = ""

    class PSignature(BaseModel):
        model_config = STRICT
        signer: PPerson
        role: SignerRole
        signed_on: day

    class PPlanConsent(BaseModel):
        model_config = STRICT
        id: Text
        subject: PPerson
        purposes: purposes
        given_on: day
        form: ConsentForm
        recorded_by: Text
        grantor: GrantorKind = GrantorKind.SELF
        shared_with: names = frozenset()
        revoked_on: day | None = None
        if checked:
            rules_rule = validated(_check_revoked)

    class PCoordinator(BaseModel):
        model_config = STRICT
        person: PPerson
        title: Text
        organisation: Text
        professional: bool

    class PContingencyPlan(BaseModel):
        model_config = STRICT
        takes_over: Text
        unit: Text
        how_to_reach: Text
        family_known_to_unit: bool
        agreed_on: day

    class PSupportPlan(BaseModel):
        model_config = STRICT
        type: Literal["SupportPlan"]
        schema_version: Literal[1]
        id: Id
        carer: PPerson
        cared_for: PPerson
        relation: RelationKind
        created_on: day
        involvement: PInvolvement | None = None
        needs: tuple[PNeed, ...] = ()
        goals: tuple[PGoal, ...] = ()
        measures: tuple[PMeasure, ...] = ()
        expectations: tuple[PExpectation, ...] = ()
        follow_ups: tuple[PFollowUp, ...] = ()
        signatures: tuple[PSignature, ...] = ()
        consents: tuple[PPlanConsent, ...] = ()
        coordinator: PCoordinator | None = None
        agreed_on: day | None = None
        closed_on: day | None = None
        status: PlanStatus = PlanStatus.DRAFT
        substantial_care: bool = False
        contingency: PContingencyPlan | None = None
        if checked:
            dates_rule = validated(_check_plan_dates)

    return PSupportPlan


def _check_born(person: Any) -> None:
    if (
        person.birth_date is not None
        and person.id is not None
        and _birth_date(person.id) != person.birth_date
    ):
        raise ValueError("the birth date does not match the personnummer")


def _check_reconfirm(involvement: Any) -> None:
    if involvement.reconfirm_by <= involvement.recorded_on:
        raise ValueError("reconfirm_by must be after recorded_on")


def _check_measure(measure: Any) -> None:
    if measure.end is not None and measure.end < measure.start:
        raise ValueError("end must not be before start")
    if measure.respite_grant_id is not None and measure.kind not in RESPITE_KINDS:
        raise ValueError("only respite measures can reference a respite grant")


def _check_revoked(consent: Any) -> None:
    if consent.revoked_on is not None and consent.revoked_on < consent.given_on:
        raise ValueError("revoked_on must not be before given_on")


def _check_plan_dates(plan: Any) -> None:
    for name in ("agreed_on", "closed_on"):
        value = getattr(plan, name)
        if value is not None and value < plan.created_on:
            raise ValueError(f"{name} must not be before created_on")
    agreed = plan.agreed_on is not None
    if (
        plan.status in (PlanStatus.AGREED, PlanStatus.ACTIVE, PlanStatus.UNDER_REVIEW)
        and not agreed
    ):
        raise ValueError("this status needs agreed_on")
    if plan.status is PlanStatus.DRAFT and agreed:
        raise ValueError("a draft has no agreed_on")
    if (plan.status is PlanStatus.CLOSED) != (plan.closed_on is not None):
        raise ValueError("closed_on is given exactly when the plan is closed")
