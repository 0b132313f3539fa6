"""Relations, coreference and precision guards on small made-up sentences."""

from datetime import date

from spacy.language import Language

from interlock.claims import Claim, extract

PUB = date(2022, 3, 14)


def keys(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.relation, c.subject.name, c.object.name) for c in claims}


def test_spouse_from_apposition_and_pronoun(nlp: Language) -> None:
    text = "LAKEPORT — City Clerk Dana Ortiz spoke Monday. Her husband, Samuel Reyes, founded Reyes Paving Co. in 2009."
    got = keys(extract(text, PUB, nlp))
    assert ("spouse", "Dana Ortiz", "Samuel Reyes") in got
    assert ("employs", "Reyes Paving Co.", "Samuel Reyes") in got


def test_family_direction_and_detail(nlp: Language) -> None:
    claims = extract("Kenji Nakamura is a lobbyist. Ald. Victor Nakamura's brother, Kenji Nakamura, declined to comment.", PUB, nlp)
    fam = [c for c in claims if c.relation == "family"]
    assert fam and fam[0].subject.name == "Victor Nakamura" and fam[0].object.name == "Kenji Nakamura" and fam[0].detail == "brother"


def test_decoy_two_people_without_relation(nlp: Language) -> None:
    text = "Council member Raj Patel and Council member Evelyn Stroud clashed over overtime. Holm's neighbor, Tina Alvarez, agreed."
    assert not {c.relation for c in extract(text, PUB, nlp)} & {"spouse", "family", "associate"}


def test_denial_gives_nothing(nlp: Language) -> None:
    assert not [c for c in extract("Marsh is not related to Gerald Voss.", PUB, nlp) if c.relation == "family"]


def test_donation_with_amount_and_date(nlp: Language) -> None:
    claims = extract("Gerald Voss gave $25,000 to Citizens for Siddiqui on Aug. 14, 2019.", PUB, nlp)
    d = [c for c in claims if c.relation == "donated"]
    assert d and d[0].object.name == "Citizens for Siddiqui" and d[0].amount and d[0].amount.low == 25000
    assert d[0].date and d[0].date.start == date(2019, 8, 14)


def test_give_without_money_is_not_a_donation(nlp: Language) -> None:
    assert not [c for c in extract("Gerald Voss gave a speech to Citizens for Siddiqui.", PUB, nlp) if c.relation == "donated"]


def test_endorsed_and_declined(nlp: Language) -> None:
    text = "The Harbor Teachers Union endorsed Marcus Bell last month. The union declined to endorse Walter Grimes."
    got = keys(extract(text, PUB, nlp))
    assert ("endorsed", "Harbor Teachers Union", "Marcus Bell") in got
    assert ("declined-to-endorse", "Harbor Teachers Union", "Walter Grimes") in got
    assert ("endorsed", "Harbor Teachers Union", "Walter Grimes") not in got


def test_considered_endorsing_is_not_an_endorsement(nlp: Language) -> None:
    assert not extract("The Millbrook Courier considered endorsing Frank Delacroix.", PUB, nlp)


def test_award_by_description(nlp: Language) -> None:
    text = "GLENVALE — Kestrel Excavating bid on the job. The city awarded Kestrel Excavating a $2.3 million contract in 2021."
    got = [c for c in extract(text, PUB, nlp) if c.relation == "awarded"]
    assert got and got[0].subject.name == "City of Glenvale" and got[0].amount and got[0].amount.low == 2.3e6


def test_office_with_ward(nlp: Language) -> None:
    got = [c for c in extract("Ald. Sofia Mendez (3rd) said she would review it.", PUB, nlp) if c.relation == "holds-office"]
    assert got and got[0].object.name == "alderman of the 3rd Ward" and got[0].object.kind == "office"


def test_office_elect_is_not_held(nlp: Language) -> None:
    assert not extract("Mayor-elect Bruno Castillo did not attend.", PUB, nlp)


def test_mention_offsets_point_into_text(nlp: Language) -> None:
    text = "Tidewater's chief executive, Lorraine Whitcomb, said no."
    for c in extract(text, PUB, nlp):
        for m in (c.subject, c.object):
            if m.kind != "office":
                assert text[m.start:m.end] == m.text
        assert text[c.start:c.end] == c.text


def test_speaker_stands_for_first_person(nlp: Language) -> None:
    text = "My husband, Sam Reyes, runs a paving firm. I was endorsed by the Lakeport Teachers Union."
    got = keys(extract(text, PUB, nlp, speaker="Dana Ortiz"))
    assert ("spouse", "Dana Ortiz", "Sam Reyes") in got
    assert ("endorsed", "Lakeport Teachers Union", "Dana Ortiz") in got


def test_without_speaker_first_person_is_nobody(nlp: Language) -> None:
    text = "My husband, Sam Reyes, runs a paving firm. I was endorsed by the Lakeport Teachers Union."
    assert not extract(text, PUB, nlp)


def test_speaker_does_not_take_over_quotes_given_to_others(nlp: Language) -> None:
    text = 'Mayor Helen Brandt, who appointed me, said: "My brother, Tom Brandt, is a plumber," Brandt said.'
    got = keys(extract(text, PUB, nlp, speaker="Dana Ortiz"))
    assert ("family", "Dana Ortiz", "Tom Brandt") not in got


def test_profile_header_lines(nlp: Language) -> None:
    text = ("Cedar Hollow Township Supervisor: Ruth Castellano\n\nSpouse: Dominic Castellano\n"
            "Endorsed by: Cedar Hollow Democrats; Mayor Karen Olds\n")
    got = keys(extract(text, PUB, nlp))
    assert ("candidate-for", "Ruth Castellano", "Cedar Hollow Township Supervisor") in got
    assert ("spouse", "Ruth Castellano", "Dominic Castellano") in got
    assert ("endorsed", "Cedar Hollow Democrats", "Ruth Castellano") in got
    assert ("endorsed", "Karen Olds", "Ruth Castellano") in got
    assert ("holds-office", "Ruth Castellano", "supervisor") not in got


def test_headline_is_its_own_sentence(nlp: Language) -> None:
    text = "Former aide now lobbies her old boss's committee\n\nCARVER CITY — Bethany Sorensen is a registered lobbyist."
    assert {c.sentence for c in extract(text, PUB, nlp)} <= {2}
    assert not [c for c in extract(text, PUB, nlp) if c.subject.name.lower() == "carver city"]


def test_endorse_list_and_declined(nlp: Language) -> None:
    text = "We endorse Maria Gutierrez, Paul Okonkwo and incumbent Frank Delaney. We do not endorse Steve Rakowski."
    got = keys(extract(text, PUB, nlp, speaker=None))
    assert not [k for k in got if k[0] == "endorsed" and k[2] == "Steve Rakowski"]
