"""The store by example, against SQLite and a real PostgreSQL: appending, refusing,
idempotence, keys, versions, export and gallring."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from anhorig.consent import (
    Block,
    BlockLift,
    Evidence,
    EvidenceForm,
    HarmAssessment,
    HarmConclusion,
    InfoCategory,
    Outcome,
    Purpose,
    Revocation,
    evaluate,
)
from anhorig.errors import InvalidInput
from anhorig.people import Person, PersonId
from anhorig.respite import Cancellation, Ledger, RespiteKind, RespitePolicy, ShortStayUnit
from anhorig.store import SCHEMA_VERSION, Store, StoreError, StoreRecord, _schema, open_store
from anhorig.time import Period, local
from tests.consent.consent_scenario import ANNA, EVA, LISA, TOWN, consent, request, to_eva
from tests.respite._helpers import CARED_FOR, CARER, booking, grant

BERIT = Person(id=PersonId.parse("19450817-0000"), name="Berit Ek")


def lift(block_id: str, at: object, subject: Person = ANNA) -> BlockLift:
    return BlockLift(
        block_id=block_id,
        subject=subject,
        lifted_at=at,
        evidence=Evidence(form=EvidenceForm.WRITTEN, documented_by="hsa-9", documented_at=at),
    )


def every_kind() -> list[StoreRecord]:
    """One record of every kind the store keeps, in an order it accepts."""
    return [
        consent("c-1", provision=None),
        Revocation(consent_id="c-1", subject=ANNA, revoked_at=local(2026, 6, 1)),
        Block(id="b-1", subject=ANNA, holder=TOWN, placed_at=local(2026, 4, 1)),
        lift("b-1", local(2026, 4, 20)),
        HarmAssessment(
            id="h-1",
            subject=ANNA,
            holder=TOWN,
            assessed_by="hsa-3",
            assessed_at=local(2026, 5, 4, 9),
            categories=frozenset({InfoCategory.SOCIAL_HOME_CARE}),
            recipient=to_eva(),
            purpose=Purpose.INFORMING_RELATIVE,
            conclusion=HarmConclusion.CLEARLY_NO_HARM,
        ),
        RespitePolicy(municipality="Nyköping", kinds=frozenset({RespiteKind.IN_HOME})),
        ShortStayUnit(id="U-1", name="Tallbacken", beds=2),
        grant("G-1"),
        booking("B-1", local(2026, 3, 3, 9), local(2026, 3, 3, 12)),
        Cancellation(booking_id="B-1", at=local(2025, 12, 2)),
    ]


def test_every_kind_round_trips_in_order_with_sequence_and_instant(store_url: str) -> None:
    """What goes in comes back equal, in the order added, with increasing sequence
    numbers and recording instants that never go back."""
    records = every_kind()
    with open_store(store_url) as store:
        first = store.append(records[:4])
        second = store.append(records[4:])
        assert (first.added, second.added) == (4, len(records) - 4)
        assert first.recorded_at is not None
        assert second.recorded_at is not None
        assert first.recorded_at < second.recorded_at
        stored = store.history()
        assert [s.record for s in stored] == records
        seqs = [s.seq for s in stored]
        assert seqs == sorted(set(seqs))
        instants = [s.recorded_at for s in stored]
        assert instants == sorted(instants)
        assert len(store) == len(records)


def test_the_same_record_again_does_nothing(store_url: str) -> None:
    """Adding a record already there (alone, in a batch, twice in one batch) adds nothing."""
    records = every_kind()
    with open_store(store_url) as store:
        store.append(records)
        again = store.append([*records, records[0]])
        assert (again.added, again.already) == (0, len(records) + 1)
        assert len(store) == len(records)


def test_a_different_record_with_a_known_id_is_refused_with_its_whole_batch(
    store_url: str,
) -> None:
    """Two different records with one id: the batch is refused and nothing of it is
    written, not even the good records before the clash."""
    with open_store(store_url) as store:
        store.append([consent("c-1")])
        changed = consent("c-1", given_at=local(2026, 3, 3))
        with pytest.raises(InvalidInput) as caught:
            store.append([consent("c-2"), changed])
        assert caught.value.paths == ("[1].id",)
        assert "c-1" in caught.value.explain("en")
        with pytest.raises(InvalidInput) as twice:
            store.append([consent("c-3"), consent("c-3", given_at=local(2026, 3, 4))])
        assert twice.value.paths == ("[1].id",)
        assert [s.record.id for s in store.history()] == ["c-1"]  # type: ignore[union-attr]


def test_every_broken_reference_is_named_and_nothing_written(store_url: str) -> None:
    """A revocation of an unknown consent or of another person's, a lift of an unknown
    block, a booking of an unknown grant or unit, a cancellation of an unknown booking:
    each named at its position, all at once."""
    with open_store(store_url) as store:
        store.append([consent("c-1"), grant("G-1")])
        with pytest.raises(InvalidInput) as caught:
            store.append(
                [
                    Revocation(consent_id="c-9", subject=ANNA, revoked_at=local(2026, 6, 1)),
                    Revocation(consent_id="c-1", subject=BERIT, revoked_at=local(2026, 6, 1)),
                    lift("b-9", local(2026, 6, 1)),
                    booking("B-1", local(2026, 3, 3, 9), local(2026, 3, 3, 12), gid="G-9"),
                    booking("B-2", local(2026, 3, 3, 9), local(2026, 3, 3, 12), unit_id="U-9"),
                    Cancellation(booking_id="B-9", at=local(2026, 1, 1)),
                ]
            )
        assert caught.value.paths == (
            "[0].consent_id",
            "[1].consent_id",
            "[2].block_id",
            "[3].grant_id",
            "[4].unit_id",
            "[5].booking_id",
        )
        assert len(store) == 2


def test_ledger_rules_hold_per_grant(store_url: str) -> None:
    """A cancellation twice, or an entry older than its grant's last one, is refused; a
    grant's entries need not be in time order with another grant's."""
    with open_store(store_url) as store:
        store.append(
            [
                grant("G-1"),
                grant("G-2"),
                booking(
                    "B-1", local(2026, 3, 3, 9), local(2026, 3, 3, 12), made_at=local(2026, 2, 1)
                ),
            ]
        )
        # Another family's grant may book at an earlier instant.
        store.append(
            [
                booking(
                    "B-2",
                    local(2026, 3, 3, 9),
                    local(2026, 3, 3, 12),
                    gid="G-2",
                    made_at=local(2026, 1, 1),
                )
            ]
        )
        with pytest.raises(InvalidInput) as older:
            store.append(
                [
                    booking(
                        "B-3",
                        local(2026, 3, 4, 9),
                        local(2026, 3, 4, 12),
                        made_at=local(2026, 1, 5),
                    )
                ]
            )
        assert older.value.paths == ("[0].made_at",)
        store.append([Cancellation(booking_id="B-1", at=local(2026, 2, 2))])
        with pytest.raises(InvalidInput) as twice:
            store.append([Cancellation(booking_id="B-1", at=local(2026, 2, 3))])
        assert twice.value.paths == ("[0].booking_id",)
        assert "already cancelled" in twice.value.explain("en")
        with pytest.raises(InvalidInput) as out_of_range:
            store.append(
                [
                    booking(
                        # Inside the library's years (1800-2199), before the ledger's
                        # calendar (from 1900): the ledger is what refuses it.
                        "B-4",
                        local(1850, 3, 4, 9),
                        local(1850, 3, 4, 12),
                        made_at=local(2026, 3, 1),
                    )
                ]
            )
        assert set(out_of_range.value.paths) == {"[0].interval.start", "[0].interval.end"}


def test_what_the_store_does_not_keep_is_refused(store_url: str) -> None:
    """Anything but the records it keeps is refused by position, in both languages."""
    with open_store(store_url) as store:
        with pytest.raises(InvalidInput) as caught:
            store.append([consent("c-1"), request(), "junk"])  # type: ignore[list-item]
        assert caught.value.paths == ("[1]", "[2]")
        assert "DisclosureRequest" in caught.value.explain("sv")
        assert len(store) == 0


def test_no_personnummer_in_any_index_column(store_url: str) -> None:
    """People are indexed by a keyed digest: no column but the document holds a
    personnummer, and two stores key the same person differently."""
    with open_store(store_url) as store:
        store.append(every_kind())
        rows = store._db.query(
            "SELECT kind, record_id, person, grant_id FROM records "
            "UNION ALL SELECT 'mention', '', person, '' FROM mentions"
        )
        numbers = {p.id.value for p in (ANNA, CARED_FOR) if p.id is not None}
        digits = {n.replace("-", "") for n in numbers} | {n[2:] for n in numbers}
        for row in rows:
            for value in row:
                assert not any(n in str(value) for n in numbers | digits), row
        assert store.person_digest(ANNA) == store.person_digest(ANNA.id)  # type: ignore[arg-type]
    with open_store(store_url.replace("store.db", "other.db")) as other:
        if other.url != store_url:
            assert other.person_digest(ANNA) != store.person_digest(ANNA)


def test_a_store_from_a_newer_version_is_refused(store_url: str) -> None:
    """A store whose schema is newer than this anhorig's is refused, in both languages,
    before anything in it is touched."""
    with open_store(store_url) as store:
        store.append([consent("c-1")])
        store._db.query("DELETE FROM meta WHERE key = 'schema_version'")
        store._db.query(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(SCHEMA_VERSION + 1),),
        )
    with pytest.raises(StoreError) as caught:
        open_store(store_url)
    assert isinstance(caught.value, InvalidInput)
    assert f"schema version {SCHEMA_VERSION + 1}" in caught.value.explain("en")
    assert "uppgradera anhorig" in caught.value.explain("sv")


def test_an_older_store_is_upgraded_step_by_step(
    store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a store of an older version runs each upgrade step once, in order, and
    records the new version; the records are kept."""
    with open_store(store_url) as store:
        store.append([consent("c-1")])
    steps: list[int] = []

    def step(db: object) -> None:
        steps.append(SCHEMA_VERSION)
        db.query("CREATE TABLE upgraded (x INTEGER)")  # type: ignore[attr-defined]

    monkeypatch.setattr(_schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(_schema.UPGRADES, SCHEMA_VERSION, step)
    with open_store(store_url) as upgraded:
        assert upgraded.schema_version == SCHEMA_VERSION + 1
        assert [s.record for s in upgraded.history()] == [consent("c-1")]
        assert upgraded._db.query("SELECT count(*) FROM upgraded")[0][0] == 0
    with open_store(store_url) as again:
        assert again.schema_version == SCHEMA_VERSION + 1
    assert steps == [SCHEMA_VERSION]


@pytest.mark.parametrize(
    "url",
    ["mysql://x", "sqlite://host/x.db", "sqlite:///", "sqlite:///no/such/folder/x.db", 17],
)
def test_bad_urls_are_refused_clearly(url: object) -> None:
    """An unknown scheme, a malformed SQLite URL or a missing folder: StoreError."""
    with pytest.raises(StoreError) as caught:
        open_store(url)  # type: ignore[arg-type]
    # A URL that is not text is named as the parameter it was given for.
    assert caught.value.paths == (("url",) if url == 17 else ("store",))


def test_a_password_never_shows() -> None:
    """An unreachable PostgreSQL URL is refused without showing its password."""
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://anhorig:hemligt@127.0.0.1:1/none?connect_timeout=2")
    assert "hemligt" not in caught.value.explain("sv") + caught.value.explain("en")


def test_import_without_psycopg(tmp_path: Path) -> None:
    """``import anhorig.store`` and SQLite work without psycopg; PostgreSQL then says
    which extra to install."""
    script = (
        "import sys; sys.modules['psycopg'] = None\n"
        "import anhorig.store as s\n"
        f"s.open_store('sqlite:///{tmp_path}/x.db').close()\n"
        "try:\n    s.open_store('postgresql://localhost/x')\n"
        "except s.StoreError as e:\n    print(e.explain('en'))\n"
        "print('hypothesis' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert 'pip install "anhorig[postgres]"' in done.stdout
    assert done.stdout.strip().endswith("False")


def test_several_processes_may_create_one_new_store(store_url: str) -> None:
    """Two connections opening one new store at once both find it usable."""
    first = open_store(store_url)
    second = open_store(store_url)
    first.append([consent("c-1")])
    assert [s.record for s in second.history()] == [consent("c-1")]
    first.close()
    second.close()


# --- export and gallring ---------------------------------------------------------------


def test_export_finds_everything_about_a_person(store_url: str) -> None:
    """The export holds the records about the person and those naming them (Eva as a
    recipient), as documents or FHIR; nothing about others."""
    from anhorig.consent.fhir import from_fhir

    with open_store(store_url) as store:
        store.append([*every_kind(), consent("c-9", subject=BERIT)])
        about_anna = store.export(ANNA)
        assert [d["type"] for d in about_anna] == [
            "Consent",
            "Revocation",
            "Block",
            "BlockLift",
            "HarmAssessment",
        ]
        assert store.export(EVA) == [about_anna[4]]  # she is the assessment's recipient
        karin = store.export(CARED_FOR)
        assert [d["type"] for d in karin] == ["RespiteGrant", "Booking", "Cancellation"]
        assert store.export(CARER) == [karin[0]]
        fhir = store.export(ANNA, fhir=True)
        assert fhir[0]["resourceType"] == "Consent"
        assert from_fhir(fhir[0]) == every_kind()[0]
        assert store.export(LISA) == []


def test_purge_removes_whole_ended_groups_and_audits_without_personal_data(
    store_url: str,
) -> None:
    """Gallring removes the person's ended consents with their revocations, lifted blocks
    with their lifts, spent assessments and ended grants with their entries; keeps what is
    still in force; touches no one else; and audits counts, date, reason and operator."""
    ongoing = consent("c-2", given_at=local(2020, 1, 1))
    expired = consent("c-3", given_at=local(2020, 1, 1), valid_until=local(2021, 1, 1))
    with open_store(store_url) as store:
        store.append(
            [
                *every_kind(),
                ongoing,
                expired,
                Block(id="b-2", subject=ANNA, holder=TOWN, placed_at=local(2020, 4, 1)),
                consent(
                    "c-9", subject=BERIT, given_at=local(2020, 1, 1), valid_until=local(2021, 1, 1)
                ),
            ]
        )
        registry = store.registry()
        before = registry.decide(request(at=local(2028, 1, 1)))
        done = store.purge(ANNA, before=date(2027, 1, 1), reason="gallring 5 år", by="hsa-1")
        assert done.counts == {
            "Block": 1,
            "BlockLift": 1,
            "Consent": 2,
            "HarmAssessment": 1,
            "Revocation": 1,
        }
        left = [
            type(s.record).__name__ + ":" + getattr(s.record, "id", "") for s in store.history(ANNA)
        ]
        assert left == ["Consent:c-2", "Block:b-2"]
        assert store.export(BERIT) != []
        assert store.export(CARED_FOR) != []  # the grant is valid until 2027-01-01
        assert store.purge(CARED_FOR, before=date(2027, 1, 2), reason="r", by="hsa-1").counts == {
            "Booking": 1,
            "Cancellation": 1,
            "RespiteGrant": 1,
        }
        (first, second) = store.purges()
        assert first == done
        text = json.dumps([str(first), str(second)])
        assert "19391225" not in text
        assert "Anna" not in text
        assert "Karin" not in text
        # A registry made before the gallring notices it, and answers as before after it.
        after = registry.decide(request(at=local(2028, 1, 1)))
        assert (after.outcome, after.basis) == (before.outcome, before.basis)
        assert registry.history(ANNA) == (ongoing, store.history(ANNA)[1].record)


def test_purge_refuses_bad_arguments(store_url: str) -> None:
    """A datetime for a date, an empty reason or operator: InvalidInput, nothing removed."""
    with open_store(store_url) as store:
        store.append([consent("c-1", valid_until=local(2026, 4, 1))])
        for kwargs in (
            {"before": local(2027, 1, 1), "reason": "r", "by": "x"},
            {"before": date(2027, 1, 1), "reason": " ", "by": "x"},
            {"before": date(2027, 1, 1), "reason": "r", "by": ""},
        ):
            with pytest.raises(InvalidInput):
                store.purge(ANNA, **kwargs)  # type: ignore[arg-type]
        assert len(store) == 1
        assert store.purges() == ()


# --- the registry and the ledger by example ---------------------------------------------


def test_registry_answers_as_the_in_memory_one_and_notices_other_connections(
    store_url: str,
) -> None:
    """Decisions equal ``evaluate`` over every record, also right after another
    connection revoked; a registry read as recorded earlier still answers as then."""
    with open_store(store_url) as store, open_store(store_url) as other:
        store.append([consent("c-1"), consent("c-9", subject=BERIT)])
        registry = store.registry(cache_size=1)
        asked = request()
        assert registry.decide(asked).outcome is Outcome.PERMIT
        then = store.history()[-1].recorded_at
        other.registry().revoke("c-1", at=local(2026, 5, 1))
        assert registry.decide(asked) == evaluate(asked, [s.record for s in store.history()])  # type: ignore[misc]
        assert registry.decide(asked).outcome is Outcome.NOT_APPLICABLE
        past = store.registry(as_recorded=then)
        assert past.decide(asked).outcome is Outcome.PERMIT
        with pytest.raises(InvalidInput):
            past.add(consent("c-5"))
        assert registry.decide(request(subject=BERIT)).permitted
        assert registry.cached_people == 1
        assert len(registry) == 3
        assert registry.subject_count == 2
        with pytest.raises(InvalidInput) as unknown:
            registry.revoke("c-404", at=local(2026, 5, 1))
        assert unknown.value.paths == ("consent_id",)
        with pytest.raises(InvalidInput) as clash:
            registry.add(consent("c-1", given_at=local(2026, 1, 1)))
        assert clash.value.paths == ("id",)


def test_ledger_answers_as_the_in_memory_one(store_url: str) -> None:
    """Balances equal the in-memory ledger's, including as of an earlier instant and
    after another connection booked and cancelled."""
    g = grant("G-1", validity=Period(date(2026, 1, 1), date(2027, 1, 1)))
    first = booking("B-1", local(2026, 3, 3, 9), local(2026, 3, 3, 12), made_at=local(2026, 2, 1))
    second = booking(
        "B-2", local(2026, 3, 10, 9), local(2026, 3, 10, 17), made_at=local(2026, 2, 5)
    )
    memory = Ledger(grants=(g,)).book(first).book(second).cancel("B-1", at=local(2026, 2, 6))
    with open_store(store_url) as store, open_store(store_url) as other:
        ledger = store.ledger().with_grant(g).book(first)
        assert ledger.balance("G-1", date(2026, 3, 1)) == Ledger(grants=(g,)).book(first).balance(
            "G-1", date(2026, 3, 1)
        )
        other.ledger().book(second).cancel("B-1", at=local(2026, 2, 6))
        for on in (date(2026, 3, 1), date(2026, 3, 5), date(2026, 4, 1)):
            assert ledger.balance("G-1", on) == memory.balance("G-1", on)
            assert ledger.balances("G-1", on) == memory.balances("G-1", on)
            when = local(2026, 2, 5, 12)
            assert ledger.as_of(when).balance("G-1", on) == memory.as_of(when).balance("G-1", on)
            assert ledger.balance("G-1", on, as_of=when) == memory.balance("G-1", on, as_of=when)
        with pytest.raises(InvalidInput):
            ledger.as_of(local(2026, 2, 5)).book(first)
        with pytest.raises(InvalidInput) as unknown:
            ledger.balance("G-404", date(2026, 3, 1))
        assert unknown.value.paths == ("grant_id",)
        assert ledger.grant("G-1") == g


def test_a_new_policy_governs_from_when_it_is_recorded(store_url: str) -> None:
    """The policy recorded last for a kind governs it; a ledger notices a new one."""
    g = grant("G-1")
    stay = booking("B-1", local(2026, 3, 3, 9), local(2026, 3, 3, 12), made_at=local(2026, 3, 3, 8))
    with open_store(store_url) as store:
        ledger = store.ledger().with_grant(g).book(stay)
        ledger.cancel("B-1", at=local(2026, 3, 3, 8, 30))
        free = ledger.balance("G-1", date(2026, 3, 1))
        strict = RespitePolicy(
            municipality="Strängnäs",
            kinds=frozenset({RespiteKind.IN_HOME}),
            late_cancellation_hours=24,
        )
        store.append([strict])
        assert ledger.policy_for(RespiteKind.IN_HOME) == strict
        late = ledger.balance("G-1", date(2026, 3, 1))
        memory = Ledger(
            policies=(strict,),
            grants=(g,),
            entries=(stay, Cancellation(booking_id="B-1", at=local(2026, 3, 3, 8, 30))),
        )
        assert late == memory.balance("G-1", date(2026, 3, 1))
        assert late.used > free.used


def test_a_repr_shows_no_password_and_no_person(store_url: str) -> None:
    """The store's, the registry's and the ledger's reprs name the database, masked."""
    with open_store(store_url) as store:
        store.append([consent("c-1")])
        text = repr(store) + repr(store.registry()) + repr(store.ledger())
        assert "19391225" not in text
        assert "Anna" not in text
        assert isinstance(store, Store)
