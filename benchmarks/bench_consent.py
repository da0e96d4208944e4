"""Benchmark: consent decisions and registry adds against pycasbin, a cache and a dict.

Goals (issue 14, "make the honest numbers good"; never timed in tests):

- a first ask of a question ≥ 10× faster than pycasbin's ``FastEnforcer``;
- ``DisclosureRequest`` construction ≤ 2 µs;
- a warm decision within 2× a dict hit;
- ``ConsentRegistry.add`` ≤ 3 µs and ≤ 300 B per consent.

Also printed, from issue 3: the same figures at 1,000 and at the large size within
1.2× (the cost does not grow with the registry).

Run on demand::

    python benchmarks/bench_consent.py            # registries of 1,000 and 1,000,000
    python benchmarks/bench_consent.py --quick    # 1,000 and 10,000, few runs (smoke)
    python benchmarks/bench_consent.py --json figures.json

How (see ``_harness.py``): CPU time, contenders interleaved round by round, runs of
equal length, medians with quartiles and min–max. Before anything is timed, every
contender answers the same requests (the 2,000 timed ones, each consent's first and
last second of validity and the second either side, and the first asks) and must
agree; the benchmark stops otherwise.

The person asked about has 20 consents, one per recipient (20 health-care units),
granting social-services information for the SIP purpose, with an exception denying
economy; every other consent expires after a year. Requests ask about home care
(permitted while valid) and economy (denied) at 50 instants over 2026.

Contenders:

- ``registry.decide``: anhorig, in registries of 1,000 and of the large size. *Warm*:
  the question was asked before (the steady state of a case-management system), with
  the same request object (whose answer the registry keeps while the person's records
  stand) and with an equal new one.
  *First ask*: each question asked for the first time (it names information from
  another day, which no provision limits: the same work as a new question); and the
  same with the explanation read (``explain()``), which is built when first read.
- ``evaluate(request, consents)``: anhorig without a registry, the person's 20 consents.
- pycasbin ``Enforcer`` and ``FastEnforcer`` (indexed on subject, recipient and
  category): an ABAC model with the validity period as a time attribute, so that it
  agrees with anhorig on every request (the RBAC model used before issue 14 ignores
  validity and disagrees; the count is printed). Each is given only the person's 40
  policy lines: the plain ``Enforcer`` scans every line.
- pycasbin's ``Enforcer.enforce`` under ``functools.lru_cache``: the cached peer.
- a ``dict`` from the request's fields to the answer: the floor.
- end to end: the request built from the objects a caller holds, then decided.
  Construction alone is timed as the class called with its keyword arguments (their
  values built before, as every other row's inputs are), and beside it as a caller's
  own function that builds one (``request`` below: it reads two enum members and a
  module constant, and adds a call), so that the difference is shown, not hidden.
- ``ConsentRegistry.add`` of consents read as from documents (each with its own,
  equal, provision) into an empty registry, against appending them to a dict of lists
  per person; memory per consent with ``tracemalloc``.
"""

from __future__ import annotations

import functools
import gc
import itertools
import sys
import tempfile
import tracemalloc
from collections.abc import Callable, Hashable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import casbin  # type: ignore[import-untyped]
import pendulum
from stdnum import luhn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import Bench, Contender, agree, arguments, each, each_args, each_kwargs, fresh

from anhorig.consent import (
    Action,
    Consent,
    ConsentRegistry,
    DisclosureRequest,
    Evidence,
    EvidenceForm,
    Grantor,
    GrantorCapacity,
    InfoCategory,
    Organisation,
    Principal,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    Sector,
    evaluate,
)
from anhorig.people import Person, PersonId
from anhorig.time import Period, local

PER_SUBJECT = 10
TARGET_CONSENTS = 20
ASKED = 999_999  # the asked person's number in synthetic_person (unique among the others)

TOWN = Organisation(
    id="kommun-0480-son",
    name="Socialnämnden",
    principal=Principal.MUNICIPALITY,
    sector=Sector.SOCIAL_SERVICES,
)
REGIONS = tuple(
    Organisation(
        id=f"region-unit-{i}",
        name=f"Vårdcentral {i}",
        principal=Principal.REGION,
        sector=Sector.HEALTH_CARE,
    )
    for i in range(TARGET_CONSENTS)
)
RECIPIENTS = tuple(Recipient.of_organisation(org) for org in REGIONS)
GIVEN = local(2026, 1, 5, 10)
UNTIL = local(2027, 1, 5, 10)
EVIDENCE = Evidence(form=EvidenceForm.WRITTEN, documented_by="hsa-4711", documented_at=GIVEN)
CATEGORIES = (InfoCategory.SOCIAL_HOME_CARE, InfoCategory.SOCIAL_ECONOMY)


def provision(recipient: Recipient) -> Provision:
    """Permit social-services information to ``recipient`` for the SIP, except economy."""
    return Provision(
        decision=ProvisionType.PERMIT,
        actions=frozenset({Action.DISCLOSE}),
        categories=frozenset({InfoCategory.SOCIAL_SERVICES}),
        recipients=frozenset({recipient}),
        purposes=frozenset({Purpose.SIP}),
        exceptions=(
            Provision(
                decision=ProvisionType.DENY,
                categories=frozenset({InfoCategory.SOCIAL_ECONOMY}),
            ),
        ),
    )


SHARED_PROVISIONS = tuple(provision(recipient) for recipient in RECIPIENTS)


def synthetic_person(n: int) -> Person:
    """A made-up person with a Luhn-valid number, different for every n below
    25,000,000 (born 1930–1999, serial from n)."""
    born = date(1930, 1, 1) + timedelta(days=n % 25000)
    serial = n // 25000 % 1000
    nine = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{serial:03d}"
    number = f"{born:%Y%m%d}-{serial:03d}{luhn.calc_check_digit(nine)}"
    return Person(id=PersonId(number), name=f"Person {n}")


def consents_for(person: Person, count: int, prefix: str, *, own: bool = False) -> list[Consent]:
    """``count`` consents of ``person``; every other one expires after a year. With
    ``own`` each has its own (equal) provision, as consents read from documents do."""
    grantor = Grantor(person=person, capacity=GrantorCapacity.SELF)
    return [
        Consent(
            id=f"{prefix}-{i}",
            subject=person,
            grantor=grantor,
            obtained_by=TOWN,
            given_at=GIVEN,
            evidence=EVIDENCE,
            provision=(
                provision(RECIPIENTS[i % TARGET_CONSENTS])
                if own
                else SHARED_PROVISIONS[i % TARGET_CONSENTS]
            ),
            valid_until=UNTIL if i % 2 else None,
        )
        for i in range(count)
    ]


def build_registry(total: int, target: Person) -> ConsentRegistry:
    registry = ConsentRegistry()
    for consent in consents_for(target, TARGET_CONSENTS, "t"):
        registry.add(consent)
    for n in range((total - TARGET_CONSENTS) // PER_SUBJECT):
        for consent in consents_for(synthetic_person(n), PER_SUBJECT, f"s{n}"):
            registry.add(consent)
    return registry


def request(
    target: Person, recipient: Recipient, category: InfoCategory, at: Any
) -> DisclosureRequest:
    return DisclosureRequest(
        subject=target,
        action=Action.DISCLOSE,
        category=category,
        holder=TOWN,
        recipient=recipient,
        purpose=Purpose.SIP,
        at=at,
    )


def timed_requests(target: Person) -> list[DisclosureRequest]:
    """20 recipients x 2 categories x 50 instants over 2026 and into 2027."""
    instants = [local(2026, 2, 1).add(days=7 * k, hours=k % 9) for k in range(50)]
    return [
        request(target, recipient, category, at)
        for recipient, category, at in itertools.product(RECIPIENTS, CATEGORIES, instants)
    ]


def boundary_requests(target: Person) -> list[DisclosureRequest]:
    """Each consent's first and last second of validity and the second either side."""
    instants = [
        GIVEN.subtract(seconds=1),
        GIVEN,
        UNTIL.subtract(seconds=1),
        UNTIL,
    ]
    return [
        request(target, recipient, category, at)
        for recipient, category, at in itertools.product(RECIPIENTS, CATEGORIES, instants)
    ]


class FirstAsks:
    """Questions never asked before: the first instant of each of the 40 questions,
    each time about information from another day (a data period no provision limits)."""

    def __init__(self, requests: Sequence[DisclosureRequest]) -> None:
        self.firsts = list(requests[::50])
        self.day = 0

    def __call__(self, n: int) -> list[DisclosureRequest]:
        made: list[DisclosureRequest] = []
        for item in itertools.islice(itertools.cycle(self.firsts), n):
            if len(made) % len(self.firsts) == 0:
                self.day += 1
            period = Period(date(2000, 1, 1) + timedelta(days=self.day))
            made.append(attrs.evolve(item, data_period=period))
        return made


# --- pycasbin --------------------------------------------------------------------------

ABAC_MODEL = """
[request_definition]
r = sub, rcpt, obj, act, purpose, t
[policy_definition]
p = sub, rcpt, obj, act, purpose, start, end, eft
[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))
[matchers]
m = r.sub == p.sub && r.rcpt == p.rcpt && r.obj == p.obj && r.act == p.act && r.purpose == p.purpose && r.t >= p.start && r.t < p.end
"""

RBAC_MODEL = """
[request_definition]
r = sub, rcpt, obj, act, purpose, t
[policy_definition]
p = sub, rcpt, obj, act, purpose, start, end, eft
[policy_effect]
e = some(where (p.eft == allow)) && !some(where (p.eft == deny))
[matchers]
m = r.sub == p.sub && r.rcpt == p.rcpt && r.obj == p.obj && r.act == p.act && r.purpose == p.purpose
"""


def stamp(seconds: float) -> str:
    """Epoch seconds as fixed-width text, so that casbin's string comparison orders them."""
    if seconds != int(seconds):
        raise ValueError("whole seconds only")
    return f"{int(seconds):012d}"


def policy_lines(target: Person, consents: Sequence[Consent]) -> list[str]:
    """The consents as casbin policy lines: one per category asked about, with the
    validity period; the economy exception as a deny line."""
    sub = key_of(target)
    lines = []
    for consent in consents:
        (recipient,) = consent.provision.recipients
        assert recipient.organisation is not None
        end = stamp(consent.valid_until.timestamp()) if consent.valid_until else "9" * 12
        start = stamp(consent.valid_from.timestamp())
        for category in CATEGORIES:
            eft = "deny" if category is InfoCategory.SOCIAL_ECONOMY else "allow"
            lines.append(
                f"p, {sub}, {recipient.organisation.id}, {category.value}, "
                f"{Action.DISCLOSE.value}, {Purpose.SIP.value}, {start}, {end}, {eft}"
            )
    return lines


def enforcers(lines: list[str], folder: Path) -> dict[str, Any]:
    """The plain and fast enforcers on the ABAC model, and the plain one on the RBAC model."""
    policy = folder / "policy.csv"
    policy.write_text("\n".join(lines) + "\n")
    abac, rbac = folder / "abac.conf", folder / "rbac.conf"
    abac.write_text(ABAC_MODEL)
    rbac.write_text(RBAC_MODEL)
    return {
        "plain": casbin.Enforcer(str(abac), str(policy)),
        "fast": casbin.FastEnforcer(str(abac), str(policy), cache_key_order=[0, 1, 2]),
        "rbac": casbin.Enforcer(str(rbac), str(policy)),
    }


def key_of(person: Person) -> str:
    assert person.id is not None
    return person.id.value


def casbin_args(item: DisclosureRequest) -> tuple[str, ...]:
    """A request's fields as casbin's request values."""
    organisation = item.recipient.organisation
    assert organisation is not None
    return (
        key_of(item.subject),
        organisation.id,
        item.category.value,
        item.action.value,
        item.purpose.value,
        stamp(item.at.timestamp()),
    )


# --- ConsentRegistry.add ---------------------------------------------------------------


class DocumentConsents:
    """Consents never added before, each with its own provision (as read from
    documents), for people never seen before, ten each."""

    def __init__(self) -> None:
        self.people = 0

    def __call__(self, n: int) -> list[Consent]:
        made: list[Consent] = []
        while len(made) < n:
            self.people += 1
            person = synthetic_person(2_000_000 + self.people)
            made.extend(consents_for(person, PER_SUBJECT, f"d{self.people}", own=True))
        return made[:n]


def add_to_dict(index: dict[str, list[Consent]], consent: Consent) -> None:
    index.setdefault(key_of(consent.subject), []).append(consent)


def bytes_per_consent(consents: Sequence[Consent], add: Callable[[Consent], object]) -> float:
    """Memory still held after adding ``consents`` (built before), per consent."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for consent in consents:
            add(consent)
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return (after - before) / len(consents)


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 (one report, written out)
    parser = arguments(__doc__)
    parser.add_argument(
        "--large", type=int, default=0, help="consents in the large registry (1,000,000)"
    )
    args = parser.parse_args(argv)
    bench = Bench("Consent: decisions and registry adds (benchmarks/bench_consent.py)", args)
    large = args.large or (10_000 if args.quick else 1_000_000)
    cold_ops, warm_ops, add_ops = (80, 4_000, 500) if args.quick else (400, 20_000, 2_000)

    target = synthetic_person(ASKED)
    mine = consents_for(target, TARGET_CONSENTS, "t")
    requests = timed_requests(target)
    sizes = (1_000, large)
    registries = {}
    for size in sizes:
        bench.log(f"building a registry of {size:,} consents")
        registries[size] = build_registry(size, target)
    bench.note(
        f"registries: 1,000 consents ({registries[1_000].subject_count:,} people) and "
        f"{large:,} ({registries[large].subject_count:,} people); the asked person has "
        f"{len(registries[large].history(target))} consents in each"
    )

    folder = tempfile.TemporaryDirectory()
    peers = enforcers(policy_lines(target, mine), Path(folder.name))
    cached = functools.lru_cache(maxsize=None)(peers["plain"].enforce)

    # Same answers first: every contender on every request tested.
    first_asks = FirstAsks(requests)
    asked = requests + boundary_requests(target) + first_asks(40)
    as_args = [casbin_args(item) for item in asked]
    table: dict[Hashable, bool] = {}
    answers: dict[str, list[Hashable]] = {
        f"registry.decide ({size:,})": [registries[size].decide(r).permitted for r in asked]
        for size in sizes
    }
    answers["registry.decide, equal new request"] = [
        registries[1_000].decide(_copy(r)).permitted for r in asked
    ]
    answers["evaluate"] = [evaluate(r, mine).permitted for r in asked]
    answers["pycasbin Enforcer"] = [peers["plain"].enforce(*a) for a in as_args]
    answers["pycasbin FastEnforcer"] = [peers["fast"].enforce(*a) for a in as_args]
    answers["pycasbin Enforcer + lru_cache"] = [cached(*a) for a in as_args]
    for a, answer in zip(as_args, answers["evaluate"], strict=True):
        table[a] = bool(answer)
    answers["dict"] = [table[a] for a in as_args]
    count = agree("decisions", answers)
    rbac = [peers["rbac"].enforce(*a) for a in as_args]
    wrong = sum(a != b for a, b in zip(rbac, answers["evaluate"], strict=True))
    permits = sum(bool(a) for a in answers["evaluate"])
    bench.checked(f"{count:,} requests ({permits:,} permitted), {len(answers)} contenders agree")
    bench.note(
        f"the RBAC casbin model without validity (used before issue 14) disagrees on "
        f"{wrong} of {count:,} requests; the ABAC model with validity agrees on all"
    )

    # First ask of a question.
    firsts = [casbin_args(r) for r in requests[::50]]
    cold = [
        Contender(f"first ask, registry.decide ({size:,})", fresh(FirstAsks(requests), reg.decide))
        for size, reg in registries.items()
    ]
    explained = registries[1_000]
    explained_asks = FirstAsks(requests)
    explained_asks.day = -50_000  # days of the 1860s: questions no other row asks
    cold += [
        # The explanation is built when first read: a caller who reads it pays here.
        Contender(
            "first ask + explain(), registry.decide (1,000)",
            fresh(explained_asks, lambda r: explained.decide(r).explain("sv")),
        ),
        Contender("first ask, pycasbin FastEnforcer", each_args(peers["fast"].enforce, firsts)),
        Contender("first ask, pycasbin Enforcer", each_args(peers["plain"].enforce, firsts)),
        Contender(
            "evaluate(request, 20 consents)",
            each(functools.partial(_evaluate, mine), requests[::50]),
        ),
    ]
    bench.measure("first ask of a question", cold, ops=cold_ops)

    # Warm: the question was asked before.
    timed_args = [casbin_args(r) for r in requests]
    for item in timed_args:
        cached(*item)
    warm = [
        Contender(f"warm, registry.decide ({size:,})", each(reg.decide, requests))
        for size, reg in registries.items()
    ]
    copies = itertools.cycle(requests)
    warm += [
        # The same question as a new, equal request object (as a caller that builds
        # its request each time asks): the answer kept on the object is not there.
        Contender(
            "warm, registry.decide, an equal new request (1,000)",
            fresh(
                lambda n: [_copy(r) for r in itertools.islice(copies, n)], registries[1_000].decide
            ),
        ),
        Contender("warm, pycasbin Enforcer + lru_cache", each_args(cached, timed_args)),
        Contender("warm, dict hit", each(table.__getitem__, timed_args)),
    ]
    bench.measure("warm: a question asked before", warm, ops=warm_ops)

    # End to end: from the objects a caller holds to the answer.
    registry = registries[1_000]
    fields = [(r.recipient, r.category, r.at) for r in requests]

    def anhorig_end_to_end(recipient: Recipient, category: InfoCategory, at: Any) -> bool:
        return registry.decide(request(target, recipient, category, at)).permitted

    def casbin_end_to_end(recipient: Recipient, category: InfoCategory, at: Any) -> bool:
        return bool(cached(*_fields(target, recipient, category, at)))

    def dict_end_to_end(recipient: Recipient, category: InfoCategory, at: Any) -> bool:
        return table[_fields(target, recipient, category, at)]

    # The constructor's keyword arguments, built before timing.
    constructed: list[dict[str, Any]] = [
        {
            "subject": target,
            "action": Action.DISCLOSE,
            "category": category,
            "holder": TOWN,
            "recipient": recipient,
            "purpose": Purpose.SIP,
            "at": at,
        }
        for recipient, category, at in fields
    ]
    e2e_answers: dict[str, list[Hashable]] = {
        "built alone": [DisclosureRequest(**kwargs) for kwargs in constructed],
        "built in a function": [request(target, *f) for f in fields],
    }
    bench.checked(f"construction: {agree('construction', e2e_answers):,} equal requests")
    e2e_answers = {
        "anhorig": [anhorig_end_to_end(*f) for f in fields],
        "casbin": [casbin_end_to_end(*f) for f in fields],
        "dict": [dict_end_to_end(*f) for f in fields],
    }
    bench.checked(f"end to end: {agree('end to end', e2e_answers):,} requests agree")
    bench.measure(
        "end to end: build the request, then decide (warm)",
        [
            Contender(
                "DisclosureRequest(**kwargs) alone", each_kwargs(DisclosureRequest, constructed)
            ),
            Contender(
                "request(...) built in a function (user code)",
                each_args(_build_only(target), fields),
            ),
            Contender("build + registry.decide (1,000)", each_args(anhorig_end_to_end, fields)),
            Contender("build args + pycasbin lru_cache", each_args(casbin_end_to_end, fields)),
            Contender("build key + dict hit", each_args(dict_end_to_end, fields)),
        ],
        ops=warm_ops,
    )

    # ConsentRegistry.add against a dict append.
    sample = DocumentConsents()(add_ops)
    check_registry = ConsentRegistry()
    check_index: dict[str, list[Consent]] = {}
    for consent in sample:
        check_registry.add(consent)
        add_to_dict(check_index, consent)
    people = {key_of(c.subject): c.subject for c in sample}
    add_answers: dict[str, list[Hashable]] = {
        "registry": [check_registry.history(p) for p in people.values()],
        "dict": [tuple(check_index[k]) for k in people],
    }
    bench.checked(
        f"registry.add: {agree('add', add_answers)} people's records "
        f"({len(sample):,} consents) read back alike"
    )
    documents = DocumentConsents()
    registry_runs: list[ConsentRegistry] = []
    dict_runs: list[dict[str, list[Consent]]] = []

    def into_registry(n: int) -> list[Consent]:
        registry_runs.append(ConsentRegistry())
        return documents(n)

    def into_dict(n: int) -> list[Consent]:
        dict_runs.append({})
        return documents(n)

    def add_to_registry(consent: Consent) -> None:
        registry_runs[-1].add(consent)

    def append_to_dict(consent: Consent) -> None:
        add_to_dict(dict_runs[-1], consent)

    bench.measure(
        f"ConsentRegistry.add into an empty registry ({add_ops:,} consents a run)",
        [
            Contender("ConsentRegistry.add", fresh(into_registry, add_to_registry)),
            Contender("dict of lists, append", fresh(into_dict, append_to_dict)),
        ],
        ops=add_ops,
    )
    registry_runs.clear()
    dict_runs.clear()
    many = DocumentConsents()(2_000 if args.quick else 20_000)
    bench.value(
        "ConsentRegistry.add, memory per consent",
        bytes_per_consent(many, ConsentRegistry().add),
        "B",
    )
    index: dict[str, list[Consent]] = {}
    bench.value(
        "dict append, memory per consent",
        bytes_per_consent(many, functools.partial(add_to_dict, index)),
        "B",
    )

    small, big = sizes
    bench.goal_faster(
        "first ask ≥ 10× faster than FastEnforcer",
        f"first ask, registry.decide ({small:,})",
        "first ask, pycasbin FastEnforcer",
        10,
    )
    bench.goal_at_most(
        "DisclosureRequest construction ≤ 2 µs", "DisclosureRequest(**kwargs) alone", 2e3
    )
    bench.goal_within(
        "warm decision within 2× a dict hit",
        f"warm, registry.decide ({small:,})",
        "warm, dict hit",
        2,
    )
    bench.goal_within(
        "(issue 14) the same with an equal new request object: within 2× a dict hit",
        f"warm, registry.decide, an equal new request ({small:,})",
        "warm, dict hit",
        2,
    )
    bench.goal_at_most("ConsentRegistry.add ≤ 3 µs per consent", "ConsentRegistry.add", 3e3)
    bench.goal_value(
        "ConsentRegistry.add ≤ 300 B per consent", "ConsentRegistry.add, memory per consent", 300
    )
    bench.goal_faster(
        "(issue 3) first ask ≥ 2× faster than the plain Enforcer",
        f"first ask, registry.decide ({small:,})",
        "first ask, pycasbin Enforcer",
        2,
    )
    bench.goal_within(
        f"(issue 3) first ask: {big:,} within 1.2× of {small:,} consents",
        f"first ask, registry.decide ({big:,})",
        f"first ask, registry.decide ({small:,})",
        1.2,
    )
    bench.goal_within(
        f"(issue 3) warm: {big:,} within 1.2× of {small:,} consents",
        f"warm, registry.decide ({big:,})",
        f"warm, registry.decide ({small:,})",
        1.2,
    )
    bench.note(
        "pycasbin gets the asked person's 40 policy lines only; FastEnforcer is indexed on "
        "subject, recipient and category (cache_key_order=[0, 1, 2])"
    )
    bench.report()
    folder.cleanup()
    return 0


def _copy(item: DisclosureRequest) -> DisclosureRequest:
    """An equal request, a new object."""
    return attrs.evolve(item)


def _evaluate(consents: Sequence[Consent], item: DisclosureRequest) -> object:
    return evaluate(item, consents)


def _fields(
    target: Person, recipient: Recipient, category: InfoCategory, at: Any
) -> tuple[str, ...]:
    organisation = recipient.organisation
    assert organisation is not None
    return (
        key_of(target),
        organisation.id,
        category.value,
        Action.DISCLOSE.value,
        Purpose.SIP.value,
        stamp(at.timestamp()),
    )


def _build_only(target: Person) -> Callable[[Recipient, InfoCategory, pendulum.DateTime], object]:
    return functools.partial(request, target)


if __name__ == "__main__":
    raise SystemExit(main())
