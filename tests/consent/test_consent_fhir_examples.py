"""HL7's own Consent examples (R4 4.0.1, R5 5.0.0), read strictly and leniently.

The examples are HL7's, so they are not kept in this repository: put them as JSON in
``$ANHORIG_FHIR_EXAMPLES/r4/`` and ``$ANHORIG_FHIR_EXAMPLES/r5/`` (named
``consent-example-<name>.json``, narrative may be left out), e.g. from the published
example packages ``hl7.fhir.r4.examples`` 4.0.1 and ``hl7.fhir.r5.examples`` 5.0.0:
``python3 .ci/fhir_examples.py DEST`` fetches and checks them, and ``.ci/run`` does so.
Without the variable these tests are skipped.

For every example the expectation below is written by hand from the example itself:
what it means in anhorig's terms when it can be held, or the meaning that cannot be.
Their people and organisations come from ``fhir_parties`` (a resolver), as a system
would look them up. R4 roots without a ``type`` are exceptions to the ``policyRule``
base (OPTIN permits, OPTOUT denies), as R4 defines ``provision``; a root with nothing
but a period only says when the consent holds.

What narrows a provision (the time it holds for, whose information, which information)
is not in the meaning tuples: `NARROWED` lists it for each provision that has it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from anhorig.consent.fhir import read_fhir
from anhorig.consent.model import (
    Consent,
    GrantorCapacity,
    InformationSelector,
    Provision,
    ProvisionType,
)
from anhorig.errors import InvalidInput
from tests.consent.fhir_parties import resolve

FOLDER = os.environ.get("ANHORIG_FHIR_EXAMPLES")
pytestmark = pytest.mark.skipif(
    not FOLDER,
    reason="set ANHORIG_FHIR_EXAMPLES to a folder with r4/ and r5/ HL7 Consent examples "
    "(JSON, from the hl7.fhir.r4.examples 4.0.1 / hl7.fhir.r5.examples 5.0.0 packages)",
)

CORRECT = "correct (amend) the record"
CST = "custodian of the information"
PERIOD = "the rule holds for part of the consent's time only"

# version, name: (strict meaning or None, refusal fragments {path: text}, lenient meaning)
# A meaning is (subject, grantor capacity, controller id, base, exceptions, valid from, until)
# and an exception (decision, actions, categories, recipient names, purposes).
EXPECTED: dict[tuple[str, str], tuple[Any, dict[str, str], Any]] = {
    # Permit everything held at Burgers, valid 1964-01-01 to 2016-01-01 (narrative agrees).
    ("r4", "basic"): (
        ("Pieter van de Heuvel", "self", "f001", "permit", (), "1964-01-01", "2016-01-01"),
        {},
        ("Pieter van de Heuvel", "self", "f001", "permit", (), "1964-01-01", "2016-01-01"),
    ),
    # Encoded exactly like basic (OPTIN, a root holding only a period), so it permits
    # everything in January 2015; its narrative says "withhold", its data does not.
    ("r4", "notTime"): (
        ("Pieter van de Heuvel", "self", "f001", "permit", (), "2015-01-01", "2015-02-01"),
        {},
        ("Pieter van de Heuvel", "self", "f001", "permit", (), "2015-01-01", "2015-02-01"),
    ),
    # Opt-out, except (permit) data kept by Burgers for emergency treatment, emergency only
    # (EMRGONLY and ETREAT are held: access for care in an emergency); inside it a deny of
    # everything Burgers keeps (both NARROWED to the custodian), so the data permits nothing.
    ("r4", "Emergency"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "deny",
            (("permit", ("access",), (), (), ("emergency_care",)),),
            "2015-11-18",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "deny",
            (("permit", ("access",), (), (), ("emergency_care",)),),
            "2015-11-18",
            None,
        ),
    ),
    # Opt-out, except (permit) what Burgers holds (the custodian, NARROWED). The narrative
    # says the opposite (no data at a psychiatric hospital available): the data says this.
    ("r4", "Out"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "deny",
            (("permit", (), (), (), ()),),
            "2015-11-18",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "deny",
            (("permit", (), (), (), ()),),
            "2015-11-18",
            None,
        ),
    ),
    # Opt-out, except access to what Burgers keeps (custodian, NARROWED); "access only"
    # (INFAO) is held, and the permit is access already. The recipient is Patient/example,
    # displayed "Good Health Clinic" in the example: the reference, not the display, is
    # what names the recipient, and it is Peter James Chalmers.
    ("r4", "grantor"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "deny",
            (("permit", ("access",), (), ("Peter James Chalmers",), ()),),
            "2015-11-18",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "deny",
            (("permit", ("access",), (), ("Peter James Chalmers",), ()),),
            "2015-11-18",
            None,
        ),
    ),
    # Opt-in, except deny what Burgers holds (NARROWED), as the narrative says: the PHI
    # collected at one hospital restricted from disclosure to every provider.
    ("r4", "notAuthor"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2015-11-18",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2015-11-18",
            None,
        ),
    ),
    # Opt-in (policyRule OPTIN), except (root typed deny) Burgers may not access or correct
    # anything; the narrative says the same of Good Health Clinic, the data names Burgers.
    ("r4", "notOrg"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", ("access", "correct"), (), ("Burgers University Medical Center",), ()),),
            "2015-11-18",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", ("access", "correct"), (), ("Burgers University Medical Center",), ()),),
            "2015-11-18",
            None,
        ),
    ),
    # Opt-in, except (no type: the opposite of OPTIN) the nurse Practitioner/f204 (Carla
    # Espinosa; "Fictive Nurse" in the display) may not access or correct anything, as the
    # narrative's ex-spouse wants.
    ("r4", "notThem"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", ("access", "correct"), (), ("Carla Espinosa",), ()),),
            "2015-11-18",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", ("access", "correct"), (), ("Carla Espinosa",), ()),),
            "2015-11-18",
            None,
        ),
    ),
    # Opt-in, except deny the record Task/example3 and what it refers to (data meaning
    # "related", NARROWED): the narrative's order and its results withheld.
    ("r4", "notThis"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2015-11-18",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2015-11-18",
            None,
        ),
    ),
    # Opt-out, except Burgers' access to data labelled confidentiality N, except access to
    # what is labelled PSY, SPI, SEX or N. The nested rules have no type, which R4 requires;
    # as exceptions to a permit (R4's definition of a nested rule) they can only deny, which
    # is also how R5's pkb states the same screen: both read alike.
    ("r4", "pkb"): (
        (
            "Peter James Chalmers",
            "self",
            "f001",
            "deny",
            (("permit", ("access",), (), ("Burgers University Medical Center",), ()),),
            "2016-06-16",
            None,
        ),
        {},
        (
            "Peter James Chalmers",
            "self",
            "f001",
            "deny",
            (("permit", ("access",), (), ("Burgers University Medical Center",), ()),),
            "2016-06-16",
            None,
        ),
    ),
    # Opt-in, except deny Practitioner 13 for a year, except permit CDA documents by one author.
    ("r4", "signature"): (
        (
            "Patient Seventytwo",
            "self",
            "f001",
            "permit",
            (("deny", (), (), ("Practitioner Thirteen",), ()),),
            "2015-10-10",
            "2016-10-10",
        ),
        {},
        (
            "Patient Seventytwo",
            "self",
            "f001",
            "permit",
            (("deny", (), (), ("Practitioner Thirteen",), ()),),
            "2015-10-10",
            "2016-10-10",
        ),
    ),
    # Peter (emergency contact, v2-0131#C, held as the grantor's capacity) consents for
    # Henry: 30 minutes, deny except MedicationRequests.
    ("r4", "smartonfhir"): (
        (
            "Henry Levin",
            "emergency_contact",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2016-06-23",
            "2016-06-23",
        ),
        {},
        (
            "Henry Levin",
            "emergency_contact",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2016-06-23",
            "2016-06-23",
        ),
    ),
    # R5: deny, except permit from 1964-01-01 to 2019-01-01 (a provision holding for part
    # of the time, NARROWED; a permit's date-only end read at its midnight, the narrower
    # reading). The narrative: all PHI at Burgers available for normal treatment use.
    ("r5", "basic"): (
        (
            "Peter James Chalmers",
            "self",
            "f001",
            "deny",
            (("permit", (), (), (), ()),),
            "2018-12-28",
            None,
        ),
        {},
        (
            "Peter James Chalmers",
            "self",
            "f001",
            "deny",
            (("permit", (), (), (), ()),),
            "2018-12-28",
            None,
        ),
    ),
    # Permit, except deny in January 2015 (NARROWED: the deny holds then, through the end
    # day 2015-02-01). The narrative speaks of data from that time (a dataPeriod); the
    # data says when the rule holds.
    ("r5", "notTime"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2018-12-28",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2018-12-28",
            None,
        ),
    ),
    # Permit, except deny MedicationRequest/medrx0305 and what it refers to (NARROWED).
    ("r5", "notThis"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2018-12-28",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2018-12-28",
            None,
        ),
    ),
    # Permit, except deny what Burgers holds (NARROWED), as the narrative says.
    ("r5", "notAuthor"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2015-11-18",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2015-11-18",
            None,
        ),
    ),
    # Permit (consent relied on by Good Health Clinic), except Burgers, the ex-spouse's
    # employer in the narrative, may not access or correct anything.
    ("r5", "notOrg"): (
        (
            "Pieter van de Heuvel",
            "self",
            "2.16.840.1.113883.19.5",
            "permit",
            (("deny", ("access", "correct"), (), ("Burgers University Medical Center",), ()),),
            "2018-12-24",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "2.16.840.1.113883.19.5",
            "permit",
            (("deny", ("access", "correct"), (), ("Burgers University Medical Center",), ()),),
            "2018-12-24",
            None,
        ),
    ),
    # Eve permits, except her ex-spouse Carla may not access or correct anything; the consent
    # was checked by Burgers with Bénédicte on 2021-11-11 (evidence, test below).
    ("r5", "notThem"): (
        (
            "Eve Everywoman",
            "self",
            "f001",
            "permit",
            (("deny", ("access", "correct"), (), ("Carla Espinosa",), ()),),
            "2018-12-24",
            None,
        ),
        {},
        (
            "Eve Everywoman",
            "self",
            "f001",
            "permit",
            (("deny", ("access", "correct"), (), ("Carla Espinosa",), ()),),
            "2018-12-24",
            None,
        ),
    ),
    # Roel (grantor Pat One) denies all but Simone Heps' access to what Bronsig keeps;
    # "access only" (INFAO), the grantee Simone and the custodian (NARROWED) are held.
    ("r5", "grantor"): (
        (
            "Roel",
            "other",
            "f203",
            "deny",
            (("permit", ("access",), (), ("Simone Heps",), ()),),
            "2018-12-24",
            None,
        ),
        {},
        (
            "Roel",
            "other",
            "f203",
            "deny",
            (("permit", ("access",), (), ("Simone Heps",), ()),),
            "2018-12-24",
            None,
        ),
    ),
    # Deny, except Burgers' access to data labelled confidentiality N, except access to
    # what is labelled PSY, SPI, SEX or N (NARROWED); the screenshot it encodes is not in
    # the example, so the data is all there is to check.
    ("r5", "pkb"): (
        (
            "Peter James Chalmers",
            "self",
            "f001",
            "deny",
            (("permit", ("access",), (), ("Burgers University Medical Center",), ()),),
            "2018-12-28",
            None,
        ),
        {},
        (
            "Peter James Chalmers",
            "self",
            "f001",
            "deny",
            (("permit", ("access",), (), ("Burgers University Medical Center",), ()),),
            "2018-12-28",
            None,
        ),
    ),
    # Permit to Pat Two (grantee), except deny Eric van den Broek for a year, except CDA.
    ("r5", "CDA"): (
        (
            "Pat Two",
            "self",
            "f001",
            "permit",
            (("deny", (), (), ("Eric van den Broek",), ()),),
            "2018-12-28",
            None,
        ),
        {},
        (
            "Pat Two",
            "self",
            "f001",
            "permit",
            (("deny", (), (), ("Eric van den Broek",), ()),),
            "2018-12-28",
            None,
        ),
    ),
    # Peter (emergency contact) for Henry: permit, except deny for 30 minutes, except
    # access and correction of MedicationRequests; the period and the resource type are not
    # held (the correction is).
    ("r5", "smartonfhir"): (
        (
            "Henry Levin",
            "emergency_contact",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2016-06-23",
            None,
        ),
        {},
        (
            "Henry Levin",
            "emergency_contact",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2016-06-23",
            None,
        ),
    ),
    # Permit, except deny what Burgers holds (NARROWED): no data at Burgers available,
    # as the narrative says.
    ("r5", "Out"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2018-12-28",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f001",
            "permit",
            (("deny", (), (), (), ()),),
            "2018-12-28",
            None,
        ),
    ),
    # Deny, except permit what Artis holds, except deny (what Artis holds) for emergency
    # treatment: so the data nests it, while the narrative says the emergency use is the
    # permitted part. The inner deny is for care in an emergency (ETREAT); the data is
    # what is read.
    ("r5", "Emergency"): (
        (
            "Pieter van de Heuvel",
            "self",
            "f201",
            "deny",
            (("permit", (), (), (), ()),),
            "2018-12-24",
            None,
        ),
        {},
        (
            "Pieter van de Heuvel",
            "self",
            "f201",
            "deny",
            (("permit", (), (), (), ()),),
            "2018-12-24",
            None,
        ),
    ),
}

LOINC = "http://loinc.org"
LABELS = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
SENSITIVE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
CDA_CODES = (
    ("author", "", "Practitioner/xcda-author", None),
    ("code", LOINC, "18842-5", None),
    ("code", LOINC, "34133-9", None),
)
_PKB_INNER: dict[str, tuple[Any, Any, tuple[str, ...], tuple[Any, ...]]] = {
    f"provision.exceptions[0].exceptions[{i}]": (
        None,
        None,
        (),
        (
            ("security_label", SENSITIVE, label, None)
            if label != "N"
            else ("security_label", LABELS, "N", None),
        ),
    )
    for i, label in enumerate(
        ("PSY", "SPI", "N", "PSY", "SPI", "SEX", "N", "PSY", "SPI", "SEX", "N")
    )
}
_PKB: dict[str, tuple[Any, Any, tuple[str, ...], tuple[Any, ...]]] = {
    "provision.exceptions[0]": (None, None, (), (("security_label", LABELS, "N", None),)),
    **_PKB_INNER,
}

# version, name: {provision path: (valid from, valid until, holder ids, information)} for
# every provision narrowed, read leniently (strictly too where EXPECTED reads strictly).
# Instants as ISO text; information as (kind, system, code, link), sorted.
NARROWED: dict[tuple[str, str], dict[str, tuple[Any, Any, tuple[str, ...], tuple[Any, ...]]]] = {
    ("r4", "Out"): {"provision.exceptions[0]": (None, None, ("f001",), ())},
    ("r4", "notAuthor"): {"provision.exceptions[0]": (None, None, ("f001",), ())},
    ("r4", "notThis"): {
        "provision.exceptions[0]": (None, None, (), (("record", "", "Task/example3", "related"),))
    },
    ("r4", "pkb"): _PKB,
    ("r4", "signature"): {
        "provision.exceptions[0].exceptions[0]": (
            None,
            None,
            (),
            (*CDA_CODES, ("resource_kind", "urn:ietf:bcp:13", "application/hl7-cda+xml", None)),
        )
    },
    ("r4", "smartonfhir"): {
        "provision.exceptions[0].exceptions[0]": (
            None,
            None,
            (),
            (("resource_kind", "http://hl7.org/fhir/resource-types", "MedicationRequest", None),),
        )
    },
    ("r5", "basic"): {
        "provision.exceptions[0]": (
            "1964-01-01T00:00:00+01:00",
            "2019-01-01T00:00:00+01:00",
            (),
            (),
        )
    },
    ("r5", "notTime"): {
        "provision.exceptions[0]": (
            "2015-01-01T00:00:00+01:00",
            "2015-02-02T00:00:00+01:00",
            (),
            (),
        )
    },
    ("r5", "notThis"): {
        "provision.exceptions[0]": (
            None,
            None,
            (),
            (("record", "", "MedicationRequest/medrx0305", "related"),),
        )
    },
    ("r5", "notAuthor"): {"provision.exceptions[0]": (None, None, ("f001",), ())},
    ("r5", "Out"): {"provision.exceptions[0]": (None, None, ("f001",), ())},
    ("r5", "pkb"): _PKB,
    ("r5", "CDA"): {
        "provision.exceptions[0]": (
            "2018-10-10T00:00:00+02:00",
            "2019-10-11T00:00:00+02:00",
            (),
            (),
        ),
        "provision.exceptions[0].exceptions[0]": (
            None,
            None,
            (),
            (*CDA_CODES, ("document_type", "urn:ietf:bcp:13", "application/hl7-cda+xml", None)),
        ),
    },
    ("r5", "smartonfhir"): {
        "provision.exceptions[0]": (
            "2016-06-23T09:02:33+02:00",
            "2016-06-23T09:32:33+02:00",
            (),
            (),
        ),
        "provision.exceptions[0].exceptions[0]": (
            None,
            None,
            (),
            (("resource_kind", "http://hl7.org/fhir/resource-types", "MedicationRequest", None),),
        ),
    },
    ("r5", "Emergency"): {
        "provision.exceptions[0]": (None, None, ("f201",), ()),
        "provision.exceptions[0].exceptions[0]": (None, None, ("f201",), ()),
    },
    ("r4", "Emergency"): {
        "provision.exceptions[0]": (None, None, ("f001",), ()),
        "provision.exceptions[0].exceptions[0]": (None, None, ("f001",), ()),
    },
    ("r4", "grantor"): {"provision.exceptions[0]": (None, None, ("f001",), ())},
    ("r5", "grantor"): {"provision.exceptions[0]": (None, None, ("f203",), ())},
}


def _selector(i: InformationSelector) -> tuple[Any, ...]:
    return (i.kind.value, i.system, i.code, None if i.link is None else i.link.value)


def narrowed(consent: Consent) -> dict[str, tuple[Any, ...]]:
    """Every narrowed provision of ``consent`` in the terms `NARROWED` is written in."""
    return {
        path: (
            None if p.valid_from is None else p.valid_from.isoformat(),
            None if p.valid_until is None else p.valid_until.isoformat(),
            tuple(sorted(o.id for o in p.holders)),
            tuple(sorted(_selector(i) for i in p.information)),
        )
        for path, p in consent.provision.walk()
        if p.is_narrowed
    }


def _names(p: Provision) -> tuple[str, ...]:
    return tuple(
        sorted(
            r.person.name
            if r.person is not None
            else r.organisation.name
            if r.organisation is not None
            else r.describe("en")
            for r in p.recipients
        )
    )


def meaning(consent: Consent) -> tuple[Any, ...]:
    """The consent in the terms the expectations are written in."""
    p = consent.provision
    exceptions = tuple(
        (
            e.decision.value,
            tuple(sorted(a.value for a in e.actions)),
            tuple(sorted(c.value for c in e.categories)),
            _names(e),
            tuple(sorted(x.value for x in e.purposes)),
        )
        for e in p.exceptions
    )
    until = consent.valid_until.date().isoformat() if consent.valid_until else None
    return (
        consent.subject.name,
        consent.grantor.capacity.value,
        consent.obtained_by.id,
        p.decision.value,
        exceptions,
        consent.valid_from.date().isoformat(),
        until,
    )


def _load(version: str, name: str) -> dict[str, Any]:
    assert FOLDER is not None
    path = Path(FOLDER) / version / f"consent-example-{name}.json"
    if not path.exists():
        pytest.skip(f"{path} is missing")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


CASES = sorted(EXPECTED)


@pytest.mark.parametrize(("version", "name"), CASES)
def test_strict_reads_or_refuses_naming_the_meaning(version: str, name: str) -> None:
    """Strictly, each example is read with its meaning, or refused naming at each path
    the meaning anhorig cannot hold."""
    strict, refusals, _ = EXPECTED[version, name]
    resource = _load(version, name)
    if strict is not None:
        (reading,) = read_fhir(resource, resolve=resolve)
        assert reading.consent is not None
        assert meaning(reading.consent) == strict
        assert narrowed(reading.consent) == NARROWED.get((version, name), {})
        return
    with pytest.raises(InvalidInput) as err:
        read_fhir(resource, resolve=resolve)
    by_path = {p.path: p.message.en for p in err.value.problems}
    for path, fragment in refusals.items():
        assert fragment in by_path.get(path, ""), (path, by_path)


@pytest.mark.parametrize(("version", "name"), CASES)
def test_lenient_reads_every_example_sharing_no_more_than_it_says(version: str, name: str) -> None:
    """Leniently, every example is read; what cannot be held is set aside (the same
    paths strict reading refuses), never widening what is permitted."""
    _, refusals, lenient = EXPECTED[version, name]
    (reading,) = read_fhir(_load(version, name), resolve=resolve, lenient=True)
    assert reading.consent is not None
    assert meaning(reading.consent) == lenient
    assert narrowed(reading.consent) == NARROWED.get((version, name), {})
    assert set(refusals) <= {p.path for p in reading.set_aside}
    assert bool(reading.set_aside) == bool(refusals)


def test_consent_level_meanings_are_held() -> None:
    """What the examples say of the consent itself, checked by hand: r5 notThem was
    checked by Burgers (Organization/f001) with Bénédicte on 2021-11-11; r4 signature and
    r5 CDA carry the business identifier 494e0c7a-…; r5 grantor is granted to Simone Heps;
    in both smartonfhir examples Peter consents as Henry's emergency contact."""
    (them,) = read_fhir(_load("r5", "notThem"), resolve=resolve)
    assert them.consent is not None
    assert them.consent.evidence is not None
    evidence = them.consent.evidence
    assert evidence.documented_by == "Organization/f001"
    assert evidence.documented_at is not None
    assert evidence.documented_at.date().isoformat() == "2021-11-11"
    assert evidence.verified_with is not None
    assert evidence.verified_with.name == "Bénédicte du Marché"
    for version, name in (("r4", "signature"), ("r5", "CDA")):
        (signed,) = read_fhir(_load(version, name), resolve=resolve, lenient=True)
        assert signed.consent is not None
        assert [(i.system, i.value) for i in signed.consent.identifiers] == [
            ("urn:oid:2.16.840.1.113883.3.72.5.9.1", "494e0c7a-a69e-4fb4-9d02-6aae747790d7")
        ]
    (granted,) = read_fhir(_load("r5", "grantor"), resolve=resolve, lenient=True)
    assert granted.consent is not None
    assert {r.person.name for r in granted.consent.grantees if r.person} == {"Simone Heps"}
    for version in ("r4", "r5"):
        (smart,) = read_fhir(_load(version, "smartonfhir"), resolve=resolve, lenient=True)
        assert smart.consent is not None
        assert smart.consent.grantor.capacity is GrantorCapacity.EMERGENCY_CONTACT


def test_emergency_only_narrows_the_permit_to_access_for_emergency_care() -> None:
    """r4 Emergency without its custodian actors (the other part of this reading): the
    EMRGONLY category and the ETREAT purpose leave a permit of access for care in an
    emergency, with the nested deny of everything still inside it."""
    resource = _load("r4", "Emergency")
    del resource["provision"]["actor"]
    del resource["provision"]["provision"][0]["actor"]
    (reading,) = read_fhir(resource, resolve=resolve)
    assert reading.consent is not None
    assert meaning(reading.consent)[3:5] == (
        "deny",
        (("permit", ("access",), (), (), ("emergency_care",)),),
    )
    inner = reading.consent.provision.exceptions[0].exceptions
    assert [p.decision for p in inner] == [ProvisionType.DENY]
