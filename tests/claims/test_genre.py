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


def test_pronoun_of_the_other_gender_is_someone_else(nlp: Language) -> None:
    text = "Mara Quist is Leon Abbott's sister-in-law: she is married to his brother, Hugo Abbott, a banker."
    got = keys(extract(text, PUB, nlp))
    assert ("family", "Leon Abbott", "Hugo Abbott") in got
    assert not {("family", "Mara Quist", "Hugo Abbott"), ("family", "Hugo Abbott", "Mara Quist")} & got
    one = keys(extract("Leon Abbott said his brother, Hugo Abbott, is a banker.", PUB, nlp))
    assert ("family", "Leon Abbott", "Hugo Abbott") in one  # with no "she" before it, "his" is the man named


def test_occupation_title_is_no_employer(nlp: Language) -> None:
    text = "Candidate: Lena Ruiz\nOccupation: Owner, Ruiz Bakery\n\nWhy are you running?\nI want safer streets.\n"
    got = keys(extract(text, PUB, nlp, speaker="Lena Ruiz"))
    assert ("employs", "Ruiz Bakery", "Lena Ruiz") in got
    assert not [k for k in got if k[0] == "employs" and k[1].lower() == "owner"]


def test_unnamed_lede_subject_is_the_person_named_next(nlp: Language) -> None:
    lede = "A lobbyist who is a nephew of Mayor Ida Crane has registered to lobby on behalf of Bellweather Waste."
    got = keys(extract(lede + "\n\nOwen Crane, a partner at Tallis Group, filed the papers in March.", PUB, nlp))
    assert ("family", "Ida Crane", "Owen Crane") in got
    assert ("represents", "Owen Crane", "Bellweather Waste") in got
    for follow in ("Mayor Ida Crane said she had not been told.", "The papers were filed by Owen Crane in March."):
        other = extract(lede + "\n\n" + follow, PUB, nlp)
        assert not [c for c in other if c.relation in ("family", "represents")]  # the mayor is no nephew; no subject named
        assert not [c for c in other if "\x00" in c.subject.name + c.object.name]


def test_possessive_clients_with_a_modifier(nlp: Language) -> None:
    got = keys(extract("Owen Crane lobbies for Bellweather Waste. His other clients include Rook Hospital and Tallis Bank.",
                       PUB, nlp))
    assert {("represents", "Owen Crane", "Rook Hospital"), ("represents", "Owen Crane", "Tallis Bank")} <= got
    none = keys(extract("Owen Crane lobbies for Bellweather Waste. His other interests include Rook Hospital.", PUB, nlp))
    assert ("represents", "Owen Crane", "Rook Hospital") not in none


def test_candidates_in_the_race_the_article_names(nlp: Language) -> None:
    text = ("One of four candidates for two seats on the Marbury Park Board owns a mowing company. Candidate Iris Vale is "
            "a nurse. The other candidates are incumbent Tom Reyes and teacher Ana Lutz.")
    got = {(c.subject.name, c.object.name) for c in extract(text, PUB, nlp) if c.relation == "candidate-for"}
    assert got == {("Iris Vale", "Marbury Park Board"), ("Tom Reyes", "Marbury Park Board"), ("Ana Lutz", "Marbury Park Board")}
    bare = "Candidate Iris Vale is a nurse. The other candidates are Tom Reyes and Ana Lutz."
    assert not [c for c in extract(bare, PUB, nlp) if c.relation == "candidate-for"]  # no race named: nothing


def test_opponent_runs_for_the_same_office(nlp: Language) -> None:
    text = "Jo Pike is running for mayor. Pike's Republican opponent, school board member Sam Webb, owns a hardware store."
    assert ("candidate-for", "Sam Webb", "mayor") in keys(extract(text, PUB, nlp))
    sued = "Jo Pike owns a hardware store. Pike's opponent in the lawsuit, Sam Webb, is a roofer."
    assert not [c for c in extract(sued, PUB, nlp) if c.relation == "candidate-for"]


def test_seeking_a_term_and_running_for_a_body(nlp: Language) -> None:
    text = "State Sen. Nora Field, a Republican seeking a third term in the 12th District, spoke on Monday."
    assert [c for c in extract(text, PUB, nlp) if c.relation == "candidate-for" and c.subject.name == "Nora Field"]
    assert ("candidate-for", "Ray Dunn", "state senate") in keys(extract("Ray Dunn is running for state senate.", PUB, nlp))
    assert not [c for c in extract("Ray Dunn is running for the exit.", PUB, nlp) if c.relation == "candidate-for"]
    maybe = "Nora Field, a Republican, said she would consider seeking a third term."
    assert not [c for c in extract(maybe, PUB, nlp) if c.relation == "candidate-for"]


def test_government_hires_renews_and_holds_contracts(nlp: Language) -> None:
    text = "PELLA COUNTY — Tao Ruiz owns Ruiz Grading Co., which the county hired in May to clear ditches for $40,000."
    assert ("awarded", "Pella County", "Ruiz Grading Co.") in keys(extract(text, PUB, nlp))
    renewed = "PELLA COUNTY — Tao Ruiz owns Ruiz Grading Co. The county renewed the firm's contract in June."
    assert ("awarded", "Pella County", "Ruiz Grading Co.") in keys(extract(renewed, PUB, nlp))
    held = "DALTON — Apex Waste has held the city's trash contract since 2018."
    assert ("awarded", "City of Dalton", "Apex Waste") in keys(extract(held, PUB, nlp))
    firm = keys(extract("PELLA COUNTY — Ruiz Grading hired Lakeside Trucking to haul gravel.", PUB, nlp))
    assert not [k for k in firm if k[0] == "awarded"]  # a business hiring a business awards nothing
    own = keys(extract("PELLA COUNTY — Apex Waste gave $500 to Citizens for Ann Roe. The county renewed its contract.", PUB, nlp))
    assert not [k for k in own if k[0] == "awarded"]  # "its" is too loose to name the contractor


def test_a_known_lobbying_firm_represents_its_clients(nlp: Language) -> None:
    text = ("Ada Moss joined Birch Lane Partners as a senior lobbyist in 2021. The firm represents Keel Gas & Power and "
            "the Orton Hospital Association.")
    got = keys(extract(text, PUB, nlp))
    assert {("represents", "Birch Lane Partners", "Keel Gas & Power"),
            ("represents", "Birch Lane Partners", "Orton Hospital Association")} <= got
    plain = "Ada Moss joined Birch Lane Partners as an analyst in 2021. The firm represents a new direction for Keel Gas & Power."
    assert not [k for k in keys(extract(plain, PUB, nlp)) if k[0] == "represents"]  # no lobbyist, no agency
    joined = keys(extract("Ada Moss joined Birch Lane Partners as a senior lobbyist in 2021.", PUB, nlp))
    assert ("employs", "Birch Lane Partners", "Ada Moss") in joined
    assert ("represents", "Ada Moss", "Birch Lane Partners") not in joined  # her employer is not her client


def test_proud_to_have_the_endorsement_of(nlp: Language) -> None:
    text = "Candidate: Rui Sato\n\nWho supports you?\nI am proud to have the endorsement of the Orton Farm Bureau and of Mayor Liz Hart."
    got = keys(extract(text, PUB, nlp, speaker="Rui Sato"))
    assert {("endorsed", "Orton Farm Bureau", "Rui Sato"), ("endorsed", "Liz Hart", "Rui Sato")} <= got
    wish = "Candidate: Rui Sato\n\nWho supports you?\nI would be proud to have the endorsement of the Orton Farm Bureau."
    assert not [k for k in keys(extract(wish, PUB, nlp, speaker="Rui Sato")) if k[0] == "endorsed"]


def test_campaign_accepted_a_contribution_and_served_terms(nlp: Language) -> None:
    text = ("Candidate: Rui Sato\n\nTell us about yourself.\nI served two terms on the Orton Library Board. My campaign has "
            "accepted a $1,500 contribution from the Orton Realtors Association.")
    got = keys(extract(text, PUB, nlp, speaker="Rui Sato"))
    assert ("donated", "Orton Realtors Association", "Rui Sato") in got
    assert ("holds-office", "Rui Sato", "Orton Library Board") in got
    fan = keys(extract("Candidate: Rui Sato\n\nTell us about yourself.\nI served two terms on the Orton Soccer Club.",
                       PUB, nlp, speaker="Rui Sato"))
    assert not [k for k in fan if k[0] == "holds-office"]  # a club is no public body
