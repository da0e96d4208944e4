"""What each stödplan and SIP rule says beyond its message: the types it judges, when it
fires, its exact edge and what fixes it (:class:`anhorig.findings.Rule`'s ``applies_to``,
``condition``, ``boundary`` and ``fix``), by code, as (Swedish, English).

:func:`~anhorig.plans.rules._common.plan_rule` adds an entry to the rule of its code. The
texts sit in this table beside the two rule modules rather than in them, which would grow
past the layout's size limit (``tests/test_layout.py``); the implementation plan's rules,
few and short, carry theirs inline.
"""

from __future__ import annotations

__all__ = ["EXPLAINED"]

EXPLAINED: dict[str, dict[str, tuple[str, ...]]] = {
    "PLAN-NO-CARER-CONSENT": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Planen är inte stängd och den anhörige har inget samtycke i kraft den dag som bedöms till att dokumenteras i planen (document_in_plan): i planens consents, eller hos det ConsentOracle som ges till check.",
            "The plan is not closed and the carer has no consent in force on the day judged to be documented in the plan (document_in_plan): in the plan's consents, or with the ConsentOracle given to check.",
        ),
        "boundary": (
            "Ett samtycke som gäller från och med den dag som bedöms räcker; ett som upphört dagen före räcker inte. En stängd plan prövas inte.",
            "A consent in force from the day judged is enough; one that ended the day before is not. A closed plan is not judged.",
        ),
        "fix": (
            "Inhämta den anhöriges samtycke och lägg det i consents (subject = carer, purpose document_in_plan, i kraft den dagen).",
            "Obtain the carer's consent and add it to consents (subject = carer, purpose document_in_plan, in force that day).",
        ),
    },
    "PLAN-NO-CARED-FOR-CONSENT": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Planen är inte stängd, innehåller uppgifter om den närstående (ett behov om hen eller en insats till hen) och hen har inget samtycke i kraft till document_in_plan den dag som bedöms.",
            "The plan is not closed, holds information about the person cared for (a need about them or a measure given to them) and they have no consent in force to document_in_plan on the day judged.",
        ),
        "boundary": (
            "Utan behov eller insatser som rör den närstående slår regeln inte till; ett samtycke i kraft den dag som bedöms räcker.",
            "Without needs or measures concerning the person cared for it does not fire; a consent in force on the day judged is enough.",
        ),
        "fix": (
            "Inhämta den närståendes samtycke och lägg det i consents, eller ta bort uppgifterna om hen.",
            "Obtain the cared-for person's consent and add it to consents, or remove the information about them.",
        ),
    },
    "PLAN-DUPLICATE-ID": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Samma id förekommer mer än en gång bland planens behov, mål eller insatser (var lista för sig).",
            "The same id occurs more than once among the plan's needs, goals or measures (each list on its own).",
        ),
        "boundary": (
            "Ett behov och ett mål får ha samma id; två behov får inte. Id jämförs exakt.",
            "A need and a goal may share an id; two needs may not. Ids are compared exactly.",
        ),
        "fix": (
            "Ge varje behov, mål och insats ett eget id.",
            "Give every need, goal and measure an id of its own.",
        ),
    },
    "PLAN-GOAL-UNKNOWN-NEED": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Ett måls need_id namnger inget av planens behov.",
            "A goal's need_id names none of the plan's needs.",
        ),
        "boundary": (
            "Id jämförs exakt; prövas i alla statusar.",
            "Ids are compared exactly; judged in every status.",
        ),
        "fix": (
            "Rätta målets need_id, eller lägg till behovet.",
            "Correct the goal's need_id, or add the need.",
        ),
    },
    "PLAN-MEASURE-UNKNOWN-GOAL": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "En insats goal_id namnger inget av planens mål.",
            "A measure's goal_id names none of the plan's goals.",
        ),
        "boundary": (
            "Id jämförs exakt; prövas i alla statusar.",
            "Ids are compared exactly; judged in every status.",
        ),
        "fix": (
            "Rätta insatsens goal_id, eller lägg till målet.",
            "Correct the measure's goal_id, or add the goal.",
        ),
    },
    "PLAN-NO-NEEDS": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Planen har inga behov i en levande plan (status agreed, active eller under_review).",
            "The plan has no needs in a live plan (status agreed, active or under_review).",
        ),
        "boundary": (
            "Ett behov räcker; ett utkast (draft) eller en stängd plan får sakna behov.",
            "One need is enough; a draft or a closed plan may have none.",
        ),
        "fix": (
            "Beskriv minst ett av den anhöriges behov i needs.",
            "Describe at least one of the carer's needs in needs.",
        ),
    },
    "PLAN-NEED-WITHOUT-GOAL": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Ett behov har inget mål som pekar på det (need_id) i en levande plan (status agreed, active eller under_review).",
            "A need has no goal pointing to it (need_id) in a live plan (status agreed, active or under_review).",
        ),
        "boundary": (
            "Ett mål per behov räcker; ett utkast får ha behov utan mål.",
            "One goal per need is enough; a draft may have needs without goals.",
        ),
        "fix": (
            "Lägg till ett mål med behovets id som need_id, eller ta bort behovet.",
            "Add a goal with the need's id as need_id, or remove the need.",
        ),
    },
    "PLAN-GOAL-WITHOUT-MEASURE": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Ett mål har ingen insats som pekar på det (goal_id) i en levande plan (status agreed, active eller under_review).",
            "A goal has no measure pointing to it (goal_id) in a live plan (status agreed, active or under_review).",
        ),
        "boundary": (
            "En insats per mål räcker; ett utkast får ha mål utan insatser.",
            "One measure per goal is enough; a draft may have goals without measures.",
        ),
        "fix": (
            "Lägg till en insats med målets id som goal_id.",
            "Add a measure with the goal's id as goal_id.",
        ),
    },
    "PLAN-FOLLOW-UP-MISSING": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "i en levande plan (status agreed, active eller under_review): ingen öppen uppföljning (follow_ups utan done_on) är planerad.",
            "in a live plan (status agreed, active or under_review): no open follow-up (follow_ups without done_on) is planned.",
        ),
        "boundary": (
            "En enda öppen uppföljning räcker, hur sent den än ligger (det prövar TOO-LATE); genomförda uppföljningar räknas inte.",
            "One open follow-up is enough, however late (TOO-LATE judges that); follow-ups done do not count.",
        ),
        "fix": (
            "Planera nästa uppföljning: lägg till en FollowUp med due senast follow_up_interval_months månader efter agreed_on eller den senaste genomförda uppföljningen.",
            "Plan the next follow-up: add a FollowUp with due at most follow_up_interval_months months after agreed_on or the last follow-up done.",
        ),
    },
    "PLAN-FOLLOW-UP-TOO-LATE": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "i en levande plan (status agreed, active eller under_review): den tidigaste öppna uppföljningen ligger mer än follow_up_interval_months månader efter agreed_on eller den senast genomförda uppföljningen, det som är senast.",
            "in a live plan (status agreed, active or under_review): the earliest open follow-up is more than follow_up_interval_months months after agreed_on or the last follow-up done, whichever is later.",
        ),
        "boundary": (
            "Exakt på gränsdagen (samma dag i månaden, eller månadens sista dag om den dagen saknas) är i tid; dagen efter slår till.",
            "Exactly on the limit (the same day of the month, or the month's last day where that day is missing) is in time; the day after fires.",
        ),
        "fix": (
            "Flytta uppföljningens due till senast gränsdagen (stödplan: follow_up_interval_months månader enligt PlanPolicy).",
            "Move the follow-up's due to the limit at the latest (support plan: follow_up_interval_months months by the PlanPolicy).",
        ),
    },
    "PLAN-FOLLOW-UP-OVERDUE": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "i en levande plan (status agreed, active eller under_review): den tidigaste öppna uppföljningens due ligger före den dag som bedöms.",
            "in a live plan (status agreed, active or under_review): the earliest open follow-up's due is before the day judged.",
        ),
        "boundary": (
            "På due-dagen är uppföljningen i tid; dagen efter slår regeln till (due < on).",
            "On the due day the follow-up is in time; the day after fires (due < on).",
        ),
        "fix": (
            "Genomför uppföljningen och ange done_on, eller planera om den med ett nytt due.",
            "Hold the follow-up and set done_on, or reschedule it with a new due.",
        ),
    },
    "PLAN-SIGNER-NOT-CARER": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "En underskrift med rollen carer är gjord av någon annan än planens anhörige.",
            "A signature with role carer is made by someone other than the plan's carer.",
        ),
        "boundary": (
            "Samma person är en lika person (namn, födelsedatum och personnummer) eller samma personnummer; prövas i alla statusar.",
            "The same person is an equal person (name, birth date and personnummer) or the same personnummer; judged in every status.",
        ),
        "fix": (
            "Låt den anhörige själv skriva under som carer, eller ge underskriften rätt roll.",
            "Have the carer sign as carer themself, or give the signature its right role.",
        ),
    },
    "PLAN-SIGNATURE-MISSING": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Den anhörige (role carer) eller handläggaren (role case_officer) har inte skrivit under i en levande plan (status agreed, active eller under_review); en anmärkning per roll som saknas.",
            "The carer (role carer) or the case officer (role case_officer) has not signed in a live plan (status agreed, active or under_review); one finding per missing role.",
        ),
        "boundary": (
            "En underskrift per roll räcker; ett utkast behöver inga.",
            "One signature per role is enough; a draft needs none.",
        ),
        "fix": (
            "Låt den anhörige och handläggaren skriva under (signatures med rollerna carer och case_officer).",
            "Have the carer and the case officer sign (signatures with roles carer and case_officer).",
        ),
    },
    "PLAN-INVOLVEMENT-OVERDUE": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Planen är inte stängd och den anhöriges senaste delaktighet (involvement, registrerad senast den dag som bedöms) har reconfirm_by före den dagen.",
            "The plan is not closed and the carer's latest involvement (recorded on or before the day judged) has reconfirm_by before that day.",
        ),
        "boundary": (
            "reconfirm_by-dagen själv är i tid; dagen efter slår regeln till.",
            "The reconfirm_by day itself is in time; the day after fires.",
        ),
        "fix": (
            "Fråga den anhörige igen och registrera en ny involvement med senare reconfirm_by.",
            "Ask the carer again and record a new involvement with a later reconfirm_by.",
        ),
    },
    "PLAN-EXPECTS-UNWILLING-CARER": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Planen förväntar något av den anhörige (en expectation med of = carer) fast hen den dag som bedöms inte har tillfrågats, har sagt nej, eller sa ja men svaret skulle ha bekräftats före den dagen.",
            "The plan expects something of the carer (an expectation with of = carer) although on the day judged they have not been asked, said no, or said yes but the answer should have been reconfirmed before that day.",
        ),
        "boundary": (
            "Ett ja med reconfirm_by samma dag som bedöms räcker; dagen efter slår regeln till. En anmärkning per förväntan.",
            "A yes with reconfirm_by on the day judged is enough; the day after fires. One finding per expectation.",
        ),
        "fix": (
            "Ta bort förväntningarna på den anhörige, eller fråga hen och registrera ett ja (willing) med ett framtida reconfirm_by.",
            "Remove the expectations of the carer, or ask them and record a yes (willing) with a future reconfirm_by.",
        ),
    },
    "PLAN-EXPECTATIONS-ONE-SIDED": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "i en levande plan (status agreed, active eller under_review) saknas förväntningar på verksamheten (of = services), eller på den anhörige (of = carer) när hen har sagt ja och svaret inte är för gammalt.",
            "in a live plan (status agreed, active or under_review) there are no expectations of the services (of = services), or of the carer (of = carer) when they have said yes and the answer is not stale.",
        ),
        "boundary": (
            "En förväntan åt vart håll räcker; av en anhörig som inte sagt ja förväntas inget, så då räcker en på verksamheten.",
            "One expectation each way is enough; nothing is expected of a carer who has not said yes, so then one of the services is enough.",
        ),
        "fix": (
            "Skriv vad verksamheten åtar sig, och vad den anhörige vill göra, i expectations.",
            "Write what the services undertake, and what the carer wants to do, in expectations.",
        ),
    },
    "PLAN-RELATIVE-COORDINATOR": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Planens samordnare (coordinator) är inte yrkesverksam (professional = false), eller är den anhörige eller den närstående själv.",
            "The plan's coordinator is not a professional (professional = false), or is the carer or the person cared for.",
        ),
        "boundary": (
            "Ingen samordnare alls ger i stället PLAN-NO-SUPPORT-CONTACT; prövas i alla statusar.",
            "No coordinator at all gives PLAN-NO-SUPPORT-CONTACT instead; judged in every status.",
        ),
        "fix": (
            "Utse en yrkesverksam stödkontakt som samordnare.",
            "Appoint a professional support contact as coordinator.",
        ),
    },
    "PLAN-NO-SUPPORT-CONTACT": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Planen har ingen samordnare (coordinator = null) i en levande plan (status agreed, active eller under_review).",
            "The plan has no coordinator (coordinator = null) in a live plan (status agreed, active or under_review).",
        ),
        "boundary": (
            "Vilken samordnare som helst tar bort varningen (en anhörig som samordnare ger PLAN-RELATIVE-COORDINATOR); från 2026-07-01 nämner meddelandet den nya skyldigheten.",
            "Any coordinator clears the warning (a relative as coordinator gives PLAN-RELATIVE-COORDINATOR); from 2026-07-01 the message names the new duty.",
        ),
        "fix": (
            "Erbjud den anhörige en stödkontakt och ange hen som coordinator.",
            "Offer the carer a support contact and give them as coordinator.",
        ),
    },
    "PLAN-NO-CONTINGENCY-PLAN": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Planen saknar plan för när den anhörige blir sjuk (contingency = null) och den anhörige ger omfattande vård (substantial_care) i en levande plan (status agreed, active eller under_review).",
            "The plan has no plan for when the carer falls ill (contingency = null) and the carer gives substantial care (substantial_care) in a live plan (status agreed, active or under_review).",
        ),
        "boundary": (
            "Utan substantial_care slår regeln inte till.",
            "Without substantial_care it does not fire.",
        ),
        "fix": (
            "Lägg till en ContingencyPlan: vem som tar över, vilken trygghetsplats och hur den nås.",
            "Add a ContingencyPlan: who takes over, which emergency place and how to reach it.",
        ),
    },
    "PLAN-CONTINGENCY-FAMILY-UNKNOWN": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Planen har en plan vid akut behov men familjen är inte känd av enheten (family_known_to_unit = false) i en levande plan (status agreed, active eller under_review).",
            "The plan has a contingency plan but the family is not known to the unit (family_known_to_unit = false) in a live plan (status agreed, active or under_review).",
        ),
        "boundary": (
            "Bara false slår till; true tar bort varningen.",
            "Only false fires; true clears the warning.",
        ),
        "fix": (
            "Låt familjen besöka eller presenteras för trygghetsplatsen och ange family_known_to_unit = true.",
            "Have the family visit or be introduced to the emergency place and set family_known_to_unit = true.",
        ),
    },
    "PLAN-VOLUNTEER-RESPITE": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "En insats av avlösningsslag (RESPITE_KINDS) har en frivilligorganisation som utförare.",
            "A measure of a respite kind (RESPITE_KINDS) has a volunteer organisation as provider.",
        ),
        "boundary": (
            "Frivilligas insatser av andra slag går bra; en kommunal eller privat utförare av avlösning går bra.",
            "Volunteers' measures of other kinds are fine; a municipal or private respite provider is fine.",
        ),
        "fix": (
            "Ge avlösningen en kommunal eller upphandlad utförare, eller ge frivilligas insats ett annat slag än avlösning.",
            "Give the respite a municipal or contracted provider, or give the volunteers' measure a kind other than respite.",
        ),
    },
    "PLAN-DECISION-MISSING": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "En insats är beviljad genom biståndsbeslut (granted_by_decision) men anger inget beslut (decision_id = null).",
            "A measure is granted by a decision (granted_by_decision) but names none (decision_id = null).",
        ),
        "boundary": (
            "Vilket decision_id som helst räcker; det prövas inte mot något register.",
            "Any decision_id is enough; it is not checked against a register.",
        ),
        "fix": (
            "Ange beslutets id i decision_id.",
            "Give the decision's id in decision_id.",
        ),
    },
    "PLAN-DECISION-REQUIRED": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "En insats som inte är beviljad genom beslut är av ett slag som riktlinjen kräver beslut för (PlanPolicy.decision_required).",
            "A measure not granted by a decision is of a kind the policy requires a decision for (PlanPolicy.decision_required).",
        ),
        "boundary": (
            "Slag utanför decision_required får ges utan behovsprövning.",
            "Kinds outside decision_required may be given without needs assessment.",
        ),
        "fix": (
            "Fatta ett biståndsbeslut (granted_by_decision = true med decision_id), eller välj en insats som ges utan behovsprövning.",
            "Make a decision (granted_by_decision = true with a decision_id), or choose a measure given without needs assessment.",
        ),
    },
    "PLAN-DECISION-UNEXPECTED": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "En insats som inte är beviljad genom beslut (granted_by_decision = false) anger ändå ett decision_id.",
            "A measure not granted by a decision (granted_by_decision = false) still gives a decision_id.",
        ),
        "boundary": (
            "decision_id = null går igenom.",
            "decision_id = null passes.",
        ),
        "fix": (
            "Ta bort decision_id, eller ange granted_by_decision = true om insatsen är beviljad genom beslut.",
            "Remove decision_id, or set granted_by_decision = true if the measure is granted by a decision.",
        ),
    },
    "SIP-NO-CONSENT": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "SIP:en är inte stängd och den enskilde har inget samtycke i kraft den dag som bedöms till att dokumenteras i planen (document_in_plan) och att uppgifter delas med deltagarna (share_with_participants); en anmärkning som nämner de syften som saknas.",
            "The SIP is not closed and the individual has no consent in force on the day judged to be documented in the plan (document_in_plan) and to share with participants (share_with_participants); one finding naming the purposes missing.",
        ),
        "boundary": (
            "Båda syftena krävs; samtycken i kraft den dag som bedöms räcker. En stängd plan prövas inte.",
            "Both purposes are needed; consents in force on the day judged are enough. A closed plan is not judged.",
        ),
        "fix": (
            "Inhämta den enskildes samtycke till båda syftena och lägg det i consents.",
            "Obtain the individual's consent to both purposes and add it to consents.",
        ),
    },
    "SIP-DUPLICATE-ID": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "Samma id förekommer mer än en gång bland SIP:ens parter (deltagare och närstående tillsammans) eller bland dess insatser (responsibilities).",
            "The same id occurs more than once among the SIP's parties (participants and relatives together) or among its responsibilities.",
        ),
        "boundary": (
            "En part och en insats får ha samma id; en deltagare och en närstående får inte.",
            "A party and a responsibility may share an id; a participant and a relative may not.",
        ),
        "fix": (
            "Ge varje part och varje insats ett eget id.",
            "Give every party and every responsibility an id of its own.",
        ),
    },
    "SIP-UNKNOWN-HOLDER": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "En insats holder_id namnger ingen av SIP:ens parter (deltagare eller närstående).",
            "A responsibility's holder_id names none of the SIP's parties (participants or relatives).",
        ),
        "boundary": (
            "Id jämförs exakt; prövas i alla statusar.",
            "Ids are compared exactly; judged in every status.",
        ),
        "fix": (
            "Rätta holder_id, eller lägg till parten.",
            "Correct holder_id, or add the party.",
        ),
    },
    "SIP-NO-MEASURES": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "SIP:en anger inga insatser (responsibilities) i en levande plan (status agreed, active eller under_review).",
            "The SIP names no measures (responsibilities) in a live plan (status agreed, active or under_review).",
        ),
        "boundary": (
            "En insats räcker; ett utkast får sakna insatser.",
            "One measure is enough; a draft may have none.",
        ),
        "fix": (
            "Ange vilka insatser som ska göras och vem som ansvarar för dem.",
            "State which measures are to be taken and who is responsible for them.",
        ),
    },
    "SIP-OTHERS-NOT-ADDRESSED": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "i en levande plan (status agreed, active eller under_review) anger SIP:en inga insatser av andra än kommun och region och har inte angett att andras insatser övervägts (others_considered = false).",
            "in a live plan (status agreed, active or under_review) the SIP names no measures by others than the municipality and region and does not state that others' measures were considered (others_considered = false).",
        ),
        "boundary": (
            "Antingen en insats av någon annan (t.ex. en närstående eller privat utförare) eller others_considered = true räcker.",
            "Either a measure by someone else (a relative or a private provider, say) or others_considered = true is enough.",
        ),
        "fix": (
            "Ange andras insatser, eller others_considered = true när de har övervägts.",
            "State others' measures, or set others_considered = true once they have been considered.",
        ),
    },
    "SIP-NO-LEAD": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "i en levande plan (status agreed, active eller under_review) är lead_principal varken kommunen (municipality) eller regionen (region).",
            "in a live plan (status agreed, active or under_review) lead_principal is neither the municipality nor the region.",
        ),
        "boundary": (
            "Endast municipality och region godtas.",
            "Only municipality and region are accepted.",
        ),
        "fix": (
            "Ange vilken huvudman som har det övergripande ansvaret i lead_principal.",
            "Give the principal with overall responsibility in lead_principal.",
        ),
    },
    "SIP-NOT-BOTH-FIELDS": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "i en levande plan (status agreed, active eller under_review) kommer alla insatser från bara en av socialtjänst och hälso- och sjukvård.",
            "in a live plan (status agreed, active or under_review) all measures come from only one of social services and health care.",
        ),
        "boundary": (
            "En insats från varje verksamhet räcker; utan insatser alls ges SIP-NO-MEASURES i stället.",
            "One measure from each field is enough; with no measures at all SIP-NO-MEASURES is given instead.",
        ),
        "fix": (
            "Ange insatser från båda verksamheterna, eller ompröva om en SIP behövs.",
            "Give measures from both fields, or reconsider whether a SIP is needed.",
        ),
    },
    "SIP-RELATIVE-COORDINATOR": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "SIP:ens samordnare är inte yrkesverksam, eller är den enskilde eller någon av de närstående.",
            "The SIP's coordinator is not a professional, or is the individual or one of the relatives.",
        ),
        "boundary": (
            "Samma person är en lika person (namn, födelsedatum och personnummer) eller samma personnummer; prövas i alla statusar.",
            "The same person is an equal person (name, birth date and personnummer) or the same personnummer; judged in every status.",
        ),
        "fix": (
            "Utse en yrkesverksam samordnare.",
            "Appoint a professional coordinator.",
        ),
    },
    "SIP-NO-COORDINATOR": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "SIP:en har ingen samordnare (coordinator = null) i en levande plan (status agreed, active eller under_review).",
            "The SIP has no coordinator (coordinator = null) in a live plan (status agreed, active or under_review).",
        ),
        "boundary": (
            "Vilken samordnare som helst tar bort varningen; ett utkast får sakna en.",
            "Any coordinator clears the warning; a draft may have none.",
        ),
        "fix": (
            "Utse en yrkesverksam samordnare.",
            "Appoint a professional coordinator.",
        ),
    },
    "SIP-MEETING-UNKNOWN-PARTY": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "Ett möte kallar (invited) ett id som inte är någon av SIP:ens parter.",
            "A meeting invites an id that is none of the SIP's parties.",
        ),
        "boundary": (
            "Id jämförs exakt; en anmärkning per okänt id.",
            "Ids are compared exactly; one finding per unknown id.",
        ),
        "fix": (
            "Rätta id:t i invited, eller lägg till parten.",
            "Correct the id in invited, or add the party.",
        ),
    },
    "SIP-RELATIVE-OBJECTED": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "En närstående är kallad till ett möte fast den enskilde motsätter sig att hen deltar (individual_objects = true).",
            "A relative is invited to a meeting although the individual objects to their taking part (individual_objects = true).",
        ),
        "boundary": (
            "Bara individual_objects = true slår till, oavsett vad den närstående svarat.",
            "Only individual_objects = true fires, whatever the relative answered.",
        ),
        "fix": (
            "Ta bort den närstående ur invited, eller registrera att den enskilde inte längre motsätter sig.",
            "Remove the relative from invited, or record that the individual no longer objects.",
        ),
    },
    "SIP-RELATIVE-NOT-ASKED": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "En närstående är kallad till ett möte men hade inte tillfrågats (asked_on saknas eller ligger efter mötesdagen) eller inte svarat före mötet, och den enskilde motsätter sig inte.",
            "A relative is invited to a meeting but had not been asked (no asked_on, or asked_on after the meeting day) or had not answered by then, and the individual does not object.",
        ),
        "boundary": (
            "Tillfrågad på mötesdagen räcker (asked_on ≤ held_on); dagen efter slår regeln till. Motsätter sig den enskilde ges SIP-RELATIVE-OBJECTED i stället.",
            "Asked on the meeting day is enough (asked_on ≤ held_on); the day after fires. If the individual objects, SIP-RELATIVE-OBJECTED is given instead.",
        ),
        "fix": (
            "Fråga den närstående före mötet och ange asked_on och wants_to_take_part, eller kalla inte hen.",
            "Ask the relative before the meeting and record asked_on and wants_to_take_part, or do not invite them.",
        ),
    },
    "SIP-RELATIVE-DECLINED": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "En närstående är kallad till ett möte fast hen tillfrågades senast mötesdagen och tackade nej (wants_to_take_part = false), och den enskilde motsätter sig inte.",
            "A relative is invited to a meeting although they were asked by the meeting day and declined (wants_to_take_part = false), and the individual does not object.",
        ),
        "boundary": (
            "Ett nej räknas bara om asked_on ligger senast mötesdagen.",
            "A no counts only if asked_on is on or before the meeting day.",
        ),
        "fix": (
            "Kalla inte en närstående som tackat nej; fråga igen om hen ändrat sig.",
            "Do not invite a relative who declined; ask again whether they changed their mind.",
        ),
    },
    "SIP-EXPECTS-UNWILLING-RELATIVE": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "SIP:en är inte stängd och en insats har en närstående som ansvarig (holder_id) som den dag som bedöms inte har sagt ja: inte tillfrågad, inte svarat eller tackat nej.",
            "The SIP is not closed and a responsibility is held (holder_id) by a relative who on the day judged has not said yes: not asked, not answered, or declined.",
        ),
        "boundary": (
            "Ett ja med asked_on senast den dag som bedöms räcker.",
            "A yes with asked_on on or before the day judged is enough.",
        ),
        "fix": (
            "Fråga den närstående och registrera ett ja, eller ge insatsen en annan ansvarig.",
            "Ask the relative and record a yes, or give the responsibility another holder.",
        ),
    },
    "SIP-RESPONSIBLE-NOT-INVITED": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "En deltagare som ansvarar för en insats är inte kallad till det senaste mötet (hållet eller planerat).",
            "A participant responsible for a measure is not invited to the latest meeting (held or planned).",
        ),
        "boundary": (
            "Bara det senaste mötet (största held_on) prövas; utan möten slår regeln inte till.",
            "Only the latest meeting (greatest held_on) is judged; without meetings it does not fire.",
        ),
        "fix": (
            "Lägg till deltagaren i det senaste mötets invited.",
            "Add the participant to the latest meeting's invited.",
        ),
    },
    "SIP-RESPONSIBLE-ABSENT": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "En kallad deltagare som ansvarar för en insats var inte med (attended) på det senaste möte som hållits senast den dag som bedöms.",
            "An invited participant responsible for a measure did not attend the last meeting held on or before the day judged.",
        ),
        "boundary": (
            "Ett möte samma dag som bedöms räknas som hållet; senare möten prövas inte.",
            "A meeting on the day judged counts as held; later meetings are not judged.",
        ),
        "fix": (
            "Registrera deltagaren i attended om hen var med, eller följ upp frånvaron.",
            "Record the participant in attended if they came, or follow up the absence.",
        ),
    },
    "SIP-FOLLOW-UP-MISSING": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "i en levande plan (status agreed, active eller under_review): ingen öppen uppföljning (follow_ups utan done_on) är planerad.",
            "in a live plan (status agreed, active or under_review): no open follow-up (follow_ups without done_on) is planned.",
        ),
        "boundary": (
            "En enda öppen uppföljning räcker, hur sent den än ligger (det prövar TOO-LATE); genomförda uppföljningar räknas inte.",
            "One open follow-up is enough, however late (TOO-LATE judges that); follow-ups done do not count.",
        ),
        "fix": (
            "Planera nästa uppföljning: lägg till en FollowUp med due senast sip_follow_up_interval_months månader efter created_on eller den senaste genomförda uppföljningen.",
            "Plan the next follow-up: add a FollowUp with due at most sip_follow_up_interval_months months after created_on or the last follow-up done.",
        ),
    },
    "SIP-FOLLOW-UP-TOO-LATE": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "i en levande plan (status agreed, active eller under_review): den tidigaste öppna uppföljningen ligger mer än sip_follow_up_interval_months månader efter created_on eller den senast genomförda uppföljningen, det som är senast.",
            "in a live plan (status agreed, active or under_review): the earliest open follow-up is more than sip_follow_up_interval_months months after created_on or the last follow-up done, whichever is later.",
        ),
        "boundary": (
            "Exakt på gränsdagen (samma dag i månaden, eller månadens sista dag om den dagen saknas) är i tid; dagen efter slår till.",
            "Exactly on the limit (the same day of the month, or the month's last day where that day is missing) is in time; the day after fires.",
        ),
        "fix": (
            "Flytta uppföljningens due till senast gränsdagen (SIP: sip_follow_up_interval_months månader enligt PlanPolicy).",
            "Move the follow-up's due to the limit at the latest (SIP: sip_follow_up_interval_months months by the PlanPolicy).",
        ),
    },
    "SIP-FOLLOW-UP-OVERDUE": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "i en levande plan (status agreed, active eller under_review): den tidigaste öppna uppföljningens due ligger före den dag som bedöms.",
            "in a live plan (status agreed, active or under_review): the earliest open follow-up's due is before the day judged.",
        ),
        "boundary": (
            "På due-dagen är uppföljningen i tid; dagen efter slår regeln till (due < on).",
            "On the due day the follow-up is in time; the day after fires (due < on).",
        ),
        "fix": (
            "Genomför uppföljningen och ange done_on, eller planera om den med ett nytt due.",
            "Hold the follow-up and set done_on, or reschedule it with a new due.",
        ),
    },
    "SIP-DISCHARGE-INVITATION-LATE": {
        "applies_to": ("CoordinatedPlan",),
        "condition": (
            "SIP:en följer på en utskrivning (discharge) och är inte stängd, och kallelsen skickades senare än discharge_invitation_days dagar efter att patienten anmäldes utskrivningsklar (ready_notified_on), eller är inte skickad och fristen har gått ut den dag som bedöms.",
            "The SIP follows a discharge and is not closed, and the invitation was sent later than discharge_invitation_days days after the patient was notified ready for discharge (ready_notified_on), or is not sent and the deadline has passed on the day judged.",
        ),
        "boundary": (
            "Skickad på fristens sista dag (ready_notified_on + discharge_invitation_days) är i tid; dagen efter slår regeln till.",
            "Sent on the deadline's last day (ready_notified_on + discharge_invitation_days) is in time; the day after fires.",
        ),
        "fix": (
            "Skicka kallelsen inom fristen och ange invitation_sent_on.",
            "Send the invitation within the deadline and record invitation_sent_on.",
        ),
    },
    "PLAN-CONSENT-CHILD-TOO-YOUNG": {
        "applies_to": ("SupportPlan | CoordinatedPlan",),
        "condition": (
            "Ett samtycke i planen som är i kraft den dag som bedöms är barnets eget (grantor = self) och barnet är yngre än den ålder från vilken ett barns eget samtycke godtas (consent-familjens regel, grantor_refusal, med DecisionPolicy.child_consents_from_age, 15 år som standard).",
            "A consent in the plan in force on the day judged is the child's own (grantor = self) and the child is younger than the age from which a child's own consent is accepted (the consent family's rule, grantor_refusal, with DecisionPolicy.child_consents_from_age, 15 by default).",
        ),
        "boundary": (
            "Från och med den dag barnet fyller den åldern gäller samtycket; utan känt födelsedatum godtas det.",
            "From the day the child reaches that age the consent counts; without a known birth date it is accepted.",
        ),
        "fix": (
            "Inhämta samtycket från vårdnadshavaren (grantor = custodian) och dokumentera barnets inställning.",
            "Obtain the consent from the custodian (grantor = custodian) and record the child's view.",
        ),
    },
    "PLAN-NO-INFORMATION-AND-GUIDANCE": {
        "applies_to": ("SupportPlan",),
        "condition": (
            "Planen är överenskommen, pågående eller under uppföljning, har insatser, den dag som bedöms är 1 juli 2026 eller senare och ingen insats är information och vägledning (prop. 2025/26:60, låg säkerhet).",
            "The plan is agreed, active or under review, has measures, the day judged is 1 July 2026 or later and no measure is information and guidance (prop. 2025/26:60, low confidence).",
        ),
        "boundary": (
            "Före 1 juli 2026 finns skyldigheten inte och regeln slår inte till; ett utkast, en stängd plan och en plan utan insatser prövas inte.",
            "Before 1 July 2026 the duty does not exist and the rule does not fire; a draft, a closed plan and a plan without measures are not judged.",
        ),
        "fix": (
            "Ge den anhörige information och vägledning och lägg in den som en insats (kind = information_and_guidance).",
            "Give the carer information and guidance and record it as a measure (kind = information_and_guidance).",
        ),
    },
}
"""The texts of each stödplan and SIP rule, by code."""
