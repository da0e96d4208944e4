"""Seed 003's example activities in English, row for row, for ``template(lang="en")``.

The Swedish rows in :mod:`anhorig.plans.implementation` are the source (Nka's
implementation-plan material, 2024); these are translations of them, in the same order,
as ``(heading, activity, how)``.
"""

from __future__ import annotations

__all__ = ["ROWS_EN"]

_TRAIN = "Train managers, staff and politicians in the municipality"
_OTHERS = "Train other groups"
_LEAFLET = "Leaflets etc."
_CIVIL = "Collaboration with associations and civil society"
_WITHIN = "Collaboration within the municipality and the region"

ROWS_EN: tuple[tuple[str, str, str], ...] = (
    (
        "",
        "Governing documents",
        "Which ones exist in your municipality? Do they need revising? Guidelines, action "
        "plans, strategies, the committee's goals, management systems, unit plans and "
        "operational goals. What exists must be followed and followed up, and there must be "
        "a mandate to work from it.",
    ),
    (
        "",
        "Get a political decision that every municipal employee is to have been trained in "
        "carer support.",
        "Propose it to the politicians directly, ask your line manager for help with a "
        "dialogue with the politicians, or ask interest groups to lobby.",
    ),
    (
        "",
        "Workplace meetings.",
        "A chance to raise the carer perspective, for example as a standing item on the agenda.",
    ),
    ("", "The year's planning cycle in the services.", "A chance to raise the carer perspective."),
    (
        "",
        "County-wide strategies.",
        "Exist in some counties. Borrow wording that fits and adapt it to your own "
        "municipality's needs.",
    ),
    (
        _TRAIN,
        "Introductory training for every new employee.",
        "Digital training. Use material available, for example, on Nka's website. Meet a "
        "carer support adviser for a short one-hour presentation. Can be offered once a "
        "year or more often.",
    ),
    (
        _TRAIN,
        "Training in carer support for staff in care administration.",
        "Offer a half-day or full-day course using material from Nka's website. Can be "
        "offered several times during the year.",
    ),
    (
        _TRAIN,
        "Make the existing courses on carer support available to everyone in the municipality.",
        "Publish or link them on the municipality's intranet or learning portal.",
    ),
    (
        _TRAIN,
        "Train and support needs assessors.",
        'Invite the assessors to watch the webinars "Support for assessors in noticing '
        'carers" together. Coffee and discussion afterwards.',
    ),
    (
        _TRAIN,
        "Offer supervision.",
        "Carer support advisers can offer supervision in health and social care services.",
    ),
    (
        _TRAIN,
        "Inform about the national carer strategy.",
        "Visit workplace-meeting groups and planning days and inform them.",
    ),
    (
        _TRAIN,
        "Offer lectures with drama.",
        "Engage carers or lecturers who tell their own story.",
    ),
    (
        _TRAIN,
        "Make a course of your own for every manager and every member of staff.",
        "Make a short digital micro-course.",
    ),
    (
        _TRAIN,
        "Train carer representatives.",
        "Meetings, for example twice a year, where the representatives meet, receive further "
        "training and share experience. They in turn train their colleagues.",
    ),
    (
        _TRAIN,
        "Work systematically, for example with the help of a yearly planning cycle.",
        "Services can put digital courses on the carer perspective into their planning cycle.",
    ),
    (
        _TRAIN,
        "Present the carer strategy and offer digital training at every unit. Take stock of "
        "what is already done.",
        "Record how the units work with the carer perspective today, and how they would like to.",
    ),
    (
        _TRAIN,
        "Develop simple tools.",
        "Write a set of questions that health and social care staff can use in "
        "conversations with carers.",
    ),
    (
        _OTHERS,
        "Inform and lecture about the carer perspective.",
        "Visit schools, associations, and nursing and care courses every year.",
    ),
    (
        _OTHERS,
        "Lecture to politicians about the national carer strategy.",
        "Ask to visit the social services committee and tell it about the national carer strategy.",
    ),
    (
        _LEAFLET,
        "Develop a leaflet or information sheet on the carer perspective for services in the "
        "municipality and the region.",
        "Start, for example, from the National Board of Health and Welfare's material; broad "
        "information not aimed at any particular group of carers.",
    ),
    (
        _LEAFLET,
        "Spread information through social media etc.",
        "Social media, websites and newsletters are a good and usually free way of spreading "
        "information.",
    ),
    (
        _CIVIL,
        "Arrange lectures, courses, carer groups and joint activities.",
        "Collaborate with, for example, Attention, the church, the Red Cross, Spes, Suicide "
        "Zero, adult education associations, Demensförbundet, pensioners' associations and "
        "carers' associations.",
    ),
    (
        _WITHIN,
        "Set up collaboration groups and networks. Take part in SIPs.",
        "Collaborate with, for example, dementia teams, primary care, needs assessors, "
        "dementia nurses, psychiatry, schools and social services.",
    ),
    (
        _WITHIN,
        "Tell carers where they can get support for themselves.",
        "Services in the municipality and the region refer to the municipality's carer support.",
    ),
    (
        _WITHIN,
        "Inform and train the municipality's HR unit, since many employees are working carers.",
        "Invite yourself to a workplace meeting of the municipality's HR unit.",
    ),
    (
        _WITHIN,
        "Write a collaboration document for staff and carers.",
        "Introduce and make visible a document on how carers and staff can work together in "
        "health and social care services.",
    ),
)
