"""The plainest constructions of the genre, which the small model misparses, read from word order:
each with a positive case, a negative (denied, hypothetical, quoted, wrong kind) and a boundary."""

from datetime import date

import pytest
from spacy.language import Language

from interlock.claims import Claim, extract

PUB = date(2022, 3, 14)
LAKEPORT = ("LAKEPORT — Lakeport City Clerk Dana Ortiz is married to Samuel Reyes, a registered lobbyist.\n\n"
            "Reyes lobbies for Harbor Security Group, which received a $4.4 million city contract in April.")


def keys(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.relation, c.subject.name, c.object.name) for c in claims}


def read(nlp: Language, text: str, speaker: str | None = None) -> set[tuple[str, str, str]]:
    return keys(extract(text, PUB, nlp, speaker=speaker))


def test_the_lakeport_sentences(nlp: Language) -> None:
    claims = extract(LAKEPORT, PUB, nlp)
    got = keys(claims)
    assert ("spouse", "Dana Ortiz", "Samuel Reyes") in got
    assert ("represents", "Samuel Reyes", "Harbor Security Group") in got
    assert ("holds-office", "Dana Ortiz", "Lakeport City Clerk") in got
    assert ("awarded", "City of Lakeport", "Harbor Security Group") in got
    assert len([c for c in claims if c.relation == "spouse"]) == 1   # one claim, not one per direction


POSITIVE = [
    # spouse
    ("Council Member Renee Castillo is married to Graham Whitfield.", ("spouse", "Renee Castillo", "Graham Whitfield")),
    ("Paul Dietz married Gail Mercer in 1998.", ("spouse", "Paul Dietz", "Gail Mercer")),
    ("Mayor Helen Brandt's wife, Ana Brandt, runs a bakery.", ("spouse", "Helen Brandt", "Ana Brandt")),
    ("Samuel Reyes, Dana Ortiz's husband, declined to comment.", ("spouse", "Dana Ortiz", "Samuel Reyes")),
    ("Lucia Vega is the wife of Daniel Okonkwo.", ("spouse", "Daniel Okonkwo", "Lucia Vega")),
    ("Trustee Ruth Castellano and her husband, Dominic Castellano, have three children.",
     ("spouse", "Ruth Castellano", "Dominic Castellano")),
    ("Holly Vukovich, 44, is married to Daniel Kerrigan.", ("spouse", "Holly Vukovich", "Daniel Kerrigan")),
    # family
    ("Victor Nakamura's brother, Kenji Nakamura, is a lobbyist.", ("family", "Victor Nakamura", "Kenji Nakamura")),
    ("Amy Holt, the daughter of Commissioner Beverly Tran, spoke first.", ("family", "Beverly Tran", "Amy Holt")),
    ("Kyle Brennan is the nephew of Commissioner Joan Brennan.", ("family", "Joan Brennan", "Kyle Brennan")),
    # represents
    ("Kenji Nakamura lobbies for Tidewater Development Group.", ("represents", "Kenji Nakamura", "Tidewater Development Group")),
    ("Samuel Reyes, a registered lobbyist for Harbor Security Group, declined to comment.",
     ("represents", "Samuel Reyes", "Harbor Security Group")),
    ("Graham Whitfield represents Northgate Storage LLC before the city council.",
     ("represents", "Graham Whitfield", "Northgate Storage LLC")),
    ("Tidewater Development Group hired Kenji Nakamura to lobby the council.",
     ("represents", "Kenji Nakamura", "Tidewater Development Group")),
    ("Melissa Garza's clients include Branford Hospital and Crestline Waste Services.",
     ("represents", "Melissa Garza", "Crestline Waste Services")),
    ("Victor Osei is a client of Stratton Public Affairs.", ("represents", "Stratton Public Affairs", "Victor Osei")),
    # employs
    ("Warren Pike, the CEO of Crestline Waste Services, spoke.", ("employs", "Crestline Waste Services", "Warren Pike")),
    ("Crestline Waste Services' CEO, Warren Pike, spoke.", ("employs", "Crestline Waste Services", "Warren Pike")),
    ("Curtis Mercer owns Mercer Asphalt LLC.", ("employs", "Mercer Asphalt LLC", "Curtis Mercer")),
    ("Curtis Mercer is the owner of Mercer Asphalt LLC.", ("employs", "Mercer Asphalt LLC", "Curtis Mercer")),
    ("Curtis Mercer is a partner at Lakeside Equipment Co.", ("employs", "Lakeside Equipment Co.", "Curtis Mercer")),
    ("Greenway Grounds LLC is owned by Jason Holt.", ("employs", "Greenway Grounds LLC", "Jason Holt")),
    # donated
    ("Roland Briggs gave $5,000 to Friends of Janet Solis.", ("donated", "Roland Briggs", "Friends of Janet Solis")),
    ("Sonia Lambert donated $1,000 to Keith Lambert's campaign.", ("donated", "Sonia Lambert", "Keith Lambert")),
    ("Friends of Janet Solis received $4,000 from Carla Briggs.", ("donated", "Carla Briggs", "Friends of Janet Solis")),
    # paid, awarded
    ("LAKEPORT — The city paid Reyes Paving Co. $52,000 for repairs.", ("paid", "City of Lakeport", "Reyes Paving Co.")),
    ("LAKEPORT — The city awarded Reyes Paving Co. a $4.4 million contract.", ("awarded", "City of Lakeport", "Reyes Paving Co.")),
    ("LAKEPORT — Reyes Paving Co. won a $780,000 contract from the city.", ("awarded", "City of Lakeport", "Reyes Paving Co.")),
    ("LAKEPORT — Reyes Paving Co. received a $4.4 million city contract in April.",
     ("awarded", "City of Lakeport", "Reyes Paving Co.")),
]


@pytest.mark.parametrize(("text", "claim"), POSITIVE, ids=[t[:40] for t, _ in POSITIVE])
def test_construction_is_read(nlp: Language, text: str, claim: tuple[str, str, str]) -> None:
    got = read(nlp, text)
    rel, a, b = claim
    assert claim in got or (rel in ("spouse", "family") and (rel, b, a) in got), got


def test_candidate_for_an_office(nlp: Language) -> None:
    claims = [c for c in extract("Dana Ortiz is running for city clerk.", PUB, nlp) if c.relation == "candidate-for"]
    assert [(c.subject.name, c.object.name) for c in claims] == [("Dana Ortiz", "city clerk")]


def test_first_person_profile(nlp: Language) -> None:
    got = read(nlp, "Q: Tell us about yourself.\nA: I am married to Daniel Okonkwo, who owns Okonkwo Plumbing.", "Marisol Vega")
    assert ("spouse", "Marisol Vega", "Daniel Okonkwo") in got
    assert ("employs", "Okonkwo Plumbing", "Daniel Okonkwo") in got


NEGATIVE = [
    ("Dana Ortiz is not married to Samuel Reyes.", "spouse"),
    ("Dana Ortiz said she has never been married to Samuel Reyes.", "spouse"),
    ('Bell said, "Dana Ortiz is married to Samuel Reyes."', "spouse"),
    ("Ortiz denied rumors that Dana Ortiz is married to Samuel Reyes.", "spouse"),
    ("If Samuel Reyes lobbies for Harbor Security Group, he must register.", "represents"),
    ("Samuel Reyes never lobbied for Harbor Security Group.", "represents"),
    ("Samuel Reyes represents the 4th Ward on the council.", "represents"),
    ("Samuel Reyes, a lobbyist, met Dana Ortiz.", "represents"),
    ("Kenji Nakamura's rival, Tom Ellis, spoke.", "family"),
    ("Roland Briggs gave a speech to Friends of Janet Solis.", "donated"),
    ("Curtis Mercer would own Mercer Asphalt LLC if the sale closes.", "employs"),
    ("Curtis Mercer does not own Mercer Asphalt LLC.", "employs"),
    ("LAKEPORT — The city did not award Reyes Paving Co. a contract.", "awarded"),
    ("Hale's campaign did not receive money from Roland Briggs.", "donated"),
    ("Marisol Vega declined a donation from Okonkwo Plumbing.", "donated"),
]


@pytest.mark.parametrize(("text", "relation"), NEGATIVE, ids=[t[:40] for t, _ in NEGATIVE])
def test_denied_hypothetical_or_quoted_gives_nothing(nlp: Language, text: str, relation: str) -> None:
    assert not [k for k in read(nlp, text) if k[0] == relation]


def test_married_to_someones_relative_is_not_married_to_them(nlp: Language) -> None:
    got = read(nlp, "Kestrel Excavating is owned by Bradley Thorne, who is married to Hollis Tran's daughter, Jennifer Thorne.")
    assert ("spouse", "Bradley Thorne", "Jennifer Thorne") in got or ("spouse", "Jennifer Thorne", "Bradley Thorne") in got
    assert not [k for k in got if k[0] == "spouse" and "Hollis Tran" in k]


def test_a_list_of_clients(nlp: Language) -> None:
    got = read(nlp, "Kenji Nakamura lobbies for Tidewater Development Group and Lakeside Towing Inc.")
    assert {("represents", "Kenji Nakamura", "Tidewater Development Group"),
            ("represents", "Kenji Nakamura", "Lakeside Towing Inc.")} <= got


def test_a_lobbyist_with_a_firm_works_there(nlp: Language) -> None:
    got = read(nlp, "Samuel Reyes, a lobbyist with Stratton Public Affairs, declined to comment.")
    assert ("represents", "Samuel Reyes", "Stratton Public Affairs") not in got


def test_friends_of_is_not_its_namesake(nlp: Language) -> None:
    got = read(nlp, "Friends of Anthony Ruiz paid Ashby Public Affairs $8,000 for polling.")
    assert ("paid", "Friends of Anthony Ruiz", "Ashby Public Affairs") in got
    assert not [k for k in got if k[1] == "Anthony Ruiz"]
