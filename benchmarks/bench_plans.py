"""Benchmark: read and check a stödplan document, against pydantic v2 and fhir.resources.

Goals (issue 14, "make the honest numbers good"; never timed in tests):

- plan parse plus full check faster than a pydantic v2 model's parse alone of the
  same document (the pydantic model below is the peer to beat).

Also printed, from issue 4: parse plus full check at least 3× faster than
fhir.resources' parse of the lean CarePlan twin.

Run on demand::

    python benchmarks/bench_plans.py            # 15 interleaved runs of 200 documents
    python benchmarks/bench_plans.py --quick    # 5 runs of 50 (smoke)
    python benchmarks/bench_plans.py --json figures.json

How (see ``_harness.py``): CPU time, contenders interleaved round by round, runs of
equal length, medians with quartiles and min–max. Before timing, anhorig and the
pydantic model read the document to the same values, and each of a set of broken
documents (one fault each: unknown value, unknown key, missing field, bad
personnummer, birth date not matching it, blank text, dates out of order, a date
written another way, a duplicate in a set, wrong JSON types, ...) is refused by both;
the benchmark stops on any difference.

The document is ``examples/plans/support-plan-valid.json`` (5 needs, 8 goals, 10
measures, 2 consents). Contenders:

- anhorig: ``from_json(SupportPlan, text)`` plus ``check(plan, on=...)`` (every plan
  rule); ``from_json`` alone; ``from_json`` refusing the document with one unknown
  value deep inside (the compiled reader gives up and the strict converter names the
  bad path);
- pydantic v2 (``model_validate_json``, strict, unknown keys forbidden, frozen), a
  model written by hand from the same fields, with the same validation where
  pydantic can express it: anhorig's enums, id and non-blank patterns, personnummer
  form, date and Luhn check, birth date against the personnummer, dates written
  ``YYYY-MM-DD`` only, no duplicates in sets, date order, status against its dates,
  a respite grant only on respite measures. Parse only: no plan rules. Beside it the
  same model without its Python validators (types, patterns and constraints only:
  it lets through what those validators refuse), as the floor pydantic gives;
- fhir.resources (R5): ``CarePlan.model_validate_json`` of an equivalent CarePlan
  with the needs, goals, measures and consents as contained resources (full twin),
  and of a lean twin holding the same texts inline (parse only, no rules);
- plain cattrs: structuring the same JSON into attrs classes with no validators.

Is the pydantic model a fair twin? Same strictness where it counts (dates parsed and
written ``YYYY-MM-DD`` only, enums checked, unknown keys refused, the 27 broken
documents refused by both), and slightly *less* strict than anhorig on a few documents
it is not made to refuse here (making it stricter would make it slower): it reads a
repeated key (pydantic-core keeps the last), dates before 1800 or after 2199, and
``1.0`` or ``true`` as ``schema_version``; it refuses a consent's grantor
``"guardian"``, which anhorig reads as older documents meant it. The run prints which.
"""

from __future__ import annotations

import enum
import json
import sys
from collections.abc import Callable, Hashable
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import cattrs
from pydantic import BaseModel, ValidationError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import Bench, Contender, agree, arguments, each
from _pydantic_plan import pydantic_model

from anhorig.errors import InvalidInput
from anhorig.plans import SupportPlan, check
from anhorig.serialization import from_json, to_json

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "examples" / "plans" / "support-plan-valid.json"
ON = date(2026, 11, 22)


# --- an equivalent FHIR R5 CarePlan ---------------------------------------------------------


def fhir_care_plan(doc: dict[str, Any]) -> dict[str, Any]:
    """The stödplan document as a FHIR R5 CarePlan with contained resources."""
    carer = {"reference": "#carer", "display": "carer"}
    contained: list[dict[str, Any]] = [
        {
            "resourceType": "RelatedPerson",
            "id": "carer",
            "patient": {"reference": "#patient"},
            "relationship": [
                {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode",
                            "code": "SPS",
                        }
                    ]
                }
            ],
            "name": [{"text": doc["carer"]["name"]}],
            "identifier": [{"system": "urn:oid:1.2.752.129.2.1.3.1", "value": doc["carer"]["id"]}],
        },
        {
            "resourceType": "Patient",
            "id": "patient",
            "name": [{"text": doc["cared_for"]["name"]}],
            "identifier": [
                {"system": "urn:oid:1.2.752.129.2.1.3.1", "value": doc["cared_for"]["id"]}
            ],
            "birthDate": doc["cared_for"]["birth_date"],
        },
    ]
    for need in doc["needs"]:
        contained.append(
            {
                "resourceType": "Condition",
                "id": need["id"],
                "clinicalStatus": {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                            "code": "active",
                        }
                    ]
                },
                "category": [{"text": need["area"]}],
                "code": {"text": need["description"]},
                "subject": {"reference": "#patient"},
            }
        )
    for goal in doc["goals"]:
        contained.append(
            {
                "resourceType": "Goal",
                "id": goal["id"],
                "lifecycleStatus": "active",
                "description": {"text": goal["description"]},
                "subject": {"reference": "#patient"},
                "addresses": [{"reference": f"#{goal['need_id']}"}],
            }
        )
    for measure in doc["measures"]:
        period: dict[str, str] = {"start": measure["start"]}
        if measure.get("end"):
            period["end"] = measure["end"]
        request: dict[str, Any] = {
            "resourceType": "ServiceRequest",
            "id": measure["id"],
            "status": "active",
            "intent": "plan",
            "code": {"concept": {"text": measure["kind"]}},
            "subject": {"reference": "#patient"},
            "occurrencePeriod": period,
            "performer": [{"display": measure["provider"]["name"]}],
            "reason": [{"reference": {"reference": f"#{measure['goal_id']}"}}],
            "note": [{"text": measure["description"]}, {"text": measure.get("frequency") or "-"}],
        }
        if measure.get("decision_id"):
            request["identifier"] = [{"value": measure["decision_id"]}]
        contained.append(request)
    for consent in doc["consents"]:
        contained.append(
            {
                "resourceType": "Consent",
                "id": consent["id"],
                "status": "active",
                "date": consent["given_on"],
                "decision": "permit",
                "grantor": [carer],
                "provision": [{"purpose": [{"code": "document_in_plan"}]}],
            }
        )
    return {
        "resourceType": "CarePlan",
        "id": doc["id"],
        "status": "active",
        "intent": "plan",
        "subject": {"reference": "#patient"},
        "created": doc["created_on"],
        "period": {"start": doc["agreed_on"]},
        "contributor": [carer],
        "contained": contained,
        "addresses": [{"reference": {"reference": f"#{n['id']}"}} for n in doc["needs"]],
        "goal": [{"reference": f"#{g['id']}"} for g in doc["goals"]],
        "activity": [
            {"plannedActivityReference": {"reference": f"#{m['id']}"}} for m in doc["measures"]
        ],
        "note": [{"text": e["description"]} for e in doc["expectations"]],
    }


def fhir_care_plan_lean(doc: dict[str, Any]) -> dict[str, Any]:
    """A leaner twin: the plan's content inline in the CarePlan (activities as coded
    performed activities with their text), no contained resources."""
    return {
        "resourceType": "CarePlan",
        "id": doc["id"],
        "status": "active",
        "intent": "plan",
        "subject": {"reference": "Patient/1", "display": "patient"},
        "created": doc["created_on"],
        "period": {"start": doc["agreed_on"]},
        "contributor": [{"reference": "RelatedPerson/1", "display": "carer"}],
        "addresses": [{"concept": {"text": n["description"]}} for n in doc["needs"]],
        "goal": [
            {"reference": f"Goal/{g['id']}", "display": g["description"]} for g in doc["goals"]
        ],
        "activity": [
            {
                "performedActivity": [{"concept": {"text": m["description"]}}],
                "progress": [{"text": m["kind"]}],
            }
            for m in doc["measures"]
        ],
        "supportingInfo": [{"reference": f"Consent/{c['id']}"} for c in doc["consents"]],
        "note": [{"text": e["description"]} for e in doc["expectations"]],
    }


# --- equivalent plain attrs classes ---------------------------------------------------------


@attrs.define
class PPerson:
    name: str
    id: str | None = None
    birth_date: str | None = None


@attrs.define
class PInvolvement:
    recorded_on: str
    reconfirm_by: str
    willing: bool
    wants_information: bool
    wants_to_take_part: bool
    tasks: list[str] = attrs.Factory(list)
    note: str = ""


@attrs.define
class PNeed:
    id: str
    area: str
    description: str
    about: str = "carer"


@attrs.define
class PGoal:
    id: str
    need_id: str
    description: str
    target_date: str | None = None


@attrs.define
class PProvider:
    name: str
    kind: str


@attrs.define
class PMeasure:
    id: str
    goal_id: str
    kind: str
    description: str
    provider: PProvider
    granted_by_decision: bool
    start: str
    end: str | None = None
    frequency: str = ""
    decision_id: str | None = None
    respite_grant_id: str | None = None


@attrs.define
class PExpectation:
    of: str
    description: str


@attrs.define
class PFollowUp:
    due: str
    done_on: str | None = None
    note: str = ""


@attrs.define
class PSignature:
    signer: PPerson
    role: str
    signed_on: str


@attrs.define
class PConsent:
    id: str
    subject: PPerson
    purposes: list[str]
    given_on: str
    form: str
    recorded_by: str
    grantor: str = "self"
    shared_with: list[str] = attrs.Factory(list)
    revoked_on: str | None = None


@attrs.define
class PCoordinator:
    person: PPerson
    title: str
    organisation: str
    professional: bool


@attrs.define
class PPlan:
    type: str
    schema_version: int
    id: str
    carer: PPerson
    cared_for: PPerson
    relation: str
    created_on: str
    involvement: PInvolvement | None
    needs: list[PNeed]
    goals: list[PGoal]
    measures: list[PMeasure]
    expectations: list[PExpectation]
    follow_ups: list[PFollowUp]
    signatures: list[PSignature]
    consents: list[PConsent]
    coordinator: PCoordinator | None
    agreed_on: str | None
    closed_on: str | None
    status: str


def canonical(value: Any) -> Any:
    """JSON-like values with sets (lists of strings) in one order, for comparing what
    two readers read: pydantic models as dicts, dates as ISO text, enums as values."""
    if isinstance(value, BaseModel):
        return {name: canonical(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple | frozenset | set):
        items = [canonical(v) for v in value]
        if all(isinstance(v, str) for v in items):
            return sorted(items)
        return items
    return value


def broken_documents(doc: dict[str, Any]) -> dict[str, str]:
    """The document with one fault each, every fault one that both readers check."""

    def changed(edit: Callable[[dict[str, Any]], object]) -> str:
        copy = json.loads(json.dumps(doc))
        edit(copy)
        return json.dumps(copy, ensure_ascii=False)

    return {
        "unknown measure kind": changed(lambda d: d["measures"][-1].update(kind="massage")),
        "unknown key": changed(lambda d: d.update(colour="blue")),
        "unknown key, nested": changed(lambda d: d["needs"][0].update(colour="blue")),
        "missing created_on": changed(lambda d: d.pop("created_on")),
        "schema_version 2": changed(lambda d: d.update(schema_version=2)),
        "personnummer check digit": changed(lambda d: d["carer"].update(id="19500301-9825")),
        "personnummer date": changed(lambda d: d["carer"].update(id="19500231-9824")),
        "birth date not the personnummer's": changed(
            lambda d: d["carer"].update(birth_date="1950-03-02")
        ),
        "blank need description": changed(lambda d: d["needs"][0].update(description="  ")),
        "blank name": changed(lambda d: d["cared_for"].update(name="\t")),
        "id with a space": changed(lambda d: d["goals"][0].update(id="G 1")),
        "id starting with a dash": changed(lambda d: d["measures"][0].update(id="-M1")),
        "measure ends before it starts": changed(
            lambda d: d["measures"][2].update(end="2027-01-14")
        ),
        "reconfirm_by on recorded_on": changed(
            lambda d: d["involvement"].update(reconfirm_by="2026-10-26")
        ),
        "agreed before created": changed(lambda d: d.update(agreed_on="2026-10-25")),
        "active without agreed_on": changed(lambda d: d.update(agreed_on=None)),
        "closed_on on an active plan": changed(lambda d: d.update(closed_on="2026-12-01")),
        "respite grant on education": changed(
            lambda d: d["measures"][2].update(respite_grant_id="AVL-1")
        ),
        "consent without purposes": changed(lambda d: d["consents"][0].update(purposes=[])),
        "duplicate task": changed(lambda d: d["involvement"]["tasks"].append("self_care")),
        "week date": changed(lambda d: d.update(created_on="2026-W44-1")),
        "date-time for a date": changed(lambda d: d.update(created_on="2026-10-26T00:00:00")),
        "epoch seconds for a date": changed(lambda d: d.update(created_on="1761436800")),
        "number for a text": changed(lambda d: d["measures"][0].update(frequency=16)),
        "text for a boolean": changed(
            lambda d: d["measures"][0].update(granted_by_decision="true")
        ),
        "null for a list": changed(lambda d: d.update(needs=None)),
        "object for a list": changed(lambda d: d.update(needs={})),
    }


def where_peers_differ(doc: dict[str, Any]) -> dict[str, str]:
    """Documents the pydantic model and anhorig answer differently, by design of either:
    the peer is not made stricter (or slower) here, the benchmark says where it is."""

    def changed(edit: Callable[[dict[str, Any]], object]) -> str:
        copy = json.loads(json.dumps(doc))
        edit(copy)
        return json.dumps(copy, ensure_ascii=False)

    relation = f'"relation": {json.dumps(doc["relation"])}'
    return {
        # pydantic-core keeps the last of a repeated key; anhorig refuses it (_json.py).
        "a repeated key": json.dumps(doc, ensure_ascii=False).replace(
            relation, f'"relation": "child", {relation}', 1
        ),
        "a date before 1800": changed(lambda d: d.update(created_on="1799-12-31")),
        "a date after 2199": changed(lambda d: d.update(agreed_on="2200-01-01")),
        # Literal[1] compares by equality: 1.0 and true pass it even in strict mode.
        "schema_version 1.0": changed(lambda d: d.update(schema_version=1.0)),
        "schema_version true": changed(lambda d: d.update(schema_version=True)),
        # A value older documents wrote, read as GOD_MAN (plans/_common.py).
        'grantor "guardian"': changed(lambda d: d["consents"][0].update(grantor="guardian")),
    }


def fairness(doc: dict[str, Any], model: type[BaseModel]) -> str:
    """Where the pydantic model is less strict than anhorig, and where more, in words."""
    differ = where_peers_differ(doc)
    peer = refused_by(model)
    only_anhorig = [n for n, t in differ.items() if refused_by_anhorig(t) and not peer(t)]
    only_peer = [n for n, t in differ.items() if peer(t) and not refused_by_anhorig(t)]
    return (
        f"fairness: the pydantic model reads {len(only_anhorig)} documents anhorig refuses "
        f"({', '.join(only_anhorig) or 'none'}) and refuses {len(only_peer)} anhorig reads "
        f"({', '.join(only_peer) or 'none'}); otherwise the same strictness: dates parsed "
        "and written YYYY-MM-DD, enums checked, unknown keys refused"
    )


def refused_by_anhorig(text: str) -> bool:
    try:
        from_json(SupportPlan, text)
    except InvalidInput:
        return True
    return False


def refused_by(model: type[BaseModel]) -> Callable[[str], bool]:
    def refused(text: str) -> bool:
        try:
            model.model_validate_json(text)
        except ValidationError:
            return True
        return False

    return refused


def main(argv: list[str] | None = None) -> int:
    from fhir.resources.careplan import CarePlan

    args = arguments(__doc__).parse_args(argv)
    bench = Bench("Plans: read and check a stödplan (benchmarks/bench_plans.py)", args)
    ops = 50 if args.quick else 200
    text = DOCUMENT.read_text(encoding="utf-8")
    doc = json.loads(text)
    fhir_text = json.dumps(fhir_care_plan(doc), ensure_ascii=False)
    lean_text = json.dumps(fhir_care_plan_lean(doc), ensure_ascii=False)
    plain = cattrs.Converter()
    model, bare_model = pydantic_model(), pydantic_model(checked=False)

    # Same answers first: the same values from the good document ...
    ours = canonical(json.loads(to_json(from_json(SupportPlan, text))))
    theirs = canonical(model.model_validate_json(text))
    agree("reading the document", {"anhorig": [json.dumps(ours)], "pydantic": [json.dumps(theirs)]})
    report = check(from_json(SupportPlan, text), on=ON)
    if not report.ok:
        raise AssertionError(f"the example plan has findings: {report}")
    # ... and every broken one refused by both.
    broken = broken_documents(doc)
    verdicts: dict[str, list[Hashable]] = {
        "expected": [True] * len(broken),
        "anhorig": [refused_by_anhorig(t) for t in broken.values()],
        "pydantic": [refused_by(model)(t) for t in broken.values()],
    }
    agree(f"refusing broken documents ({', '.join(broken)})", verdicts)
    let_through = [name for name, t in broken.items() if not refused_by(bare_model)(t)]
    bench.checked(
        f"anhorig and the pydantic model read the document to the same values; both refuse "
        f"each of {len(broken)} broken documents; the plan has no findings on {ON}"
    )
    bench.note(
        f"pydantic without its Python validators lets through {len(let_through)} of "
        f"{len(broken)} broken documents: {', '.join(let_through)}"
    )
    bench.note(fairness(doc, model))
    twins = {
        "full": CarePlan.model_validate_json(fhir_text),
        "lean": CarePlan.model_validate_json(lean_text),
    }
    for name, care_plan in twins.items():
        counts = (len(care_plan.goal or ()), len(care_plan.activity or ()))
        if counts != (len(doc["goals"]), len(doc["measures"])):
            raise AssertionError(f"the {name} FHIR twin has {counts} goals and activities")
    plain_plan = plain.structure(json.loads(text), PPlan)
    if len(plain_plan.measures) != len(doc["measures"]):
        raise AssertionError("plain cattrs read another document")
    bench.checked("the FHIR twins and plain cattrs read as many goals and measures")

    bad = broken["unknown measure kind"]
    documents = [text]

    def anhorig_parse_and_check(document: str) -> None:
        check(from_json(SupportPlan, document), on=ON)

    def anhorig_refuse(document: str) -> None:
        try:
            from_json(SupportPlan, document)
        except InvalidInput:
            return
        raise AssertionError("the broken document was read")

    def pydantic_refuse(document: str) -> None:
        try:
            model.model_validate_json(document)
        except ValidationError:
            return
        raise AssertionError("the broken document was read")

    bench.measure(
        "one stödplan document (9.3 kB: 5 needs, 8 goals, 10 measures, 2 consents)",
        [
            Contender("anhorig parse + full check", each(anhorig_parse_and_check, documents)),
            Contender("anhorig parse only", each(lambda t: from_json(SupportPlan, t), documents)),
            Contender(
                "pydantic v2 parse, same validation", each(model.model_validate_json, documents)
            ),
            Contender(
                "pydantic v2 parse, no Python validators",
                each(bare_model.model_validate_json, documents),
            ),
            Contender("anhorig refusing a bad document", each(anhorig_refuse, [bad])),
            Contender("pydantic v2 refusing it", each(pydantic_refuse, [bad])),
            Contender(
                "fhir.resources CarePlan, full twin",
                each(CarePlan.model_validate_json, [fhir_text]),
            ),
            Contender(
                "fhir.resources CarePlan, lean twin",
                each(CarePlan.model_validate_json, [lean_text]),
            ),
            Contender(
                "plain cattrs, no validation",
                each(lambda t: plain.structure(json.loads(t), PPlan), documents),
            ),
        ],
        ops=ops,
    )
    bench.goal_faster(
        "parse + full check faster than pydantic v2's parse alone",
        "anhorig parse + full check",
        "pydantic v2 parse, same validation",
        1,
    )
    bench.goal_faster(
        "(issue 4) parse + full check ≥ 3× faster than fhir.resources' lean twin",
        "anhorig parse + full check",
        "fhir.resources CarePlan, lean twin",
        3,
    )
    bench.note(
        f"document {len(text):,} bytes; FHIR twins {len(fhir_text):,} (contained resources) "
        f"and {len(lean_text):,} bytes (lean)"
    )
    bench.report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
