"""A provision (*villkor*): a permit or deny within a scope, with nested exceptions.

Besides what is done (action), with what kind of information (category), by or to whom
(recipient), why (purpose) and about which period (data period), a provision may hold
for part of the consent's time only (``valid_from``, ``valid_until``), cover only the
information certain organisations hold (``holders``, FHIR's custodian), and only
particular information (``information``: records, kinds of resources, codes, document
types, security labels, authors), as FHIR Consent can say.

Part of :mod:`anhorig.consent.model`, which re-exports every name; import them from there.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
import pendulum

from anhorig import _checks
from anhorig._checks import collecting, each, instance_of, non_empty_text, optional
from anhorig._values import instant_text
from anhorig.consent._fields import optional_instant, to_instant
from anhorig.consent._vocabulary import Action, InfoCategory, ProvisionType, Purpose, Recipient
from anhorig.language import LabelledEnum, Lang, Text, check_lang, mask_value
from anhorig.organisations import Organisation
from anhorig.time import Period

__all__ = [
    "MAX_PROVISION_DEPTH",
    "InformationKind",
    "InformationSelector",
    "Provision",
    "RecordLink",
]


class InformationKind(LabelledEnum):
    """What an :class:`InformationSelector` names (*slag av uppgiftsurval*).

    ``RECORD``: a particular record (FHIR ``data``); ``RESOURCE_KIND``: a kind of
    resource or a file format (FHIR R4 ``class``, R5 ``resourceType``); ``CODE``: a code
    the information carries (FHIR ``code``); ``DOCUMENT_TYPE``: a type of document (R5
    ``documentType``); ``SECURITY_LABEL``: a security label, e.g. a confidentiality
    level (FHIR ``securityLabel``); ``AUTHOR``: who wrote the information (actor role
    ``AUT``).
    """

    RECORD = "record", "viss journalpost", "a particular record"
    RESOURCE_KIND = "resource_kind", "slag av resurs eller filformat", "kind of resource or format"
    CODE = "code", "kod", "code"
    DOCUMENT_TYPE = "document_type", "dokumenttyp", "document type"
    SECURITY_LABEL = "security_label", "säkerhetsmärkning", "security label"
    AUTHOR = "author", "upphovsperson", "author"


class RecordLink(LabelledEnum):
    """How information is linked to a record an :class:`InformationSelector` names
    (FHIR ``consent-data-meaning``) (*koppling till journalposten*).

    In a provision: ``INSTANCE`` covers the record itself; ``RELATED`` the record and
    what it refers to; ``DEPENDENTS`` the record and what refers to it; ``AUTHORED_BY``
    what the referenced author wrote. In a request it says what the information is:
    the record itself (``INSTANCE``), something the record refers to (``RELATED``),
    something that refers to the record (``DEPENDENTS``), or something the referenced
    author wrote (``AUTHORED_BY``).
    """

    INSTANCE = "instance", "själva posten", "the record itself"
    RELATED = "related", "posten och det den hänvisar till", "the record and what it refers to"
    DEPENDENTS = (
        "dependents",
        "posten och det som hänvisar till den",
        "the record and what refers to it",
    )
    AUTHORED_BY = "authoredby", "det som den angivna har skrivit", "what the one named wrote"


_LINKS_COVERED = {
    RecordLink.INSTANCE: frozenset({RecordLink.INSTANCE}),
    RecordLink.RELATED: frozenset({RecordLink.INSTANCE, RecordLink.RELATED}),
    RecordLink.DEPENDENTS: frozenset({RecordLink.INSTANCE, RecordLink.DEPENDENTS}),
    RecordLink.AUTHORED_BY: frozenset({RecordLink.AUTHORED_BY}),
}
"""Which links of a request's record a provision's link covers."""


def _link_shape(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A record selector says how the information is linked to it; no other does."""
    optional(instance_of(RecordLink))(instance, attribute, value)
    kind = instance.kind
    if kind is InformationKind.RECORD and value is None:
        _checks.fail(
            "link",
            sv="ett urval av en journalpost måste säga hur uppgifterna hör till den",
            en="a record selector needs a link (how the information belongs to the record)",
        )
    if (
        isinstance(kind, InformationKind)
        and kind is not InformationKind.RECORD
        and value is not None
    ):
        _checks.fail(
            "link",
            sv="bara ett urval av en journalpost har en koppling",
            en="only a record selector has a link",
        )


_checks.describe(
    _link_shape,
    "cases",
    "kind",
    {
        k.value: ((("link",), ()) if k is InformationKind.RECORD else ((), ("link",)))
        for k in InformationKind
    },
    None,
)


def _masked_code(code: str) -> str:
    """A code in a repr: quoted, with anything shaped like a personnummer or a name masked."""
    return repr(mask_value(code))


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class InformationSelector:
    """Which information (*uppgiftsurval*): a code ``code`` of kind ``kind`` in the code
    system ``system`` (a URI, or empty for a plain reference), as FHIR Consent narrows a
    provision and as a :class:`~anhorig.consent.model.DisclosureRequest` describes the
    information it asks for.

    For a ``RECORD`` ``code`` is the record's reference (``"MedicationRequest/123"``)
    and ``link`` how the information is linked to it; for an ``AUTHOR`` it is the
    author's reference or id. Codes are shown masked (a reference may name a person).

    A provision's selector covers a request's when kind, system and code are the same
    and, for records, the provision's link covers the request's (``RELATED`` covers the
    record itself and what it refers to).
    """

    kind: InformationKind = attrs.field(validator=instance_of(InformationKind))
    """What it names: a record, a kind of resource, a code, a document type, a security
    label or an author."""
    code: str = attrs.field(validator=non_empty_text, repr=_masked_code)
    """The code; for a record or an author its reference (``"Task/1"``) or identifier
    value."""
    system: str = attrs.field(default="", validator=_checks.text)
    """The code system (a URI), or an identifier's system; empty for a plain reference."""
    link: RecordLink | None = attrs.field(default=None, validator=_link_shape)
    """For a record only: how the information belongs to it (FHIR ``data.meaning``)."""

    @classmethod
    def record(cls, reference: str, link: RecordLink = RecordLink.INSTANCE) -> InformationSelector:
        """A particular record (FHIR ``data``), e.g. ``"Task/example3"``."""
        return cls(kind=InformationKind.RECORD, code=reference, link=link)

    def covers(self, tag: InformationSelector) -> bool:
        """Whether this selector (a provision's) covers ``tag`` (a request's)."""
        if (self.kind, self.system, self.code) != (tag.kind, tag.system, tag.code):
            return False
        if self.link is None or tag.link is None:
            return self.link is tag.link
        return tag.link in _LINKS_COVERED[self.link]

    def describe(self, lang: str = "sv") -> str:
        """What it names, in words: its kind and its code quoted and masked (the code
        system is left out: it is a URI, not words)."""
        language: Lang = check_lang(lang)
        head = f"{self.kind.label(language)} {mask_value(self.code)!r}"
        if self.link is not None:
            head += f" ({self.link.label(language)})"
        return head


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


def after_valid_from(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional_instant(instance, attribute, value)
    start = instance.valid_from
    if (
        isinstance(value, pendulum.DateTime)
        and isinstance(start, pendulum.DateTime)
        and value <= start
    ):
        _checks.fail(
            attribute.name,
            sv=f"måste vara efter att giltigheten börjar ({instant_text(start, 'sv')})",
            en=f"must be after valid_from ({instant_text(start, 'en')})",
        )


_checks.describe(after_valid_from, "rule", optional_instant, "valid_until is after valid_from")


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class Provision:
    """A rule in a consent (*villkor*): permit or deny, within a scope, with exceptions.

    An empty scope field means *any*: a provision with no ``actions`` covers every
    action. A request is within the scope when every non-empty field matches:
    its action is listed, a listed category covers its category, one listed
    recipient matches its recipient, its purpose is listed, its data period lies
    within ``data_period``, the instant asked about lies in ``[valid_from,
    valid_until)``, its holder is one of ``holders`` (FHIR's custodian: *den som har
    uppgifterna*), and its information is covered by ``information``. ``exceptions``
    are nested provisions of the opposite decision, as in FHIR: the deepest one whose
    scope holds decides.

    ``information`` is matched kind by kind (:class:`InformationKind`): within one kind
    any listed selector may cover the request's information, and every kind listed must.
    A request that does not say what its information is of a listed kind is, for that
    kind, inside a deny and outside a permit (deny by default); a permit covers the
    request's information only when every piece of it the request names of that kind
    is covered, a deny when any is.
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
    valid_from: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_instant, validator=optional_instant
    )
    """From when the provision holds (FHIR ``provision.period.start``); ``None``: from
    the consent's own start."""
    valid_until: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_instant, validator=after_valid_from
    )
    """Until when the provision holds, exclusive (``provision.period.end``); ``None``: as
    long as the consent."""
    holders: frozenset[Organisation] = attrs.field(
        default=frozenset(), validator=each(Organisation)
    )
    """Whose information it covers (*den som har uppgifterna*; FHIR actor ``CST``, the
    custodian): the request's ``holder`` must be one of them (by id)."""
    information: frozenset[InformationSelector] = attrs.field(
        default=frozenset(), validator=each(InformationSelector)
    )
    """Which information it covers (FHIR ``data``, ``class``/``resourceType``, ``code``,
    ``documentType``, ``securityLabel``, actor ``AUT``)."""

    @property
    def is_unscoped(self) -> bool:
        """Whether every scope field is empty (the provision covers everything)."""
        return not (
            self.actions
            or self.categories
            or self.recipients
            or self.purposes
            or self.data_period
            or self.valid_from
            or self.valid_until
            or self.holders
            or self.information
        )

    def narrowing(self) -> Text | None:
        """How the provision is narrowed, in words (``None`` if it is not): the time it
        holds for, whose information, which information."""
        if not self.is_narrowed:
            return None
        sv: list[str] = []
        en: list[str] = []
        if self.valid_from is not None or self.valid_until is not None:
            start = self.valid_from.format("YYYY-MM-DD HH:mm") if self.valid_from else "…"
            end = self.valid_until.format("YYYY-MM-DD HH:mm") if self.valid_until else "…"
            sv.append(f"gäller {start} – {end}")
            en.append(f"holds {start} – {end}")
        if self.holders:
            names = ", ".join(sorted(str(o) for o in self.holders))
            sv.append(f"bara uppgifter som finns hos {names}")
            en.append(f"only information held by {names}")
        if self.information:
            sv.append("bara " + "; ".join(sorted(i.describe("sv") for i in self.information)))
            en.append("only " + "; ".join(sorted(i.describe("en") for i in self.information)))
        return Text(sv=", ".join(sv), en=", ".join(en))

    @property
    def is_narrowed(self) -> bool:
        """Whether it holds for part of the time, or for some holders' or some
        particular information only."""
        return bool(self.valid_from or self.valid_until or self.holders or self.information)

    def walk(self, path: str = "provision") -> Iterable[tuple[str, Provision]]:
        """Every provision in the tree with its path, depth first."""
        yield path, self
        for index, child in enumerate(self.exceptions):
            yield from child.walk(f"{path}.exceptions[{index}]")
