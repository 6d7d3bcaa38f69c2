#!/usr/bin/env python3
"""Generate the embedded sample data set of the `saleskpi` command-line tool.

Run it from the repository root:

    python3 tools/generate-sample.py

It (re)writes reps.csv, leads.csv, opportunities.csv, stage-changes.csv, deals.csv, activities.csv and
spend.csv in src/SalesKpi.Cli/Sample/ (another output directory may be given as the first argument). The
files follow the CSV contract of SPEC section 10: header row first, ISO-8601 UTC instants, YYYY-MM-DD dates,
invariant-culture amounts with a separate currency column, UTF-8 without BOM, LF line endings.

Only the Python standard library is used and the random generator has a fixed seed, so every run writes
byte-identical files. Change the generator, not the CSV files, and commit both.

What the data describes: a fictional B2B software company during the calendar year 2025 (every instant of
2025 activity lies in 2025; contract terms and expected close dates may run into 2026). Ten reps in two
teams of deliberately different strength (volume, conversion, deal size, cycle length); one rep (r10) joins
on 2025-04-01. Leads come from five sources; marketing spend exists for the paid channels (web, paid-search,
events, outbound) with monthly, quarterly and event-window intervals. About 44 customers with contracts won
in 2024 are active on 2025-01-01, so retention, churn and net revenue retention have a base: most renew,
some lapse and a few of those are won back. Activity times fall on working days (weekdays without
2025-01-01 and 2025-12-24/25/26/31) between 08:00 and 18:00 UTC.
"""

import bisect
import math
import os
import random
import sys
from datetime import date, datetime, timedelta, timezone

SEED = 20250101
YEAR = 2025
START = datetime(YEAR, 1, 1, tzinfo=timezone.utc)
END = datetime(YEAR, 12, 31, 23, 59, 59, tzinfo=timezone.utc)
CURRENCY = "USD"

rng = random.Random(SEED)


# ----------------------------------------------------------------------------------------------------------
# time helpers


def is_workday(d):
    return d.weekday() < 5 and (d.month, d.day) not in ((1, 1), (12, 24), (12, 25), (12, 26), (12, 31))


def next_workday(d):
    while not is_workday(d):
        d += timedelta(days=1)
    return d


def at(d, minute):
    return datetime(d.year, d.month, d.day, minute // 60, minute % 60, tzinfo=timezone.utc)


def work_time(d, latest=17 * 60 + 29):
    """A time on day d between 08:00 and `latest` (default 17:29, leaving room for follow-up entries)."""
    return at(d, rng.randint(8 * 60, latest))


def after_days(t, days):
    """A working-hours instant on the first working day at least `days` (>= 1) calendar days after t."""
    return work_time(next_workday(t.date() + timedelta(days=max(1, days))))


def lognormal_days(median, sigma=0.55):
    return max(1, round(rng.lognormvariate(math.log(median), sigma)))


def poisson(lam):
    if lam <= 0:
        return 0
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def add_months(d, months):
    m = d.month - 1 + months
    y, m = d.year + m // 12, m % 12 + 1
    last = [31, 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return date(y, m, min(d.day, last))


def term_end(start, months):
    return add_months(start, months) - timedelta(days=1)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def money(cents):
    return "%d.%02d" % (cents // 100, cents % 100)


def round_to(dollars, step=100):
    """Whole-dollar amount rounded to `step`, as cents."""
    return int(max(step, round(dollars / step) * step)) * 100


def monthly(cents, months):
    """Recurring monthly revenue: amount / term months, rounded half-up to the cent."""
    return (2 * cents + months) // (2 * months)


# ----------------------------------------------------------------------------------------------------------
# reps: activity volume, win skill, deal size, cycle length, call connect rate, qualification, tool use


class Rep:
    def __init__(self, rid, name, team, act, skill, size, cycle, connect, qualify, tool, joined=None):
        self.id, self.name, self.team = rid, name, team
        self.act, self.skill, self.size, self.cycle = act, skill, size, cycle
        self.connect, self.qualify, self.tool = connect, qualify, tool
        self.joined = joined or date(YEAR, 1, 2)


REPS = [
    Rep("r01", "Maria Gonzalez", "team-east", 1.10, 1.20, 1.00, 0.90, 0.33, 1.05, 1.0),
    Rep("r02", "James Whitaker", "team-east", 1.30, 0.80, 0.90, 1.10, 0.27, 0.95, 0.6),
    Rep("r03", "Priya Raman", "team-east", 1.00, 1.55, 1.35, 0.80, 0.36, 1.20, 1.6),  # the star
    Rep("r04", "Daniel Okafor", "team-east", 0.90, 1.00, 1.00, 1.00, 0.30, 1.00, 1.0),
    Rep("r05", "Sophie Laurent", "team-east", 0.65, 1.10, 1.55, 1.35, 0.31, 1.00, 0.4),  # few, big, slow deals
    Rep("r06", "Kenji Watanabe", "team-west", 1.20, 1.25, 1.10, 0.85, 0.34, 1.10, 1.3),
    Rep("r07", "Emily Carter", "team-west", 1.00, 0.95, 0.95, 1.00, 0.29, 1.00, 0.9),
    Rep("r08", "Lucas Ferreira", "team-west", 1.40, 0.60, 0.70, 1.20, 0.22, 0.80, 0.3),  # busy, converts badly
    Rep("r09", "Aisha Rahman", "team-west", 0.90, 1.05, 1.00, 0.95, 0.31, 1.00, 1.1),
    Rep("r10", "Tom Becker", "team-west", 0.80, 0.75, 0.85, 1.10, 0.26, 0.90, 0.8, joined=date(YEAR, 4, 1)),
]
REP = {r.id: r for r in REPS}
BASE_REPS = [r for r in REPS if r.joined.year < YEAR or r.joined == date(YEAR, 1, 2)]


def reps_on(d):
    return [r for r in REPS if r.joined <= d]


# ----------------------------------------------------------------------------------------------------------
# accounts and the 2024 customer base


class Account:
    def __init__(self, aid, owner):
        self.id, self.owner = aid, owner


accounts = []


def new_account(owner):
    a = Account("acc-%04d" % (len(accounts) + 1), owner)
    accounts.append(a)
    return a


class Deal:
    def __init__(self, account, owner, closed_at, cents, kind, months, opp=None):
        self.account, self.owner, self.closed_at, self.cents = account, owner, closed_at, cents
        self.kind, self.months, self.opp = kind, months, opp
        self.term_start = closed_at.date()
        self.term_end = term_end(self.term_start, months)
        self.id = None


deals = []  # every deal; kinds of opportunity deals are decided at the end, chronologically

# 44 customers won in 2024 with 12-month terms (all active on 2025-01-01), a few 2024 add-ons on them, and
# three 6-month pilots that lapsed during 2024 (win-back candidates).
base_deals = []
for i in range(44):
    owner = rng.choice(BASE_REPS)
    acc = new_account(owner)
    d = next_workday(date(2024, 1, 10) + timedelta(days=round(i * 344 / 44) + rng.randint(0, 6)))
    cents = round_to(rng.lognormvariate(math.log(21000 * owner.size), 0.5))
    base_deals.append(Deal(acc, owner, work_time(d), cents, "new-business", 12))
for acc_index in rng.sample(range(44), 6):
    first = base_deals[acc_index]
    d = next_workday(first.closed_at.date() + timedelta(days=rng.randint(60, 200)))
    if d < date(2024, 12, 20):
        cents = round_to(first.cents / 100 * rng.uniform(0.15, 0.35))
        base_deals.append(Deal(first.account, first.owner, work_time(d), cents, "add-on", 12))
pilots = []
for i in range(3):
    owner = rng.choice(BASE_REPS)
    acc = new_account(owner)
    d = next_workday(date(2024, 2, 5) + timedelta(days=40 * i + rng.randint(0, 10)))
    pilots.append(Deal(acc, owner, work_time(d), round_to(rng.uniform(6000, 12000)), "new-business", 6))
deals += base_deals + pilots

# renewals in 2025: an account renews all its 2024 contracts or lets them all lapse
churned = []  # (account, lapse date: the day after its last term ends)
for acc in accounts[:44]:
    contracts = [dl for dl in base_deals if dl.account is acc]
    if rng.random() < 0.15:
        churned.append((acc, max(dl.term_end for dl in contracts) + timedelta(days=1)))
        continue
    for dl in contracts:
        close = next_workday(max(date(YEAR, 1, 2), dl.term_end - timedelta(days=rng.randint(0, 25))))
        annual = dl.cents / 100 * 12 / dl.months
        r = Deal(acc, dl.owner, work_time(close), round_to(annual * rng.uniform(0.97, 1.10)), "renewal", 12)
        r.term_start = dl.term_end + timedelta(days=1)  # continuous coverage, no overlap
        r.term_end = term_end(r.term_start, 12)
        deals.append(r)
lapsed = [(p.account, p.term_end + timedelta(days=1)) for p in pilots] + churned

# ----------------------------------------------------------------------------------------------------------
# marketing spend and events

EVENTS = [  # (last event day, spend window start, spend window end, budget)
    (date(YEAR, 2, 20), date(YEAR, 1, 20), date(YEAR, 2, 21), 24000),
    (date(YEAR, 4, 10), date(YEAR, 3, 10), date(YEAR, 4, 11), 31500),
    (date(YEAR, 6, 5), date(YEAR, 5, 5), date(YEAR, 6, 6), 27000),
    (date(YEAR, 9, 25), date(YEAR, 8, 25), date(YEAR, 9, 26), 42000),
    (date(YEAR, 11, 13), date(YEAR, 10, 13), date(YEAR, 11, 14), 29500),
]
SEASON = [0.90, 0.95, 1.05, 1.00, 1.05, 0.95, 0.85, 0.75, 1.05, 1.15, 1.10, 0.80]

spend = []  # (channel, start, end, cents)
for m in range(1, 13):
    first, last = date(YEAR, m, 1), add_months(date(YEAR, m, 1), 1) - timedelta(days=1)
    growth = 1 + 0.012 * (m - 1)
    spend.append(("paid-search", first, last, int(rng.uniform(15500, 19500) * SEASON[m - 1] * growth * 100)))
    spend.append(("web", first, last, int(rng.uniform(6200, 7800) * growth * 100)))
for q in range(4):
    spend.append(("outbound", date(YEAR, 3 * q + 1, 1), add_months(date(YEAR, 3 * q + 1, 1), 3) - timedelta(days=1),
                  (7500 + 500 * q) * 100))
for _, s, e, budget in EVENTS:
    spend.append(("events", s, e, budget * 100))
spend.sort(key=lambda x: (x[1], x[0]))

# ----------------------------------------------------------------------------------------------------------
# leads


class Lead:
    def __init__(self, created_at, owner, source):
        self.created_at, self.owner, self.source = created_at, owner, source
        self.qualified_at = self.converted_at = None
        self.id = None


SOURCES = ["web", "paid-search", "referral", "events", "outbound"]
DAILY = {"web": 2.95, "paid-search": 2.05, "referral": 1.00, "outbound": 1.85}
QUALIFY = {"web": 0.25, "paid-search": 0.20, "referral": 0.55, "events": 0.30, "outbound": 0.27}
SIZE = {"web": 1.00, "paid-search": 0.85, "referral": 1.20, "events": 1.15, "outbound": 1.05}
HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 9, 10, 10, 10, 9, 8, 6, 5, 4, 3, 2, 1]

leads = []
day = START.date()
while day.year == YEAR:
    season = SEASON[day.month - 1] * (0.93 + 0.14 * day.timetuple().tm_yday / 365)
    workday = is_workday(day)
    staff = reps_on(day)
    for source in ["web", "paid-search", "referral", "outbound"]:
        if source in ("referral", "outbound") and not workday:
            continue
        for _ in range(poisson(DAILY[source] * season * (1.0 if workday else 0.35))):
            if source in ("web", "paid-search"):
                t = at(day, rng.choices(range(24), HOUR_WEIGHTS)[0] * 60 + rng.randint(0, 59))
            else:
                t = work_time(day)
            if source == "outbound":  # prospected by the rep, more by the busy ones
                owner = rng.choices(staff, [r.act for r in staff])[0]
            else:
                owner = None if source != "referral" and rng.random() < 0.06 else rng.choice(staff)
            leads.append(Lead(t, owner, source))
    for last_day, _, _, _ in EVENTS:  # badge scans imported on the three working days after an event
        if last_day < day <= last_day + timedelta(days=5) and workday:
            for _ in range(poisson(21)):
                leads.append(Lead(work_time(day), None if rng.random() < 0.06 else rng.choice(staff), "events"))
    day += timedelta(days=1)

leads.sort(key=lambda l: l.created_at)
for i, lead in enumerate(leads):
    lead.id = "lead-%05d" % (i + 1)
    if lead.owner is None:
        continue  # nobody works an unassigned lead
    if rng.random() < QUALIFY[lead.source] * lead.owner.qualify:
        q = after_days(lead.created_at, lognormal_days(4))
        if q <= END:
            lead.qualified_at = q
            if rng.random() < 0.85:
                c = after_days(q, lognormal_days(3))
                if c <= END:
                    lead.converted_at = c

# ----------------------------------------------------------------------------------------------------------
# opportunities and their stage history

STAGES = ["Prospecting", "Qualification", "FirstAppointment", "Proposal", "Negotiation"]
ADVANCE = [0.88, 0.80, 0.68, 0.80, 0.72]  # chance to move on from each stage (from Negotiation: to win)
DWELL = [5, 8, 11, 14, 12]  # median days in each stage


class Opp:
    def __init__(self, account, owner, created_at, cents, lead=None, kind="new"):
        self.account, self.owner, self.created_at, self.cents, self.lead = account, owner, created_at, cents, lead
        self.kind = kind
        self.status = "open"
        self.closed_at = self.expected_close = None
        self.entries = []
        self.id = None
        self.simulate()

    def simulate(self):
        rep = self.owner
        skill = rep.skill * {"new": 1.0, "expansion": 1.6, "win-back": 1.3}[self.kind]
        speed = rep.cycle * (0.7 if self.kind == "expansion" else 1.0)
        entries, cur, t, went_back, final = [(0, self.created_at)], 0, self.created_at, False, None
        while final is None:
            t = after_days(t, lognormal_days(DWELL[cur] * speed))
            if not went_back and cur in (3, 4) and rng.random() < (0.05 if cur == 3 else 0.03):
                went_back = True  # a move backwards: Proposal -> FirstAppointment, Negotiation -> Proposal
                cur -= 1
                entries.append((cur, t))
                continue
            if rng.random() >= min(0.97, ADVANCE[cur] ** (1 / skill)):
                final = ("lost", t)
            elif cur == 4 or (cur == 3 and self.cents < 1500000 and rng.random() < 0.12):
                final = ("won", t)  # small deals may be won straight from Proposal
            else:
                step = 1
                if cur == 0 and rng.random() < 0.08:
                    step = 2  # straight to the first appointment
                elif cur == 1 and rng.random() < 0.03:
                    step = 2  # proposal without a first appointment
                cur += step
                entries.append((cur, t))
        status, t = final
        self.entries = [(STAGES[s], e) for s, e in entries if e <= END]
        if t <= END:
            self.status, self.closed_at = status, t
        else:  # still open at the end of the data set: the rep's forecast is near where it would end
            self.expected_close = t.date() + timedelta(days=rng.randint(-10, 14))


def amount_new(owner, source):
    return round_to(rng.lognormvariate(math.log(22000 * owner.size * SIZE.get(source, 1.0)), 0.55))


opps = []
existing_prospects = []  # accounts of earlier lost opportunities, which sometimes come back as a new lead
for lead in leads:
    if lead.converted_at is None:
        continue
    acc = None
    candidates = [o.account for o in existing_prospects if o.closed_at and o.closed_at < lead.converted_at]
    if candidates and rng.random() < 0.06:
        acc = rng.choice(candidates)
    if acc is None:
        acc = new_account(lead.owner)
    o = Opp(acc, lead.owner, lead.converted_at, amount_new(lead.owner, lead.source), lead)
    opps.append(o)
    if o.status == "lost":
        existing_prospects.append(o)

# rep-sourced new logos without a lead record
for _ in range(40):
    d = next_workday(START.date() + timedelta(days=rng.randint(1, 350)))
    owner = rng.choice(reps_on(d))
    opps.append(Opp(new_account(owner), owner, work_time(d), amount_new(owner, "outbound")))


def contract_terms():
    """(account, term_start, term_end, cents, months) of every deal known so far, incl. won opportunities."""
    terms = [(dl.account, dl.term_start, dl.term_end, dl.cents, dl.months) for dl in deals]
    for o in opps:
        if o.status == "won":
            s = o.closed_at.date()
            terms.append((o.account, s, term_end(s, 12), o.cents, 12))
    return terms


# expansion opportunities on customers active when they are opened
terms = contract_terms()
for _ in range(60):
    d = next_workday(START.date() + timedelta(days=rng.randint(5, 345)))
    active = [tm for tm in terms if tm[1] <= d <= tm[2]]
    account = rng.choice(active)[0]
    annual = sum(tm[3] / tm[4] * 12 for tm in active if tm[0] is account) / 100
    owner = account.owner if account.owner.joined <= d else rng.choice(reps_on(d))
    cents = round_to(annual * rng.uniform(0.2, 0.45))
    opps.append(Opp(account, owner, work_time(d), cents, kind="expansion"))

# win-back attempts on lapsed accounts
for account, lapse in lapsed:
    if rng.random() < 0.6:
        d = next_workday(max(lapse + timedelta(days=rng.randint(30, 120)), date(YEAR, 1, 6)))
        if d <= date(YEAR, 11, 30):
            opps.append(Opp(account, account.owner, work_time(d), round_to(rng.uniform(9000, 30000)), kind="win-back"))

opps.sort(key=lambda o: o.created_at)  # stable: ties keep generation order
for i, o in enumerate(opps):
    o.id = "opp-%05d" % (i + 1)

# ----------------------------------------------------------------------------------------------------------
# deals: one per won opportunity, plus direct add-ons and win-backs; kinds decided chronologically

for o in opps:
    if o.status == "won":
        months = 24 if o.kind == "new" and rng.random() < 0.06 else 12
        deals.append(Deal(o.account, o.owner, o.closed_at, o.cents, None, months, o))

terms = contract_terms()
for _ in range(10):  # seat expansions booked without an opportunity
    d = next_workday(START.date() + timedelta(days=rng.randint(10, 350)))
    active = [tm for tm in terms if tm[1] <= d <= tm[2]]
    account = rng.choice(active)[0]
    owner = account.owner if account.owner.joined <= d else rng.choice(reps_on(d))
    deals.append(Deal(account, owner, work_time(d), round_to(rng.uniform(1200, 6000)), "add-on", 12))

won_back = {dl.account.id for dl in deals if dl.opp and dl.opp.kind == "win-back"}
for account, lapse in lapsed:
    if len(won_back) >= 3:
        break
    if account.id not in won_back:
        d = lapse + timedelta(days=rng.randint(60, 150))
        if d < date(YEAR, 1, 6):  # lapsed in 2024: won back some time in the first half of 2025
            d = date(YEAR, 1, 6) + timedelta(days=rng.randint(0, 150))
        d = next_workday(d)
        if d <= date(YEAR, 12, 15):
            deals.append(Deal(account, account.owner, work_time(d), round_to(rng.uniform(9000, 24000)), "win-back", 12))
            won_back.add(account.id)

deals.sort(key=lambda dl: dl.closed_at)
history = {}  # account id -> list of (term_start, term_end) of its earlier deals
for i, dl in enumerate(deals):
    dl.id = "deal-%05d" % (i + 1)
    earlier = history.setdefault(dl.account.id, [])
    if dl.kind is None:
        day = dl.closed_at.date()
        if any(s <= day <= e for s, e in earlier):
            dl.kind = "add-on"
        elif earlier:
            dl.kind = "win-back"
        else:
            dl.kind = "new-business"
    earlier.append((dl.term_start, dl.term_end))

# ----------------------------------------------------------------------------------------------------------
# activities

TOOLS = ["linkedin-sales-navigator", "gong", "zoominfo", "outreach"]
TOOL_WEIGHTS = [45, 30, 15, 10]
ACT_SEASON = [0.95, 1.0, 1.0, 1.0, 1.0, 0.95, 0.85, 0.80, 1.05, 1.05, 1.0, 0.85]

activities = []  # (occurred_at, seq, kind, owner, outcomes, lead, opp, tool)


def add_activity(t, kind, owner, outcomes="", lead=None, opp=None, tool=""):
    activities.append((t, len(activities), kind, owner, outcomes, lead, opp, tool))


leads_by_rep = {r.id: [] for r in REPS}
for lead in leads:
    if lead.owner is not None:
        leads_by_rep[lead.owner.id].append(lead)
lead_times = {rid: [l.created_at for l in ls] for rid, ls in leads_by_rep.items()}
opps_by_rep = {r.id: [o for o in opps if o.owner is r] for r in REPS}


def pick_lead(rep, t, qualified=False):
    ls, times = leads_by_rep[rep.id], lead_times[rep.id]
    lo, hi = bisect.bisect_left(times, t - timedelta(days=45)), bisect.bisect_right(times, t)
    for _ in range(4):
        if lo >= hi:
            return None
        lead = ls[rng.randrange(lo, hi)]
        if lead.converted_at is not None and lead.converted_at <= t:
            continue
        if qualified and (lead.qualified_at is None or lead.qualified_at > t):
            continue
        return lead
    return None


def pick_opp(rep, t):
    live = [o for o in opps_by_rep[rep.id] if o.created_at <= t and (o.closed_at is None or o.closed_at >= t)]
    return rng.choice(live) if live else None


def email_outcomes():
    flags = []
    if rng.random() < 0.95:
        flags.append("delivered")
        if rng.random() < 0.40:
            flags.append("opened")
            if rng.random() < 0.10:
                flags.append("replied")
                if rng.random() < 0.40:
                    flags.append("positive")
    return ";".join(flags)


def related(rep, t, p_lead, p_opp, qualified=False):
    x = rng.random()
    if x < p_lead:
        return pick_lead(rep, t, qualified), None
    if x < p_lead + p_opp:
        return None, pick_opp(rep, t)
    return None, None


day = START.date()
while day.year == YEAR:
    if is_workday(day):
        f = ACT_SEASON[day.month - 1]
        for rep in reps_on(day):
            ramp = min(1.0, 0.5 + (day - rep.joined).days / 120) if rep.joined.month > 1 else 1.0
            v = rep.act * f * ramp
            for _ in range(poisson(2.7 * v)):
                t = work_time(day, 17 * 60 + 59)
                lead, opp = related(rep, t, 0.55, 0.15)
                add_activity(t, "call", rep, "connected" if rng.random() < rep.connect else "", lead, opp)
            for _ in range(poisson(2.5 * v)):
                t = work_time(day, 17 * 60 + 59)
                lead, opp = related(rep, t, 0.55, 0.15)
                add_activity(t, "email", rep, email_outcomes(), lead, opp)
            for _ in range(poisson(0.16 * v)):
                t = work_time(day, 17 * 60 + 59)
                lead, opp = related(rep, t, 0.6, 0.3, qualified=True)
                add_activity(t, "meeting", rep, "connected" if rng.random() < 0.78 else "", lead, opp)
            for _ in range(poisson(0.55 * f * ramp)):
                t = work_time(day, 17 * 60 + 59)
                lead, opp = related(rep, t, 0.4, 0.3)
                add_activity(t, "crm-update", rep, "", lead, opp)
            for _ in range(poisson(0.5 * rep.tool * f * ramp)):
                t = work_time(day, 17 * 60 + 59)
                lead, opp = related(rep, t, 0.3, 0.0)
                add_activity(t, "tool-usage", rep, "", lead, opp, rng.choices(TOOLS, TOOL_WEIGHTS)[0])
    day += timedelta(days=1)

for o in opps:  # the appointments behind the stage history, and the CRM updates that record it
    for stage, t in o.entries:
        if stage == "FirstAppointment" or (stage == "Proposal" and rng.random() < 0.5):
            add_activity(t, "meeting", o.owner, "connected", None, o)
        if t != o.created_at and rng.random() < 0.8:
            add_activity(t + timedelta(minutes=rng.randint(3, 25)), "crm-update", o.owner, "", None, o)
    if o.closed_at is not None:
        add_activity(o.closed_at + timedelta(minutes=rng.randint(3, 25)), "crm-update", o.owner, "", None, o)

activities.sort(key=lambda a: (a[0], a[1]))

# account ids in order of first appearance (first deal or opportunity)
first_seen = {}
for t, acc in sorted([(dl.closed_at, dl.account) for dl in deals] + [(o.created_at, o.account) for o in opps],
                     key=lambda x: x[0]):
    first_seen.setdefault(acc, t)
for i, acc in enumerate(sorted(accounts, key=lambda a: first_seen[a])):
    acc.id = "acc-%04d" % (i + 1)

# ----------------------------------------------------------------------------------------------------------
# output


def write(directory, name, header, rows):
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(header) + "\n")
        for row in rows:
            cells = ["" if c is None else str(c) for c in row]
            assert all("," not in c and '"' not in c and "\n" not in c for c in cells), row
            f.write(",".join(cells) + "\n")
    return path


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "src", "SalesKpi.Cli", "Sample")
    os.makedirs(out, exist_ok=True)
    opt = lambda x: None if x is None else x.id  # noqa: E731

    write(out, "reps.csv", ["id", "name", "team"], [(r.id, r.name, r.team) for r in REPS])
    write(out, "leads.csv", ["id", "created_at", "owner", "source", "qualified_at", "converted_at"],
          [(l.id, iso(l.created_at), opt(l.owner), l.source, l.qualified_at and iso(l.qualified_at),
            l.converted_at and iso(l.converted_at)) for l in leads])
    write(out, "opportunities.csv",
          ["id", "account", "owner", "created_at", "amount", "currency", "status", "closed_at", "lead_id",
           "expected_close"],
          [(o.id, o.account.id, o.owner.id, iso(o.created_at), money(o.cents), CURRENCY, o.status,
            o.closed_at and iso(o.closed_at), opt(o.lead), o.expected_close and o.expected_close.isoformat())
           for o in opps])
    write(out, "stage-changes.csv", ["opportunity_id", "stage", "entered_at"],
          [(o.id, stage, iso(t)) for o in opps for stage, t in o.entries])
    write(out, "deals.csv",
          ["id", "opportunity_id", "account", "owner", "closed_at", "amount", "currency", "kind", "term_start",
           "term_end", "recurring_monthly"],
          [(dl.id, opt(dl.opp), dl.account.id, dl.owner.id, iso(dl.closed_at), money(dl.cents), CURRENCY, dl.kind,
            dl.term_start.isoformat(), dl.term_end.isoformat(), money(monthly(dl.cents, dl.months)))
           for dl in deals])
    write(out, "activities.csv", ["id", "kind", "owner", "occurred_at", "outcomes", "lead_id", "opportunity_id", "tool"],
          [("a%06d" % (i + 1), kind, owner.id, iso(t), outcomes, opt(lead), opt(opp), tool)
           for i, (t, _, kind, owner, outcomes, lead, opp, tool) in enumerate(activities)])
    write(out, "spend.csv", ["channel", "start", "end", "amount", "currency"],
          [(ch, s.isoformat(), e.isoformat(), money(c), CURRENCY) for ch, s, e, c in spend])

    status = {s: sum(o.status == s for o in opps) for s in ("open", "won", "lost")}
    kinds = {k: sum(dl.kind == k for dl in deals) for k in ("new-business", "add-on", "renewal", "win-back")}
    print("wrote %s: %d reps, %d leads, %d opportunities (%s), %d stage changes, %d deals (%s), %d activities, "
          "%d spend rows" % (os.path.normpath(out), len(REPS), len(leads), len(opps),
                             ", ".join("%s %d" % kv for kv in status.items()),
                             sum(len(o.entries) for o in opps), len(deals),
                             ", ".join("%s %d" % kv for kv in kinds.items()), len(activities), len(spend)))


if __name__ == "__main__":
    main()
