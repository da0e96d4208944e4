"""Issue 12, written as the cases are written there: SIP relatives who declined,
stale willingness, citations that claim no more than the law, and the law of 2026."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs

from anhorig.plans import CoordinatedPlan, PlanStatus, check
from anhorig.serialization import from_json

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 1)


def _sip() -> CoordinatedPlan:
    return from_json(
        CoordinatedPlan,
        (ROOT / "examples" / "plans" / "sip-valid.json").read_text(encoding="utf-8"),
    )


def _relative_said(plan: CoordinatedPlan, **answer: object) -> CoordinatedPlan:
    relative = attrs.evolve(plan.relatives[0], **answer)
    return attrs.evolve(plan, relatives=(relative,))


# --- item 8: SIP relatives -----------------------------------------------------------------


def test_a_relative_who_was_asked_and_said_no_is_not_told_they_were_not_asked() -> None:
    """A relative who was asked and said no can still hold a measure; the finding must not say
    they were invited "utan att först ha sagt att hen vill delta"."""
    sip = _sip()
    assert check(sip, on=ON).codes == frozenset()
    declined = _relative_said(sip, asked_on=date(2026, 10, 20), wants_to_take_part=False)
    report = check(declined, on=ON)
    assert "SIP-RELATIVE-NOT-ASKED" not in report.codes
    assert {"SIP-RELATIVE-DECLINED", "SIP-EXPECTS-UNWILLING-RELATIVE"} <= report.codes
    swedish = report.explain("sv")
    assert "utan att först ha sagt att hen vill delta" not in swedish
    assert "tillfrågades 2026-10-20 och ville inte delta" in swedish
    assert "tackade nej när hen tillfrågades 2026-10-20" in swedish
    assert "declined to take part" in report.explain("en")


def test_a_relative_never_asked_is_told_apart_from_one_who_declined() -> None:
    """Not asked: SIP-RELATIVE-NOT-ASKED for the meeting, and no measure may be theirs."""
    report = check(_relative_said(_sip(), asked_on=None, wants_to_take_part=None), on=ON)
    assert "SIP-RELATIVE-NOT-ASKED" in report.codes
    assert "SIP-RELATIVE-DECLINED" not in report.codes
    measure = [f for f in report if f.code == "SIP-EXPECTS-UNWILLING-RELATIVE"]
    assert [f.path for f in measure] == ["responsibilities[3].holder_id"]
    assert "inte har tillfrågats" in measure[0].message.sv


def test_rule_17_nothing_expected_of_an_unwilling_relative_holding_a_measure() -> None:
    """A relative asked only after the meeting, who said no: before being asked nothing may
    be expected of them either, and from the day they said no the finding says so; a
    closed SIP is not judged for it."""
    later = _relative_said(_sip(), asked_on=date(2026, 10, 25), wants_to_take_part=False)
    codes = {"SIP-EXPECTS-UNWILLING-RELATIVE", "SIP-RELATIVE-NOT-ASKED"}
    for day, why in ((date(2026, 10, 24), "inte har tillfrågats"), (ON, "tackade nej")):
        report = check(later, on=day)
        assert report.codes == codes
        assert why in report.explain("sv")
    closed = attrs.evolve(later, status=PlanStatus.CLOSED)
    assert "SIP-EXPECTS-UNWILLING-RELATIVE" not in check(closed, on=ON).codes
