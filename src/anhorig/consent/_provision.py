"""A provision (*villkor*): a permit or deny within a scope, with nested exceptions.

Part of :mod:`anhorig.consent.model`, which re-exports every name; import them from there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from anhorig import _checks
from anhorig._checks import collecting, each, instance_of, optional
from anhorig.consent._vocabulary import Action, InfoCategory, ProvisionType, Purpose, Recipient
from anhorig.time import Period

__all__ = ["MAX_PROVISION_DEPTH", "Provision"]

MAX_PROVISION_DEPTH = 16
"""How deep provisions may nest, the outermost counting as 1.

A consent nests two or three levels (permit, a denied category, a permitted part of
it); the limit keeps comparing, hashing and deciding on provisions free of deep
recursion, and a consent document well within `anhorig.serialization.MAX_DEPTH`.
"""


def _nesting(provisions: tuple[Provision, ...]) -> int:
    """How many levels of provisions ``provisions`` and their exceptions span."""
    depth = 0
    level: list[Any] = list(provisions)
    while level:
        depth += 1
        if depth > MAX_PROVISION_DEPTH:
            break  # enough to refuse; the rest need not be walked
        level = [
            child
            for p in level
            if isinstance(p, Provision) and isinstance(p.exceptions, tuple)
            for child in p.exceptions
        ]
    return depth


def _alternating(instance: Provision, attribute: attrs.Attribute[Any], value: Any) -> None:
    each(Provision)(instance, attribute, value)
    if not isinstance(value, tuple):
        return
    if value and _nesting(value) >= MAX_PROVISION_DEPTH:
        _checks.fail(
            "exceptions",
            sv=f"villkor får vara nästlade högst {MAX_PROVISION_DEPTH} nivåer djupt",
            en=f"provisions may nest at most {MAX_PROVISION_DEPTH} levels deep",
        )
    if not isinstance(instance.decision, ProvisionType):
        return
    for index, child in enumerate(value):
        if isinstance(child, Provision) and child.decision is instance.decision:
            _checks.fail(
                f"exceptions[{index}].decision",
                sv=f"ett undantag måste ha motsatt beslut ({instance.decision.opposite.value})",
                en=f"an exception must have the opposite decision ({instance.decision.opposite.value})",
            )


def _data_period(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional(instance_of(Period))(instance, attribute, value)


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class Provision:
    """A rule in a consent (*villkor*): permit or deny, within a scope, with exceptions.

    An empty scope field means *any*: a provision with no ``actions`` covers every
    action. A request is within the scope when every non-empty field matches:
    its action is listed, a listed category covers its category, one listed
    recipient matches its recipient, its purpose is listed, and its data period lies
    within ``data_period``. ``exceptions`` are nested provisions of the opposite
    decision, as in FHIR: the deepest one whose scope holds decides.
    """

    decision: ProvisionType = attrs.field(validator=instance_of(ProvisionType))
    actions: frozenset[Action] = attrs.field(default=frozenset(), validator=each(Action))
    categories: frozenset[InfoCategory] = attrs.field(
        default=frozenset(), validator=each(InfoCategory)
    )
    recipients: frozenset[Recipient] = attrs.field(default=frozenset(), validator=each(Recipient))
    purposes: frozenset[Purpose] = attrs.field(default=frozenset(), validator=each(Purpose))
    data_period: Period | None = attrs.field(default=None, validator=_data_period)
    """The period the information itself is about (FHIR ``dataPeriod``)."""
    exceptions: tuple[Provision, ...] = attrs.field(default=(), validator=_alternating)

    @property
    def is_unscoped(self) -> bool:
        """Whether every scope field is empty (the provision covers everything)."""
        return not (
            self.actions or self.categories or self.recipients or self.purposes or self.data_period
        )

    def walk(self, path: str = "provision") -> Iterable[tuple[str, Provision]]:
        """Every provision in the tree with its path, depth first."""
        yield path, self
        for index, child in enumerate(self.exceptions):
            yield from child.walk(f"{path}.exceptions[{index}]")
