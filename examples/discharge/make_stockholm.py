"""Write the discharge examples of seed 002's Stockholm scenario (made-up people).

An 86-year-old woman in Farsta has a stroke on Saturday 24 October 2026, the weekend
summer time ends, and is discharged home a week later. Her husband cares for her; their
daughter helps; a 15-year-old grandchild lives with them. The needs assessor, the
vårdcentral (the öppenvård, where the fast vårdkontakt is), home care, primary-care
rehabilitation and the anhörigkonsulent need to know, and are reached as seed 002
describes: the discharge IT system (WebCare) reaches the needs assessor and the
vårdcentral, not home care or rehabilitation.

- ``stockholm-valid.json``: the discharge done as the law and good practice ask; no
  finding at all, judged on 2026-11-09.
- ``stockholm-every-finding.json``: the same stay with everything seed 000, 001, 002 and
  004 describe going wrong; every ``DIS-*`` rule finds something, judged on 2026-11-09.

Run from the repository root: ``python examples/discharge/make_stockholm.py``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs

from anhorig.consent import (
    Consent,
    Evidence,
    EvidenceForm,
    InfoCategory,
    Purpose,
    Recipient,
    RecipientRole,
)
from anhorig.discharge import (
    Admission,
    AdmissionNotice,
    CareContact,
    Channel,
    ChildAtDischarge,
    ChildConsideration,
    ChildSupportAction,
    ContingencyPlan,
    DischargeProcess,
    DischargeRecipient,
    DischargeRole,
    InformationTransfer,
    PlanningMeeting,
    ReadyNotice,
    RelativeAtDischarge,
    SipInvitation,
    Stage,
    StageInformation,
)
from anhorig.organisations import Organisation, Principal, Sector
from anhorig.people import Person, PersonId
from anhorig.relations import AdultCondition, CareArea, Involvement, RelationKind
from anhorig.serialization import to_json
from anhorig.time import local

__all__ = ["ON", "every_finding", "valid"]

ON = date(2026, 11, 9)
"""The day both examples are judged on."""

HERE = Path(__file__).resolve().parent

patient = Person(id=PersonId.parse("19400312-2381"), name="Anna Karlsson")
husband = Person(id=PersonId.parse("19380412-2343"), name="Bertil Karlsson")
daughter = Person(name="Eva Karlsson", birth_date=date(1968, 4, 9))
son = Person(name="Johan Karlsson", birth_date=date(1971, 6, 2))
grandchild = Person(id=PersonId.parse("20110301-2389"), name="Noor Nilsson")

hospital = Organisation(
    id="region-sthlm-geriatrik",
    name="Region Stockholm, geriatriska kliniken",
    principal=Principal.REGION,
    sector=Sector.HEALTH_CARE,
)
district = Organisation(
    id="sthlm-farsta-sdf",
    name="Farsta stadsdelsförvaltning",
    principal=Principal.MUNICIPALITY,
    sector=Sector.SOCIAL_SERVICES,
)
health_centre = Organisation(
    id="region-sthlm-vc-farsta",
    name="Vårdcentralen Farsta",
    principal=Principal.REGION,
    sector=Sector.HEALTH_CARE,
)
rehab = Organisation(
    id="region-sthlm-rehab-farsta",
    name="Primärvårdsrehab Farsta",
    principal=Principal.REGION,
    sector=Sector.HEALTH_CARE,
)
home_care = Organisation(
    id="hemtjanst-farsta-ab",
    name="Hemtjänst i Farsta AB",
    principal=Principal.PRIVATE_PROVIDER,
    sector=Sector.SOCIAL_SERVICES,
)
carer_support = Organisation(
    id="sthlm-farsta-anhorigstod",
    name="Anhörigstöd Farsta",
    principal=Principal.MUNICIPALITY,
    sector=Sector.SOCIAL_SERVICES,
)

SAFE = frozenset({Channel.IT_SYSTEM})


def _evidence(at_hour: int) -> Evidence:
    return Evidence(
        form=EvidenceForm.ORAL,
        documented_by="hsa-SE2321000016-G71",
        documented_at=local(2026, 10, 24, at_hour, 20),
    )


def _recipients(
    *, rehab_channels: frozenset[Channel], home_channels: frozenset[Channel]
) -> tuple[DischargeRecipient, ...]:
    return (
        DischargeRecipient(
            id="bistand",
            role=DischargeRole.CASE_OFFICER,
            organisation=district,
            needs=frozenset({InfoCategory.HEALTH_DISCHARGE, InfoCategory.HEALTH_CARE_PLAN}),
            channels=SAFE,
        ),
        DischargeRecipient(
            id="vardcentral",
            role=DischargeRole.PRIMARY_CARE,
            organisation=health_centre,
            needs=frozenset({InfoCategory.HEALTH_DISCHARGE, InfoCategory.HEALTH_MEDICATION}),
            channels=SAFE,
        ),
        DischargeRecipient(
            id="hemtjanst",
            role=DischargeRole.HOME_CARE,
            organisation=home_care,
            needs=frozenset({InfoCategory.SOCIAL_HOME_CARE, InfoCategory.HEALTH_MEDICATION}),
            channels=home_channels,
            given_by="bistand",
        ),
        DischargeRecipient(
            id="rehab",
            role=DischargeRole.REHABILITATION,
            organisation=rehab,
            needs=frozenset({InfoCategory.HEALTH_CARE_PLAN}),
            channels=rehab_channels,
        ),
        DischargeRecipient(
            id="anhorigkonsulent", role=DischargeRole.CARER_SUPPORT, organisation=carer_support
        ),
    )


def _asked(on: date, *, wants_information: bool, willing: bool = True) -> Involvement:
    return Involvement(
        recorded_on=on,
        reconfirm_by=date(2027, 4, 26),
        willing=willing,
        wants_information=wants_information,
        wants_to_take_part=wants_information,
        tasks=frozenset({CareArea.SELF_CARE, CareArea.DOMESTIC_LIFE, CareArea.MOBILITY})
        if willing
        else frozenset(),
    )


def _consents(*, rehab_covered: bool, medication_to_home_care: bool) -> tuple[Consent, ...]:
    region_units = (
        (
            Recipient.any_of_principal(Principal.MUNICIPALITY),
            Recipient.any_of_principal(Principal.REGION),
        )
        if rehab_covered
        else (
            Recipient.any_of_principal(Principal.MUNICIPALITY),
            Recipient.of_organisation(health_centre),
        )
    )
    home_categories = [InfoCategory.SOCIAL_HOME_CARE]
    if medication_to_home_care:
        home_categories.append(InfoCategory.HEALTH_MEDICATION)
    return (
        Consent.grant(
            id="samtycke-region-1",
            subject=patient,
            obtained_by=hospital,
            to=region_units,
            categories=(InfoCategory.HEALTH_CARE,),
            purposes=(Purpose.DISCHARGE_PLANNING,),
            evidence=_evidence(12),
            given_at=local(2026, 10, 24, 12),
        ),
        Consent.grant(
            id="samtycke-region-2",
            subject=patient,
            obtained_by=hospital,
            to=(Recipient.of_person(husband, role=RecipientRole.RELATIVE),),
            categories=(InfoCategory.HEALTH_CARE,),
            purposes=(Purpose.INFORMING_RELATIVE,),
            evidence=_evidence(12),
            given_at=local(2026, 10, 24, 12),
        ),
        Consent.grant(
            id="samtycke-farsta-1",
            subject=patient,
            obtained_by=district,
            to=(Recipient.of_organisation(home_care),),
            categories=home_categories,
            purposes=(Purpose.DISCHARGE_PLANNING,),
            evidence=Evidence(
                form=EvidenceForm.WRITTEN,
                documented_by="farsta-handlaggare-4",
                documented_at=local(2026, 10, 28, 14),
            ),
            given_at=local(2026, 10, 28, 14),
        ),
    )


def valid() -> DischargeProcess:
    """The discharge done as the law and good practice ask."""
    admitted = local(2026, 10, 24, 10)  # Saturday, summer time (+02:00)
    return DischargeProcess(
        id="utskrivning-farsta-2026-1",
        patient=patient,
        hospital=hospital,
        admission=Admission(
            admitted_at=admitted, ward="Geriatriken avd 71", support_may_be_needed=True
        ),
        patient_conditions=frozenset({AdultCondition.SERIOUS_PHYSICAL_ILLNESS}),
        recipients=_recipients(
            rehab_channels=frozenset({Channel.SECURE_MESSAGE}),
            home_channels=frozenset({Channel.SECURE_MESSAGE, Channel.TELEPHONE}),
        ),
        relatives=(
            RelativeAtDischarge(
                id="bertil",
                person=husband,
                kind=RelationKind.SPOUSE,
                lives_with_patient=True,
                involvements=(_asked(date(2026, 10, 24), wants_information=True),),
                needs=frozenset({InfoCategory.HEALTH_DISCHARGE, InfoCategory.HEALTH_CARE_PLAN}),
                channels=frozenset({Channel.IN_PERSON, Channel.TELEPHONE}),
                known_as_carer_on=date(2026, 10, 24),
                informed_before_planning_at=local(2026, 10, 27, 16),
                support_offered_on=date(2026, 10, 27),
                consultant_involved_on=date(2026, 10, 27),
                guidance_given_on=date(2026, 10, 27),
                substantial_care=True,
                contingency=ContingencyPlan(
                    takes_over="Dottern Eva första dygnet, sedan trygghetsplats",
                    unit="Korttidsboendet Farsta, trygghetsplats",
                    how_to_reach="08-000 000 00, dygnet runt",
                    family_known_to_unit=True,
                    agreed_on=date(2026, 10, 28),
                ),
                stages=(
                    StageInformation(
                        stage=Stage.ADMISSION,
                        occurred_on=date(2026, 10, 24),
                        informed_at=local(2026, 10, 24, 15),
                    ),
                    StageInformation(
                        stage=Stage.DIAGNOSIS,
                        occurred_on=date(2026, 10, 24),
                        informed_at=local(2026, 10, 24, 15),
                    ),
                ),
            ),
            RelativeAtDischarge(
                id="eva",
                person=daughter,
                kind=RelationKind.CHILD,
                lives_with_patient=False,
                involvements=(_asked(date(2026, 10, 26), wants_information=False, willing=False),),
                needs=frozenset({InfoCategory.HEALTH_DISCHARGE}),
                channels=frozenset({Channel.TELEPHONE}),
            ),
        ),
        children=(
            ChildAtDischarge(
                child=grandchild,
                patient_is_parent=False,
                lives_with_patient=True,
                consideration=ChildConsideration(
                    considered_on=date(2026, 10, 28),
                    by="kurator, geriatriken avd 71",
                    actions=frozenset({ChildSupportAction.INFORMATION, ChildSupportAction.SUPPORT}),
                    note="Samtal med Noor och morfar; kontakt med skolkuratorn erbjuden",
                ),
            ),
        ),
        # 08:30 winter time is 23.5 elapsed hours after 10:00 summer time the day before.
        admission_notices=(
            AdmissionNotice(
                sent_at=local(2026, 10, 25, 8, 30),
                to=frozenset({"bistand", "vardcentral"}),
                channel=Channel.IT_SYSTEM,
            ),
        ),
        care_contact=CareContact(
            unit="vardcentral",
            staff_id="hsa-SE2321000016-VC9",
            appointed_at=local(2026, 10, 26, 9),
        ),
        planning=PlanningMeeting(
            held_at=local(2026, 10, 28, 13),
            invited=frozenset({"bistand", "vardcentral", "anhorigkonsulent", "bertil"}),
            attended=frozenset({"bistand", "vardcentral", "anhorigkonsulent", "bertil"}),
        ),
        ready_notice=ReadyNotice(
            sent_at=local(2026, 10, 29, 9, 30),
            to=frozenset({"bistand", "vardcentral"}),
            channel=Channel.IT_SYSTEM,
        ),
        sip_needed=True,
        sip_invitation=SipInvitation(
            sent_at=local(2026, 10, 30, 11),
            by="vardcentral",
            to=frozenset({"bistand", "hemtjanst", "rehab", "bertil"}),
        ),
        discharge_on=date(2026, 10, 30),
        transfers=(
            InformationTransfer(
                to="bistand",
                categories=frozenset(
                    {InfoCategory.HEALTH_DISCHARGE, InfoCategory.HEALTH_CARE_PLAN}
                ),
                sent_at=local(2026, 10, 30, 8),
                channel=Channel.IT_SYSTEM,
            ),
            InformationTransfer(
                to="vardcentral",
                categories=frozenset(
                    {InfoCategory.HEALTH_DISCHARGE, InfoCategory.HEALTH_MEDICATION}
                ),
                sent_at=local(2026, 10, 30, 8),
                channel=Channel.IT_SYSTEM,
            ),
            InformationTransfer(
                to="hemtjanst",
                categories=frozenset(
                    {InfoCategory.SOCIAL_HOME_CARE, InfoCategory.HEALTH_MEDICATION}
                ),
                sent_at=local(2026, 10, 30, 9),
                channel=Channel.SECURE_MESSAGE,
            ),
            InformationTransfer(
                to="rehab",
                categories=frozenset({InfoCategory.HEALTH_CARE_PLAN}),
                sent_at=local(2026, 10, 30, 9),
                channel=Channel.SECURE_MESSAGE,
            ),
            InformationTransfer(
                to="bertil",
                categories=frozenset(
                    {InfoCategory.HEALTH_DISCHARGE, InfoCategory.HEALTH_CARE_PLAN}
                ),
                sent_at=local(2026, 10, 30, 10),
                channel=Channel.IN_PERSON,
            ),
        ),
        records=_consents(rehab_covered=True, medication_to_home_care=True),
    )


def every_finding() -> DischargeProcess:
    """The same stay with everything the seeds describe going wrong."""
    good = valid()
    bertil, eva = good.relatives
    recipients = _recipients(
        rehab_channels=frozenset(), home_channels=frozenset({Channel.TELEPHONE})
    )
    return attrs.evolve(
        good,
        recipients=(*recipients, recipients[-1]),  # the anhörigkonsulent listed twice
        relatives=(
            attrs.evolve(
                bertil,
                informed_before_planning_at=None,
                support_offered_on=None,
                consultant_involved_on=None,
                guidance_given_on=None,
                contingency=attrs.evolve(bertil.contingency, family_known_to_unit=False),
                stages=(
                    StageInformation(
                        stage=Stage.ADMISSION,
                        occurred_on=date(2026, 10, 24),
                        informed_at=local(2026, 10, 24, 15),
                    ),
                    StageInformation(stage=Stage.DIAGNOSIS, occurred_on=date(2026, 10, 24)),
                    StageInformation(
                        stage=Stage.MOVE_TO_SPECIAL_HOUSING,
                        occurred_on=date(2026, 10, 30),
                        given_by="bistand",
                    ),
                ),
            ),
            attrs.evolve(eva, substantial_care=True),
            RelativeAtDischarge(
                id="johan",
                person=son,
                kind=RelationKind.CHILD,
                lives_with_patient=False,
                informed_before_planning_at=local(2026, 10, 27, 18),
            ),
        ),
        children=(
            ChildAtDischarge(child=grandchild, patient_is_parent=False, lives_with_patient=True),
        ),
        # 09:30 winter time is 24.5 elapsed hours after 10:00 summer time: one hour late.
        admission_notices=(
            AdmissionNotice(
                sent_at=local(2026, 10, 25, 9, 30),
                to=frozenset({"bistand", "vardcentral"}),
                channel=Channel.IT_SYSTEM,
            ),
        ),
        care_contact=CareContact(
            unit="vardcentral",
            staff_id="hsa-SE2321000016-VC9",
            appointed_at=local(2026, 10, 29, 10),
        ),
        planning=PlanningMeeting(
            held_at=local(2026, 10, 28, 13),
            invited=frozenset({"bistand", "vardcentral", "bertil", "johan"}),
            attended=frozenset({"bistand", "vardcentral", "bertil", "johan"}),
        ),
        sip_invitation=SipInvitation(
            sent_at=local(2026, 11, 2, 10),
            by="vardcentral",
            to=frozenset({"bistand", "hemtjanst", "rehab", "bertil", "dagverksamhet"}),
        ),
        discharge_on=date(2026, 11, 2),
        transfers=(
            InformationTransfer(
                to="bistand",
                categories=frozenset(
                    {InfoCategory.HEALTH_DISCHARGE, InfoCategory.HEALTH_CARE_PLAN}
                ),
                sent_at=local(2026, 11, 2, 8),
                channel=Channel.IT_SYSTEM,
            ),
            InformationTransfer(
                to="vardcentral",
                categories=frozenset(
                    {InfoCategory.HEALTH_DISCHARGE, InfoCategory.HEALTH_MEDICATION}
                ),
                sent_at=local(2026, 11, 3, 10),
                channel=Channel.IT_SYSTEM,
            ),
            InformationTransfer(
                to="hemtjanst",
                categories=frozenset(
                    {InfoCategory.SOCIAL_HOME_CARE, InfoCategory.HEALTH_MEDICATION}
                ),
                sent_at=local(2026, 11, 2, 9),
                channel=Channel.TELEPHONE,
            ),
            InformationTransfer(
                to="bertil",
                categories=frozenset(
                    {InfoCategory.HEALTH_DISCHARGE, InfoCategory.HEALTH_CARE_PLAN}
                ),
                sent_at=local(2026, 11, 2, 10),
                channel=Channel.IN_PERSON,
            ),
        ),
        records=_consents(rehab_covered=False, medication_to_home_care=False),
    )


if __name__ == "__main__":
    for name, process in (
        ("stockholm-valid.json", valid()),
        ("stockholm-every-finding.json", every_finding()),
    ):
        (HERE / name).write_text(to_json(process, indent=2) + "\n", encoding="utf-8")
