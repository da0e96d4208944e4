"""Benchmark: a store of 200,000 consents in SQLite and PostgreSQL against rebuilding a
registry from JSON documents, in one run.

Run on demand (never as a test)::

    python benchmarks/bench_store.py            # 200,000 consents
    python benchmarks/bench_store.py --quick    # 20,000 (a smoke run)
    python benchmarks/bench_store.py --postgres postgresql://user@host/db   # a given server

Without ``--postgres`` a throw-away PostgreSQL cluster is made with ``initdb`` (as the
``postgres`` user when run as root) if PostgreSQL's programs are found; otherwise the
PostgreSQL rows are left out and the output says so.

Goals (issue 15):

1. start-up to the first decision, with 200,000 consents stored, at least 20x faster
   than rebuilding the registry from JSON documents, and under 1 s (SQLite and PostgreSQL);
2. the first decision for a person not loaded yet: at most 1 ms from SQLite;
3. batched appends: at least 20,000 records/s;
4. memory of a store-backed registry of 200,000 consents after 1,000 people were asked:
   at most 100 MB.

What is timed, in CPU seconds of this process (``time.process_time``) and in wall seconds
(for PostgreSQL the server's own CPU is not in the first, but is in the second):

- the peer: ``from_json`` of every consent document and ``ConsentRegistry.add``, then one
  decision (what every worker of a service pays at start without a store);
- start-up: ``open_store`` of the existing store, ``registry()``, one decision;
- cold decisions: 1,000 people asked once each, none loaded before (each decision reads
  the person's consents from the store and decodes them);
- appends: ``Store.append`` in batches of 5,000 into a new store (encoding included);
- memory: what ``tracemalloc`` counts as allocated by the store-backed registry after the
  1,000 people were asked, against the growth of the resident set when the peer
  registry was built.

The data: PER_PERSON consents for each synthetic person (Luhn-valid made-up numbers), each
a documented consent to share with one of 20 recipients, half of them time-limited.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from stdnum import luhn

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
)
from anhorig.people import Person, PersonId
from anhorig.serialization import from_json, to_json
from anhorig.store import open_store
from anhorig.time import local

PER_PERSON = 4
BATCH = 5_000
ASKED = 1_000

TOWN = Organisation(
    id="kommun-0480-son",
    name="Socialnämnden",
    principal=Principal.MUNICIPALITY,
    sector=Sector.SOCIAL_SERVICES,
)
RECIPIENTS = tuple(
    Recipient.of_organisation(
        Organisation(
            id=f"region-unit-{i}",
            name=f"Vårdcentral {i}",
            principal=Principal.REGION,
            sector=Sector.HEALTH_CARE,
        )
    )
    for i in range(20)
)
GIVEN = local(2026, 1, 5, 10)
EVIDENCE = Evidence(form=EvidenceForm.WRITTEN, documented_by="hsa-4711", documented_at=GIVEN)


def synthetic_person(n: int) -> Person:
    """A made-up person with a Luhn-valid number, different for every n below 25,000,000."""
    born = date(1930, 1, 1) + timedelta(days=n % 25000)
    serial = n // 25000 % 1000
    nine = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{serial:03d}"
    return Person(
        id=PersonId(f"{born:%Y%m%d}-{serial:03d}{luhn.calc_check_digit(nine)}"),
        name=f"Person {n}",
    )


def consents_for(n: int) -> list[Consent]:
    person = synthetic_person(n)
    grantor = Grantor(person=person, capacity=GrantorCapacity.SELF)
    return [
        Consent(
            id=f"c{n}-{i}",
            subject=person,
            grantor=grantor,
            obtained_by=TOWN,
            given_at=GIVEN,
            evidence=EVIDENCE,
            provision=Provision(
                decision=ProvisionType.PERMIT,
                actions=frozenset({Action.DISCLOSE}),
                categories=frozenset({InfoCategory.SOCIAL_SERVICES}),
                recipients=frozenset({RECIPIENTS[(n + i) % len(RECIPIENTS)]}),
                purposes=frozenset({Purpose.SIP}),
            ),
            valid_until=local(2027, 1, 5, 10) if i % 2 else None,
        )
        for i in range(PER_PERSON)
    ]


def request_for(n: int) -> DisclosureRequest:
    return DisclosureRequest(
        subject=synthetic_person(n),
        action=Action.DISCLOSE,
        category=InfoCategory.SOCIAL_SERVICES,
        holder=TOWN,
        recipient=RECIPIENTS[n % len(RECIPIENTS)],
        purpose=Purpose.SIP,
        at=local(2026, 6, 1, 12),
    )


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """``fn()`` with its CPU and wall seconds."""
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn()
    return result, time.process_time() - cpu, time.perf_counter() - wall


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@contextlib.contextmanager
def temporary_postgres() -> Iterator[str | None]:
    """A throw-away PostgreSQL cluster's URL, or ``None`` if PostgreSQL is not here."""
    initdb = shutil.which("initdb") or next(
        iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)), None
    )
    if initdb is None:
        yield None
        return
    bin_dir = Path(initdb).resolve().parent
    folder = Path(tempfile.mkdtemp(prefix="anhorig-bench-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    data = folder / "data"
    subprocess.run(
        [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "anhorig"],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *prefix,
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(folder / "log"),
            "-w",
            "-o",
            f"-c listen_addresses=127.0.0.1 -p {port} -k {folder}",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://anhorig@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def fill(url: str, consents: list[Consent]) -> tuple[float, float]:
    """Append every consent in batches into a new store; CPU and wall seconds."""

    def run() -> None:
        with open_store(url) as store:
            for start in range(0, len(consents), BATCH):
                store.append(consents[start : start + BATCH])

    _, cpu, wall = timed(run)
    return cpu, wall


def measure_store(url: str, people: int) -> dict[str, float]:
    """Start-up, cold decisions and memory of a store-backed registry at ``url``."""
    asked = [request_for(n) for n in range(0, people, max(1, people // ASKED))][:ASKED]

    def start() -> object:
        store = open_store(url)
        decision = store.registry().decide(asked[0])
        store.close()
        return decision

    _, start_cpu, start_wall = timed(start)
    with open_store(url) as store:
        registry = store.registry(cache_size=ASKED)
        decisions, cold_cpu, cold_wall = timed(lambda: [registry.decide(r) for r in asked])
        assert all(d.permitted for d in decisions)
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        registry = store.registry(cache_size=ASKED)
        for request in asked:
            registry.decide(request)
        gc.collect()
        memory = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
        assert registry.cached_people == len(asked)
    return {
        "start_cpu": start_cpu,
        "start_wall": start_wall,
        "cold_cpu_ms": cold_cpu / len(asked) * 1000,
        "cold_wall_ms": cold_wall / len(asked) * 1000,
        "memory_mb": memory / 1e6,
    }


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="20,000 consents (a smoke run)")
    parser.add_argument("--postgres", default=None, help="a PostgreSQL URL to use")
    args = parser.parse_args(argv)
    total = 20_000 if args.quick else 200_000
    people = total // PER_PERSON
    print(
        f"anhorig store benchmark: {total:,} consents, {PER_PERSON} per person, {people:,} people"
    )
    consents = [c for n in range(people) for c in consents_for(n)]
    documents = [to_json(c) for c in consents]

    # The peer: rebuilding a registry from the JSON documents, then one decision.
    rss = rss_bytes()

    def rebuild() -> object:
        registry = ConsentRegistry(from_json(Consent, d) for d in documents)
        return registry, registry.decide(request_for(0))

    (peer_registry, _), peer_cpu, peer_wall = timed(rebuild)
    peer_memory = (rss_bytes() - rss) / 1e6
    del peer_registry
    gc.collect()
    print(
        f"\npeer, rebuild from JSON: {peer_cpu:.2f} s CPU, {peer_wall:.2f} s wall, ~{peer_memory:.0f} MB"
    )

    rows: dict[str, dict[str, float]] = {}
    folder = tempfile.mkdtemp(prefix="anhorig-bench-")
    with contextlib.ExitStack() as stack:
        urls = {"SQLite": f"sqlite:///{folder}/store.db"}
        postgres = args.postgres or stack.enter_context(temporary_postgres())
        if postgres:
            urls["PostgreSQL"] = postgres
        for name, url in urls.items():
            append_cpu, append_wall = fill(url, consents)
            row = measure_store(url, people)
            row["append_cpu_rate"] = total / append_cpu
            row["append_wall_rate"] = total / append_wall
            rows[name] = row
    shutil.rmtree(folder, ignore_errors=True)
    if "PostgreSQL" not in rows:
        print("(PostgreSQL: no server given and PostgreSQL's programs not found; left out)")

    print(
        f"\n{'':12}{'start-up CPU':>14}{'wall':>9}{'x peer':>9}{'cold ms CPU':>13}{'wall':>8}"
        f"{'append/s CPU':>14}{'wall':>9}{'MB':>7}"
    )
    for name, row in rows.items():
        print(
            f"{name:12}{row['start_cpu']:>13.3f}s{row['start_wall']:>8.3f}s"
            f"{peer_cpu / row['start_cpu']:>8.0f}x{row['cold_cpu_ms']:>13.3f}{row['cold_wall_ms']:>8.3f}"
            f"{row['append_cpu_rate']:>14,.0f}{row['append_wall_rate']:>9,.0f}{row['memory_mb']:>7.1f}"
        )
    print("\ngoals:")
    for name, row in rows.items():
        fast = peer_cpu / max(row["start_cpu"], 1e-9) >= 20 and row["start_wall"] < 1
        print(f"  1. {name} start-up >= 20x the peer and < 1 s: {verdict(fast)}")
    if "SQLite" in rows:
        sqlite = rows["SQLite"]
        print(f"  2. SQLite cold decision <= 1 ms (wall): {verdict(sqlite['cold_wall_ms'] <= 1)}")
    for name, row in rows.items():
        print(
            f"  3. {name} appends >= 20,000/s (wall): {verdict(row['append_wall_rate'] >= 20_000)}"
        )
    for name, row in rows.items():
        print(
            f"  4. {name} memory after {ASKED:,} people <= 100 MB: {verdict(row['memory_mb'] <= 100)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
