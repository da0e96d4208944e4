"""The consent model: construction, masking, the public surface and the catalogue."""

from __future__ import annotations

import pytest

import anhorig.consent
from anhorig.consent import (
    Action,
    ChildView,
    Consent,
    ConsentRecord,
    Evidence,
    EvidenceForm,
    InfoCategory,
    Organisation,
    Provision,
    ProvisionType,
    Recipient,
    RecipientKind,
    checks,
)
from anhorig.errors import InvalidInput
from anhorig.findings import catalogue
from tests.consent.consent_scenario import ANNA, EVA, GIVEN, REGION, TOWN, consent, request, to_eva


def test_all_is_exactly_the_public_set() -> None:
    """``anhorig.consent.__all__`` is sorted and names every public attribute it re-exports."""
    names = anhorig.consent.__all__
    assert len(set(names)) == len(names)
    public = {n for n in dir(anhorig.consent) if not n.startswith("_")}
    modules = {
        "audit",
        "checks",
        "decision",
        "engine",
        "model",
        "grantors",
        "policy",
        "registry",
        "rules",
        "receipt",
        "fhir",
        "cli",
    }
    assert set(names) == public - modules
    assert ConsentRecord is not None


def test_import_anhorig_does_not_import_consent_or_hypothesis() -> None:
    """The consent subpackage is imported on demand, and hypothesis never by anhorig."""
    import subprocess
    import sys

    code = (
        "import sys, anhorig; print('hypothesis' in sys.modules, 'anhorig.consent' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_construction_reports_every_bad_field() -> None:
    """A consent built from junk names every bad field at once."""
    with pytest.raises(InvalidInput) as err:
        Consent(
            id="no spaces allowed",
            subject="Anna",  # type: ignore[arg-type]
            grantor=None,  # type: ignore[arg-type]
            obtained_by=TOWN,
            given_at=GIVEN.naive(),
            evidence="oral",  # type: ignore[arg-type]
            provision=Provision(decision=ProvisionType.PERMIT),
        )
    assert set(err.value.paths) >= {"id", "subject", "grantor", "given_at", "evidence"}


def test_valid_until_must_follow_valid_from() -> None:
    """An empty or reversed validity is refused."""
    with pytest.raises(InvalidInput) as err:
        consent(valid_until=GIVEN)
    assert err.value.paths == ("valid_until",)


def test_exceptions_alternate() -> None:
    """An exception with the same decision as its parent is refused, naming it."""
    with pytest.raises(InvalidInput) as err:
        Provision(
            decision=ProvisionType.PERMIT, exceptions=(Provision(decision=ProvisionType.PERMIT),)
        )
    assert err.value.paths == ("exceptions[0].decision",)


def test_recipient_shape_follows_its_kind() -> None:
    """A recipient has exactly the field its kind needs (a person may also carry a role)."""
    with pytest.raises(InvalidInput) as err:
        Recipient(kind=RecipientKind.ORGANISATION, person=EVA)
    assert set(err.value.paths) == {"organisation", "person"}
    assert Recipient.of_organisation(REGION).keys() == {"o:region-sormland", "k:region"}


def test_categories_form_a_hierarchy() -> None:
    """A class covers itself and its subclasses, never its parent or a sibling."""
    assert InfoCategory.HEALTH_CARE.covers(InfoCategory.HEALTH_DIAGNOSIS)
    assert not InfoCategory.HEALTH_DIAGNOSIS.covers(InfoCategory.HEALTH_CARE)
    assert not InfoCategory.HEALTH_CARE.covers(InfoCategory.SOCIAL_SERVICES)
    assert InfoCategory.SOCIAL_ECONOMY.root is InfoCategory.SOCIAL_SERVICES


def test_repr_is_masked() -> None:
    """repr of a consent, a request and an organisation shows no full number or name."""
    text = (
        repr(consent())
        + repr(request(recipient=to_eva()))
        + repr(
            ChildView(
                opinion=anhorig.consent.ChildOpinion.AGREES,
                recorded_at=GIVEN,
                note="Vill att mamma får veta",
            )
        )
    )
    assert ANNA.id is not None
    assert ANNA.id.value not in text
    assert "Anna Karlsson" not in text
    assert "Eva Karlsson" not in text
    assert "Vill att mamma" not in text


def test_naive_instants_are_refused() -> None:
    """An instant without a zone is refused with a message saying so."""
    with pytest.raises(InvalidInput) as err:
        Evidence(form=EvidenceForm.ORAL, documented_by="hsa-1", documented_at=GIVEN.naive())
    assert "naive" in err.value.explain("en")


def test_catalogue_lists_every_basis_and_reason() -> None:
    """The rule catalogue holds the consent family's codes, each with bilingual text."""
    codes = {r.code for r in catalogue() if r.family == "consent"}
    assert {
        "CONSENT-PERMIT",
        "CONSENT-DENY",
        "CONSENT-NO-BASIS",
        "CONSENT-LISTENING",
        "CONSENT-REPORT-OF-CONCERN",
        "CONSENT-CARE-EXCHANGE",
        "CONSENT-PATIENT-CANNOT-TAKE-IN",
        "CONSENT-RECIPIENT-DECLINES",
        "CONSENT-BLOCKED",
        "CONSENT-EMERGENCY",
        "CONSENT-NO-AUTHORITY",
        "CONSENT-UNDOCUMENTED",
        "CONSENT-CHILD-VIEW-MISSING",
        "CONSENT-CHILD-OBJECTS",
        "CONSENT-OTHER-AUTHORITY",
        "CONSENT-NOT-GRANTEE",
        "CONSENT-REVOKED",
        "CONSENT-NOT-IN-FORCE",
        "CONSENT-EACH-PERSON",
        "CONSENT-CONFLICT",
        "CONSENT-BASIS-NOT-MET",
        "CONSENT-HARM-ASSESSMENT",
        "CONSENT-HARM-POSSIBLE",
        "CONSENT-HARM-ASSESSMENT-NOT-COUNTED",
        "CONSENT-HARM-ASSESSMENT-OVERRIDDEN",
        "CONSENT-CHILD-TOO-YOUNG",
        "CONSENT-CHILD-VIEW-WEIGHED",
        "CONSENT-WITHIN-AUTHORITY",
        "CONSENT-BRANCH-BOUNDARY",
    } == codes


def test_rule_family_interface_agrees() -> None:
    """check / validate / is_valid agree: a neighbour's consent is invalid, Anna's own valid."""
    from datetime import date

    from anhorig.consent import Grantor, GrantorCapacity
    from anhorig.errors import RuleViolation

    good = consent()
    bad = consent(grantor=Grantor(person=EVA, capacity=GrantorCapacity.NEIGHBOUR))
    on = date(2026, 4, 1)
    assert checks.check(good, on=on).ok
    assert checks.validate(good, on=on) is good
    assert checks.is_valid(good, on=on)
    assert checks.check(bad, on=on).codes == {"CONSENT-NO-AUTHORITY"}
    with pytest.raises(RuleViolation):
        checks.validate(bad, on=on)
    assert not checks.is_valid(bad, on=on)
    assert not checks.is_valid("junk", on=on)
    with pytest.raises(InvalidInput):
        checks.check(good, on=GIVEN)


def test_receipt_says_what_to_whom_why_until_and_how_to_revoke() -> None:
    """The receipt names the category, recipient, purpose, validity and how to revoke,
    in Swedish and English, with names masked."""
    given = Consent.grant(
        id="c-7",
        subject=ANNA,
        obtained_by=TOWN,
        to=(to_eva(),),
        categories=(InfoCategory.SOCIAL_HOME_CARE,),
        purposes=(anhorig.consent.Purpose.INFORMING_RELATIVE,),
        evidence=Evidence(form=EvidenceForm.ORAL, documented_by="hsa-1", documented_at=GIVEN),
        given_at=GIVEN,
        valid_until=GIVEN.add(years=1),
        actions=(Action.DISCLOSE,),
    )
    sv = given.receipt("sv")
    en = given.receipt("en")
    for words in (
        (
            "hemtjänst",
            "E. K. (anhörig/närstående)",
            "information till närstående",
            "2027-03-02",
            "ta tillbaka",
        ),
        (
            "home care",
            "E. K. (relative)",
            "informing a relative",
            "2027-03-02",
            "take your consent back",
        ),
    ):
        text = sv if words[0] == "hemtjänst" else en
        for word in words:
            assert word in text, word
    assert "Eva Karlsson" not in sv + en
    with pytest.raises(InvalidInput):
        given.receipt("de")


def test_organisation_str() -> None:
    """An organisation reads as its name and id."""
    assert (
        str(
            Organisation(
                id="x-1",
                name="X",
                principal=anhorig.consent.Principal.REGION,
                sector=anhorig.consent.Sector.OTHER,
            )
        )
        == "X (x-1)"
    )
