"""The everyday mail of the clerk's government account: the background the planted mail hides in.

Staff threads, constituents, vendors, registered lobbyists writing in, aldermen, newsletters, a
mailing list, system notices and the clerk's notes to herself. Each generator returns one thread;
:func:`background` draws threads by weight until it has the number of messages asked for.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from html import escape

from interlock.demo import cast
from interlock.demo.attachments import make_csv, make_docx, make_pdf
from interlock.demo.cast import CLERK, CLERK_HOME, GOV_DOMAIN, Names
from interlock.demo.contracts import Vendor
from interlock.demo.mail import Addr, Attachment, Mail
from interlock.demo.postbox import Clock, Postbox
from interlock.demo.registry import Registry
from interlock.demo.texts import ALDERMAN, CONSTITUENT, LOBBYIST, STAFF, VENDOR, Topic, slots

CLERK_SIG = "Dana M. Ortiz\nCity Clerk | City of Lakeport\n121 N. Harbor St., Room 107, Lakeport\n(312) 555-0100"
TITLES = ["Deputy City Clerk", "Deputy City Clerk", "Chief of Staff", "Executive Assistant to the City Clerk", "Records Manager",
          "FOIA Officer", "Licensing Supervisor", "Council Secretary", "Communications Director", "Budget Analyst",
          "LakeportID Program Manager", "Front Desk Coordinator", "Archivist", "Legislative Analyst", "Legislative Analyst",
          "Legislative Analyst", "Assistant Corporation Counsel", "Assistant Corporation Counsel", "Procurement Officer",
          "HR Generalist", "Elections Liaison", "IT Support Analyst", "Scheduler, Office of the Mayor", "Finance Analyst"]
NEWSLETTERS = [("Lakeport Herald", "news@lakeportherald.com", "Morning Briefing: {headline1}"),
               ("Municipal Clerks Institute", "newsletter@municlerksinstitute.org", "Clerk's Corner \u2014 {month} {year}"),
               ("CivicWire Weekly", "noreply@civicwire.net", "This week in local government: {headline2}"),
               ("Lakeport Public Library", "events@lakeportlibrary.org", "Upcoming events at your library \U0001F4DA"),
               ("Lakeport Transit", "alerts@lakeporttransit.org", "Service alert: {hood} route detour"),
               ("Public Sector Records Forum", "noreply@webinars.psrforum.org", "Webinar invitation: {webinar}"),
               ("Lakeport Chamber of Commerce", "news@lakeportchamber.org", "Chamber News: {headline3}")]
LIST_ADDR = ("MUNI-CLERKS", "muni-clerks@lists.clerksassociation.org")
TOWNS = ["Ashbury", "Millhaven", "Crestfield", "Port Alden", "Greyford", "Oakmere", "Westhollow", "Brackenridge"]
LEGAL = {"LLC", "INC", "INC.", "L.P.", "CO.", "LTD.", "P.C.", "&", "LLP"}


@dataclass(frozen=True)
class Staffer:
    name: str
    email: str
    title: str = ""
    org: str = ""

    @property
    def addr(self) -> Addr:
        return (self.name, self.email)

    @property
    def first(self) -> str:
        return self.name.split()[0]

    @property
    def signature(self) -> str:
        return "\n".join(x for x in (self.name, self.title, self.org) if x)


def title_name(name: str) -> str:
    """"LAKESHORE PARKING PARTNERS, LLC" as people type it: "Lakeshore Parking Partners, LLC"."""
    return " ".join(w if w.rstrip(",") in LEGAL else w.capitalize() for w in name.split())


def html_of(text: str) -> str:
    paras = "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in text.split("\n\n"))
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>p{margin:0 0 1em;'
            'font-family:Calibri,sans-serif}</style></head><body>' + paras + "</body></html>")


class Scene:
    """Everything the mail generators share: the dice, the clock, the post box and the people."""

    def __init__(self, rng: random.Random, registry: Registry, vendors: list[Vendor]) -> None:
        self.rng, self.clock, self.post = rng, Clock(rng), Postbox(rng)
        self.names = Names(rng)
        self.gov_locals: set[str] = {"pnatarajan"}
        self.staff = [self.gov_person(t) for t in TITLES + rng.choices(["Clerk II", "Clerk III", "Records Clerk"], k=12)]
        self.aldermen = [self.gov_person(f"Alderman, {w}{'st' if w == 1 else 'nd' if w == 2 else 'rd' if w == 3 else 'th'} Ward")
                         for w in range(1, 11) if w != 4]
        self.aldermen.append(Staffer(cast.ALDERMAN.display, cast.ALDERMAN.email, "Alderman, 4th Ward", "City of Lakeport"))
        self.vendors = vendors
        skip = {cast.CLIENT, cast.LOOKALIKE}
        self.lobby = [(lob, y, cs) for lob in registry.lobbyists if lob is not registry.spouse for y in lob.years if 2017 <= y <= 2021
                      for cs in [[c for c in registry.clients_of(lob, y) if c.name not in skip]] if cs]

    def gov_person(self, title: str) -> Staffer:
        """A city employee with a first-initial-and-surname address (first.last when that is taken)."""
        nm = self.names.draw()
        local = cast.ascii_local(nm.first[0] + nm.last)
        if local in self.gov_locals or local == "dortiz":
            local = f"{cast.ascii_local(nm.first)}.{cast.ascii_local(nm.last)}"
        self.gov_locals.add(local)
        return Staffer(nm.full, f"{local}@{GOV_DOMAIN}", title, "City of Lakeport")

    def outsider(self, domain: str = "", accented: float = 0.0) -> Staffer:
        nm = self.names.draw(accented)
        if not domain:
            domain = self.rng.choice(cast.WEBMAIL)
            local = self.rng.choice([f"{nm.first}.{nm.last}", f"{nm.first[0]}{nm.last}{self.rng.randint(1, 99)}", f"{nm.first}{nm.last}"])
        else:
            local = f"{nm.first[0]}{nm.last}"
        parts = local.split(".")
        return Staffer(nm.full, ".".join(cast.ascii_local(p) for p in parts) + f"@{domain}")

    def style(self, html: float = 0.3) -> dict[str, str]:
        r = self.rng.random()
        return {"encoding": "base64" if r < 0.05 else "quoted-printable" if r < 0.15 else "7bit",
                "html": "yes" if self.rng.random() < html else ""}

    def new(self, sender: Addr, to: list[Addr], subject: str, text: str, style: dict[str, str], when: datetime | None = None,
            **kw: object) -> Mail:
        m = self.post.new(when or self.clock.moment(), sender, to, subject, text, encoding=style["encoding"], **kw)
        if style["html"]:
            m.html = html_of(text)
        return m

    def reply(self, original: Mail, sender: Addr, text: str, style: dict[str, str], to: list[Addr] | None = None,
              cc: list[Addr] | None = None) -> Mail:
        m = self.post.reply(original, sender, text, self.clock.later(original.when), to, cc, encoding=style["encoding"])
        if style["html"]:
            m.html = html_of(m.text)
        return m


def letter(greeting: str, paragraphs: list[str], signoff: str, signature: str) -> str:
    return f"{greeting}\n\n" + "\n\n".join(paragraphs) + f"\n\n{signoff}\n{signature}\n"


def attachment(kind: str, s: dict[str, object]) -> list[Attachment]:
    if kind == "agenda":
        return [Attachment(f"Agenda {s['meeting']}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           make_docx([f"CITY COUNCIL OF LAKEPORT - AGENDA, {s['meeting']}", "1. Call to order", "2. Public comment",
                                      f"3. Report of the Committee on {s['committee']}", f"4. Ordinance {s['ordinance']}"]))]
    if kind in ("minutes", "invoice", "position"):
        title = {"minutes": f"Minutes - Committee on {s['committee']}", "invoice": f"Invoice {s['invoice']}",
                 "position": f"{s['client']} - position summary"}[kind]
        lines = {"minutes": [f"Meeting of {s['date']}", "Present: a quorum.", f"Item {s['n1']}: approved.", "Adjourned."],
                 "invoice": [f"PO {s['po']}", f"Period: {s['month']} {s['year']}", f"Amount due: {s['amount']}", "Terms: net 30"],
                 "position": [f"Re: {s['issue2']}", "Summary of our position for the Office of the City Clerk.",
                              f"Ordinance {s['ordinance']}, section {s['n1']}."]}[kind]
        name = title.replace(" - ", " ").replace(",", "") + ".pdf"
        return [Attachment(name, "application/pdf", make_pdf(title, lines))]
    if kind in ("sales", "enrollment"):
        rows = [["week", "count"]] + [[f"{s['year']}-W{w:02d}", str((w * int(str(s['count']))) % 997)] for w in range(1, 6)]
        return [Attachment(f"{kind}-{s['month']}-{s['year']}.csv", "text/csv", make_csv(rows))]
    if kind in ("budget", "calendar"):
        return [Attachment(f"{kind.title()} FY{s['fy']}.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                           make_docx([f"{kind.title()} notes", f"Prepared {s['date']}", f"Amount: {s['amount']}"]))]
    return []


def conversation(sc: Scene, topic: Topic, a: Staffer | None, b: Staffer | None, s: dict[str, object], style: dict[str, str],
                 cc: list[Addr] | None = None, max_replies: int = 3, when: datetime | None = None) -> list[Mail]:
    """A thread on ``topic`` between ``a`` (writes first) and ``b``; None stands for the clerk."""
    subject, paras, kind, replies = topic
    sender = a.addr if a else CLERK.addr
    to = b.addr if b else CLERK.addr
    greet = f"Hi {b.first}," if b else sc.rng.choice(["Hi Dana,", "Dana,", "Good morning Dana,", "Hello Clerk Ortiz,"])
    sig = a.signature if a else CLERK_SIG
    text = letter(greet, [p.format_map(s) for p in paras], sc.rng.choice(["Thanks,", "Best,", "Thank you,", "Regards,"]), sig)
    first = sc.new(sender, [to], subject.format_map(s), text, style, when, cc=cc or [], attachments=attachment(kind, s))
    thread = [first]
    for i in range(sc.rng.randint(0, max_replies) if replies else 0):
        last = thread[-1]
        who, other = (b, a) if i % 2 == 0 else (a, b)
        body = sc.rng.choice(replies).format_map(s) + "\n\n" + (who.first if who else "Dana")
        thread.append(sc.reply(last, who.addr if who else CLERK.addr, body, style, to=[other.addr if other else CLERK.addr], cc=cc))
    return thread


def staff_thread(sc: Scene) -> list[Mail]:
    rng = sc.rng
    staffer, other = rng.sample(sc.staff, 2)
    when = sc.clock.moment()
    s = slots(rng, when)
    s["other"] = other.first
    cc = [other.addr] if rng.random() < 0.2 else []
    a, b = (None, staffer) if rng.random() < 0.3 else (staffer, None)
    return conversation(sc, rng.choice(STAFF), a, b, s, sc.style(0.35), cc, when=when)


def constituent_thread(sc: Scene) -> list[Mail]:
    rng = sc.rng
    person = sc.outsider(accented=0.12)
    when = sc.clock.moment()
    s = slots(rng, when)
    style = sc.style(0.15)
    topic = rng.choice(CONSTITUENT)
    signed = Staffer(person.name, person.email, str(s["street"]), "Lakeport")
    thread = conversation(sc, (topic[0], topic[1], "", []), signed, None, s, style, when=when)
    if not person.name.isascii() and person.name.encode("latin-1", "ignore").decode("latin-1") == person.name and rng.random() < 0.5:
        thread[0].charset = "iso-8859-1"
    if rng.random() < 0.6:
        answer = letter(f"Dear {person.first},", [rng.choice(topic[3]).format_map(s)], "Sincerely,", CLERK_SIG)
        thread.append(sc.reply(thread[0], CLERK.addr, answer, sc.style(0.2)))
        if rng.random() < 0.3:
            thread.append(sc.reply(thread[-1], person.addr, f"Thank you very much!\n\n{person.first}", style))
    elif rng.random() < 0.35:
        staffer = rng.choice(sc.staff)
        note = f"{staffer.first}, can you take care of this one? Thanks.\n\nDana"
        thread.append(sc.post.forward(thread[0], CLERK.addr, [staffer.addr], note, sc.clock.later(thread[0].when)))
    return thread


def vendor_thread(sc: Scene) -> list[Mail]:
    rng = sc.rng
    vendor = rng.choice(sc.vendors)
    contact = sc.outsider(vendor.domain)
    signed = Staffer(contact.name, contact.email, "Account Manager", title_name(vendor.name))
    when = sc.clock.moment()
    s = slots(rng, when)
    cc = [rng.choice(sc.staff).addr] if rng.random() < 0.3 else []
    return conversation(sc, rng.choice(VENDOR), signed, None, s, sc.style(0.4), cc, max_replies=1, when=when)


def lobbyist_thread(sc: Scene) -> list[Mail]:
    rng = sc.rng
    lob, year, clients = rng.choice(sc.lobby)
    client = rng.choice(clients)
    signed = Staffer(lob.display, lob.email, "", title_name(lob.firm.name))
    when = sc.clock.moment(date(year, 1, 20), date(year, 12, 20))
    s = slots(rng, when)
    s["client"] = title_name(client.name)
    return conversation(sc, rng.choice(LOBBYIST), signed, None, s, sc.style(0.4), max_replies=2, when=when)


def alderman_thread(sc: Scene) -> list[Mail]:
    rng = sc.rng
    alderman = rng.choice(sc.aldermen)
    when = sc.clock.moment()
    return conversation(sc, rng.choice(ALDERMAN), alderman, None, slots(rng, when), sc.style(0.3), max_replies=2, when=when)


def newsletter(sc: Scene) -> list[Mail]:
    rng = sc.rng
    name, address, subject = rng.choice(NEWSLETTERS)
    when = sc.clock.moment()
    s = slots(rng, when)
    items = [str(s["headline1"]), str(s["headline2"]), str(s["headline3"])]
    text = (f"{name}\n\nFrom the editor: here is what we are following this week.\n\n" + "\n".join(f"* {h}" for h in items)
            + f"\n\nRead more at https://www.{address.split('@')[1].removeprefix('webinars.')}/\n\nYou are receiving this because "
              f"{CLERK.email} subscribed. Unsubscribe: https://www.{address.split('@')[1]}/unsubscribe\n")
    html = (f'<html><body style="font-family:Georgia,serif"><h1>{escape(name)}</h1><p>From the editor: here is what we are '
            f"following this week.</p><ul>" + "".join(f"<li><a href=\"https://www.example.org/{i}\">{escape(h)}</a></li>"
                                                      for i, h in enumerate(items)) + "</ul><p style=\"font-size:small\">"
            f"You are receiving this because {CLERK.email} subscribed.</p></body></html>")
    mail = sc.post.new(when, (name, address), [CLERK.addr], subject.format_map(s), text,
                       encoding=rng.choice(["quoted-printable", "quoted-printable", "base64", "7bit"]),
                       encode_subject=rng.random() < 0.3,
                       headers=[("List-Unsubscribe", f"<https://www.{address.split('@')[1]}/unsubscribe>"),
                                ("Precedence", "bulk")])
    mail.html = html
    return [mail]


def list_thread(sc: Scene) -> list[Mail]:
    rng = sc.rng
    when = sc.clock.moment()
    s = slots(rng, when)
    members = [(t, sc.outsider(f"{t.lower().replace(' ', '')}il.org")) for t in rng.sample(TOWNS, 3)]
    headers = [("List-Id", f"<{LIST_ADDR[1].replace('@', '.')}>"), ("Precedence", "list")]
    subject = f"[{LIST_ADDR[0]}] {s['question']}"
    starter: Addr = CLERK.addr if rng.random() < 0.2 else members[0][1].addr
    first = sc.post.new(when, starter, [LIST_ADDR], subject, f"Colleagues,\n\n{s['question']} Any advice is welcome.\n\n"
                        f"{starter[0]}\n", headers=headers)
    thread = [first]
    for town, member in members[1:rng.randint(1, 3)]:
        answer = f"In {town} we settled this last year; happy to share our policy.\n\n{member.name}\nClerk, {town}"
        thread.append(sc.post.reply(thread[-1], member.addr, answer, sc.clock.later(thread[-1].when), to=[LIST_ADDR], headers=headers))
    return thread


def system_notice(sc: Scene) -> list[Mail]:
    rng = sc.rng
    when = sc.clock.moment()
    kind = rng.randrange(3)
    if kind == 0:
        return [sc.post.new(when, ("IT Service Desk", f"noreply@{GOV_DOMAIN}"), [CLERK.addr], "Your password expires soon",
                            f"Your network password expires in {rng.randint(1, 14)} days. Change it at https://password.lakeport.gov/.\n")]
    if kind == 1:
        return [sc.post.new(when, ("Payroll", f"payroll@{GOV_DOMAIN}"), [CLERK.addr], "Timesheet approval reminder",
                            f"You have {rng.randint(1, 9)} timesheets waiting for approval in the payroll system.\n")]
    ticket = rng.randint(10000, 99999)
    return [sc.post.new(when, ("Help Desk", f"helpdesk@{GOV_DOMAIN}"), [CLERK.addr], f"Ticket #{ticket} resolved",
                        f"Ticket #{ticket} ({rng.choice(['printer', 'VPN', 'scanner', 'laptop', 'phone'])}) was resolved.\n")]


def note_to_self(sc: Scene) -> list[Mail]:
    rng = sc.rng
    when = sc.clock.moment()
    s = slots(rng, when)
    doc = Attachment(f"Remarks {s['month']} {s['year']}.docx",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                     make_docx([f"Remarks for the {s['committee']} committee", f"{s['headline1']}"]))
    if rng.random() < 0.5:
        return [sc.post.new(when, CLERK_HOME.addr, [CLERK.addr], f"Notes for {s['day']}",
                            f"Sending this to my work account.\n\n- call Law about {s['foia']}\n- {s['issue2']}\n", attachments=[doc])]
    return [sc.post.new(when, CLERK.addr, [CLERK_HOME.addr], "Remarks draft", "To finish at home.\n", attachments=[doc])]


GENERATORS: list[tuple[Callable[[Scene], list[Mail]], float]] = [
    (staff_thread, 34), (constituent_thread, 16), (vendor_thread, 8), (lobbyist_thread, 5), (alderman_thread, 6),
    (newsletter, 22), (list_thread, 3), (system_notice, 5), (note_to_self, 1)]


def background(sc: Scene, count: int) -> list[Mail]:
    gens = [g for g, _ in GENERATORS]
    weights = [w for _, w in GENERATORS]
    out: list[Mail] = []
    while len(out) < count:
        thread = sc.rng.choices(gens, weights)[0](sc)
        out.extend(thread[: count - len(out)])
    return out
