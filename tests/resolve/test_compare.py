"""Comparisons: each feature agrees or disagrees with a weight and a sentence; pairs add up."""

from __future__ import annotations

import pytest

from interlock.names import local_part_names, person_name
from interlock.resolve.features import MERGE_AT, RARE_FROM_SURNAMES, REVIEW_FROM, compare, rare_surnames
from interlock.resolve.nodes import DBA, Node, add_name


def person(node_id: str, *names: str, emails: tuple[str, ...] = (), kind: str = "person", source: str = "s1") -> Node:
    node = Node(node_id, kind, "Person" if kind == "person" else "", emails=set(emails), sources={source} if kind == "person" else set())
    for n in names:
        add_name(node, n)
    return node


def org(node_id: str, *names: str, source: str = "s1", place: str = "") -> Node:
    node = Node(node_id, "org", "Company", sources={source}, places={place} if place else set())
    for n in names:
        add_name(node, n)
    return node


def p(a: Node, b: Node) -> float:
    return compare(a, b).probability


def test_titles_order_and_middle_initials_make_one_name() -> None:
    a, b = person("a", "Ald. Roderick T. Sawyer", source="x"), person("b", "SAWYER, RODERICK", source="y")
    c = compare(a, b)
    assert c.probability >= MERGE_AT
    assert "same first and last name" in c.explain() and "name alone" in c.explain()


def test_nicknames_and_initials_need_more_than_the_name_to_merge() -> None:
    bill, william = person("a", "Bill Clinton", source="x"), person("b", "William J. Clinton", source="y")
    assert REVIEW_FROM <= p(bill, william) < MERGE_AT
    assert "nickname" in compare(bill, william).explain()
    h = person("c", "H. Clinton", source="z")
    assert REVIEW_FROM <= p(h, person("d", "Hillary Clinton", source="w")) < MERGE_AT
    # with the same e-mail address they are one
    assert p(person("e", "Bill Clinton", emails=("wjc@x.org",), source="x"),
             person("f", "William Clinton", emails=("wjc@x.org",), source="y")) >= MERGE_AT


def test_namesakes_stay_apart() -> None:
    anna, tanya = person("a", "Anna M. Valencia", source="x"), person("b", "VALENCIA, TANYA", source="y")
    assert p(anna, tanya) < REVIEW_FROM
    assert "first names differ" in compare(anna, tanya).explain()
    junior = compare(person("c", "Sam Reyes", source="x"), person("d", "Sam Reyes Jr.", source="y"))
    assert junior.probability < MERGE_AT and "suffix Jr" in junior.explain()       # a record may drop the "Jr."
    assert p(person("c", "Sam Reyes Sr.", source="x"), person("d", "Sam Reyes Jr.", source="y")) < REVIEW_FROM
    assert p(person("e", "Dana M. Ortiz", source="x"), person("f", "Dana K. Ortiz", source="y")) < REVIEW_FROM
    assert p(person("e", "Dana Maria Ortiz", source="x"), person("f", "Dana Karen Ortiz", source="y")) < REVIEW_FROM
    # two rows of one source with one name are two records: not merged on the name alone
    assert p(person("g", "VALENCIA, JESUS"), person("h", "VALENCIA, JESUS")) < REVIEW_FROM


def test_an_address_that_spells_the_name_ties_a_correspondent() -> None:
    assert ("h", "abedin") in local_part_names("abedinh@state.gov")
    huma = person("a", "Abedin, Huma")
    addr = Node("addr:abedinh@state.gov", "address", emails={"abedinh@state.gov"})
    c = compare(huma, addr)
    assert c.probability >= MERGE_AT and "spells the name" in c.explain()
    other = Node("addr:abedinj@state.gov", "address", emails={"abedinj@state.gov"})
    assert p(huma, other) < REVIEW_FROM


def test_organisations_with_legal_forms_dba_typos_and_initials() -> None:
    monterrey = org("a", "MONTERREY SECURITY CONSULTANTS, INC.", source="x")
    assert p(monterrey, org("b", "Monterrey Security Consultants Inc", source="y")) >= MERGE_AT
    assert DBA.split("ACME HOLDINGS LLC D/B/A ACME PARKING")[1].strip() == "ACME PARKING"
    assert p(org("c", "ACME HOLDINGS LLC D/B/A ACME PARKING", source="x"), org("d", "Acme Parking", source="y")) >= MERGE_AT
    assert p(org("e", "MONTERREY SECURITY CONSULTANTS", source="x"), org("f", "MONTERREY SECURITY CONSULTANT", source="y")) >= MERGE_AT
    cps = compare(org("g", "CPS", source="x"), org("h", "Chicago Public Schools", source="y"))
    assert REVIEW_FROM <= cps.probability < MERGE_AT and "initials" in cps.explain()   # initials alone: a question
    place = "42 w madison"
    same_place = compare(org("i", "CPS", source="x", place=place), org("j", "Chicago Public Schools", source="y", place=place))
    assert same_place.probability > cps.probability
    harborline = org("l", "Harborline Security Consultants, Inc.", source="y")
    assert p(org("k", "Harborline Secure Logistics LLC", source="x"), harborline) < REVIEW_FROM


def test_a_department_is_not_its_government() -> None:
    city_hall = "121 n lasalle"
    city = org("a", "City of Chicago", source="x", place=city_hall)
    law = org("b", "CITY OF CHICAGO DEPARTMENT OF LAW", source="y", place=city_hall)
    assert p(city, law) < MERGE_AT                                   # same address, but a part is not the whole
    assert p(org("c", "Lakeport Paving", source="x"), org("d", "Lakeport Paving Contractors", source="y", place=city_hall)) > p(city, law)


def test_a_decision_lists_every_feature_with_its_weight() -> None:
    c = compare(person("a", "Sam Reyes", emails=("sam@r.com",), source="x"), person("b", "SAM REYES", emails=("sam@r.com",), source="y"))
    text = c.explain()
    assert "same e-mail address sam@r.com (+14)" in text and "(+8)" in text and "probability" in text
    assert "name alone" not in text
    assert person_name("Mr. Sam Reyes").key == "sam reyes"


def test_one_display_name_on_two_addresses_of_an_organisations_domain() -> None:
    def addr(address: str, display: str) -> Node:
        return Node(f"addr:{address}", "address", emails={address}, displays={display})

    same = compare(addr("hrod17@clintonemail.com", "h"), addr("hdr22@clintonemail.com", "h"))
    assert same.probability >= MERGE_AT and "shown as 'H'" in same.explain()
    assert p(addr("x1@gmail.com", "h"), addr("x2@gmail.com", "h")) < REVIEW_FROM          # webmail says nothing
    assert p(addr("a@state.gov", "h"), addr("b@state.gov", "j")) < REVIEW_FROM


def test_a_surname_typo_needs_more_than_the_name() -> None:
    a, b = person("a", "Lisa Ouzounion", source="x"), person("b", "LISA OUZOUNIAN", source="y")
    c = compare(a, b)
    assert REVIEW_FROM <= c.probability < MERGE_AT and "differ by one letter" in c.explain()
    a.employers, b.employers = {"acme"}, {"acme"}
    assert p(a, b) >= MERGE_AT
    assert p(person("c", "Lisa Ouzounion", source="x"), person("d", "Mark Ouzounian", source="y")) < REVIEW_FROM


def population(extra: list[Node]) -> dict[str, Node]:
    """A case with enough surnames for rarity to mean something, plus the people of the test."""
    nodes = {f"p{i}": person(f"p{i}", f"Pat Surname{i:05d}") for i in range(RARE_FROM_SURNAMES)}
    return nodes | {n.id: n for n in extra}


def test_a_rare_surname_lets_the_same_name_with_other_addresses_merge() -> None:
    a = person("a", "Ken Dunkin", emails=("kendunkin@msn.com",), source="x")
    b = person("b", "KEN DUNKIN", emails=("ken@dunkinstrategies.com",), source="y")
    assert REVIEW_FROM <= p(a, b) < MERGE_AT                       # alone: a question
    rare = rare_surnames(population([a, b]))
    c = compare(a, b, rare=rare)
    assert "dunkin" in rare and c.probability >= MERGE_AT
    assert "no one else in the case has the last name Dunkin" in c.explain() and "name alone" in c.explain()


def test_a_surname_two_people_bear_is_not_rare() -> None:
    a, b = person("a", "John Kelly", source="x"), person("b", "John Kelly", source="y")
    other = person("c", "Mary Kelly", source="z")
    assert "kelly" not in rare_surnames(population([a, b, other]))


def test_a_rare_surname_counts_for_a_nickname_but_two_own_addresses_still_make_it_a_question() -> None:
    tom, thomas = person("t", "Tom Aridas", emails=("t@a.com",), source="x"), person("u", "Thomas Aridas", emails=("t@b.com",), source="y")
    rare = rare_surnames(population([tom, thomas]))
    assert "aridas" in rare                                        # one person's nickname and full name
    c = compare(tom, thomas, rare=rare)
    assert "no one else in the case" in c.explain() and REVIEW_FROM <= c.probability < MERGE_AT
    lou, louis = person("l", "Lou Lang", source="x"), person("m", "LOUIS LANG", source="y")
    c = compare(lou, louis, rare=rare_surnames(population([lou, louis])))
    assert c.probability >= MERGE_AT and "name alone" in c.explain()
    assert compare(lou, louis).probability < MERGE_AT               # not without the rarity


def test_organisation_plurals_and_late_typos_merge_but_not_another_first_letter() -> None:
    from interlock.resolve.blocking import block

    assert p(org("a", "National Outdoor Sign, LLC", source="x"), org("b", "NATIONAL OUTDOOR SIGNS, LLC", source="y")) >= MERGE_AT
    typo, right = org("a", "Podmajerskey, Inc.", source="x"), org("b", "PODMAJERSKY, INC.", source="y")
    assert ("a", "b") in set(block({"a": typo, "b": right}).pairs()), "a typo late in a one-word name still meets in blocking"
    assert p(typo, right) >= MERGE_AT
    # person-shaped clients: two surnames that differ in their first letter are two people
    assert p(org("a", "Stephen Napleton", source="x"), org("b", "STAPLETON, STEPHEN", source="y")) < REVIEW_FROM


def test_in_a_small_case_no_surname_is_rare() -> None:
    a, b = person("a", "Ken Dunkin", source="x"), person("b", "Ken Dunkin", source="y")
    assert rare_surnames({"a": a, "b": b}) == set()


def test_a_first_name_that_starts_the_other_is_a_short_form_not_a_match() -> None:
    raj, rajeev = person("a", "RAJ PATEL", source="x"), person("b", "Rajeev M Patel", source="y")
    c = compare(raj, rajeev)
    assert REVIEW_FROM <= c.probability < MERGE_AT and "Raj is the start of Rajeev" in c.explain()   # alone: a question
    assert p(person("c", "Dan Smith", source="x"), person("d", "Dana Smith", source="y")) < REVIEW_FROM  # one letter more: another name


@pytest.mark.parametrize("his, hers", [("Don", "Donna"), ("Paul", "Pauline"), ("Louis", "Louise"),
                                       ("Stephan", "Stephanie"), ("Francis", "Frances"), ("Daniel", "Daniela")])
def test_a_masculine_name_and_its_feminine_form_are_two_people(his: str, hers: str) -> None:
    # Spouses share a surname, often an address: "Don Kazmi" and "Donna Kazmi" must not read as one name.
    a, b = person("a", f"{his} Kazmi", source="x"), person("b", f"{hers} Kazmi", source="y")
    c = compare(a, b)
    assert c.probability < REVIEW_FROM and "first names differ" in c.explain()


def test_a_diminutive_in_ie_is_still_a_nickname() -> None:
    frank, frankie = person("a", "Frank Robles", source="x"), person("b", "FRANKIE ROBLES", source="y")
    assert "nickname" in compare(frank, frankie).explain()


def test_organisation_names_written_with_digits_or_words_meet_in_blocking() -> None:
    from interlock.resolve.blocking import block

    three, digit = org("a", "Three Corners Development, Inc.", source="x"), org("b", "3 CORNERS DEVELOPMENT", source="y")
    assert ("a", "b") in set(block({"a": three, "b": digit}).pairs())
    assert p(three, digit) >= MERGE_AT


def test_a_crowded_name_block_is_compared_in_parts_and_each_pair_once() -> None:
    from interlock.resolve.blocking import CROWDED, block

    firsts = [f"J{chr(97 + i // 26)}{chr(97 + i % 26)}ton" for i in range(CROWDED + 5)]   # "Jaaton", "Jabton", ...
    nodes = {f"p{i}": person(f"p{i}", f"{first} Smith", source="x") for i, first in enumerate(firsts)}
    nodes |= {"init": person("init", "J. Smith", source="y"), "john": person("john", "John Smith", source="y"),
              "johnny": person("johnny", "Johnny Smith", source="y"), "jon": person("jon", "Jon Smith", source="y"),
              "jonathan": person("jonathan", "Jonathan Smith", source="y")}
    pairs = list(block(nodes).pairs())
    assert len(pairs) == len(set(pairs))
    got = {frozenset(p) for p in pairs}
    assert frozenset(("init", "p0")) in got and frozenset(("init", "john")) in got      # an initial meets everyone
    assert frozenset(("p0", "p1")) not in got                                           # two other full names do not
    assert frozenset(("john", "johnny")) in got                                          # a nickname form is shared
    assert frozenset(("jon", "jonathan")) in got                                         # as are the first three letters
    small = {k: v for k, v in nodes.items() if k in ("p0", "p1", "john")}
    assert {frozenset(p) for p in block(small).pairs()} == {frozenset(("p0", "p1")), frozenset(("p0", "john")),
                                                            frozenset(("p1", "john"))}   # an uncrowded block: every pair


def test_an_address_typed_with_two_letters_swapped_is_the_same_address() -> None:
    from interlock.names import swapped
    from interlock.resolve.blocking import block

    slip = Node("addr:mhcaleja@state.gov", "address", emails={"mhcaleja@state.gov"})
    right = Node("addr:McHaleJA@state.gov", "address", emails={"mchaleja@state.gov"})
    assert ("addr:McHaleJA@state.gov", "addr:mhcaleja@state.gov") in set(block({n.id: n for n in (slip, right)}).pairs())
    c = compare(slip, right)
    assert c.probability >= MERGE_AT and "two neighbouring letters swapped" in c.explain()
    assert not swapped("jsmith@x.gov", "jsmtih@y.gov"), "another domain"
    assert not swapped("ab12cd@x.gov", "ab21cd@x.gov") and not swapped("lee@x.gov", "ele@x.gov"), "digits, short"
    assert not swapped("abcdef@x.gov", "bacdfe@x.gov"), "two slips"


def test_a_printed_name_in_the_other_order_is_a_question_never_a_merge() -> None:
    from interlock.resolve.blocking import block

    printed = Node("name:clinton hillary", "name", people={person_name("Clinton Hillary")})
    shown = Node("addr:hr15@att.blackberry.net", "address", emails={"hr15@att.blackberry.net"}, people={person_name("Hillary Clinton")})
    assert ("addr:hr15@att.blackberry.net", "name:clinton hillary") in set(block({n.id: n for n in (printed, shown)}).pairs())
    c = compare(printed, shown)
    assert REVIEW_FROM <= c.probability < MERGE_AT and "in the other order" in c.explain()
    # two records of people: Thomas James and James Thomas are two names
    assert p(person("a", "Thomas James", source="x"), person("b", "James Thomas", source="y")) < REVIEW_FROM
