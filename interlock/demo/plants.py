"""The planted mail and the decoys: what a correct run must find, and what it must not.

Planted: mail between the clerk and her husband (before his registration as context, after it as
the pattern), staff mail that names him, the clerk asking his client's chief executive for help,
a third party's term sheet forwarded to him, his nomination for a civic award, the clerk's
introduction of his client to the waterfront authority, and LakeportID business on the clerk's
personal webmail. Decoys: a namesake with a "Jr." suffix, a company whose name resembles the
client's, an alderman's husband who is not a lobbyist, and acts that look like the planted ones but
are not the pattern (a public press release forwarded to him, the term sheet forwarded to a
colleague, an unrelated resident nominated for the award, a staff member's own webmail, the
clerk's webmail on school matters).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from interlock.demo import cast
from interlock.demo.attachments import make_csv, make_pdf
from interlock.demo.cast import CEO, CHAMBER, CLERK, CLERK_HOME, LOOKALIKE_CONTACT, NAMESAKE, REGISTRATION, SOCCER, SPOUSE, SPOUSE_WORK
from interlock.demo.mail import Attachment, Mail, central
from interlock.demo.texts import MONTH_NAMES
from interlock.demo.traffic import CLERK_SIG, Scene, html_of, letter

BEFORE_END = REGISTRATION - timedelta(days=4)     # keeps replies clear of the registration day
AFTER_START = REGISTRATION + timedelta(days=2)
SPOUSE_SIG = "Sam Reyes\nPrincipal, Reyes Strategies, LLC\nsam@reyesstrategies.com | (312) 555-0144"
PERSONAL = [
    ("Dinner Friday?", "Are we still on for dinner with the Lindqvists on Friday? I can book a table at Rosalind's for 7."),
    ("Mia's recital", "The recital is Thursday at 6:30 at Millbrook Elementary. Can you leave City Hall by 5:45?"),
    ("Lucas - dentist", "Lucas has the dentist tomorrow at 3:15. I'll take him if you can do pickup from practice."),
    ("Flights for Denver", "Booked the flights for the Denver trip: out Friday at 7:05 am, back Sunday night. Itinerary attached."),
    ("Grocery run", "Stopping at the store on the way home. Anything besides milk and coffee?"),
    ("Soccer carpool", "The Gallaghers can take the kids on Saturday; we have the Sunday game."),
    ("Your mom's birthday", "Don't forget your mom's birthday on Sunday. I ordered flowers; can you pick up the cake?"),
    ("This weekend", "Lake house this weekend or stay in town? The forecast looks good."),
    ("Summer camp forms", "Camp forms for both kids are attached. They need your signature by Friday."),
    ("Car in the shop", "The car is at the shop until Wednesday. I'll drop you at City Hall in the morning."),
    ("Parent-teacher conferences", "Conferences are next Tuesday: Mia at 4:10, Lucas at 4:30."),
    ("Plumber", "The plumber is coming between 8 and 10 tomorrow. I'll work from home."),
]
BUSINESS = [
    ("Reyes Strategies - new office", "We signed the lease at 400 Lakefront Ave. Come and see it when you have a minute."),
    ("Council calendar", "Could you send me the council calendar for next quarter? Clients keep asking."),
    ("LakeportID timeline", "Is there a timeline for the LakeportID card production contract? Harborline would like to know "
                            "when the RFP comes out."),
    ("Harborline reception", "Harborline is hosting a small reception for their waterfront security team next Thursday. "
                             "Would you come with me?"),
    ("Introduction: Marisol Vega", "Marisol Vega, the CEO of Harborline Security Consultants, would like to meet you about "
                                   "the LakeportID programme. You'll like her."),
    ("Client dinner Thursday", "I have a client dinner on Thursday, so I'll be home late. Can you get the kids?"),
    ("Ordinance question", "Quick one: when does your office publish the towing-rates ordinance? A client asked."),
    ("Waterfront events", "Harborline is bidding on the waterfront event security work. Do you know who sits on the "
                          "evaluation committee?"),
]
SPOUSE_REPLIES = ["Sounds good.", "Yes - love you.", "I can't, council runs late. Can you?", "Perfect, thanks.", "Will do.",
                  "Let's talk tonight.", "OK. Call me after 4."]
ABOUT_BEFORE = [("Phone message", "Dana - Sam Reyes called at {t}. He asked you to call him back about Saturday."),
                ("Keys at the front desk", "Sam Reyes dropped off your keys at the front desk this morning."),
                ("Holiday party RSVP", "Will Sam Reyes be joining you at the staff holiday party? I need a final count.")]
ABOUT_AFTER = [("Visitor log", "Visitors for today:\n10:00 Records vendor\n{t} Sam Reyes (Reyes Strategies) - Clerk's conference room"),
               ("Phone message", "Sam Reyes called about the LakeportID vendor meeting. He asked whether Harborline can "
                                 "present next week."),
               ("FYI - Harborline presentation", "The Harborline presentation list has Marisol Vega and Sam Reyes on it. "
                                                 "Room 107 is booked for {t}."),
               ("Chamber luncheon seating", "The Chamber has you seated with Sam Reyes at the Harborline table.")]
NAMESAKE_TOPICS = [
    ("Fence permit for 1418 W. Marlowe St.", "I applied for a fence permit for my house at 1418 W. Marlowe St. in {m}. Could "
                                             "you tell me where it stands?"),
    ("Block party permit - 1400 block of W. Marlowe", "Our block would like to hold a block party on a Saturday in August. "
                                                      "What do we need to file, and by when?"),
    ("Streetlight out in the alley behind Marlowe", "The alley light behind the 1400 block of W. Marlowe has been out since {m}."),
    ("Residential parking zone for our block", "Neighbors on my block want a residential parking zone. How do we petition?"),
]
LOOKALIKE_TOPICS = [
    ("Records pickup schedule", "Our truck will collect the {n} boxes of inactive records on {d}, as scheduled under our storage "
                                "contract."),
    ("Certificate of destruction - batch {n}", "Attached is the certificate of destruction for batch {n}, shredded on {d}."),
    ("Storage contract renewal", "Our records storage contract comes up for renewal soon. Could we meet about volumes for next year?"),
    ("Invoice for records storage", "Our invoice for offsite records storage ({d}) was sent to Finance; copy attached for your files."),
]
WHITFIELD = [
    (datetime(2018, 12, 3, 19, 40), "4th Ward toy drive", "Hi Dana, the 4th Ward toy drive box is filling up fast. Could City Hall "
                                                          "host a second drop-off box in the lobby?\n\nThanks,\nTom"),
    (datetime(2019, 5, 21, 8, 15), "Thank you", "Dana, thank you for swearing Priya in so warmly on Monday. Our families "
                                                "loved it.\n\nTom Whitfield"),
    (datetime(2020, 6, 2, 20, 5), "Block party permit question", "Hi Dana, our block is thinking about a small block party in "
                                                                 "August. Is your office still issuing permits this year?\n\nTom"),
    (datetime(2021, 3, 11, 12, 30), "Lost umbrella at City Hall", "Dana, I think I left a green umbrella in the Council chamber "
                                                                  "gallery last night. Has anyone turned one in?\n\nTom"),
]


@dataclass
class Planted:
    mails: list[Mail] = field(default_factory=list)
    ceo_request: list[str] = field(default_factory=list)
    term_sheet_forward: str = ""
    award_nomination: str = ""
    # documents-to-relative, personal-account-business, favour-for-relative
    personal_business: list[str] = field(default_factory=list)
    introduction: str = ""
    decoy_messages: dict[str, list[str]] = field(default_factory=dict)   # what it is → its Message-IDs


def _spouse_message(sc: Scene, when: datetime, after: bool) -> list[Mail]:
    rng = sc.rng
    business = after and rng.random() < 0.5
    subject, body = rng.choice(BUSINESS if business else PERSONAL)
    atts = []
    if subject in ("Flights for Denver", "Summer camp forms"):
        atts = [Attachment(f"{subject}.pdf", "application/pdf", make_pdf(subject, [body, "Reyes family"]))]
    style = sc.style(0.2)
    if business:
        sender, text = SPOUSE_WORK, f"Dana,\n\n{body}\n\n{SPOUSE_SIG}\n"
    else:
        sender, text = SPOUSE, f"{body}\n\nSam\n"
    if rng.random() < 0.3 and not business:  # the clerk writes first, from her government account
        return [sc.new(CLERK.addr, [SPOUSE.addr], subject, f"{body}\n\nD\n", style, when, attachments=atts)]
    to, cc = ([CLERK_HOME.addr], [CLERK.addr]) if rng.random() < 0.25 else ([CLERK.addr], [])
    first = sc.new(sender.addr, to, subject, text, style, when, cc=cc, attachments=atts)
    return [first]


def spouse_mail(sc: Scene, before: int, after: int) -> list[Mail]:
    """Exactly ``before`` + ``after`` messages between the clerk's government account and her husband."""
    out: list[Mail] = []
    for count, lo, hi, late in ((before, cast.MAIL_START, BEFORE_END, False), (after, AFTER_START, cast.MAIL_END, True)):
        made: list[Mail] = []
        while len(made) < count:
            thread = _spouse_message(sc, sc.clock.moment(lo, hi), late)
            if len(made) + 1 < count and sc.rng.random() < 0.45:
                orig = thread[0]
                if orig.sender[1] == CLERK.email:
                    thread.append(sc.reply(orig, SPOUSE.addr, sc.rng.choice(SPOUSE_REPLIES) + "\n\nSam", sc.style(0.1)))
                else:
                    thread.append(sc.reply(orig, CLERK.addr, sc.rng.choice(SPOUSE_REPLIES) + "\n\nD", sc.style(0.2),
                                           to=[orig.sender]))
            made.extend(thread)
        out.extend(made[:count])
    return out


def about_mail(sc: Scene, before: int, after: int) -> list[Mail]:
    """Staff mail to the clerk that names her husband ("mail about him")."""
    aides = [s for s in sc.staff if s.title in ("Front Desk Coordinator", "Executive Assistant to the City Clerk", "Chief of Staff")]
    out = []
    for count, lo, hi, pool in ((before, cast.MAIL_START, BEFORE_END, ABOUT_BEFORE), (after, AFTER_START, cast.MAIL_END, ABOUT_AFTER)):
        for _ in range(count):
            aide = sc.rng.choice(aides)
            subject, body = sc.rng.choice(pool)
            text = body.format(t=f"{sc.rng.randint(1, 4)}:{sc.rng.choice(['00', '30'])} pm") + f"\n\n{aide.first}\n"
            out.append(sc.new(aide.addr, [CLERK.addr], subject, text, sc.style(0.3), sc.clock.moment(lo, hi)))
    return out


def ceo_thread(sc: Scene) -> list[Mail]:
    ask = letter("Dear Marisol,", [
        "Thank you for the conversation at the Chamber breakfast. As I mentioned, my office is expanding LakeportID, the city's "
        "municipal ID card, and we are looking for partners: employers, property managers and businesses that will accept the card "
        "or offer cardholders a discount.",
        "Sam mentioned that Harborline works with many of the larger property managers downtown. Would you be able to help us find "
        "partners for LakeportID, and perhaps introduce us to a few of them?"], "With thanks,", CLERK_SIG)
    first = sc.new(CLERK.addr, [CEO.addr], "LakeportID partners", ask, {"encoding": "7bit", "html": "yes"},
                   central(datetime(2019, 10, 8, 10, 12, 5)))
    leads = make_csv([["organization", "contact", "properties"], ["Lakefront Residential Group", "leasing office", "14"],
                      ["Pier District Towers", "management office", "6"], ["Cedar Flats Housing Cooperative", "board", "3"]])
    second = sc.post.reply(first, CEO.addr, "Dear Dana,\n\nHappy to help. I have listed a first set of property managers who "
                           "already work with us; I will call each of them this week about accepting LakeportID.\n\nBest,\n"
                           "Marisol Vega\nChief Executive Officer\nHarborline Security Consultants, Inc.",
                           central(datetime(2019, 10, 8, 16, 40, 31)),
                           attachments=[Attachment("LakeportID partner leads.csv", "text/csv", leads)])
    third = sc.post.reply(second, CLERK.addr, "Marisol,\n\nThis is wonderful, thank you. Could we meet next week to go through the "
                          "list? My assistant will find a time.\n\nDana", central(datetime(2019, 10, 9, 9, 5, 12)))
    fourth = sc.post.reply(third, CEO.addr, "Tuesday at 10 works for me. I will bring two of the property managers.\n\nMarisol",
                           central(datetime(2019, 10, 9, 11, 30, 48)))
    first.html = html_of(first.text)
    return [first, second, third, fourth]


def term_sheet(sc: Scene) -> list[Mail]:
    pdf = make_pdf("Lighthouse FC - Term Sheet (confidential draft)", [
        "Parties: Lighthouse FC and the City of Lakeport", "Premises: Lakeport Waterfront Stadium, 30 match days a year",
        "Term: ten years from the 2021 season", "Rent: $1 per year; the City keeps parking revenue",
        "Event security: the City procures security services for match days through a competitive process",
        "Status: draft for discussion, not for distribution"])
    att = Attachment(cast.TERM_SHEET, "application/pdf", pdf)
    original = sc.new(SOCCER.addr, [CLERK.addr], "Lighthouse FC - Term Sheet",
                      "Dear Clerk Ortiz,\n\nAs discussed, attached is the draft term sheet for the stadium agreement, ahead of its "
                      "filing with the Council. Please keep it confidential until it is introduced.\n\nBest regards,\nJordan Park\n"
                      "Chief Operating Officer, Lighthouse FC", {"encoding": "7bit", "html": ""},
                      central(datetime(2020, 4, 14, 15, 22, 9)), attachments=[att])
    forward = sc.post.forward(original, CLERK.addr, [SPOUSE.addr], "Sam - see attached. Not public yet. Harborline may want to "
                              "look at the security section.\n\nD", central(datetime(2020, 4, 14, 21, 47, 30)))
    return [original, forward]


def award(sc: Scene) -> list[Mail]:
    text = letter("Dear members of the Awards Committee,", [
        f"I am pleased to nominate Sam Reyes for the {cast.AWARD}.",
        "Sam Reyes founded Reyes Strategies in 2019 and has spent years coaching youth soccer in Millbrook, leading the Harbor "
        "Point food pantry drive and mentoring young people who want to work in public service.",
        "I can think of no one who better embodies civic leadership in Lakeport."], "Sincerely,", CLERK_SIG)
    nomination = sc.new(CLERK.addr, [CHAMBER.addr], f"Nomination: {cast.AWARD} - Sam Reyes", text, {"encoding": "quoted-printable",
                        "html": "yes"}, central(datetime(2021, 2, 17, 14, 3, 55)))
    ack = sc.post.reply(nomination, CHAMBER.addr, "Thank you for your nomination of Sam Reyes. The committee will announce the "
                        f"{cast.AWARD} recipients in April.\n\nLakeport Chamber of Commerce", central(datetime(2021, 2, 18, 9, 0, 2)))
    return [nomination, ack]


def personal_business(sc: Scene) -> list[Mail]:
    """The clerk's personal webmail used for LakeportID business: with the client's CEO and with city staff."""
    home, ceo, pm = CLERK_HOME.addr, CEO.addr, cast.PROGRAM_MANAGER.addr
    first = sc.post.new(central(datetime(2020, 6, 3, 20, 14, 41)), home, [ceo], "LakeportID partner programme",
                        "Marisol,\n\nWriting from my own account so we can keep this moving outside office hours. Where do "
                        "the property managers stand on accepting LakeportID? I would like three more partners signed before the "
                        "card production contract goes out for bid in the autumn.\n\nDana\n")
    second = sc.post.reply(first, ceo, "Dana,\n\nTwo have agreed; the third wants to see the programme terms first. Is there "
                           "anything in the RFP about security at the card enrollment sites? We would want to bid on that part."
                           "\n\nMarisol", central(datetime(2020, 6, 4, 7, 52, 10)))
    third = sc.post.reply(second, home, "Marisol,\n\nThe RFP will have a security section. I'll send you the draft scope "
                          "when it is ready.\n\nD", central(datetime(2020, 6, 4, 21, 3, 37)))
    to_pm = sc.post.new(central(datetime(2020, 6, 5, 6, 48, 2)), home, [pm], "LakeportID RFP scope",
                        "Imani,\n\nPlease add security at the enrollment sites to the scope of the LakeportID card production "
                        "contract before the RFP goes out. Send me the draft here.\n\nDana\n")
    reply = sc.post.reply(to_pm, pm, "Will do. Draft scope attached; the programme budget section is still open.\n\nImani",
                          central(datetime(2020, 6, 5, 9, 31, 20)),
                          attachments=[Attachment("LakeportID RFP scope (draft).pdf", "application/pdf",
                                                  make_pdf("LakeportID card production - RFP scope (draft)",
                                                           ["1. Card production", "2. Enrollment sites", "3. Security at "
                                                            "enrollment sites", "Internal draft - not for distribution"]))])
    return [first, second, third, to_pm, reply]


def introduction(sc: Scene) -> Mail:
    """The clerk introduces her husband's client to the head of the waterfront authority and asks for a meeting."""
    text = letter("Dear Hector,", [
        f"I would like to introduce Marisol Vega, Chief Executive Officer of {cast.CLIENT_TITLE}, copied here. Harborline would "
        "like to talk with the Waterfront Authority about event security for the stadium season.",
        "Could you find time to meet with her in the next few weeks? I think you will find the conversation useful."],
        "With thanks,", CLERK_SIG)
    return sc.new(CLERK.addr, [cast.WATERFRONT.addr], "Introduction: Marisol Vega, Harborline Security Consultants", text,
                  {"encoding": "7bit", "html": "yes"}, central(datetime(2020, 5, 12, 11, 20, 44)), cc=[CEO.addr])


def decoy_acts(sc: Scene, sheet: Mail) -> dict[str, list[Mail]]:
    """Acts like the planted ones that are not the pattern: a public press release forwarded to the husband, the term
    sheet forwarded to a colleague, an unrelated resident nominated for the award, a staff member's own webmail on
    LakeportID, the clerk's webmail on school matters."""
    release = sc.new(cast.COMMS.addr, [CLERK.addr], "Press release: LakeportID enrollment at all library branches",
                     "FOR IMMEDIATE RELEASE\n\nLakeport residents can now enroll for LakeportID at every branch of the "
                     "Lakeport Public Library. Enrollment is free; bring proof of identity and residence.\n\nLena Marchetti\n"
                     "Communications Director, Office of the City Clerk\n", {"encoding": "7bit", "html": ""},
                     central(datetime(2020, 9, 15, 10, 2, 13)))
    shared = sc.post.forward(release, CLERK.addr, [SPOUSE.addr], "Went out this morning.\n\nD",
                             central(datetime(2020, 9, 15, 12, 40, 5)))
    colleague = sc.post.forward(sheet, CLERK.addr, [cast.COUNSEL.addr], "Noor - please review before it is filed with the "
                                "Council.\n\nDana", central(datetime(2020, 4, 15, 9, 12, 30)))
    nomination = sc.new(CLERK.addr, [CHAMBER.addr], f"Nomination: {cast.AWARD} - Ruth Castellano", letter(
        "Dear members of the Awards Committee,", [
            f"I am pleased to nominate Ruth Castellano for the {cast.AWARD}.",
            "Ms. Castellano has run the Cedar Flats tenants' association for twelve years and started its free tax clinic."],
        "Sincerely,", CLERK_SIG), {"encoding": "7bit", "html": ""}, central(datetime(2021, 2, 19, 15, 44, 2)))
    staff_home = sc.post.new(central(datetime(2020, 7, 9, 19, 25, 51)), cast.STAFF_HOME.addr, [CLERK.addr],
                             "LakeportID enrollment numbers", "Dana,\n\nSending from home: enrollment at the libraries passed "
                             "2,000 this week. The programme report will be on the shared drive tomorrow.\n\nKofi\n")
    staff_reply = sc.post.reply(staff_home, CLERK.addr, "Great news, thank you Kofi.\n\nDana", central(datetime(2020, 7, 10, 8, 5, 9)),
                                to=[cast.STAFF_GOV.addr])
    school = sc.post.new(central(datetime(2020, 10, 6, 20, 11, 30)), CLERK_HOME.addr, [cast.PTA.addr], "Spring fair volunteers",
                         "Hi,\n\nPut me down for the bake sale table on Saturday morning, and Sam can help with set-up.\n\n"
                         "Dana Ortiz (Mia's and Lucas's mom)\n")
    school_reply = sc.post.reply(school, cast.PTA.addr, "Thank you, Dana! You are on the list for 9 to 11.\n\nMillbrook PTA",
                                 central(datetime(2020, 10, 7, 7, 40, 0)))
    return {"press_release_to_spouse": [release, shared], "term_sheet_to_colleague": [colleague],
            "resident_nomination": [nomination], "staff_personal_account": [staff_home, staff_reply],
            "family_mail_on_personal_account": [school, school_reply]}


def namesake_mail(sc: Scene, count: int) -> list[Mail]:
    """The unrelated constituent "Sam Reyes Jr." writing about his block, and the clerk's answers."""
    out: list[Mail] = []
    while len(out) < count:
        subject, body = sc.rng.choice(NAMESAKE_TOPICS)
        when = sc.clock.moment()
        text = f"Hello,\n\n{body.format(m=MONTH_NAMES[when.month - 1])}\n\nThank you,\nSam Reyes Jr.\n1418 W. Marlowe St., Lakeport\n"
        first = sc.new(NAMESAKE.addr, [CLERK.addr], subject, text, sc.style(0.1), when)
        out.append(first)
        if len(out) < count and sc.rng.random() < 0.6:
            answer = letter("Dear Mr. Reyes,", ["Thank you for your message. I have asked our licensing staff to look into it and "
                                                "they will contact you this week."], "Sincerely,", CLERK_SIG)
            out.append(sc.reply(first, CLERK.addr, answer, sc.style(0.2)))
    return out


def lookalike_mail(sc: Scene, count: int) -> list[Mail]:
    """Mail from the look-alike company, which holds records contracts with the clerk's office."""
    out: list[Mail] = []
    while len(out) < count:
        template, body = sc.rng.choice(LOOKALIKE_TOPICS)
        when = sc.clock.moment(date(2018, 4, 2), cast.MAIL_END)
        later = when + timedelta(days=sc.rng.randint(2, 12))
        n, d = sc.rng.randint(10, 240), f"{MONTH_NAMES[later.month - 1]} {later.day}"
        subject, body = template.format(n=n), body.format(n=n, d=d)
        atts = []
        if "ertificate" in subject or "nvoice" in subject:
            atts = [Attachment(f"{subject.replace(' - ', ' ')}.pdf", "application/pdf",
                               make_pdf(f"{cast.LOOKALIKE_TITLE} - {subject}", [body]))]
        text = (f"Dear Clerk Ortiz,\n\n{body}\n\nRegards,\nDev Malik\nManaging Member, "
                f"{cast.LOOKALIKE_TITLE}\n88 W. Wharf St., Lakeport\n")
        first = sc.new(LOOKALIKE_CONTACT.addr, [CLERK.addr], subject, text, sc.style(0.3), when, attachments=atts)
        out.append(first)
        if len(out) < count and sc.rng.random() < 0.4:
            out.append(sc.reply(first, CLERK.addr, "Thank you, Dev. Received.\n\nDana", sc.style(0.2)))
    return out


def whitfield_mail(sc: Scene, count: int) -> list[Mail]:
    """The alderman's husband (not a lobbyist) writing to the clerk now and then."""
    out = []
    for i in range(count):
        fixed, subject, text = WHITFIELD[i % len(WHITFIELD)]
        when = central(fixed) if i < len(WHITFIELD) else sc.clock.moment()
        cc = [cast.ALDERMAN.addr] if i % 2 else []
        out.append(sc.new(cast.ALDERMAN_SPOUSE.addr, [CLERK.addr], subject, text + "\n", sc.style(0.1), when, cc=cc))
    return out


def plant(sc: Scene, emails: int) -> tuple[Planted, list[Mail]]:
    """The planted mail (with the ids truth.json names) and the decoy mail, scaled to the mailbox's size."""
    spouse_total = max(40, round(emails * 0.02))
    before = spouse_total // 2
    p = Planted()
    ceo = ceo_thread(sc)
    sheet = term_sheet(sc)
    nomination = award(sc)
    p.ceo_request = [m.message_id for m in ceo]
    p.term_sheet_forward = sheet[1].message_id
    p.award_nomination = nomination[0].message_id
    # one after-registration slot each for the term sheet forward and the press release forwarded to him (a decoy act)
    p.mails = (spouse_mail(sc, before, spouse_total - before - 2) + about_mail(sc, max(4, emails // 1000), max(4, emails // 1000))
               + ceo + sheet + nomination)
    decoys = (namesake_mail(sc, max(15, round(emails * 0.001))) + lookalike_mail(sc, max(10, round(emails * 0.001)))
              + whitfield_mail(sc, max(4, emails // 4000)))
    # documents-to-relative, personal-account-business, favour-for-relative
    business = personal_business(sc)
    intro = introduction(sc)
    acts = decoy_acts(sc, sheet[0])
    p.personal_business = [m.message_id for m in business]
    p.introduction = intro.message_id
    p.decoy_messages = {what: [m.message_id for m in mails] for what, mails in acts.items()}
    p.mails += business + [intro]
    decoys += [m for mails in acts.values() for m in mails]
    return p, decoys
