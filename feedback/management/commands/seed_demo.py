"""`manage.py seed_demo`: demo organisations, people and a few hundred cases, as lived.

Cases go in through `case_submit` and move on only through the portal's services (the same ones
the pages call, which lock the case and ask the case policy), so receipts, deadlines, policy
snapshots and the event log are the real ones. The same --seed gives the same data (dated
back from today); only case references, which the portal draws at random, differ between runs.
"""

import random
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count, OuterRef, Subquery
from django.utils import timezone

from feedback import demo_data as data
from feedback.dates import date_words
from feedback.deadlines import Calendar, Duration, Unit, due_moment
from feedback import services
from feedback.models import (
    ANONYMOUS_MODES,
    CallbackRequest,
    CallbackResult,
    Case,
    IdentityMode,
    Kind,
    OutboxEmail,
    OutboxStatus,
    Outcome,
)
from feedback.permissions import refusal
from feedback.policies import snapshot_calendar, snapshot_duration
from feedback.services import Submission, callback_request, case_submit
from feedback.vocabulary import Action, Actor, State
from moderation import services as moderation
from portal.models import Commissioner, Membership, Provider, Service, User

NEGATIVE = (Kind.COMPLAINT, Kind.CONCERN)
KIND_WEIGHTS = {Kind.COMPLAINT: 35, Kind.CONCERN: 25, Kind.COMPLIMENT: 22, Kind.SUGGESTION: 18}
MODE_WEIGHTS = {IdentityMode.NAMED_ACCOUNT: 10, IdentityMode.NAMED_CONTACT: 40,
                IdentityMode.ANONYMOUS_RECEIPT: 30, IdentityMode.ANONYMOUS_NO_CONTACT: 20}
URGENT_SHARE = 0.06
CALLBACK_SHARE = 0.12
# Received dates reach back about 14 months.
OLDEST_DAYS = 425


@dataclass(frozen=True)
class Plan:
    """A case's story after it is received: the steps it goes through and how old it must be."""

    name: str
    steps: tuple[str, ...]
    age_days: tuple[int, int]
    weight: int
    kinds: tuple[str, ...] = tuple(Kind.values)
    worried: bool = False  # goes to the commissioner's moderators first
    follow_up: bool = False  # needs a person who can write back (not anonymous without contact)


# Ordered so that the first cases, forced one per plan, reach every state a case can rest in.
PLANS = (
    Plan("new", (), (0, 2), 5),
    Plan("waiting_moderation", (), (0, 4), 3, NEGATIVE, worried=True),
    Plan("acknowledged", ("ack",), (1, 20), 7),
    Plan("responded", ("ack", "respond"), (4, 40), 7),
    Plan("resolved", ("ack", "respond", "resolve"), (12, OLDEST_DAYS), 12),
    Plan("closed", ("ack", "respond", "resolve", "close"), (45, OLDEST_DAYS), 35),
    Plan("escalated_unhappy", ("ack", "respond", "resolve", "unhappy"), (20, 300), 2, NEGATIVE,
         follow_up=True),
    Plan("reopened", ("ack", "respond", "resolve", "reopen"), (20, 300), 2, NEGATIVE,
         follow_up=True),
    Plan("overdue_unread", (), (40, 120), 2, NEGATIVE),
    Plan("overdue_acknowledged", ("ack",), (35, 100), 3),
    Plan("escalated_overdue", ("ack", "escalate_overdue"), (60, 300), 2, NEGATIVE),
    Plan("answered_at_once", ("respond", "resolve", "close"), (45, OLDEST_DAYS), 10),
    Plan("moderated", ("approve", "ack", "respond", "resolve", "close"), (45, OLDEST_DAYS), 4,
         NEGATIVE, worried=True),
    Plan("moderated_recent", ("approve", "ack"), (3, 20), 2, NEGATIVE, worried=True),
    Plan("kept_by_commissioner", ("keep",), (5, OLDEST_DAYS), 1, NEGATIVE, worried=True),
    Plan("rejected", ("reject",), (10, OLDEST_DAYS), 1, NEGATIVE, worried=True),
)
# Steps taken by staff or moderators, who work office hours.
OFFICE_STEPS = {"ack", "respond", "resolve", "approve", "keep", "reject"}
# Callbacks are asked for while the provider still has the case.
CALLBACK_PLANS = {"acknowledged", "responded", "resolved", "closed", "escalated_unhappy",
                  "reopened", "overdue_acknowledged", "answered_at_once", "moderated"}


@dataclass
class World:
    """What the cases are built on: services, the people who act on them, the clock."""

    now: datetime
    rng: random.Random
    services: list[Service]
    services_of: dict[int, list[Service]]  # commissioner id → its services
    settings: dict[int, str]  # service id → phone | clinic | home | centre
    on_time: dict[int, float]  # provider id → share answered in time
    staff: dict[int, list[User]]  # provider id → staff and managers
    moderators: dict[int, User]  # commissioner id → moderator
    service_users: dict[str, list[User]]  # "en" | "fr" → people with accounts
    counter: dict[str, int] = field(default_factory=dict)


def _base(language: str) -> str:
    return "fr" if language.startswith("fr") else "en"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


class Command(BaseCommand):
    help = "Fill an empty database with demo organisations, people and cases, then print sign-ins."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=300, help="How many cases (default 300).")
        parser.add_argument("--seed", type=int, default=2026,
                            help="Random seed: the same seed gives the same data.")
        parser.add_argument("--if-empty", action="store_true",
                            help="Do nothing, quietly, when the database already has data.")

    def handle(self, *args, cases: int, seed: int, if_empty: bool, **options):
        if Commissioner.objects.exists():
            if if_empty:
                self.stdout.write("Demo data not added: the database already has organisations.")
                return
            raise CommandError("The database already has organisations; seed_demo only fills an "
                               "empty database. Use --if-empty to skip, or start from a new "
                               "database.")
        if cases < len(PLANS) + 1:
            raise CommandError(f"--cases must be at least {len(PLANS) + 1}, so every state occurs.")
        started = time.monotonic()
        with transaction.atomic():
            world = _world_create(rng=random.Random(seed), now=timezone.now())
            _cases_create(world=world, count=cases)
            _outbox_mark_sent()
        self._summary_write(seconds=time.monotonic() - started, now=world.now)
        if options["verbosity"] > 0:
            self.stdout.write("")
            call_command("demo_signins", stdout=self.stdout)

    def _summary_write(self, *, seconds: float, now: datetime) -> None:
        cases = Case.objects.all()
        by_state = dict(cases.values_list("state").annotate(n=Count("id")))
        overdue = cases.overdue(at=now).count()
        self.stdout.write(self.style.SUCCESS(f"Demo data created in {seconds:.1f} s:"))
        self.stdout.write(
            f"  {Commissioner.objects.count()} commissioners, {Provider.objects.count()} "
            f"providers, {Service.objects.count()} services, {User.objects.count()} users")
        self.stdout.write(
            f"  {cases.count()} cases: "
            + ", ".join(f"{by_state.get(s, 0)} {s}" for s in State.values if by_state.get(s)))
        self.stdout.write(
            f"  {cases.filter(urgent=True).count()} urgent, {overdue} overdue, "
            f"{cases.filter(identity_mode__in=ANONYMOUS_MODES).count()} anonymous, "
            f"{cases.filter(language='fr-ca').count()} in French, "
            f"{CallbackRequest.objects.count()} callbacks requested")


# --- Organisations and people --------------------------------------------------------------------

def _world_create(*, rng: random.Random, now: datetime) -> World:
    """Create the commissioners, providers, services and every demo account."""
    commissioners = {c["slug"]: Commissioner.objects.create(
        slug=c["slug"], name=c["name"], country=c["country"], subdivision=c["subdivision"],
        timezone=c["timezone"]) for c in data.COMMISSIONERS}
    providers, services, settings, on_time = {}, [], {}, {}
    for p in data.PROVIDERS:
        provider = Provider.objects.create(slug=p["slug"], name=p["name"])
        provider.commissioners.add(*(commissioners[slug] for slug in p["commissioners"]))
        providers[p["slug"]] = provider
        on_time[provider.pk] = p["on_time"]
        for s in p["services"]:
            service = Service.objects.create(
                provider=provider,
                commissioner=commissioners[s.get("commissioner", p["commissioners"][0])],
                slug=s["slug"], name=s["name"], name_fr=s["name_fr"], area=s["area"],
                description=s["description"], description_fr=s["description_fr"])
            services.append(service)
            settings[service.pk] = s["setting"]

    # One hash for everyone: hashing is deliberately slow, and every demo account shares it.
    password = make_password(data.DEMO_PASSWORD)
    staff, moderators, service_users = {}, {}, {"en": [], "fr": []}
    for u in data.USERS:
        role = u["role"]
        user = User.objects.create(email=u["email"], full_name=u["full_name"],
                                   language=u["language"], password=password,
                                   is_staff=role == "admin", is_superuser=role == "admin")
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        if role == "service_user":
            service_users[_base(user.language)].append(user)
        elif role in ("staff", "manager"):
            provider = providers[u["org"]]
            Membership.objects.create(user=user, role=role, provider=provider)
            staff.setdefault(provider.pk, []).append(user)
        elif role in ("moderator", "commissioner"):
            commissioner = commissioners[u["org"]]
            Membership.objects.create(user=user, role=role, commissioner=commissioner)
            if role == "moderator":
                moderators[commissioner.pk] = user
    services_of = {c.pk: [s for s in services if s.commissioner_id == c.pk]
                   for c in commissioners.values()}
    return World(now=now, rng=rng, services=services, services_of=services_of,
                 settings=settings, on_time=on_time,
                 staff=staff, moderators=moderators, service_users=service_users)


# --- Cases ---------------------------------------------------------------------------------------

def _cases_create(*, world: World, count: int) -> None:
    """The demo receipt case, one case per plan so every state occurs, then random ones."""
    _demo_receipt_case_create(world)
    rng = world.rng
    for i in range(count - 1):
        if i < len(PLANS):
            plan = PLANS[i]
            kind = plan.kinds[i % len(plan.kinds)]
            modes = _modes_for(plan)
            mode = modes[i % len(modes)]
            # Alternate the commissioners, and make two urgent, so small runs show everything.
            service = rng.choice(list(world.services_of.values())[i % 2])
            urgent = i in (1, 2) or None
        else:
            kind = _weighted(rng, KIND_WEIGHTS)
            mode = _weighted(rng, MODE_WEIGHTS)
            plan = _weighted(rng, {p: p.weight for p in PLANS if kind in p.kinds
                                   and (mode in _modes_for(p))})
            service = rng.choice(world.services)
            urgent = None
        _case_create(world=world, plan=plan, kind=kind, mode=mode, service=service,
                     urgent=urgent, token=f"demo-{i}-{rng.getrandbits(64):016x}")


def _modes_for(plan: Plan) -> list[str]:
    if plan.follow_up:
        return [m for m in IdentityMode.values if m != IdentityMode.ANONYMOUS_NO_CONTACT]
    return list(IdentityMode.values)


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _case_create(*, world: World, plan: Plan, kind: str, mode: str, service: Service,
                 urgent: bool | None, token: str) -> Case:
    rng = world.rng
    quebec = service.commissioner.country == "CA"
    user, name, email = None, "", ""
    if mode == IdentityMode.NAMED_ACCOUNT:
        # People with accounts use the services near them, in their own language.
        user = rng.choice(world.service_users["fr" if quebec else "en"])
        language = user.language
    else:
        language = "fr-ca" if quebec and rng.random() < 0.85 else "en"
    lang = _base(language)
    setting = world.settings[service.pk]
    if urgent is None:
        urgent = kind in NEGATIVE and rng.random() < URGENT_SHARE
    templates = data.URGENT_FEEDBACK[lang] if urgent and kind in NEGATIVE \
        else data.FEEDBACK[lang][kind]
    fitting = [text for fits, text in templates if not fits or setting in fits.split()]
    what_happened, behalf = _text_fill(rng, lang, rng.choice(fitting or [t for _, t in templates]))
    outcomes = data.DESIRED_OUTCOMES[lang][kind]
    desired = rng.choice(outcomes) if rng.random() < (0.7 if kind in NEGATIVE else 0.3) else ""

    received_at = _received_at(world, service, rng.randint(*plan.age_days))
    if mode == IdentityMode.NAMED_CONTACT:
        name, email = _contact(world, lang)
    when = received_at.date() - timedelta(days=rng.randint(0, 20)) if rng.random() < 0.65 else None
    submission = Submission(
        service=service, kind=kind, what_happened=what_happened, identity_mode=mode,
        language=language, when_happened=when, desired_outcome=desired,
        on_behalf_relationship=behalf, on_behalf_consent="agreed" if behalf else "",
        contact_name=name, contact_email=email,
        share_name=mode in (IdentityMode.NAMED_ACCOUNT, IdentityMode.NAMED_CONTACT)
        and rng.random() < 0.6,
        urgent_reported=urgent and rng.random() < 0.5,
        worried_about_reaction=plan.worried,
    )
    case = case_submit(submission=submission, token=token, user=user,
                       received_at=received_at).case
    # The organisations are in hand already: spare a query each time the story needs them.
    case.provider, case.commissioner = service.provider, service.commissioner
    steps = list(plan.steps)
    wants_callback = (plan.name in CALLBACK_PLANS and case.can_follow_up
                      and rng.random() < CALLBACK_SHARE)
    if wants_callback:
        steps.insert(1 if steps and steps[0] == "ack" else 0, "callback")
    _story_tell(world=world, case=case, steps=steps)
    return case


def _text_fill(rng: random.Random, lang: str, template: str) -> tuple[str, str]:
    """The template with its blanks filled, and who the writer is to the person (if anyone)."""
    relative, behalf = rng.choice(data.RELATIVES[lang])
    values = {key: rng.choice(options) for key, options in data.FILLERS[lang].items()}
    values.update(relative=relative, Relative=relative[0].upper() + relative[1:])
    uses_relative = "{relative}" in template or "{Relative}" in template
    return template.format(**values), behalf if uses_relative else ""


def _contact(world: World, lang: str) -> tuple[str, str]:
    first, last = (world.rng.choice(names) for names in data.CONTACT_NAMES[lang])
    n = world.counter["contact"] = world.counter.get("contact", 0) + 1
    email = f"{_ascii(first).lower()}.{_ascii(last).lower()}{n}@example.com"
    return f"{first} {last}", email


def _received_at(world: World, service: Service, days_ago: int) -> datetime:
    """A moment `days_ago` days back, at a time of day people write (08:00–22:00 local)."""
    tz = ZoneInfo(service.commissioner.timezone)
    day = world.now.astimezone(tz).date() - timedelta(days=days_ago)
    moment = datetime(day.year, day.month, day.day, world.rng.randint(8, 21),
                      world.rng.randint(0, 59), tzinfo=tz)
    if moment > world.now - timedelta(minutes=10):
        moment = world.now - timedelta(minutes=world.rng.randint(10, 240))
    # In UTC from here on: adding hours to a local time would follow the wall clock across DST.
    return moment.astimezone(UTC)


def _demo_receipt_case_create(world: World) -> Case:
    """The anonymous case whose receipt code demo_signins prints: answered, waiting to be rated."""
    spec = data.DEMO_RECEIPT_CASE
    service = next(s for s in world.services if s.slug == spec["service"])
    received_at = _received_at(world, service, spec["days_ago"])
    case = case_submit(
        submission=Submission(service=service, kind=spec["kind"],
                              what_happened=spec["what_happened"],
                              desired_outcome=spec["desired_outcome"],
                              identity_mode=IdentityMode.ANONYMOUS_RECEIPT,
                              language=spec["language"]),
        token=data.DEMO_RECEIPT_TOKEN, received_at=received_at).case
    case.provider, case.commissioner = service.provider, service.commissioner
    manager = world.staff[service.provider_id][0]
    calendar, latest = snapshot_calendar(case.policy), world.now - timedelta(hours=1)
    acknowledged = min(_office_moment(world.rng, calendar, received_at + timedelta(days=1)), latest)
    answered = min(_office_moment(world.rng, calendar, received_at + timedelta(days=6)), latest)
    _acknowledge(world, case, manager, acknowledged)
    _respond(world, case, manager, max(answered, acknowledged), body=spec["reply"])
    return case


# --- A case's story ------------------------------------------------------------------------------

def _story_tell(*, world: World, case: Case, steps: list[str]) -> None:
    """Play the steps at realistic moments after the case was received; a call asked for is
    made (mostly in time) before whatever step follows it, if the provider answers at all."""
    staff = world.rng.choice(world.staff[case.provider_id])
    calls: list[datetime] = []
    for step, at in zip(steps, _story_times(world, case, steps)):
        while calls and calls[0] <= at:
            _call_back(world, case, staff, calls.pop(0))
        STEPS[step](world, case, staff, at)
        if step == "callback" and "respond" in steps:
            calls.append(_call_moment(world, case))
    for moment in calls:
        if moment < world.now:
            _call_back(world, case, staff, moment)


def _story_times(world: World, case: Case, steps: list[str]) -> list[datetime]:
    """When each step happened: mostly within the deadlines, as often as the provider manages."""
    rng, hours = world.rng, lambda low, high: timedelta(hours=rng.uniform(low, high))
    on_time = world.on_time[case.provider_id]
    start = t = case.received_at
    times = []
    for step in steps:
        if step in ("approve", "keep", "reject"):
            t += hours(2, 30)
        elif step == "callback":
            t += hours(1, 48)
        elif step == "ack":
            due = case.acknowledge_due_at
            t = (t + (due - t) * rng.uniform(0.1, 0.9) if rng.random() < on_time and due > t
                 else max(t, due) + hours(4, 120))
        elif step == "respond":
            due = case.respond_due_at
            t = (t + (due - t) * rng.uniform(0.25, 0.95) if rng.random() < on_time and due > t
                 else max(t, due) + hours(4, 300))
        elif step == "escalate_overdue":
            # Five working days overdue is about a calendar week.
            t = max(t, case.respond_due_at) + hours(7 * 24, 10 * 24)
        else:
            low, high = {"resolve": (1, 10), "close": (5, 25), "unhappy": (1, 10),
                         "reopen": (3, 25)}[step]
            t += hours(low * 24, high * 24)
        times.append(t)
    # A story longer than the case's age is squeezed to end just before now.
    limit = world.now - timedelta(minutes=30)
    if times and times[-1] > limit:
        scale = (limit - start) / (times[-1] - start)
        times = [start + (moment - start) * scale for moment in times]
    # Staff and moderators act in their office hours (unless that would be in the future).
    calendar, settled, previous = snapshot_calendar(case.policy), [], start
    for step, moment in zip(steps, times):
        if step in OFFICE_STEPS:
            in_hours = _office_moment(rng, calendar, moment)
            moment = in_hours if in_hours < world.now - timedelta(minutes=5) else moment
        previous = max(moment, previous)
        settled.append(previous)
    return settled


def _office_moment(rng: random.Random, calendar: Calendar, moment: datetime) -> datetime:
    """`moment` if it is in working hours, otherwise a little after the office next opens."""
    if calendar.is_working_time(moment):
        return moment
    day = calendar.local(moment).date()
    opening = calendar.working_window(day)[0]
    if not (calendar.is_working_day(day) and moment < opening):
        opening = calendar.working_window(next(calendar.working_days_after(day)))[0]
    return opening + timedelta(minutes=rng.randint(5, 90))


def _letter(case: Case, staff: User, body: str) -> str:
    """A message to the person: greeting by name only if they shared it, signed by the author."""
    lang = _base(case.language)
    named, anonymous = data.GREETINGS[lang]
    greeting = named.format(name=case.person_name) if case.share_name and case.person_name \
        else anonymous
    return f"{greeting}\n\n{body}\n\n{staff.full_name}\n{case.provider.name}"


def _acknowledge(world: World, case: Case, staff: User, at: datetime) -> None:
    """The explicit acknowledge action: the standard message, with the date the answer is due."""
    due = date_words(case.respond_due_at, language=case.language,
                     calendar=snapshot_calendar(case.policy))
    body = data.ACKNOWLEDGEMENTS[_base(case.language)].format(
        service=case.service.localised_name(case.language), due=due)
    services.case_acknowledge(case=case, user=staff, body=_letter(case, staff, body), now=at)


def _respond(world: World, case: Case, staff: User, at: datetime, body: str = "") -> None:
    """The first answer to the person, sometimes after an internal note."""
    rng, lang = world.rng, _base(case.language)
    group = case.kind if case.kind in (Kind.COMPLIMENT, Kind.SUGGESTION) else "negative"
    if rng.random() < 0.4:
        # Whoever looked into it left a note for colleagues first.
        previous = case.acknowledged_at or case.received_at
        noted = _office_moment(rng, snapshot_calendar(case.policy), previous + (at - previous) / 2)
        services.note_add(case=case, user=staff, body=rng.choice(data.INTERNAL_NOTES[lang][group]),
                          now=min(noted, at))
    if not body:
        replies = data.REPLIES[lang]
        body = _letter(case, staff, rng.choice(replies[group]).format(
            action=rng.choice(replies["actions"])))
    # A reply that comes first is the acknowledgement too.
    services.message_to_person(case=case, user=staff, body=body, now=at)


def _person_writes(world: World, case: Case, at: datetime, topic: str) -> None:
    body = world.rng.choice(data.PERSON_FOLLOW_UPS[_base(case.language)][topic])
    services.message_from_person(case=case, body=body, now=at)


def _reason(case: Case, key: str) -> str:
    return data.REASONS[_base(case.language)][key]


def _moderator(world: World, case: Case) -> User:
    return world.moderators[case.commissioner_id]


def _callback(world: World, case: Case, staff: User, at: datetime) -> None:
    n = world.counter["phone"] = world.counter.get("phone", 0) + 1
    phone = data.CALLBACK_PHONES[case.commissioner.country].format(
        n=n % (1000 if case.commissioner.country == "GB" else 100))
    callback_request(case=case, phone=phone, now=at,
                     good_times=world.rng.choice(data.CALLBACK_TIMES[_base(case.language)]))


def _call_moment(world: World, case: Case) -> datetime:
    """When the provider phones back the call just asked for: mostly within the policy's time."""
    callback = case.callbacks.order_by("-requested_at").first()
    allowed = snapshot_duration(case.policy, "callback").amount
    late = world.rng.random() > world.on_time[case.provider_id]
    hours = world.rng.randint(allowed + 1, allowed * 2) if late \
        else world.rng.randint(1, allowed - 1)
    return due_moment(received_at=callback.requested_at, calendar=snapshot_calendar(case.policy),
                      duration=Duration(hours, Unit.WORKING_HOURS)).at


def _call_back(world: World, case: Case, staff: User, at: datetime) -> None:
    """The member handling the case (who takes it first) phones and reaches the person."""
    if case.assignee_id != staff.pk:
        services.case_assign(case=case, user=staff, assignee=staff, now=at)
    if refusal(Action.CALLBACK_ATTEMPT, case, actor=Actor.staff(staff)) is not None:
        return  # the case has moved on (escalated, closed): nobody called
    for callback in case.callbacks.filter(status="requested"):
        services.callback_attempt_record(callback=callback, user=staff,
                                         result=CallbackResult.REACHED, now=at)


def _resolve(world, case, staff, at):
    rng = world.rng
    negative = case.kind in (Kind.COMPLAINT, Kind.CONCERN)
    outcome = rng.choice([Outcome.UPHELD, Outcome.PARTLY_UPHELD, Outcome.NOT_UPHELD]) \
        if negative else Outcome.NOT_APPLICABLE
    changed = negative and outcome != Outcome.NOT_UPHELD and rng.random() < 0.6
    actions = rng.choice(data.REPLIES[_base(case.language)]["actions"]) if changed else ""
    services.outcome_record(case=case, user=staff, outcome=outcome, actions_taken=actions,
                            service_changed=changed, now=at)
    services.case_resolve(case=case, user=staff, now=at)


def _close(world, case, staff, at):
    services.case_close(case=case, reason=_reason(case, "close"), at=at)


def _approve(world, case, staff, at):
    moderation.moderation_approve(case=case, user=_moderator(world, case),
                                  reason=_reason(case, "approve"), now=at)


def _keep(world, case, staff, at):
    moderation.moderation_keep(case=case, user=_moderator(world, case),
                               reason=_reason(case, "keep"), now=at)


def _reject(world, case, staff, at):
    moderation.moderation_reject(case=case, user=_moderator(world, case),
                                 reason=_reason(case, "reject"), now=at)


def _escalate_overdue(world, case, staff, at):
    # The sweep's alert to the commissioner: the provider still owes the answer.
    services.case_overdue_escalate(case=case, at=at)


def _unhappy(world, case, staff, at):
    _person_writes(world, case, at, "unhappy")
    services.case_escalate_by_person(case=case, reason=_reason(case, "unhappy"), now=at)


def _reopen(world, case, staff, at):
    _person_writes(world, case, at, "reopen")
    services.case_reopen(case=case, actor=Actor.staff(staff), reason=_reason(case, "reopen"),
                         now=at)


STEPS = {
    "ack": _acknowledge, "respond": _respond, "callback": _callback, "resolve": _resolve,
    "close": _close, "approve": _approve, "keep": _keep, "reject": _reject,
    "escalate_overdue": _escalate_overdue, "unhappy": _unhappy, "reopen": _reopen,
}


def _outbox_mark_sent() -> None:
    """Receipts for demo cases count as sent when received: nobody emails demo addresses."""
    received = Case.objects.filter(pk=OuterRef("case_id")).values("received_at")[:1]
    OutboxEmail.objects.filter(status=OutboxStatus.PENDING, case__isnull=False).update(
        status=OutboxStatus.SENT, created_at=Subquery(received),
        next_attempt_at=Subquery(received), sent_at=Subquery(received))
