"""Constructions of local political news and voter guides that the extractor reads (issue #5), each with
a case that must give nothing. The sentences are made up; none is copied from the labelled fixtures."""

from datetime import date

from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc

from interlock.claims import Claim, extract
from interlock.claims.grammar import subject

PUB = date(2024, 4, 2)


def keys(claims: list[Claim]) -> set[tuple[str, str, str]]:
    return {(c.relation, c.subject.name, c.object.name) for c in claims}


def test_short_name_links_to_the_organisation(nlp: Language) -> None:
    text = "Orrin Medical Group hired a lobbyist. Orrin paid Dara Quinn $8,000 last year."
    assert ("paid", "Orrin Medical Group", "Dara Quinn") in keys(extract(text, PUB, nlp))


def test_legal_suffix_dropped_is_the_same_company(nlp: Language) -> None:
    text = "Tess Pruitt owns Pruitt Grading LLC. The county awarded Pruitt Grading a $90,000 contract."
    got = keys(extract("HALE COUNTY — " + text, PUB, nlp))
    assert ("awarded", "Hale County", "Pruitt Grading LLC") in got


def test_relation_word_gives_gender_before_pronouns(nlp: Language) -> None:
    text = "Ray Sloane gave $500 to Friends of Ann Lee. His wife, Mona Sloane, gave $400, and his son, Kit Sloane, gave $300."
    got = keys(extract(text, PUB, nlp))
    assert ("family", "Ray Sloane", "Kit Sloane") in got
    assert ("family", "Mona Sloane", "Kit Sloane") not in got


def test_donation_without_recipient_takes_the_last_one(nlp: Language) -> None:
    text = "Ray Sloane gave $500 to Friends of Ann Lee on May 2. His brother, Kit Sloane, donated $300 the same day."
    assert ("donated", "Kit Sloane", "Friends of Ann Lee") in keys(extract(text, PUB, nlp))
    far = "Ray Sloane gave $500 to Friends of Ann Lee. The race is close. Voters are tired. Kit Sloane donated $300."
    assert ("donated", "Kit Sloane", "Friends of Ann Lee") not in keys(extract(far, PUB, nlp))


def test_possessor_is_not_the_one_endorsed(nlp: Language) -> None:
    got = keys(extract("The Harbor Times never endorsed Gil Moreno's bids for the contract.", PUB, nlp))
    assert not [k for k in got if k[0] in ("endorsed", "declined-to-endorse")]


def test_endorsers_joined_by_and_with_a_title(nlp: Language) -> None:
    got = keys(extract("The Pell Nurses Association and Ald. Rosa Ibarra (3rd) have endorsed Tom Vick.", PUB, nlp))
    assert ("endorsed", "Pell Nurses Association", "Tom Vick") in got
    assert ("endorsed", "Rosa Ibarra", "Tom Vick") in got


def test_campaign_that_received_money(nlp: Language) -> None:
    got = keys(extract("Mayor Ann Lee's campaign received $2,000 from Delmar Paving Inc. in March.", PUB, nlp))
    assert ("donated", "Delmar Paving Inc.", "Ann Lee") in got


def test_running_a_business_for_years_is_no_race(nlp: Language) -> None:
    got = keys(extract("I have run a bakery for 18 years.", PUB, nlp, speaker="Ann Lee"))
    assert not [k for k in got if k[0] == "candidate-for"]


def test_re_election_needs_a_known_office(nlp: Language) -> None:
    assert not [c for c in extract("Ann Lee is running for re-election.", PUB, nlp) if c.relation == "candidate-for"]
    got = {(r, s, o.lower()) for r, s, o in keys(extract("Mayor Ann Lee is running for re-election.", PUB, nlp))}
    assert ("candidate-for", "Ann Lee", "mayor") in got


def test_leading_a_council_is_no_job(nlp: Language) -> None:
    text = "The Dover City Council met. Ann Lee, who has led the council since 2020, voted no."
    assert not [c for c in extract(text, PUB, nlp) if c.relation == "employs"]


def test_joining_a_firm_and_not_a_party(nlp: Language) -> None:
    assert ("employs", "Keel Row Strategies", "Dev Patel") in keys(extract("Dev Patel joined Keel Row Strategies in 2021.", PUB, nlp))
    assert not keys(extract("Dev Patel joined the Dover County Democrats in 2021.", PUB, nlp))


def test_affiliation_of_a_firm(nlp: Language) -> None:
    got = keys(extract("His attorney, Lena Ruiz of Ruiz & Kaye LLP, said the payments were proper.", PUB, nlp))
    assert ("employs", "Ruiz & Kaye LLP", "Lena Ruiz") in got
    assert not [k for k in keys(extract("Mayor Lena Ruiz of Dover spoke.", PUB, nlp)) if k[0] == "employs"]


def test_heading_and_labels_are_not_people(nlp: Language) -> None:
    text = "Candidate Q&A: Dover 4th Ward alderman\n\nLena Ruiz\n\nWhat is your job? I am a nurse at Dover Regional Hospital."
    got = keys(extract(text, PUB, nlp))
    assert ("employs", "Dover Regional Hospital", "Lena Ruiz") in got
    assert ("candidate-for", "Lena Ruiz", "Dover 4th Ward alderman") in got
    assert not [k for k in got if "Q&A" in k[1] or "Q&A" in k[2]]


def test_challenger_runs_for_the_incumbents_office(nlp: Language) -> None:
    got = keys(extract("Sheriff Dale Voss is seeking a third term. He is being challenged by Democrat Ana Ortiz.", PUB, nlp))
    assert ("candidate-for", "Ana Ortiz", "Sheriff") in got


def test_name_in_a_relative_clause_is_not_the_lobbyist(nlp: Language) -> None:
    # the small model makes "Harrow" the subject of "has been registered": the lobbyist is the noun the
    # clause "who is a first cousin of ..." modifies, so the mayor lobbies for no one
    text = ("LANGLEY — A lobbyist who is a first cousin of Mayor Edith Harrow has been registered since February to "
            "lobby city officials on behalf of Pell Disposal, which is bidding to renew its garbage contract.")
    got = keys(extract(text, PUB, nlp))
    assert not [k for k in got if k[0] == "represents"]
    assert ("holds-office", "Edith Harrow", "Mayor") in got


def test_lobbyist_named_before_the_relative_clause(nlp: Language) -> None:
    text = ("Ivo Marsh, who is a first cousin of Mayor Edith Harrow, has registered to lobby city officials on behalf "
            "of Pell Disposal.")
    got = keys(extract(text, PUB, nlp))
    assert ("represents", "Ivo Marsh", "Pell Disposal") in got
    assert ("represents", "Edith Harrow", "Pell Disposal") not in got


def test_subject_after_a_preposition_is_the_relative_clauses_noun() -> None:
    # the misparse itself, built by hand so the test does not depend on the model's mood
    words = ["A", "lobbyist", "who", "is", "a", "cousin", "of", "Edith", "Harrow", "has", "registered", "to", "lobby"]
    heads = [1, 1, 3, 1, 5, 3, 5, 8, 10, 10, 5, 12, 10]
    deps = ["det", "ROOT", "nsubj", "relcl", "det", "attr", "prep", "compound", "nsubj", "aux", "relcl", "aux", "advcl"]
    pos = ["DET", "NOUN", "PRON", "AUX", "DET", "NOUN", "ADP", "PROPN", "PROPN", "AUX", "VERB", "PART", "VERB"]
    vocab = English().vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)
    found = subject(doc[12])
    assert found is not None and found.i == 1
    plain = Doc(vocab, words=["Harrow", "lobbies"], heads=[1, 1], deps=["nsubj", "ROOT"], pos=["PROPN", "VERB"])
    found = subject(plain[1])
    assert found is not None and found.i == 0


def test_role_word_before_a_name_is_no_part_of_it(nlp: Language) -> None:
    text = "At the forum, Candidate Tara Welk said she is the owner of Welk Paving. The Dover Teachers Union declined to endorse Welk."
    got = keys(extract(text, PUB, nlp))
    assert ("employs", "Welk Paving", "Tara Welk") in got
    assert ("declined-to-endorse", "Dover Teachers Union", "Tara Welk") in got
    assert ("spouse", "Sam Ode", "Ana Ortiz") in keys(extract("Sam Ode is married to Challenger Ana Ortiz.", PUB, nlp))
    backed = "The union backed Nominee Tara Welk, the owner of Welk Paving."
    assert ("employs", "Welk Paving", "Tara Welk") in keys(extract(backed, PUB, nlp))
    assert not keys(extract("Candidate Q&A: Dover mayor", PUB, nlp))  # a heading stays no one
