"""Fill PostgreSQL with a million cases and time the provider inbox at that size.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_bench \\
        .venv/bin/python bench/inbox.py [--cases 1000000] [--provider-cases 100000] [--requests 50]

PostgreSQL generates the rows itself (INSERT … SELECT FROM generate_series), so a million cases
take under two minutes; a second run finds them and only measures (`--refill` starts over).
Only a PostgreSQL database with "bench" in its name is ever touched. See bench/README.md.
"""

import argparse
import math
import os
import statistics
import sys
import time
from datetime import datetime, timezone as dt_timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext, setup_test_environment, teardown_test_environment)
from django.utils import timezone  # noqa: E402

from feedback.vocabulary import OPEN_STATES  # noqa: E402

BIG_SLUG = "bench-big"
BENCH_USER = "bench-staff@bench-big.example.org"
PAGE_SIZE_SHOWN = 25  # the inbox's page size, for the EXPLAIN of its main query
# Cases, users and organisations are created with these shapes; everything else is PostgreSQL's.
COMMISSIONERS = [
    # slug, name, country, subdivision, time zone, preset of feedback.policies
    ("bench-england", "Bench England ICB", "GB", "ENG", "Europe/London", "default"),
    ("bench-carolina", "Bench North Carolina Medicaid", "US", "NC", "America/New_York",
     "us_medicaid_438_408"),
    ("bench-quebec", "Bench CISSS du Québec", "CA", "QC", "America/Toronto", "quebec"),
]
OTHER_PROVIDERS = 10
SERVICE_NAMES = [
    "Crisis line", "Community mental health team", "Home care visits", "Reablement at home",
    "Day centre", "Talking therapies", "District nursing", "Memory clinic", "Falls service",
    "Wheelchair service", "Podiatry", "Speech and language therapy",
]
PEOPLE = 5000  # service users with an account (the named_account cases point at them)
WHAT_HAPPENED = [
    "I asked three times to be called back by the crisis team and nobody phoned. I waited up all "
    "night with my phone next to me.",
    "The carer arrived two hours late again and left after ten minutes, so my father missed his "
    "evening medicines. This is the fourth time this month.",
    "Nobody explained why my appointment was cancelled, and the new date is six weeks away. I "
    "have had no letter and the phone line rings out.",
    "I want to thank the nurse who visited on Tuesday: she listened, took her time and explained "
    "every change to my mother's care plan.",
    "It would help if the reception could send text reminders; I lost my place on the list after "
    "missing a letter that went to my old address.",
    "I am worried that if I complain the service will be taken away from my son. Staff spoke to "
    "him rudely and he now refuses to go to the centre.",
]
DESIRED = ["An apology and a call from the manager.", "A new appointment soon.",
           "That it does not happen to anyone else.", ""]
OPEN_STATES_SQL = ", ".join(f"'{state}'" for state in sorted(OPEN_STATES))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000, help="cases in all")
    parser.add_argument("--provider-cases", type=int, default=100_000,
                        help="cases of the provider whose inbox is timed")
    parser.add_argument("--requests", type=int, default=50, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests per page first")
    parser.add_argument("--refill", action="store_true", help="drop the database and fill again")
    parser.add_argument("--debug", action="store_true",
                        help="keep DEBUG as configured (default: measure with DEBUG off, as "
                             "in production)")
    args = parser.parse_args()
    if not 0 < args.provider_cases <= args.cases:
        parser.error("--provider-cases must be between 1 and --cases")
    return args


# --- The database: PostgreSQL, named *bench*, created on demand -----------------------------------

def database_guard() -> dict:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        sys.exit(f"bench/inbox.py measures PostgreSQL only; DATABASE_URL points at {db['ENGINE']}.")
    if "bench" not in (db.get("NAME") or ""):
        sys.exit(f"Refusing database {db.get('NAME')!r}: its name must contain 'bench', so a "
                 "real database is never filled.")
    return db


def database_ensure(db: dict, *, refill: bool) -> None:
    """Create the bench database (dropping it first with --refill), via the maintenance DB."""
    import psycopg
    from psycopg import sql

    params = {k: v for k, v in {"host": db.get("HOST"), "port": db.get("PORT"),
                                "user": db.get("USER"), "password": db.get("PASSWORD")}.items()
              if v}
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as maintenance:
        name = sql.Identifier(db["NAME"])
        if refill:
            print(f"Dropping database {db['NAME']} (--refill)")
            maintenance.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        exists = maintenance.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                     [db["NAME"]]).fetchone()
        if not exists:
            print(f"Creating database {db['NAME']}")
            maintenance.execute(sql.SQL("CREATE DATABASE {}").format(name))


# --- Organisations and people, through the ORM (a few hundred rows) -------------------------------

def organisations_create() -> dict:
    """Commissioners with their presets, the big provider and ten others, services, staff."""
    from feedback.models import ResponsePolicy
    from feedback.policies import PRESETS, preset_rules
    from portal.models import Commissioner, Membership, Provider, Role, Service, User

    commissioners = []
    for slug, name, country, subdivision, tz, preset in COMMISSIONERS:
        commissioner = Commissioner.objects.create(slug=slug, name=name, country=country,
                                                   subdivision=subdivision, timezone=tz)
        ResponsePolicy.objects.create(commissioner=commissioner, preset=preset,
                                      name=str(PRESETS[preset]["name"]),
                                      citation=str(PRESETS[preset]["citation"]),
                                      rules=preset_rules(preset))
        commissioners.append(commissioner)

    # (slug, commissioner, services, staff, managers); the big provider is slot 0.
    shapes = [(BIG_SLUG, commissioners[0], 12, 40, 5)] + [
        (f"bench-provider-{n:02d}", commissioners[n % len(commissioners)], 3 + n % 6, 6, 1)
        for n in range(1, OTHER_PROVIDERS + 1)]
    unusable = make_password(None)
    slots = []
    for slot, (slug, commissioner, n_services, n_staff, n_managers) in enumerate(shapes):
        provider = Provider.objects.create(slug=slug, name=slug.replace("-", " ").title())
        provider.commissioners.add(commissioner)
        services = Service.objects.bulk_create([
            Service(provider=provider, commissioner=commissioner, slug=f"{slug}-{k}",
                    name=SERVICE_NAMES[(slot + k) % len(SERVICE_NAMES)], area="Bench")
            for k in range(n_services)])
        staff = User.objects.bulk_create([
            User(email=f"staff{k}@{slug}.example.org", full_name=f"Staff {k} of {slug}",
                 password=unusable) for k in range(n_staff + n_managers)])
        Membership.objects.bulk_create([
            Membership(user=user, provider=provider,
                       role=Role.STAFF if k < n_staff else Role.MANAGER)
            for k, user in enumerate(staff)])
        slots.append({"slot": slot, "provider": provider, "commissioner": commissioner,
                      "services": [s.id for s in services], "staff": [u.id for u in staff]})
    people = User.objects.bulk_create([
        User(email=f"person{k}@people.example.org", full_name=f"Person {k}", password=unusable)
        for k in range(PEOPLE)])
    return {"commissioners": commissioners, "slots": slots,
            "people": (min(u.id for u in people), len(people))}


def bench_user():
    """The staff member of the big provider whose inbox is timed (created when missing)."""
    from portal.models import Membership, Provider, Role, User

    provider = Provider.objects.get(slug=BIG_SLUG)
    user, _ = User.objects.get_or_create(email=BENCH_USER, defaults={
        "full_name": "Bench Staff", "password": make_password(None)})
    Membership.objects.get_or_create(user=user, provider=provider, defaults={"role": Role.STAFF})
    return user, provider


# --- The cases, generated by PostgreSQL -----------------------------------------------------------

def policy_rows(commissioners) -> list[tuple]:
    """Each (commissioner, kind, urgent): the real policy snapshot and its deadlines as offsets.

    Offsets come from the real clock for a case received on an ordinary Tuesday morning, so the
    generated deadlines have the right size without running the clock a million times."""
    from feedback.deadlines import due_moment
    from feedback.policies import KINDS, policy_snapshot, snapshot_calendar, snapshot_duration

    sample = datetime(2026, 3, 10, 10, 30, tzinfo=dt_timezone.utc)
    rows = []
    for commissioner in commissioners:
        for kind in KINDS:
            for urgent in (False, True):
                snapshot = policy_snapshot(kind=kind, urgent=urgent, commissioner=commissioner)
                calendar = snapshot_calendar(snapshot)

                def offset(rule):
                    due = due_moment(received_at=sample, calendar=calendar,
                                     duration=snapshot_duration(snapshot, rule))
                    return due.at - sample

                rows.append((commissioner.id, kind, urgent, snapshot, offset("acknowledge"),
                             offset("respond"), offset("callback")))
    return rows


def r(salt: int, column: str = "i") -> str:
    """A uniform number in [0, 1) fixed by the row number and `salt`: the fill is reproducible
    and child tables can recompute a case's draws from its id."""
    return (f"((hashint8extended({column}::bigint, {salt}) & 140737488355327)::float8"
            " / 140737488355328.0)")


# Draws (salts) used by more than one statement.
CALLBACK_DRAW, PAUSE_DRAW = 7, 8


def callback_waiting(state: str, draw: str) -> str:
    """A callback still waiting: common on new cases, rarer later on."""
    return (f"({state} IN ('submitted', 'in_moderation', 'with_provider') AND {draw} < 0.08"
            f" OR {state} IN ('acknowledged', 'responded', 'escalated', 'reopened')"
            f" AND {draw} < 0.02)")


CASE_INSERT = f"""
INSERT INTO feedback_case (
    id, reference, service_id, provider_id, commissioner_id, kind, state, identity_mode,
    language, what_happened, when_happened, desired_outcome, on_behalf_relationship,
    submitter_id, contact_name, contact_email, share_name, urgent, urgent_reported, risk_terms,
    worried_about_reaction, receipt_hash, submission_key, receipt_kept, received_at, policy,
    acknowledge_due_at, respond_due_at, acknowledged_at, first_response_at, agreed_response_at,
    assignee_id, outcome, actions_taken, service_changed, resolved_at, closed_at, escalated_at,
    next_due_at, updated_at)
WITH g AS (
    SELECT i,
           -- Exactly `big` of every `total` rows go to the big provider, spread evenly.
           CASE WHEN (i * %(big)s) / %(total)s > ((i - 1) * %(big)s) / %(total)s THEN 0
                ELSE 1 + floor({r(0)} * {OTHER_PROVIDERS})::int END AS slot,
           CASE WHEN {r(1)} < 0.004 THEN 'in_moderation'
                WHEN {r(1)} < 0.050 THEN 'with_provider'
                WHEN {r(1)} < 0.100 THEN 'acknowledged'
                WHEN {r(1)} < 0.125 THEN 'responded'
                WHEN {r(1)} < 0.140 THEN 'escalated'
                WHEN {r(1)} < 0.150 THEN 'reopened'
                WHEN {r(1)} < 0.250 THEN 'resolved'
                ELSE 'closed' END AS state,
           CASE WHEN {r(2)} < 0.45 THEN 'complaint' WHEN {r(2)} < 0.70 THEN 'concern'
                WHEN {r(2)} < 0.88 THEN 'compliment' ELSE 'suggestion' END AS kind,
           {r(3)} < 0.04 AS urgent,
           CASE WHEN {r(4)} < 0.25 THEN 'named_account' WHEN {r(4)} < 0.60 THEN 'named_contact'
                WHEN {r(4)} < 0.90 THEN 'anonymous_receipt'
                ELSE 'anonymous_no_contact' END AS identity_mode,
           {r(5)} AS r_age, {r(6)} AS r_service, {r(CALLBACK_DRAW)} AS r_callback,
           {r(9)} AS r_assigned, {r(10)} AS r_assignee, {r(11)} AS r_ack, {r(12)} AS r_respond,
           {r(13)} AS r_text, {r(14)} AS r_misc, {r(15)} AS r_outcome, {r(16)} AS r_person,
           lpad(to_hex((i::bigint * 2654435761) %% 4294967296), 8, '0') AS ref
    FROM generate_series(%(lo)s::bigint, %(hi)s::bigint) AS i
), placed AS (
    SELECT g.*, s.provider_id, s.commissioner_id, s.french,
           s.services[1 + floor(g.r_service * cardinality(s.services))::int] AS service_id,
           s.staff[1 + floor(g.r_assignee * cardinality(s.staff))::int] AS staff_id,
           p.snapshot, p.ack, p.respond, p.callback,
           -- Age fitted to the case's own deadlines, so about one open case in five is late.
           %(now)s::timestamptz - CASE g.state
               WHEN 'in_moderation' THEN interval '3 days' * g.r_age
               WHEN 'with_provider' THEN p.ack * 1.6 * g.r_age ^ 2
               WHEN 'acknowledged' THEN p.respond * 1.4 * g.r_age ^ 1.5
               WHEN 'responded' THEN p.respond * 1.2 * g.r_age
               WHEN 'escalated' THEN p.respond + interval '5 days' + interval '30 days' * g.r_age
               WHEN 'reopened' THEN p.respond * 1.5 * g.r_age
               ELSE p.respond + interval '640 days' * g.r_age END AS received_at
    FROM g
    JOIN bench_slot s ON s.slot = g.slot
    JOIN bench_policy p ON p.commissioner_id = s.commissioner_id AND p.kind = g.kind
                       AND p.urgent = g.urgent
), dated AS (
    SELECT placed.*,
           received_at + ack AS ack_due, received_at + respond AS respond_due,
           CASE WHEN state NOT IN ('in_moderation', 'with_provider')
                THEN least(received_at + ack * (0.1 + 1.05 * r_ack), %(now)s::timestamptz)
                END AS acknowledged_at,
           CASE WHEN state IN ('responded', 'resolved', 'closed')
                THEN least(received_at + ack + (respond - ack) * (0.1 + 1.0 * r_respond),
                           %(now)s::timestamptz - interval '1 minute')
                END AS first_response_at
    FROM placed
), done AS (
    SELECT dated.*,
           CASE WHEN state IN ('resolved', 'closed')
                THEN least(first_response_at + interval '10 days' * r_misc, %(now)s::timestamptz)
                END AS resolved_at,
           {callback_waiting("state", "r_callback")} AS callback_waits
    FROM dated
)
SELECT
    i, 'FB-' || upper(substr(ref, 1, 4)) || '-' || upper(substr(ref, 5, 4)),
    service_id, provider_id, commissioner_id, kind, state, identity_mode,
    CASE WHEN french AND r_text < 0.8 THEN 'fr-ca' ELSE 'en' END,
    (%(texts)s::text[])[1 + floor(r_text * cardinality(%(texts)s::text[]))::int],
    (received_at - interval '20 days' * r_misc)::date,
    (%(desired)s::text[])[1 + floor(r_outcome * cardinality(%(desired)s::text[]))::int],
    '',
    CASE WHEN identity_mode = 'named_account'
         THEN %(people_lo)s + floor(r_person * %(people_n)s)::bigint END,
    CASE WHEN identity_mode = 'named_contact' THEN 'Person ' || i ELSE '' END,
    CASE WHEN identity_mode = 'named_contact' THEN 'person' || i || '@example.org' ELSE '' END,
    identity_mode IN ('named_account', 'named_contact') AND r_person < 0.6,
    urgent, urgent AND r_misc < 0.5,
    CASE WHEN urgent AND r_misc >= 0.5 THEN '["cannot cope"]' ELSE '[]' END::jsonb,
    state = 'in_moderation' OR r_misc > 0.995,
    CASE WHEN identity_mode IN ('named_contact', 'anonymous_receipt')
         THEN md5('receipt' || i) || md5('code' || i) END,
    md5('submission' || i) || md5('key' || i),
    identity_mode IN ('named_contact', 'anonymous_receipt') AND r_person < 0.7,
    received_at, snapshot, ack_due, respond_due, acknowledged_at, first_response_at, NULL,
    CASE WHEN state = 'in_moderation' THEN NULL
         WHEN state = 'with_provider' AND r_assigned < 0.3 THEN staff_id
         WHEN state <> 'with_provider' AND r_assigned < 0.85 THEN staff_id END,
    CASE WHEN state NOT IN ('resolved', 'closed') THEN ''
         WHEN kind IN ('compliment', 'suggestion') THEN 'not_applicable'
         WHEN r_outcome < 0.30 THEN 'upheld' WHEN r_outcome < 0.55 THEN 'partly_upheld'
         ELSE 'not_upheld' END,
    CASE WHEN state IN ('resolved', 'closed') AND kind IN ('complaint', 'concern')
              AND r_outcome < 0.55
         THEN 'Apologised to the person; the team manager reminded staff of the procedure.'
         ELSE '' END,
    state IN ('resolved', 'closed') AND kind IN ('complaint', 'concern') AND r_outcome < 0.15,
    resolved_at,
    CASE WHEN state = 'closed'
         THEN least(resolved_at + interval '14 days', %(now)s::timestamptz) END,
    CASE WHEN state = 'escalated' THEN least(respond_due + interval '7 days', %(now)s::timestamptz)
         WHEN state = 'closed' AND r_misc < 0.03 THEN resolved_at + interval '3 days' END,
    -- As feedback.services.clock.next_due_refresh stores it: the nearest deadline not yet met.
    CASE WHEN state IN ({OPEN_STATES_SQL}) THEN least(
         CASE WHEN acknowledged_at IS NULL THEN ack_due END,
         CASE WHEN first_response_at IS NULL THEN respond_due END,
         CASE WHEN callback_waits THEN received_at + callback END) END,
    coalesce(resolved_at + CASE WHEN state = 'closed' THEN interval '14 days' END,
             resolved_at, first_response_at, acknowledged_at, received_at)
FROM done
"""

CALLBACK_INSERT = f"""
INSERT INTO feedback_callbackrequest (case_id, phone, good_times, requested_at, due_at, status,
                                      completed_at, phone_erased_at)
SELECT c.id,
       CASE WHEN c.state = 'closed' THEN '' ELSE '07700 900' || lpad((c.id %% 1000)::text, 3, '0')
            END,
       'Weekday mornings', c.received_at, c.received_at + p.callback,
       CASE WHEN waits THEN 'requested' ELSE 'done' END,
       CASE WHEN NOT waits THEN c.received_at + p.callback * 0.8 END,
       CASE WHEN c.state = 'closed' THEN c.closed_at END
FROM (SELECT c.*, {callback_waiting("c.state", r(CALLBACK_DRAW, "c.id"))} AS waits,
             {r(CALLBACK_DRAW, "c.id")} AS draw
      FROM feedback_case c) c
JOIN bench_policy p ON p.commissioner_id = c.commissioner_id AND p.kind = c.kind
                   AND p.urgent = c.urgent
WHERE c.waits OR (c.state IN ('responded', 'resolved', 'closed') AND c.draw < 0.05)
"""

# A few clocks stopped while staff wait for the person's answer, and past pauses on closed cases.
PAUSE_INSERT = f"""
INSERT INTO feedback_clockpause (case_id, started_at, ended_at, reason, end_reason, started_by_id)
SELECT id, started_at, CASE WHEN state = 'closed' THEN started_at + interval '3 days' END,
       'Asked the person which visit they mean.',
       CASE WHEN state = 'closed' THEN 'answered' ELSE '' END, assignee_id
FROM (SELECT c.*, least(c.acknowledged_at + interval '1 day', %(now)s::timestamptz) AS started_at
      FROM feedback_case c
      WHERE c.state IN ('acknowledged', 'closed') AND {r(PAUSE_DRAW, "c.id")} < 0.03) c
"""

# The log's first line for every case (what case_submit writes), so the event table has its size.
EVENT_INSERT = """
INSERT INTO feedback_caseevent (case_id, at, actor_kind, actor_id, action, from_state, to_state,
                                reason, data)
SELECT id, received_at, 'person', submitter_id, 'submitted', '', 'submitted', '',
       jsonb_build_object('urgent', urgent, 'risk_found', risk_terms <> '[]'::jsonb,
                          'identifying_details_sent_anyway', false)
FROM feedback_case WHERE id BETWEEN %(lo)s AND %(hi)s
"""

FILLED_CASE_TABLES = ["feedback_case", "feedback_callbackrequest", "feedback_clockpause",
                      "feedback_caseevent"]
FILLED_TABLES = ["feedback_case", "feedback_callbackrequest", "feedback_clockpause",
                 "feedback_caseevent", "portal_user", "portal_membership", "portal_service"]


def indexes_set_aside(cursor, tables: list[str]) -> list[str]:
    """Drop the unique constraints and secondary indexes of `tables` (primary keys stay) and
    return the statements that make them again, names and definitions unchanged: building an
    index once from sorted rows is many times faster than a million random insertions."""
    cursor.execute("""
        SELECT format('ALTER TABLE %%I DROP CONSTRAINT %%I', t.relname, c.conname),
               format('ALTER TABLE %%I ADD CONSTRAINT %%I %%s', t.relname, c.conname,
                      pg_get_constraintdef(c.oid))
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        WHERE t.relname = ANY(%(tables)s) AND c.contype = 'u'
        UNION ALL
        SELECT format('DROP INDEX %%I', i.relname), pg_get_indexdef(i.oid)
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        WHERE t.relname = ANY(%(tables)s) AND NOT x.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                          WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x'))
    """, {"tables": tables})
    statements = cursor.fetchall()
    for drop, _ in statements:
        cursor.execute(drop)
    return [create for _, create in statements]


def fill(*, total: int, big: int) -> None:
    """Organisations through the ORM, then cases and their children by INSERT … SELECT."""
    from psycopg.types.json import Jsonb

    now = timezone.now()
    started = time.perf_counter()

    def progress(message: str) -> None:
        print(f"  {time.perf_counter() - started:6.1f} s  {message}", flush=True)

    print(f"Filling {total:,} cases ({big:,} for {BIG_SLUG}), as of {now:%Y-%m-%d %H:%M} UTC")
    with transaction.atomic(), connection.cursor() as cursor:
        orgs = organisations_create()
        progress(f"{len(orgs['slots'])} providers, "
                 f"{sum(len(s['services']) for s in orgs['slots'])} services, "
                 f"{sum(len(s['staff']) for s in orgs['slots'])} staff, {PEOPLE} people")
        cursor.execute("CREATE TEMP TABLE bench_slot (slot int PRIMARY KEY, provider_id bigint,"
                       " commissioner_id bigint, services bigint[], staff bigint[], french bool)"
                       " ON COMMIT DROP")
        cursor.executemany("INSERT INTO bench_slot VALUES (%s, %s, %s, %s, %s, %s)", [
            (s["slot"], s["provider"].id, s["commissioner"].id, s["services"], s["staff"],
             s["commissioner"].country == "CA") for s in orgs["slots"]])
        cursor.execute("CREATE TEMP TABLE bench_policy (commissioner_id bigint, kind text,"
                       " urgent bool, snapshot jsonb, ack interval, respond interval,"
                       " callback interval) ON COMMIT DROP")
        cursor.executemany("INSERT INTO bench_policy VALUES (%s, %s, %s, %s, %s, %s, %s)", [
            (c, k, u, Jsonb(snap), a, rsp, cb)
            for c, k, u, snap, a, rsp, cb in policy_rows(orgs["commissioners"])])
        cursor.execute("ANALYZE bench_slot")
        cursor.execute("ANALYZE bench_policy")

        rebuild = indexes_set_aside(cursor, FILLED_CASE_TABLES)
        progress(f"{len(rebuild)} secondary indexes set aside until the rows are in")
        chunk = 100_000
        for lo in range(1, total + 1, chunk):
            hi = min(lo + chunk - 1, total)
            cursor.execute(CASE_INSERT, {
                "lo": lo, "hi": hi, "big": big, "total": total, "now": now,
                "texts": WHAT_HAPPENED, "desired": DESIRED,
                "people_lo": orgs["people"][0], "people_n": orgs["people"][1]})
            progress(f"cases {hi:>10,} / {total:,}")
        cursor.execute("SELECT setval(pg_get_serial_sequence('feedback_case', 'id'), %s)",
                       [total])
        cursor.execute(CALLBACK_INSERT, {})
        progress(f"callback requests {cursor.rowcount:,}")
        cursor.execute(PAUSE_INSERT, {"now": now})
        progress(f"clock pauses {cursor.rowcount:,}")
        for lo in range(1, total + 1, 500_000):
            hi = min(lo + 500_000 - 1, total)
            cursor.execute(EVENT_INSERT, {"lo": lo, "hi": hi})
        progress(f"case events {total:,}")
        # The foreign keys are checked at commit; check them now, as ALTER TABLE must wait.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        progress("foreign keys checked")
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        for statement in rebuild:
            cursor.execute(statement)
        progress(f"{len(rebuild)} indexes rebuilt")
    # A live table is vacuumed by autovacuum; without it the visibility map is empty and
    # PostgreSQL could not answer the paginator's count from the index alone.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE) " + ", ".join(FILLED_TABLES))
    progress("VACUUM (ANALYZE)")


def fill_needed(*, total: int, big: int) -> bool:
    """Whether to fill; stop when the database holds a different fill."""
    from feedback.models import Case
    from portal.models import Provider

    provider = Provider.objects.filter(slug=BIG_SLUG).first()
    if provider is None:
        if Case.objects.exists():
            sys.exit("The bench database holds cases that bench/inbox.py did not make; "
                     "run with --refill to start over.")
        return True
    have_total = Case.objects.count()
    have_big = Case.objects.filter(provider=provider).count()
    if (have_total, have_big) != (total, big):
        sys.exit(f"The bench database holds {have_total:,} cases ({have_big:,} for {BIG_SLUG}), "
                 f"not {total:,} ({big:,}); run with --refill to start over.")
    print(f"Data already there: {have_total:,} cases, {have_big:,} for {BIG_SLUG} (no fill)")
    return False


# --- What the data looks like ------------------------------------------------------------------

def data_describe(provider, now: datetime) -> None:
    from feedback.models import CallbackRequest, CallbackStatus, Case, ClockPause

    cases = Case.objects.filter(provider=provider)
    inbox = cases.filter(state__in=OPEN_STATES).exclude(state="in_moderation")
    callbacks = CallbackRequest.objects.filter(case__provider=provider,
                                               status=CallbackStatus.REQUESTED)
    pauses = ClockPause.objects.filter(case__provider=provider, ended_at__isnull=True)
    print(f"\n{provider.slug}: {cases.count():,} cases; open in the inbox {inbox.count():,}; "
          f"past their next deadline {inbox.filter(next_due_at__lt=now).count():,}; "
          f"urgent {inbox.filter(urgent=True).count():,}; "
          f"callbacks waiting {callbacks.count():,}; open pauses {pauses.count():,}")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('feedback_case')),"
                       " current_setting('shared_buffers'), current_setting('work_mem'),"
                       " current_setting('random_page_cost'), version()")
        size, shared, work_mem, rpc, version = cursor.fetchone()
    print(f"feedback_case with its indexes: {size}; shared_buffers {shared}, work_mem {work_mem},"
          f" random_page_cost {rpc}; {version.split(' on ')[0]}")


# --- Timing the inbox --------------------------------------------------------------------------

def page_rows(client: Client, url: str) -> str:
    """Rows on the page and the total, read from the Page object the view rendered."""
    from django.core.paginator import Page

    setup_test_environment()  # records the template context; never on during the timed runs
    try:
        response = client.get(url)
        for context in response.context or []:
            for value in context.flatten().values():
                if isinstance(value, Page):
                    return f"{len(value.object_list)} of {value.paginator.count:,}"
    finally:
        teardown_test_environment()
    return "?"


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile: the smallest value with `fraction` of the values at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def pages_time(client: Client, urls: list[str], *, requests: int, warmup: int) -> None:
    print(f"\nServer time of the inbox, {requests} requests per page after {warmup} untimed "
          f"(Django test Client, DEBUG={settings.DEBUG}; load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs):")
    print(f"  {'page':<22} {'median':>8} {'p95':>8} {'max':>8} {'SQL':>8} {'queries':>8}  rows")
    for url in urls:
        for _ in range(warmup):
            try:
                response = client.get(url)
            except Exception as error:  # the page itself failed: say so in one line
                sys.exit(f"{url} failed: {error!r}")
            if response.status_code != 200:
                sys.exit(f"{url} answered {response.status_code}, not 200: is the inbox built?")
        times, sql_times, counts = [], [], set()
        for _ in range(requests):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            counts.add(len(queries))
            sql_times.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        print(f"  {url:<22} {statistics.median(times):6.1f}ms {percentile(times, 0.95):6.1f}ms "
              f"{max(times):6.1f}ms {statistics.median(sql_times):6.0f}ms "
              f"{'/'.join(map(str, sorted(counts))):>8}  "
              f"{page_rows(client, url)}", flush=True)


def queries_list(client: Client, url: str) -> None:
    """Every query one request makes, with its time, so a reader sees where the time goes."""
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    print(f"\nQueries of one request to {url}:")
    for query in queries.captured_queries:
        sql = " ".join(query["sql"].split())
        print(f"  {float(query['time']) * 1000:6.1f}ms  {sql[:150]}{'…' if len(sql) > 150 else ''}")


def explain(title: str, sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        plan = [row[0] for row in cursor.fetchall()]
    print(f"\nEXPLAIN ANALYZE, {title}:\n  " + "\n  ".join(plan))


def inbox_explain(user, provider, now: datetime) -> None:
    """The plans of the inbox's main query and of the paginator's count, as the ORM writes them."""
    from feedback.selectors.provider import InboxFilters, inbox_for

    for label, filters in [("inbox", InboxFilters()),
                           ("inbox ?overdue=1", InboxFilters(overdue=True)),
                           ("inbox ?urgent=1", InboxFilters(urgent=True))]:
        cases = inbox_for(user=user, provider_id=provider.id, filters=filters, now=now)
        with CaptureQueriesContext(connection) as queries:
            list(cases[:PAGE_SIZE_SHOWN])
            cases.count()
        explain(f"{label}: inbox_for(...)[:{PAGE_SIZE_SHOWN}]", queries.captured_queries[0]["sql"])
        explain(f"{label}: the paginator's count", queries.captured_queries[1]["sql"])
    # The last page: OFFSET makes PostgreSQL produce, join and drop every row before it.
    cases = inbox_for(user=user, provider_id=provider.id, filters=InboxFilters(), now=now)
    last = (cases.count() - 1) // PAGE_SIZE_SHOWN * PAGE_SIZE_SHOWN
    with CaptureQueriesContext(connection) as queries:
        list(cases[last:last + PAGE_SIZE_SHOWN])
    explain(f"inbox, last page: inbox_for(...)[{last}:{last + PAGE_SIZE_SHOWN}]",
            queries.captured_queries[0]["sql"])


def main() -> None:
    args = parse_args()
    db = database_guard()
    database_ensure(db, refill=args.refill)
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    print(f"Migrated ({time.perf_counter() - started:.1f} s)")
    if fill_needed(total=args.cases, big=args.provider_cases):
        fill(total=args.cases, big=args.provider_cases)

    if not args.debug:
        settings.DEBUG = False  # production's template engine and no query log
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    user, provider = bench_user()
    now = timezone.now()
    data_describe(provider, now)
    client = Client()
    client.force_login(user)
    # Page 9999 is answered with the last page: the worst case of OFFSET paging.
    urls = ["/provider/", "/provider/?page=2", "/provider/?overdue=1", "/provider/?urgent=1",
            "/provider/?page=9999"]
    pages_time(client, urls, requests=args.requests, warmup=args.warmup)
    queries_list(client, urls[0])
    inbox_explain(user, provider, now)


if __name__ == "__main__":
    main()
