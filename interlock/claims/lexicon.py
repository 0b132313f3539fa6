"""Word lists the extractor reads: relation nouns, titles, organisation and place words."""

from __future__ import annotations

SPOUSE = {"husband": "m", "wife": "f", "spouse": None, "domestic partner": None}
FAMILY = {
    "brother": "m", "sister": "f", "son": "m", "daughter": "f", "father": "m", "mother": "f", "cousin": None,
    "nephew": "m", "niece": "f", "uncle": "m", "aunt": "f", "grandson": "m", "granddaughter": "f",
    "grandfather": "m", "grandmother": "f", "stepson": "m", "stepdaughter": "f", "stepfather": "m",
    "stepmother": "f", "son-in-law": "m", "daughter-in-law": "f", "brother-in-law": "m", "sister-in-law": "f",
    "father-in-law": "m", "mother-in-law": "f", "half-brother": "m", "half-sister": "f", "stepbrother": "m",
    "stepsister": "f", "sibling": None, "child": None, "parent": None, "twin": None,
}
KIN = SPOUSE | FAMILY
ASSOCIATE = {"business partner", "law partner", "co-founder", "cofounder", "partner in the firm"}
HYPHENATED = [w for w in KIN if "-" in w] + ["co-founder", "co-founded", "co-owner", "co-owned", "co-chair", "re-election"]

#: titles that make the holder an employee or officer of the organisation they are "of"/"at"
JOB = {
    "ceo", "chief executive", "chief executive officer", "president", "vice president", "owner", "co-owner", "founder",
    "co-founder", "executive director", "director", "deputy director", "managing director", "manager", "general manager",
    "program manager", "project manager", "senior project manager", "principal", "chairman", "chairwoman", "chair",
    "chief operating officer", "coo", "cfo", "chief financial officer", "treasurer", "secretary", "partner",
    "managing partner", "founding partner", "senior partner", "employee", "spokesman", "spokeswoman", "spokesperson",
    "teacher", "engineer", "civil engineer", "nurse", "nurse practitioner", "chief of staff", "aide", "staffer",
    "budget director", "vice president of operations", "executive", "officer", "consultant", "administrator",
    "superintendent", "head", "lobbyist", "attorney", "lawyer", "general counsel", "board member",
    "deputy", "police officer", "sergeant", "lieutenant", "detective", "dispatcher", "firefighter", "paramedic",
    "inspector", "planner", "analyst", "coordinator", "scheduler", "receptionist", "technician", "mechanic",
    "librarian", "custodian", "bus driver", "driver", "lifeguard", "pharmacist", "purchasing director",
    "sales manager", "registered nurse", "paralegal", "bookkeeper", "foreman", "estimator",
}
#: public offices: "holds-office" (person -> office)
OFFICE = {
    "alderman", "alderwoman", "alderperson", "ald.", "mayor", "clerk", "city clerk", "village clerk", "township clerk",
    "deputy clerk", "treasurer", "city treasurer", "trustee", "village trustee", "commissioner", "county commissioner",
    "supervisor", "township supervisor", "assessor", "state representative", "representative", "rep.", "senator",
    "state senator", "sen.", "governor", "gov.", "lieutenant governor", "congressman", "congresswoman", "council member",
    "councilman", "councilwoman", "councilmember", "board member", "chairman", "chairwoman", "chair", "president",
    "village president", "board president", "inspector general", "comptroller", "sheriff", "state's attorney",
    "highway commissioner", "recorder", "coroner", "judge", "school board member",
}
ABBREVIATIONS = {"ald.": "alderman", "rep.": "representative", "sen.": "senator", "gov.": "governor", "lt.": "lieutenant",
                 "comm.": "commissioner", "supt.": "superintendent"}
HONORIFICS = {"mr.": "m", "mrs.": "f", "ms.": "f", "miss": "f", "dr.": None, "mr": "m", "mrs": "f", "ms": "f", "dr": None,
              "rev.": None, "the": None}
TITLE_WORDS = {w for t in JOB | OFFICE for w in t.split()} | set(ABBREVIATIONS) | {
    "board", "council", "county", "city", "village", "township", "district", "park", "school", "state", "deputy",
    "executive", "chief", "vice", "of", "operations", "staff", "member", "elect", "former", "incumbent", "longtime",
    "acting", "interim", "department", "local", "ward"}
TITLE_MODIFIERS = {"former", "incumbent", "longtime", "acting", "interim", "then", "current", "state", "city", "county",
                   "village", "township", "district", "department", "board", "park", "school", "deputy", "assistant"}
NON_OFFICE_TITLES = {"businessman", "businesswoman", "accountant", "challenger", "resident", "developer", "attorney",
                     "lawyer", "lobbyist", "spokesman", "spokeswoman", "candidate", "activist", "farmer"}

NEWSPAPERS = {"sentinel", "observer", "chronicle", "dispatch", "inquirer", "examiner", "bulletin", "register", "review",
              "beacon", "telegraph", "press"}
#: the trade words of local business names ("Pham Auto Repair", "Whitfield Florals", "Cole Drug")
TRADE_WORDS = {
    "repair", "auto", "automotive", "florals", "flowers", "florist", "supply", "supplies", "design", "care", "drug",
    "drugs", "pharmacy", "bakery", "cafe", "diner", "restaurant", "salon", "shop", "store", "market", "farms", "dairy",
    "hardware", "electric", "heating", "cooling", "hvac", "landscape", "lawn", "towing", "transit", "logistics",
    "rental", "rentals", "equipment", "foods", "printing", "lumber", "concrete", "asphalt", "gravel", "marina", "tire",
    "security", "cleaning", "janitorial", "catering", "advocates", "apartments", "disposal", "sanitation", "hauling",
    "technologies", "labs", "studios", "distributors", "distribution", "sales", "dental", "veterinary", "grounds",
    "surveying", "masonry", "electrical", "mechanical", "welding", "fuel", "oil", "propane", "motel", "hotel", "inn",
}
ORG_WORDS = {
    "co", "co.", "inc", "inc.", "llc", "llp", "corp", "corp.", "corporation", "company", "group", "partners", "systems",
    "services", "association", "union", "council", "department", "district", "board", "committee", "pac", "party",
    "center", "centre", "school", "agency", "foundation", "collective", "alliance", "democrats", "republicans", "coffee",
    "construction", "engineering", "excavating", "landscaping", "paving", "motors", "strategies", "affairs", "pantry",
    "courier", "ledger", "tribune", "times", "news", "herald", "gazette", "journal", "organization", "club", "chamber",
    "local", "bank", "health", "hospital", "church", "fund", "trust", "realty", "homes", "development", "consulting",
    "insurance", "authority", "commission", "society", "institute", "university", "college", "library", "aggregates",
    "parking", "refuse", "waste", "plumbing", "roofing", "trucking", "builders", "contractors", "associates",
    "industries", "holdings", "enterprises", "ventures", "solutions", "management", "properties", "capital",
    "lobbying", "partnership", "firm", "studio", "architects", "medical", "clinic", "cooperative", "sewer", "water",
    "transit", "works", "ice", "pipe", "excavation", "education", "firefighters", "teachers", "nurses", "police",
    "bureau", "federation",
    "organisation", "strikers", "fc", "league", "office", "elementary", "academy", "preschool", *NEWSPAPERS, *TRADE_WORDS,
}
MEDIA_WORDS = {"courier", "ledger", "tribune", "times", "news", "herald", "gazette", "journal", "sun-times", "post", *NEWSPAPERS}
GOVERNMENT_WORDS = {"city", "village", "county", "township", "town", "state", "district", "department", "board",
                    "council", "commission", "authority", "office"}
BUSINESS_WORDS = {"co", "co.", "inc", "inc.", "llc", "llp", "corp", "corp.", "corporation", "company", "group", "partners",
                  "construction", "engineering", "excavating", "landscaping", "paving", "motors", "strategies", "affairs",
                  "realty", "homes", "development", "consulting", "insurance", "aggregates", "parking", "refuse", "waste",
                  "plumbing", "roofing", "trucking", "builders", "contractors", "associates", "industries", "holdings",
                  "enterprises", "ventures", "solutions", "management", "properties", "capital", "services", "systems",
                  "coffee", "agency", "firm", "architects", "pipe", "ice", "excavation", *TRADE_WORDS}
PLACE_WORDS = {"street", "avenue", "road", "boulevard",
               "heights", "city", "park", "grove", "hollow", "falls", "township", "county", "village", "springs", "hills",
               "lake", "port", "north", "south", "east", "west", "new", "mount", "fort", "valley", "ridge", "beach"}
DESCRIPTIONS = {
    "company": "business", "firm": "business", "business": "business", "contractor": "business", "developer": "business",
    "chain": "business", "vendor": "business", "dealership": "business", "agency": "any",
    "group": "civic", "nonprofit": "civic", "organization": "civic", "charity": "civic", "club": "civic", "union": "civic",
    "local": "civic", "association": "civic", "committee": "any", "party": "civic", "team": "civic",
    "district": "any", "department": "any", "board": "any", "council": "any", "school": "any", "hospital": "any",
    "city": "city", "village": "village", "county": "county", "township": "township", "town": "city",
}
OWN_BUSINESS = {"company", "firm", "business", "shop", "store", "practice", "agency", "restaurant", "dealership"}
CAMPAIGN = {"campaign", "committee", "fund", "campaign fund", "political fund", "re-election", "reelection", "war chest"}
SAY = {"say", "tell", "write", "add", "state", "explain", "note", "respond"}
