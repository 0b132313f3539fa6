"""profile: voter-guide candidate profiles, parsed into the subject, the office and the family."""

from __future__ import annotations

from pathlib import Path

import pytest
from entity_view import View, entities, ingest, of_schema

from interlock.entities import make_id
from interlock.ingest.base import detect_kind
from interlock.ingest.offices import parse_office
from interlock.ingest.profile import NO_NAME, ProfileIngester, Relative, parse_family, parse_profile, parse_since
from interlock.names import org_key

LAKEPORT = """Name: Dana M. Ortiz
Office: City Clerk
Jurisdiction: City of Lakeport
Email: dortiz@lakeport.gov
Family: Husband, Sam Reyes; two children
Occupation: City Clerk, City of Lakeport
In office since: May 2017

Dana Ortiz has served as City Clerk since 2017. Family: not a key line, this is free text.
"""


def write(tmp_path: Path, text: str, name: str = "profile.txt") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def by_name(views: dict[str, View], schema: str) -> dict[str, View]:
    return {v.one("name"): v for v in of_schema(views, schema).values()}


def test_lakeport_profile(tmp_path: Path) -> None:
    case, report = ingest(tmp_path, write(tmp_path, LAKEPORT))
    assert (report.kind, report.rejected) == ("profile", 0)
    views = entities(case.store)
    people = by_name(views, "Person")
    assert sorted(people) == ["Dana M. Ortiz", "Sam Reyes"]
    dana = people["Dana M. Ortiz"]
    assert dana.one("email") == "dortiz@lakeport.gov"
    body = views[make_id("jurisdiction", org_key("City of Lakeport"))]  # the key a contracts file's government has
    assert (body.schema, body.one("name")) == ("PublicBody", "City of Lakeport")
    post = by_name(views, "Position")["City Clerk"]
    assert post.one("organization") == make_id("jurisdiction", org_key("City of Lakeport"))
    (occ,) = of_schema(views, "Occupancy").values()
    dana_id = next(k for k, v in views.items() if v is dana)
    assert (occ.one("holder"), occ.one("startDate")) == (dana_id, "2017-05")
    (fam,) = of_schema(views, "Family").values()
    sam_id = next(k for k, v in views.items() if v is people["Sam Reyes"])
    assert (fam.one("person"), fam.one("relative"), fam.one("relationship")) == (dana_id, sam_id, "husband")
    assert fam.records == {"line 5"} and post.records == {"line 2"} and body.records == {"line 2", "line 3"}


def test_the_chicago_line(tmp_path: Path) -> None:
    text = "Candidate: Anna M. Valencia\nOccupation: Chicago City Clerk\nFamily: Husband, Reyahd Kazmi\n\nFree text.\n"
    case, _ = ingest(tmp_path, write(tmp_path, text, "valencia.md"))
    views = entities(case.store)
    assert by_name(views, "PublicBody")["City of Chicago"]
    assert by_name(views, "Position")["City Clerk"].one("organization") == make_id("jurisdiction", org_key("City of Chicago"))
    (fam,) = of_schema(views, "Family").values()
    assert fam.one("relationship") == "husband"
    assert views[fam.one("relative")].one("name") == "Reyahd Kazmi"
    assert len(of_schema(views, "Occupancy")) == 1


def test_a_profile_without_family_or_government_office(tmp_path: Path) -> None:
    text = "Name: Lee Park\nOccupation: Attorney\nEmail: lee@parklaw.com\nFamily: two children\n"
    case, report = ingest(tmp_path, write(tmp_path, text), "profile")
    views = entities(case.store)
    assert [v.one("name") for v in of_schema(views, "Person").values()] == ["Lee Park"]
    assert not of_schema(views, "Family") and not of_schema(views, "Occupancy")  # an attorney holds no office
    assert of_schema(views, "Person").popitem()[1].one("profession") == "Attorney"


def test_name_then_relationship_in_brackets(tmp_path: Path) -> None:
    text = "Name: Sam Reyes\nPosition: Alderman of the City of Lakeport\nFamily: Dana M. Ortiz (wife); Luis Reyes (son); a dog\n"
    case, _ = ingest(tmp_path, write(tmp_path, text))
    views = entities(case.store)
    fams = {views[f.one("relative")].one("name"): f.one("relationship") for f in of_schema(views, "Family").values()}
    assert fams == {"Dana M. Ortiz": "wife", "Luis Reyes": "son"}
    assert by_name(views, "Position")["Alderman"].one("organization") == make_id("jurisdiction", org_key("City of Lakeport"))


def test_a_file_without_a_name_line_is_rejected(tmp_path: Path) -> None:
    profile = ProfileIngester()
    path = write(tmp_path, "Office: Mayor\nFamily: Wife, Ana Ruiz\n")
    assert not profile.sniff(path)
    case, report = ingest(tmp_path, path, "profile")
    assert (report.records, report.rejected) == (0, 1)
    assert case.store.query("SELECT record, reason FROM rejects") == [("line 1", NO_NAME)]


@pytest.mark.parametrize(("text", "office", "government"), [
    ("City Clerk, City of Lakeport", "City Clerk", "City of Lakeport"),
    ("City Clerk of Lakeport", "City Clerk", "City of Lakeport"),
    ("Chicago City Clerk", "City Clerk", "City of Chicago"),
    ("Village President of Oak Park", "Village President", "Village of Oak Park"),
    ("Cook County Clerk", "County Clerk", "Cook County"),
    ("Mayor of the City of Lakeport", "Mayor", "City of Lakeport"),
    ("City Clerk", "City Clerk", None),
    ("Attorney, Smith & Jones LLP", "Attorney, Smith & Jones LLP", None),
    ("County Commissioner, Cook County", "County Commissioner", "Cook County"),
    ("Member, Board of Education, Riverside School District", "Member, Board of Education", "Riverside School District"),
    ("Supervisor, Marsh County Board of Supervisors", "Supervisor", "Marsh County Board of Supervisors"),
    ("Commissioner, Springfield Park District", "Commissioner", "Springfield Park District"),
    ("Alderman, 12th Ward", "Alderman, 12th Ward", None),                          # a seat, not a government
    ("State Representative, 61st District", "State Representative, 61st District", None),
    ("Member, Board of Supervisors", "Member, Board of Supervisors", None),        # not the City of Supervisors
])
def test_parse_office(text: str, office: str, government: str | None) -> None:
    assert parse_office(text) == (office, government)


@pytest.mark.parametrize(("text", "relatives"), [
    ("Husband, Sam Reyes; two children", [Relative("husband", "Sam Reyes")]),
    ("Sam Reyes (husband)", [Relative("husband", "Sam Reyes")]),
    ("Wife Ana Ruiz; Brother-in-law, Tom O'Neil", [Relative("wife", "Ana Ruiz"), Relative("brother-in-law", "Tom O'Neil")]),
    ("Married, two children", []),
    ("Married to Peter Adams; daughter Jane Adams-Hill", [Relative("spouse", "Peter Adams"), Relative("daughter", "Jane Adams-Hill")]),
    ("Carl Becker, a registered lobbyist for Apex Paving", [Relative("relative", "Carl Becker")]),
    ("Sister Ann Lee (lives in Ohio)", [Relative("sister", "Ann Lee")]),
    ("Two children", []),
    ("", []),
])
def test_parse_family(text: str, relatives: list[Relative]) -> None:
    assert parse_family(text) == relatives


def test_parse_family_of_a_spouse_key() -> None:
    assert parse_family("Ana Ruiz", default="spouse") == [Relative("spouse", "Ana Ruiz")]


def test_relation_words_as_keys(tmp_path: Path) -> None:
    text = ("Candidate: Tom Becker\nCurrent office: Member, Board of Education, Riverside School District\n"
            "Husband: Alan Becker\nBrother: Carl Becker, a registered lobbyist for Apex Paving\n")
    case, _ = ingest(tmp_path, write(tmp_path, text))
    views = entities(case.store)
    fams = {views[f.one("relative")].one("name"): f.one("relationship") for f in of_schema(views, "Family").values()}
    assert fams == {"Alan Becker": "husband", "Carl Becker": "brother"}
    assert set(by_name(views, "PublicBody")) == {"Riverside School District"}


def test_parse_profile_stops_at_free_text_and_reads_markdown() -> None:
    text = "# Dana Ortiz\n\n- **Name:** Dana Ortiz\n- **Office:** City Clerk\n\nShe has served since 2017.\nEmail: late@x.org\n"
    assert [(line.number, line.key, line.value) for line in parse_profile(text).lines] == [
        (3, "name", "Dana Ortiz"), (4, "office", "City Clerk")]


@pytest.mark.parametrize(("text", "iso"), [("2017", "2017"), ("May 2017", "2017-05"), ("May 15, 2017", "2017-05-15"),
                                           ("05/15/2017", "2017-05-15"), ("a while", None)])
def test_parse_since(text: str, iso: str | None) -> None:
    assert parse_since(text) == iso


def test_sniff(tmp_path: Path) -> None:
    assert detect_kind(write(tmp_path, LAKEPORT)) == "profile"
    assert not ProfileIngester().sniff(write(tmp_path, "Dear Sam,\nName: the usual\n", "letter.txt"))
    assert not ProfileIngester().sniff(write(tmp_path, "Name: X\nOffice: Y\n", "data.csv"))
    assert ProfileIngester().sniff(write(tmp_path, "# Lee Park\n\n- **Name:** Lee Park\n- **Office:** Mayor\n", "lee.md"))
    folder = tmp_path / "profiles"
    folder.mkdir()
    write(folder, LAKEPORT, "a.txt")
    write(folder, LAKEPORT.replace("Dana M. Ortiz", "Lee Park"), "b.md")
    assert ProfileIngester().sniff(folder) and len(ProfileIngester().files(folder)) == 2
