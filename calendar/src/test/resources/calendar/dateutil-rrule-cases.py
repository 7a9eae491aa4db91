"""Generates dateutil-rrule-cases.jsonl for RecurrenceAgainstDateutilTest.

Random RRULEs over every frequency and BY part, each with a DTSTART that is its own first
instance (RFC 5545 and dateutil disagree about a DTSTART the rule does not match), expanded by
python-dateutil 2.9.0. Usage: python3 dateutil-rrule-cases.py SEED COUNT OUT.jsonl

The committed file then left out two kinds of rule that dateutil reads differently from
RFC 5545: BYDAY mixing ordinal and plain days (dateutil intersects them, the RFC means the union)
and BYWEEKNO without BYDAY (dateutil takes all seven days, Primer DTSTART's weekday), and kept the
first 400 cases with at most 60 instances.
"""
import random, json, sys, signal
def _t(*a): raise TimeoutError()
signal.signal(signal.SIGALRM, _t)
from datetime import datetime, timedelta
from dateutil.rrule import rrulestr
r = random.Random(int(sys.argv[1])); n = int(sys.argv[2])
freqs = ["YEARLY","MONTHLY","WEEKLY","DAILY","HOURLY","MINUTELY"]
days = ["MO","TU","WE","TH","FR","SA","SU"]
out = open(sys.argv[3], "w"); kept = 0
while kept < n:
    f = r.choice(freqs)
    parts = ["FREQ="+f]
    if r.random() < .3: parts.append("INTERVAL=%d" % r.randint(1,3))
    if r.random() < .3: parts.append("BYMONTH=" + ",".join(str(r.randint(1,12)) for _ in range(r.randint(1,3))))
    if r.random() < .25 and f != "WEEKLY": parts.append("BYMONTHDAY=" + ",".join(str(r.choice([1,-1])*r.randint(1,31)) for _ in range(r.randint(1,2))))
    if r.random() < .1 and f == "YEARLY": parts.append("BYYEARDAY=" + ",".join(str(r.choice([1,-1])*r.randint(1,366)) for _ in range(r.randint(1,2))))
    if r.random() < .1 and f == "YEARLY": parts.append("BYWEEKNO=" + ",".join(str(r.choice([1,-1])*r.randint(1,53)) for _ in range(r.randint(1,2))))
    if r.random() < .5:
        ds = []
        for _ in range(r.randint(1,3)):
            d = r.choice(days)
            if f in ("MONTHLY","YEARLY") and r.random() < .4 and not any(p.startswith("BYWEEKNO") for p in parts):
                d = str(r.choice([1,-1])*r.randint(1,4)) + d
            ds.append(d)
        parts.append("BYDAY=" + ",".join(ds))
    if f in ("HOURLY","MINUTELY") or r.random() < .15: parts.append("BYHOUR=" + ",".join(str(r.randint(0,23)) for _ in range(r.randint(1,2))))
    if f == "MINUTELY" or r.random() < .1: parts.append("BYMINUTE=" + ",".join(str(r.randint(0,59)) for _ in range(r.randint(1,2))))
    if r.random() < .2: parts.append("BYSETPOS=" + ",".join(str(r.choice([1,-1])*r.randint(1,3)) for _ in range(r.randint(1,2))))
    if r.random() < .3: parts.append("WKST=" + r.choice(days))
    if r.random() < .6: parts.append("COUNT=%d" % r.randint(3,30))
    rule = ";".join(parts)
    seed = datetime(2019 + r.randint(0,3), r.randint(1,12), r.randint(1,28), r.randint(0,23), r.choice([0,15,30]))
    signal.alarm(1)
    try:
        first = list(rrulestr(rule, dtstart=seed).xafter(seed, count=1, inc=True))
        if not first: continue
        start = first[0]
        span = {"YEARLY": 3*365, "MONTHLY": 3*365, "WEEKLY": 365, "DAILY": 365}.get(f, 20)
        end = start + timedelta(days=span)
        occ = []
        for o in rrulestr(rule, dtstart=start):
            if o > end or len(occ) >= 3000: break
            occ.append(o)
        if len(occ) >= 3000: continue
    except BaseException as e:
        signal.alarm(0)
        continue
    signal.alarm(0)
    if not occ or occ[0] != start: continue
    out.write(json.dumps({"rule": rule, "start": start.isoformat(), "end": end.isoformat(), "occ": [o.isoformat() for o in occ]}) + "\n")
    kept += 1
