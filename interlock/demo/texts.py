"""What the background mail says: topics as templates with ``{slots}``, filled by :func:`slots`.

A topic is (subject, paragraphs, attachment kind or "", replies). Templates never name the planted
cast, so background mail cannot be mistaken for planted mail.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from interlock.demo.cast import NEIGHBOURHOODS, STREETS

Topic = tuple[str, list[str], str, list[str]]

STAFF: list[Topic] = [
    ("Draft agenda - City Council meeting {meeting}",
     ["Attached is the draft agenda for the {meeting} City Council meeting. Items {n1} and {n2} are still waiting on the Law "
      "Department.", "Please let me know if anything should move before it goes to the Mayor's office on {day}."],
     "agenda", ["Looks good. Please move the {committee} report up to item {n1}.", "Thanks, approved as drafted.",
                "Can we add ordinance {ordinance} under new business?"]),
    ("Minutes: Committee on {committee}, {date}",
     ["The minutes from the Committee on {committee} meeting are attached for your review.",
      "Journal publication is scheduled for {day}."],
     "minutes", ["Reviewed. One typo on page 2 (the vote count on item {n1}); otherwise fine.", "Approved, please publish."]),
    ("{foia}: request for {topic}",
     ["We received {foia} from a reporter asking for {topic}. The statutory deadline is {date}.",
      "Records has pulled {count} pages so far. Law wants to review before release."],
     "", ["Please loop in Law and send me the draft response by {day}.", "Fine to release with the usual redactions."]),
    ("Licensing counter coverage {date}",
     ["We are short two clerks at the licensing counter on {date}.",
      "Can {other} cover the morning shift? Marriage license appointments are fully booked."],
     "", ["Yes, approved. Thank you for flagging it.", "Let's move two people from Records for the morning."]),
    ("City sticker sales - {month} {year}",
     ["Attached are the city sticker sales numbers for {month}. Online sales are up {pct}% over last year.",
      "The late-fee waiver ends on {date}."],
     "sales", ["Thanks. Please include this in Friday's update to the Mayor's office."]),
    ("LakeportID enrollment - week of {date}",
     ["LakeportID enrollment this week: {count} new cards and {count2} renewals. Wait times at the {hood} pop-up averaged "
      "{mins} minutes.", "The appointment report is attached."],
     "enrollment", ["Great numbers. Can we add a Saturday pop-up in {hood}?", "Thanks - please share with the council liaison."]),
    ("Budget hearing prep \u2013 FY{fy}",
     ["Here are the talking points for the FY{fy} budget hearing on {date}.",
      "Personnel is flat; the increase is in records digitization ({amount})."],
     "budget", ["Please add a line about LakeportID fee revenue.", "Good. Let's do a prep session on {day} at {time}."]),
    ("Ordinance {ordinance} ready for publication",
     ["Ordinance {ordinance} (amending chapter {n1} of the Municipal Code) passed on {date} and is ready for publication.",
      "Pamphlet copies go to the library branches next week."],
     "", ["Thank you, please publish."]),
    ("Records retention schedule update",
     ["The state archives approved our amended retention schedule for {topic}.",
      "I would like to schedule disposal of {count} boxes from the {year} series with our storage vendor."],
     "", ["Approved. Please keep a certificate of destruction for each batch."]),
    ("Press inquiry: {topic}",
     ["A reporter from the Lakeport Herald is asking about {topic}. The deadline is {time} today.",
      'Draft response:\n\n"The Office of the City Clerk is reviewing the request and will respond within the statutory period."'],
     "", ["Fine to send.", "Let's hold until Law weighs in."]),
    ("Staff meeting {day}",
     ["Reminder: staff meeting {day} at {time} in Room 107.", "Agenda: records backlog, LakeportID pop-ups, summer hours."],
     "", ["I'll be there.", "Running ten minutes late, start without me."]),
    ("Council calendar - {month}",
     ["The updated council calendar for {month} is attached. The {committee} committee moved to {date}."], "calendar", []),
    ("Out of office {date}", ["I will be out of the office on {date}. {other} will cover the front counter."], "",
     ["Thanks for letting me know."]),
    ("Certified copies for {committee} hearing",
     ["Law needs {count} certified copies of ordinance {ordinance} for a hearing on {date}.",
      "Can you sign the certifications this afternoon?"], "", ["Yes, bring them by after {time}."]),
    ("Summer hours at City Hall",
     ["From the week of {date} the Clerk's counters will open at 8:00 am and close at 4:30 pm.",
      "Signs for the lobby are at the print shop."], "", ["Thanks, please post it on the website too."]),
]

CONSTITUENT: list[Topic] = [
    ("Marriage license appointment",
     ["My fianc\u00e9 and I would like to get a marriage license before {date}. Do we need an appointment, and what documents "
      "should we bring?"], "", ["Congratulations! You can book an appointment online; please bring a photo ID for each of you. "
                                "The fee is $60."]),
    ("LakeportID card question", ["I lost my LakeportID card. How do I get a replacement, and is there a fee?"], "",
     ["Replacement cards are $10 and can be requested at any pop-up event or at City Hall, Room 107."]),
    ("Public records request - {topic}",
     ["Under the Freedom of Information Act I am requesting copies of {topic} for {year}.", "Electronic copies are fine."], "",
     ["We received your request and assigned it number {foia}. We will respond by {date}."]),
    ("Business license renewal for {shop}",
     ["I am trying to renew the business license for {shop} at {street}, but the online system keeps giving me an error."],
     "", ["Sorry for the trouble. Please send me a screenshot of the error and we will renew it by hand."]),
    ("City sticker refund",
     ["I sold my car in {month} and bought a city sticker I no longer need. Can I get a refund?"], "",
     ["Refunds are prorated. Please return the attached form with your receipt."]),
    ("Complaint about {issue} on {street}",
     ["For weeks there has been {issue} in front of {street}. Who at the City can fix this?",
      "From the look of it nobody has come out yet."], "",
     ["Thank you for writing. I have sent your message to Streets and Sanitation (311 ticket {n1}{n2}{count})."]),
    ("Voter registration", ["I moved to {hood} in {month}. Do I need to register again, or does the City Clerk handle that?"],
     "", ["Voter registration is handled by the Lakeport Board of Elections; you can update your address online."]),
    ("Public comment at the {meeting} meeting",
     ["I would like to sign up for public comment at the {meeting} council meeting about {issue}."], "",
     ["You are signed up. Please arrive 15 minutes early; remarks are limited to three minutes."]),
]

VENDOR: list[Topic] = [
    ("Invoice {invoice} - PO {po}",
     ["Please find attached invoice {invoice} for services under PO {po} ({month} {year}).", "Amount due: {amount}. Terms net 30."],
     "invoice", ["Received, and sent to Finance for payment."]),
    ("Quote for {item}", ["As requested, here is our quote for {item}: {amount}, delivery within {count2} business days."], "",
     ["Thank you, we will review it and get back to you."]),
    ("Service visit on {date}", ["Our technician will be at City Hall on {date} at {time} for the scheduled maintenance."], "",
     ["Confirmed. Please check in at the security desk."]),
    ("PO {po} renewal", ["PO {po} expires on {date}. We would like to discuss a renewal at the same rates."], "",
     ["Please send the renewal request to Procurement."]),
]

LOBBYIST: list[Topic] = [
    ("Meeting request: {client}",
     ["I represent {client} and would appreciate twenty minutes with you about {issue2}.", "Would {day} at {time} work?"], "",
     ["Happy to meet. My assistant will send an invitation."]),
    ("{client} - follow-up", ["Thank you for meeting with us on {date}. As promised, attached is a short summary of our position."],
     "position", ["Thank you, received."]),
    ("Ordinance {ordinance} - comments from {client}",
     ["On behalf of {client}, we respectfully submit comments on ordinance {ordinance}, in particular section {n1} on {issue2}."],
     "", []),
]

ALDERMAN: list[Topic] = [
    ("Ward {ward} - ordinance introduction",
     ["I will introduce an ordinance on {issue2} at the {meeting} meeting. Can your office confirm the filing deadline?"], "",
     ["The filing deadline is noon on {day}. Happy to help with the format."]),
    ("Certified copy request", ["Could your office send me a certified copy of ordinance {ordinance}?"], "",
     ["Of course, it will be ready tomorrow."]),
    ("Council rules question", ["Does a deferred-and-published item need new notice if the meeting date changes?"], "",
     ["Yes, it needs 48 hours' notice. I will send you the rule citation."]),
]

LIST_QUESTIONS = ["How are you handling e-signatures on certified copies?", "Retention period for council meeting recordings?",
                  "Vendor recommendations for agenda management software", "Municipal ID programs - lessons learned?",
                  "FOIA requests for text messages on personal phones", "Staffing the counter during elections",
                  "Codification service contracts", "Remote public comment policies"]
HEADLINES = ["Council weighs {hood} rezoning", "{hood} residents push for new crosswalks", "Budget gap narrows after audit",
             "Lakefront path reopens after repairs", "School board names interim chief", "Transit agency adds late buses",
             "City hall roof project finished early", "Library extends Sunday hours", "Water main break snarls {hood} traffic",
             "LakeportID sign-ups top expectations", "Harbor festival draws record crowd", "New food hall opens in {hood}"]
WEBINARS = ["Records retention in the cloud", "Accessible public meetings", "Redaction without tears", "Elections security 101"]
ISSUES = ["a broken streetlight", "illegal dumping", "a pothole", "a blocked fire hydrant", "abandoned cars", "graffiti"]
ISSUES2 = ["sidewalk cafe permits", "short-term rentals", "food truck zones", "outdoor advertising", "towing rates",
           "the municipal ID programme", "parking meter hours", "contractor licensing"]
TOPICS = ["council voting records", "the mayor's calendar", "parking ticket revenue", "city sticker sales", "lobbyist meeting logs",
          "overtime paid to clerks", "marriage license statistics", "vendor payments"]
COMMITTEES = ["Finance", "Zoning", "License and Consumer Protection", "Public Safety", "Budget and Government Operations",
              "Transportation", "Health and Human Relations", "Rules and Ethics"]
SHOPS = ["Blue Heron Cafe", "Pier Street Bakery", "Northside Tailors", "Foundry Row Bikes", "Cedar Flats Pharmacy",
         "Lakefront Laundry", "Millbrook Hardware", "Kestrel Books"]
ITEMS = ["200 archival boxes", "a document scanner", "15 desk chairs", "LakeportID card stock", "toner cartridges",
         "a counter queue system", "microfilm reader repair"]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
               "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def day_text(when: datetime) -> str:
    return f"{WEEKDAYS[when.weekday()]}, {MONTH_NAMES[when.month - 1]} {when.day}"


def slots(rng: random.Random, when: datetime) -> dict[str, object]:
    """Values for every template slot, drawn once per thread."""
    rand = rng.random

    def ri(lo: int, hi: int) -> int:   # randint, without its argument checks (this runs once per thread)
        return lo + int(rand() * (hi - lo + 1))

    ahead = when + timedelta(days=ri(2, 20))
    hood = rng.choice(NEIGHBOURHOODS)
    return {
        "meeting": day_text(ahead), "date": day_text(when + timedelta(days=ri(1, 30))),
        "day": WEEKDAYS[ri(0, 4)], "time": f"{rng.choice([9, 10, 11, 1, 2, 3, 4])}:{rng.choice(['00', '30'])}",
        "n1": ri(2, 19), "n2": ri(20, 40), "committee": rng.choice(COMMITTEES),
        "ordinance": f"O{when.year}-{ri(100, 999)}", "ward": ri(1, 10), "hood": hood,
        "street": f"{ri(100, 4999)} {rng.choice('NSEW')}. {rng.choice(STREETS)} St.", "foia": f"FOIA-{when.year}-{ri(1, 2400):04d}",
        "month": MONTH_NAMES[when.month - 1], "year": when.year, "fy": when.year + 1, "pct": ri(2, 31),
        "amount": f"${ri(800, 95000):,}.{ri(0, 99):02d}", "count": ri(12, 480), "count2": ri(3, 90),
        "mins": ri(6, 55), "shop": rng.choice(SHOPS), "issue": rng.choice(ISSUES), "issue2": rng.choice(ISSUES2),
        "topic": rng.choice(TOPICS), "item": rng.choice(ITEMS), "invoice": ri(10000, 99999), "po": ri(28000, 131000),
        "headline1": rng.choice(HEADLINES).format(hood=hood), "headline2": rng.choice(HEADLINES).format(hood=rng.choice(NEIGHBOURHOODS)),
        "headline3": rng.choice(HEADLINES).format(hood=rng.choice(NEIGHBOURHOODS)), "webinar": rng.choice(WEBINARS),
        "question": rng.choice(LIST_QUESTIONS), "other": "", "client": "",
    }
