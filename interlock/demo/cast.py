"""Who is who in the fictional city of Lakeport: the planted cast, the decoys, and pools of made-up names.

Every person and organisation here is invented. Background names are drawn from common first and
last names, never from the cast's surnames, so a random constituent cannot be mistaken for a
planted person.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date

GOV_DOMAIN = "lakeport.gov"
CITY = "City of Lakeport"
REGISTRATION = date(2019, 7, 1)          # the spouse's first lobbying registration
MAIL_START = date(2017, 1, 1)
MAIL_END = date(2021, 12, 31)
REGISTRY_YEARS = range(2015, 2022)
EXPORT_STAMP = "20220115"                # the date in the registry's file names


@dataclass(frozen=True)
class Person:
    name: str          # as written in the story ("Dana M. Ortiz")
    display: str       # as mail clients show it ("Dana Ortiz")
    email: str

    @property
    def addr(self) -> tuple[str, str]:
        return (self.display, self.email)


CLERK = Person("Dana M. Ortiz", "Dana Ortiz", "dortiz@lakeport.gov")
CLERK_HOME = Person("Dana M. Ortiz", "Dana Ortiz", "dana.ortiz@gmail.com")
SPOUSE = Person("Sam Reyes", "Sam Reyes", "sam.reyes@gmail.com")
SPOUSE_WORK = Person("Sam Reyes", "Sam Reyes", "sam@reyesstrategies.com")
SPOUSE_FIRM = "SAM REYES - REYES STRATEGIES, LLC"
CLIENT = "HARBORLINE SECURITY CONSULTANTS, INC."
CLIENT_VENDOR = "HARBORLINE SECURITY CONSULTANTS INC"
CLIENT_TITLE = "Harborline Security Consultants, Inc."
CLIENT_DOMAIN = "harborlinesecurity.com"
CEO = Person("Marisol Vega", "Marisol Vega", "mvega@harborlinesecurity.com")
SOCCER = Person("Jordan Park", "Jordan Park", "jpark@lighthousefc.com")
CHAMBER = Person("Lakeport Chamber Awards Committee", "Lakeport Chamber Awards Committee", "awards.committee@lakeportchamber.org")
AWARD = "Lakeport Civic Leadership Award"
TERM_SHEET = "Lighthouse FC - Term Sheet.pdf"
# documents-to-relative, personal-account-business, favour-for-relative: planted counterparts and decoys
PROGRAM_MANAGER = Person("Imani Okonkwo", "Imani Okonkwo", "iokonkwo@lakeport.gov")      # LakeportID Program Manager
WATERFRONT = Person("Hector Villanueva", "Hector Villanueva", "hvillanueva@lakeportwaterfront.org")
COUNSEL = Person("Noor Haddadin", "Noor Haddadin", "nhaddadin@lakeport.gov")            # a colleague, not a relative
COMMS = Person("Lena Marchetti", "Lena Marchetti", "lmarchetti@lakeport.gov")           # writes the public press releases
STAFF_HOME = Person("Kofi Mensah", "Kofi Mensah", "kofi.mensah@gmail.com")              # a staff member's own webmail
STAFF_GOV = Person("Kofi Mensah", "Kofi Mensah", "kmensah@lakeport.gov")
RESIDENT = Person("Ruth Castellano", "Ruth Castellano", "ruth.castellano@yahoo.com")     # nominated for the award, unrelated
PTA = Person("Millbrook Elementary PTA", "Millbrook Elementary PTA", "volunteers@millbrookpta.org")

NAMESAKE = Person("Sam Reyes Jr.", "Sam Reyes Jr.", "sreyesjr@outlook.com")
LOOKALIKE = "HARBORLINE SECURE LOGISTICS LLC"
LOOKALIKE_TITLE = "Harborline Secure Logistics LLC"
LOOKALIKE_DOMAIN = "harborlinelogistics.com"
LOOKALIKE_CONTACT = Person("Dev Malik", "Dev Malik", "dmalik@harborlinelogistics.com")
ALDERMAN = Person("Priya Natarajan", "Priya Natarajan", "pnatarajan@lakeport.gov")
ALDERMAN_SPOUSE = Person("Tom Whitfield", "Tom Whitfield", "tom.whitfield@gmail.com")

RESERVED_SURNAMES = {"ortiz", "reyes", "vega", "park", "malik", "whitfield", "natarajan", "harbor", "harborline", "okonkwo",
                     "villanueva", "haddadin", "marchetti", "mensah", "castellano"}

FIRST = """Aaron Abigail Adrian Aisha Alan Alicia Amara Andre Angela Anita Ben Bianca Brandon Brenda Caleb Carla
Carmen Chloe Colin Daniel Deborah Derek Diane Eli Elena Emily Eric Farah Felix Fiona Gabriel Grace Hannah Hector Ian
Imani Irene Isaac Jacob Jamal Janet Jasmine Jenna Joel Julia Karen Keith Kenji Laura Leon Lila Luis Maria Marcus Megan
Miguel Monica Nadia Nathan Nina Omar Oscar Patrick Paula Rachel Raj Rebecca Ricardo Rosa Ruth Samir Sandra Sean Sofia
Stephen Tanya Teresa Theo Victor Wendy Yusuf Zoe Gloria Howard Louise Martin Noel Olivia Peter Quentin Renata Simon
Tobias Ursula Vivian Walter Xavier Yolanda""".split()
FIRST_ACCENTED = ["Inés", "José", "Zoë", "Renée", "Björn", "Chloé", "Joaquín", "Łucja", "Søren", "Anaïs"]
LAST = """Abbott Adeyemi Alvarez Anders Baker Barnes Becker Bishop Brennan Brooks Burke Caldwell Castillo Chen Coleman
Conley Cruz Dalton Delgado Dixon Doyle Duarte Ellis Erikson Farrell Fischer Flores Foster Gallagher Garza Gibson Grant
Greene Haddad Hale Hansen Harper Hayes Holloway Ibarra Jansen Jenkins Kaplan Keane Kim Kowalski Lam Larsen Lindqvist
Lopez Lowry Mahoney Marsh Mendez Mercer Molina Moreno Murphy Nakamura Novak Nowak Okafor Olsen Osei Palmer Patel
Pearson Quinn Ramos Reddy Riley Rivera Romero Rossi Salazar Sandoval Schultz Shah Sheridan Silva Sokolov Stein
Sullivan Tanaka Thornton Torres Tran Underwood Vance Varga Wagner Walsh Warren Webb Weiss Whelan Wong Yates Zielinski
Ahmed Bauer Carver Dunn Easton Fontaine Gordon Hollis Iverson Jovanovic Kerr Lachance Moretti Nguyen Oduya Pryor""".split()
LAST_ACCENTED = ["Ibáñez", "Muñoz", "Zoltán", "Brontë", "Sørensen", "Gómez", "Héroux", "Müller"]
WEBMAIL = ["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "comcast.net", "aol.com",
           "icloud.com", "sbcglobal.net"]
STREETS = """Harbor Marlowe Cedar Lakefront Beacon Millbrook Orchard Granite Willow Foundry Pier Tillman Ashby Cove
Prospect Juniper Sheridan Kestrel Wharf Signal""".split()
STREET_KINDS = ["St.", "Ave.", "Blvd.", "Ct.", "Dr."]
NEIGHBOURHOODS = ["Harbor Point", "Millbrook", "East Landing", "Cedar Flats", "Old Town", "North Shore", "Foundry Row",
                  "Pier District", "Juniper Park", "Kestrel Heights"]


@dataclass(frozen=True)
class Name:
    first: str
    middle: str
    last: str

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"


class Names:
    """Unique made-up names: no two people drawn from one Names share a first and last name."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[tuple[str, str]] = {("Sam", "Reyes"), ("Dana", "Ortiz")}

    def draw(self, accented: float = 0.0) -> Name:
        rng = self.rng
        tries = 0
        while True:
            first = rng.choice(FIRST_ACCENTED) if rng.random() < accented else rng.choice(FIRST)
            last = rng.choice(LAST_ACCENTED) if rng.random() < accented else rng.choice(LAST)
            tries += 1
            if tries > 20:  # the plain pool is (nearly) used up in a large city: double-barrelled surnames
                last = f"{last}-{rng.choice(LAST)}"
            if (first, last) not in self.used and last.lower() not in RESERVED_SURNAMES:
                self.used.add((first, last))
                middle = rng.choice("ABCDEFGHJKLMNPRSTW") if rng.random() < 0.4 else ""
                return Name(first, middle, last)


def ascii_local(text: str) -> str:
    """An address local part from a name: lower case, ASCII letters only."""
    folded = unicodedata.normalize("NFKD", text.lower().replace("ł", "l").replace("ø", "o"))
    return "".join(c for c in folded if c.isascii() and c.isalnum())


def street_address(rng: random.Random) -> str:
    return f"{rng.randint(100, 4999)} {rng.choice('NSEW')}. {rng.choice(STREETS)} {rng.choice(STREET_KINDS)}"


def phone(rng: random.Random) -> str:
    """A fictional number: 555-0100 to 555-0199 are reserved for fiction."""
    return f"({rng.choice(('312', '773', '872'))}) 555-01{rng.randint(0, 99):02d}"
