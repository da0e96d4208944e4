"""Organisations: who answers for a service, which secrecy regime it works under, who provides it.

One vocabulary for every rule family. A `Principal` (*huvudman*) is who an
organisation answers to; a `Sector` (*verksamhet*) which chapter of the secrecy act
(OSL) applies; a `ProviderKind` (*utförare*) who carries out a measure or a respite.
An `Organisation` is an authority or provider that holds, obtains or receives
information (the consent area); a `Provider` is whoever carries out a measure in a
support plan or a respite booking.

These are not personal data: names are shown as they are.

>>> Principal.REGION.label("sv"), Sector.HEALTH_CARE.label("en")
('region', 'health care (OSL ch. 25)')
>>> Provider(name="Röda korset", kind=ProviderKind.VOLUNTARY_ORGANISATION).kind.label("sv")
'frivilligorganisation'
>>> Organisation(id="", name=" ", principal=Principal.OTHER, sector=Sector.OTHER)
Traceback (most recent call last):
  ...
anhorig.errors.InvalidInput: id: väntade ett id: 1–64 tecken A–Z, a–z, 0–9, '-' eller '.'
name: får inte vara tom text

References:
    - Offentlighets- och sekretesslag (2009:400) 25 kap. (hälso- och sjukvård) and
      26 kap. (socialtjänst).
    - Hälso- och sjukvårdslag (2017:30) 16 kap. 4 § and Socialtjänstlag (2025:400)
      10 kap. 8–9 §§: a SIP names which huvudman is responsible for which measure.
"""

from __future__ import annotations

import attrs

from anhorig import _checks
from anhorig._checks import collecting, instance_of, non_empty_text
from anhorig.language import LabelledEnum

__all__ = ["Organisation", "Principal", "Provider", "ProviderKind", "Sector"]


class Principal(LabelledEnum):
    """Who an organisation answers to (*huvudman*).

    A SIP is made by the municipality and the region; anyone else's part in it is a
    measure by others.
    """

    MUNICIPALITY = "municipality", "kommun", "municipality"
    REGION = "region", "region", "region"
    PRIVATE_PROVIDER = "private_provider", "privat utförare", "private provider"
    VOLUNTARY_ORGANISATION = (
        "voluntary_organisation",
        "ideell organisation",
        "voluntary organisation",
    )
    OTHER = "other", "annan huvudman", "other principal"


class Sector(LabelledEnum):
    """Which secrecy regime an organisation works under (*verksamhet*)."""

    HEALTH_CARE = "health_care", "hälso- och sjukvård (OSL 25 kap.)", "health care (OSL ch. 25)"
    SOCIAL_SERVICES = (
        "social_services",
        "socialtjänst (OSL 26 kap.)",
        "social services (OSL ch. 26)",
    )
    OTHER = "other", "annan verksamhet", "other"


class ProviderKind(LabelledEnum):
    """Who carries out a measure or a respite (*utförare*).

    A voluntary organisation's help is welcome but is not the municipality's respite.
    """

    MUNICIPALITY = "municipality", "kommunen", "the municipality"
    REGION = "region", "regionen", "the region"
    CONTRACTOR = "contractor", "utförare på kommunens uppdrag", "contractor for the municipality"
    VOLUNTARY_ORGANISATION = (
        "voluntary_organisation",
        "frivilligorganisation",
        "voluntary organisation",
    )
    OTHER = "other", "annan", "other"


@collecting
@attrs.frozen(kw_only=True, order=False)
class Provider:
    """Who carries out a measure or a respite (*utförare*), e.g. *Hemtjänst Norr*."""

    name: str = attrs.field(validator=non_empty_text)
    kind: ProviderKind = attrs.field(validator=instance_of(ProviderKind))


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class Organisation:
    """An authority or provider that holds, obtains or receives information (*organisation*).

    ``id`` names one secrecy-holding authority (a committee, *nämnd*, of a
    municipality is its own authority). ``principal`` is who it answers to and
    ``sector`` which secrecy chapter applies.
    """

    id: str = attrs.field(validator=_checks.an_id)
    name: str = attrs.field(validator=non_empty_text)
    principal: Principal = attrs.field(validator=instance_of(Principal))
    sector: Sector = attrs.field(validator=instance_of(Sector))

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"
