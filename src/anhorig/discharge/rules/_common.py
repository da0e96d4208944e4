"""What the discharge rules' topic modules share: the family's rule constructor, the
collector a check adds its findings to, and the facts every rule judges from."""

from __future__ import annotations

import functools
from datetime import date

from anhorig.consent import DecisionPolicy
from anhorig.discharge.model import DischargeProcess
from anhorig.discharge.policy import DischargePolicy
from anhorig.discharge.transfers import TransferDecision, decide_transfers, describe
from anhorig.findings import Finding, Report, Rule
from anhorig.language import Text

__all__ = ["Case", "Findings", "discharge_rule"]

discharge_rule = functools.partial(Rule.define, "discharge")
"""``Rule.define`` bound to the family ``discharge``."""


class Findings:
    """Collects the findings of one check, made on ``on`` (*anmärkningar*)."""

    def __init__(self, on: date) -> None:
        self.on = on
        self.items: list[Finding] = []

    def add(self, rule: Rule, path: str, **params: object) -> None:
        """A finding of ``rule`` at ``path``, citing the law in force on ``on``."""
        self.items.append(rule.finding(path, on=self.on, **params))

    def report(self) -> Report:
        """Every finding added, in the order added."""
        return Report(tuple(self.items))


class Case:
    """One discharge as the rules judge it: the process, the day judged, the policy, and
    the consent engine's decision on every need (worked out once)."""

    def __init__(
        self,
        process: DischargeProcess,
        *,
        on: date,
        policy: DischargePolicy,
        decision_policy: DecisionPolicy | None = None,
    ) -> None:
        self.process = process
        self.on = on
        self.policy = policy
        self.decision_policy = decision_policy
        self.decisions: tuple[TransferDecision, ...] = decide_transfers(
            process, on=on, decision_policy=decision_policy
        )
        ids = process.addressee_ids()
        self.known_ids = frozenset(ids)

    def who(self, addressee_id: str) -> Text:
        """A recipient or relative in words, for messages (a relative's name masked)."""
        return describe(self.process, addressee_id)
