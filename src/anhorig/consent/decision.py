"""What a decision is (*beslut om utlämnande*): its outcome, what it rests on, what must
be done, and the policy that decides where the law leaves room (defined in
:mod:`anhorig.consent.policy`, which the plans use without the rest, re-exported here).

:func:`~anhorig.consent.engine.evaluate` and
:meth:`~anhorig.consent.registry.ConsentRegistry.decide` answer with a
:class:`Decision`; :mod:`anhorig.consent.engine` re-exports every name here.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from anhorig._arguments import checked
from anhorig._checks import collecting, each, instance_of, optional, text
from anhorig.consent.policy import Combining, DecisionPolicy
from anhorig.findings import Finding
from anhorig.language import LabelledEnum, Lang, Text, check_lang, mask_value
from anhorig.law import LegalRef

__all__ = [
    "OBLIGATION_ORDER",
    "Basis",
    "Combining",
    "Decision",
    "DecisionPolicy",
    "Obligation",
    "ObligationKind",
    "Outcome",
    "provision_text",
]


class Outcome(LabelledEnum):
    """A decision's outcome (*utfall*). ``NOT_APPLICABLE`` means no basis: deny by default."""

    PERMIT = "permit", "tillåtet", "permitted"
    DENY = "deny", "nekat", "denied"
    NOT_APPLICABLE = "not_applicable", "inget stöd (nekas)", "no basis (denied)"


class ObligationKind(LabelledEnum):
    """Something that must be done with a decision (*skyldighet*)."""

    DOCUMENT_DISCLOSURE = (
        "document_disclosure",
        "dokumentera utlämnandet",
        "document the disclosure",
    )
    RECORD_EMERGENCY = "record_emergency", "dokumentera nödsituationen", "record the emergency"
    DOCUMENT_WHAT_WAS_SAID = (
        "document_what_was_said",
        "dokumentera det som sades",
        "document what was said",
    )
    REPORT_AT_ONCE = "report_at_once", "anmäl genast", "report at once"


_OBLIGATION_TEXT = {
    ObligationKind.DOCUMENT_DISCLOSURE: Text(
        sv="Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.",
        en="Document the disclosure in the record: what, to whom, on what basis.",
    ),
    ObligationKind.RECORD_EMERGENCY: Text(
        sv="Dokumentera nödsituationen och åtkomsten; den granskas i efterhand.",
        en="Record the emergency and the access; it is reviewed afterwards.",
    ),
    ObligationKind.DOCUMENT_WHAT_WAS_SAID: Text(
        sv="Dokumentera det som sades; uppgifterna skyddas av sekretess.",
        en="Document what was said; the information is protected by secrecy.",
    ),
    ObligationKind.REPORT_AT_ONCE: Text(
        sv="Gör anmälan till socialnämnden genast.",
        en="Report to the social welfare committee at once.",
    ),
}
OBLIGATION_ORDER = {kind: index for index, kind in enumerate(ObligationKind)}


@collecting
@attrs.frozen(kw_only=True, order=False)
class Obligation:
    """What must be done when the decision is acted on (*skyldighet*)."""

    kind: ObligationKind = attrs.field(validator=instance_of(ObligationKind))
    message: Text = attrs.field(validator=instance_of(Text))

    @classmethod
    def of(cls, kind: ObligationKind) -> Obligation:
        """The obligation of ``kind`` with its standard wording."""
        return _OBLIGATIONS[kind]


_OBLIGATIONS = {kind: Obligation(kind=kind, message=msg) for kind, msg in _OBLIGATION_TEXT.items()}


_EXCEPTION = re.compile(r"\.exceptions\[(\d+)\]")


@checked
def provision_text(where: str) -> Text:
    """Which provision of a consent decided, in words: ``provision`` is the consent's
    main rule (*huvudregeln*), ``provision.exceptions[0]`` its first exception
    (*undantag 1*), ``provision.exceptions[0].exceptions[1]`` the second exception
    within it (*undantag 1.2*). English keeps the record's path.

    >>> provision_text("provision.exceptions[0].exceptions[1]").sv
    'undantag 1.2'
    """
    numbers = [str(int(n) + 1) for n in _EXCEPTION.findall(where)]
    if where == "provision":
        return Text(sv="huvudregeln", en=where)
    if numbers and _EXCEPTION.sub("", where) == "provision":
        return Text(sv=f"undantag {'.'.join(numbers)}", en=where)
    return Text(sv=f"villkor {where}", en=where)


@collecting
@attrs.frozen(kw_only=True, order=False)
class Basis:
    """What a decision rests on (*grund*): a catalogue code, and the consent and
    provision or the legal references.

    ``subject`` is the masked person the basis is about (``A. K.``).
    """

    code: str = attrs.field(validator=text)
    subject: str = attrs.field(validator=text)
    consent_id: str | None = attrs.field(default=None, validator=optional(text))
    provision: str | None = attrs.field(default=None, validator=optional(text))
    references: tuple[LegalRef, ...] = attrs.field(default=(), validator=each(LegalRef))
    assessment_id: str | None = attrs.field(default=None, validator=optional(text))
    """The harm assessment (*menprövning*) the basis rests on, if any."""

    def explain(self, lang: Lang = "sv") -> str:
        """One line: code, consent and provision or assessment, references.

        In Swedish the record is named in Swedish and the provision in words
        (``CONSENT-DENY, samtycke c-1, undantag 1``); in English as the record has it
        (``CONSENT-DENY consent c-1 provision.exceptions[0]``).
        """
        sv = check_lang(lang) == "sv"
        parts = [self.code]
        # Ids are the vendor's, and are shown masked like any input (no personnummer).
        if self.consent_id is not None:
            parts.append(f"{'samtycke' if sv else 'consent'} {mask_value(self.consent_id)}")
        if self.assessment_id is not None:
            parts.append(
                f"{'menprövning' if sv else 'assessment'} {mask_value(self.assessment_id)}"
            )
        if self.provision is not None:
            parts.append(provision_text(mask_value(self.provision)).in_(lang))
        cited = "; ".join(str(r) for r in self.references)
        return (", " if sv else " ").join(parts) + (f" ({cited})" if cited else "")


class _Later:
    """Room for what a decision made by the engine builds on first read."""

    __slots__ = ("_later",)


@collecting
@attrs.frozen(kw_only=True, order=False)
class Decision(_Later):
    """The answer to a disclosure request (*beslut om utlämnande*), with its reasons.

    ``outcome`` is PERMIT, DENY or NOT_APPLICABLE (no basis, so denied);
    ``basis`` what it rests on; ``obligations`` what must be done; ``reasons`` the
    findings that explain it, in Swedish and English with references.
    """

    outcome: Outcome = attrs.field(validator=instance_of(Outcome))
    basis: tuple[Basis, ...] = attrs.field(default=(), validator=each(Basis))
    obligations: tuple[Obligation, ...] = attrs.field(default=(), validator=each(Obligation))
    reasons: tuple[Finding, ...] = attrs.field(default=(), validator=each(Finding))

    @property
    def permitted(self) -> bool:
        """Whether the information may go."""
        return self.outcome is Outcome.PERMIT

    @property
    def consent_ids(self) -> tuple[str, ...]:
        """The consents the decision rests on, in order, without repeats."""
        seen: dict[str, None] = {}
        for basis in self.basis:
            if basis.consent_id is not None:
                seen.setdefault(basis.consent_id, None)
        return tuple(seen)

    @property
    def assessment_ids(self) -> tuple[str, ...]:
        """The harm assessments (*menprövningar*) the decision rests on, in order."""
        return tuple(dict.fromkeys(b.assessment_id for b in self.basis if b.assessment_id))

    @classmethod
    def later(
        cls,
        outcome: Outcome,
        obligations: tuple[Obligation, ...],
        basis: Sequence[Callable[[], Basis]],
        reasons: Sequence[Callable[[], Finding]],
    ) -> Decision:
        """A decision whose ``basis`` and ``reasons`` are built when first read, each
        item by calling it: the engine's, made from checked parts without checking
        them again. Building reads only values that never change, so a decision
        built late equals one built at once; threads may read it at the same time."""
        made: Decision = object.__new__(cls)
        _SET_OUTCOME(made, outcome)
        _SET_OBLIGATIONS(made, obligations)
        _SET_LATER(made, (tuple(basis), tuple(reasons)))
        return made

    @classmethod
    def explained_later(
        cls,
        outcome: Outcome,
        obligations: tuple[Obligation, ...],
        why: tuple[Any, ...],
    ) -> Decision:
        """A decision whose ``basis`` and ``reasons`` are those of ``why[0](*why[1:])``,
        an equal decision made by `later` when they are first read: the engine decides
        the common case without noting why, and notes it only for a caller who reads
        it. (One tuple, kept as given: cheaper than a partial or a copy.)"""
        made: Decision = object.__new__(cls)
        _SET_OUTCOME(made, outcome)
        _SET_OBLIGATIONS(made, obligations)
        _SET_LATER(made, why)
        return made

    def explain(self, lang: Lang = "sv") -> str:
        """The decision in words: outcome, basis, obligations and reasons."""
        language = check_lang(lang)
        sv = language == "sv"
        # English keeps the outcome's name as a heading; Swedish says it in words.
        lines = [f"Beslut: {self.outcome.label('sv')}" if sv else self.outcome.name]
        lines.extend(f"{'grund' if sv else 'basis'}: {b.explain(language)}" for b in self.basis)
        lines.extend(
            f"{'ska' if sv else 'must'}: {o.message.in_(language)}" for o in self.obligations
        )
        lines.extend(
            f"{'varför' if sv else 'why'}: {r.message.in_(language)}" for r in self.reasons
        )
        return "\n".join(lines)


# Through the slots' own descriptors: a third of the cost of object.__setattr__.
_SET_OUTCOME = vars(Decision)["outcome"].__set__
_SET_OBLIGATIONS = vars(Decision)["obligations"].__set__
_SET_LATER = vars(_Later)["_later"].__set__

_FILLING = threading.Lock()
_LATE = {"basis": 0, "reasons": 1}


def _built(decision: Decision, name: str) -> Any:
    """``basis`` or ``reasons`` of a decision made by `Decision.later`, built now."""
    index = _LATE.get(name)
    if index is None:
        raise AttributeError(f"'Decision' object has no attribute {name!r}")
    # Built outside the lock (building may take a while); the first one set stays, so
    # every reader sees one object.
    later = object.__getattribute__(decision, "_later")
    if not isinstance(later[0], tuple):
        # Made by `Decision.explained_later`: the equal decision that notes why, made
        # now and kept (threads that both make one keep equal parts).
        why = later[0](*later[1:])
        if why.outcome is not decision.outcome or why.obligations != decision.obligations:
            raise AssertionError("the decision noting why differs from the one given")
        later = object.__getattribute__(why, "_later")
        _SET_LATER(decision, later)
    items = tuple(make() for make in later[index])
    with _FILLING:
        try:
            return object.__getattribute__(decision, name)
        except AttributeError:
            object.__setattr__(decision, name, items)
            return items


# Set here, not in the class body, so that type checkers still reject unknown names.
Decision.__getattr__ = _built  # type: ignore[attr-defined]
