"""A large, plausible archive for the benchmark, written with COPY.

Twenty years of a busy secretariat: by default 50,000 articles with about
1,500 tags (four per article on average, a few tags far more popular than
the rest), 3,000 events with 10,000 people from 800 organisations, authors
and participants. Every size scales with ``articles``, so the 1,000-article
database for the growth comparison has the same shape.

``BUILDERS`` is the plan: one entry per model, in dependency order, each a
function that yields rows as ``{field name: value}``. Fields a row leaves out
get the model field's default, so a field added to a model later needs no
change here unless it must hold something particular; generated columns (the
articles' search vector) are left to PostgreSQL. A builder whose model is not
installed is skipped with a note. Adding a model is a builder function and one
line in ``BUILDERS`` (``subscribers`` below is an example).

Rows carry explicit ids, so builders can refer to each other's rows without
reading them back; the id sequences are reset at the end.
"""

import contextlib
import time
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import islice
from random import Random

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import GeneratedField
from django.utils import timezone
from django.utils.text import slugify

FULL_SIZE_ARTICLES = 50_000
BATCH = 5_000

FIRST_NAMES = [
    "Anna",
    "Maria",
    "Eva",
    "Karin",
    "Sara",
    "Lena",
    "Emma",
    "Kerstin",
    "Ingrid",
    "Elin",
    "Johan",
    "Erik",
    "Lars",
    "Karl",
    "Anders",
    "Per",
    "Mikael",
    "Nils",
    "Olof",
    "Jonas",
    "Fatima",
    "Ali",
    "Amir",
    "Leila",
    "Roel",
    "Aigerim",
    "Camila",
    "Tomas",
    "Ewa",
    "Sofia",
]
LAST_NAMES = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Berg",
    "Lindqvist",
    "Lundgren",
    "Holm",
    "Ek",
    "Sandberg",
    "Janssens",
    "Mohammed",
    "Haddad",
    "Nurlanovna",
    "Rojas",
    "Kowalski",
    "Virtanen",
    "Hansen",
    "Berglund",
    "Åberg",
    "Öström",
    "Wallin",
]
PLACES = (
    "Stockholm Västra_Götaland Skåne Östergötland Jönköping Kronoberg Kalmar Gotland Blekinge "
    "Halland Värmland Örebro Västmanland Dalarna Gävleborg Västernorrland Jämtland Västerbotten "
    "Norrbotten Uppsala Sörmland Genève Wien Astana Santiago Bryssel Oslo Helsingfors Köpenhamn"
).replace("_", " ")
ORGANISATION_KINDS = (
    "Region",
    "Kommunförbundet",
    "Upphandlingsbolaget",
    "Länsstyrelsen",
    "Institutet för",
    "Nätverket",
    "Föreningen",
    "Rådet för",
)
TITLES = (
    "Upphandlare",
    "Hållbarhetsstrateg",
    "Miljöspecialist",
    "Jurist",
    "Avdelningschef",
    "Economic Adviser",
    "Programme Officer",
    "Inköpschef",
)
WORDS = [
    "upphandling",
    "hållbarhet",
    "leverantör",
    "uppförandekod",
    "mänskliga",
    "rättigheter",
    "arbetsvillkor",
    "miljö",
    "klimat",
    "textil",
    "elektronik",
    "livsmedel",
    "läkemedel",
    "medicinteknik",
    "kontraktsvillkor",
    "uppföljning",
    "revision",
    "riskanalys",
    "leveranskedja",
    "tvångsarbete",
    "barnarbete",
    "kemikalier",
    "cirkularitet",
    "återbruk",
    "transporter",
    "byggmaterial",
    "energi",
    "dialog",
    "utbildning",
    "region",
    "kommun",
    "avtal",
    "ramavtal",
    "granskning",
    "spårbarhet",
    "certifiering",
]
EVENT_KINDS = (
    "workshop",
    "webinar",
    "conference",
    "seminar",
    "panel",
    "round_table",
    "supplier_dialogue",
    "meeting",
    "study_visit",
)
ROLES = ("speaker", "panellist", "moderator", "host", "organiser", "participant")


@dataclass
class Plan:
    """What the builders share: the scale, the clock, a seeded random source, counts."""

    articles: int
    now: object = field(default_factory=timezone.now)
    random: Random = field(default_factory=lambda: Random(2026))  # noqa: S311
    counts: dict = field(default_factory=dict)

    def size(self, full_size, minimum=10):
        """A count that keeps the full archive's proportions at any scale."""
        return max(minimum, round(full_size * self.articles / FULL_SIZE_ARTICLES))

    def skewed(self, count):
        """An index in range(count), small ones far more often (popular tags, busy authors).

        Log-uniform: the first of 1,500 tags is on about 10 % of the articles,
        the hundredth on about 0.1 %.
        """
        return int(count ** self.random.random()) - 1

    def sentence(self, words=12):
        chosen = self.random.choices(WORDS, k=words)
        return " ".join(chosen).capitalize() + "."


@dataclass
class Builder:
    model_label: str
    rows: object  # a function of the Plan yielding {field name: value}
    # Run once the rows are in, for what COPY cannot know: a search vector that
    # the model computes in save(), say: ``lambda model: model.objects.update(...)``.
    after: object = None


def organisations(plan):
    places = PLACES.split()
    for number in range(plan.size(800)):
        kind = ORGANISATION_KINDS[number % len(ORGANISATION_KINDS)]
        name = f"{kind} {places[number % len(places)]} {number + 1}"
        yield {
            "id": number + 1,
            "name": name,
            "short_name": "".join(word[0] for word in name.split()).upper()[:30],
            "slug": slugify(name),
            "country": "SE" if number % 5 else "CH",
        }
    plan.counts["organisations"] = number + 1


def people(plan):
    for number in range(plan.size(10_000)):
        name = f"{plan.random.choice(FIRST_NAMES)} {plan.random.choice(LAST_NAMES)}"
        yield {
            "id": number + 1,
            "name": name,
            "slug": f"{slugify(name)}-{number + 1}",
            "title": plan.random.choice(TITLES),
            "organisation_id": plan.random.randrange(plan.counts["organisations"]) + 1,
            "bio": plan.sentence(25),
        }
    plan.counts["people"] = number + 1


def tags(plan):
    for number in range(plan.size(1_500)):
        name = f"{WORDS[number % len(WORDS)]} {number // len(WORDS) + 1}"
        if number < len(WORDS):
            name = WORDS[number]
        yield {"id": number + 1, "name": name, "slug": slugify(name)}
    plan.counts["tags"] = number + 1


def articles(plan):
    span = timedelta(days=20 * 365).total_seconds()
    for number in range(plan.articles):
        # Spread evenly over twenty years; the last few are drafts or scheduled.
        published_at = plan.now - timedelta(seconds=span * (1 - number / plan.articles))
        status = "draft" if number % 97 == 0 else "published"
        if number >= plan.articles - 5:
            published_at = plan.now + timedelta(days=number - plan.articles + 6)
        title = f"{plan.sentence(6)[:-1]} {number + 1}"
        paragraphs = "".join(f"<p>{plan.sentence(40)}</p>" for _ in range(4))
        yield {
            "id": number + 1,
            "title": title,
            "slug": slugify(title)[:240],
            "lead": plan.sentence(30),
            "body": paragraphs,
            "status": status,
            "published_at": published_at,
            "updated_at": published_at,
            "language": "en" if number % 10 == 0 else "sv",
            "is_featured": number % 50 == 0,
        }


def events(plan):
    count = plan.size(3_000)
    span = timedelta(days=20 * 365).total_seconds()
    for number in range(count):
        # Twenty years back to now, and the last few (about 2 %) in the weeks ahead.
        starts_at = plan.now + timedelta(seconds=span * (number / count - 1))
        if number >= count - max(3, count // 50):
            starts_at = plan.now + timedelta(weeks=number - count + max(3, count // 50) + 1)
        title = f"{EVENT_KINDS[number % len(EVENT_KINDS)].replace('_', ' ').capitalize()}: " + (
            plan.sentence(5)[:-1].lower()
        )
        yield {
            "id": number + 1,
            "title": title,
            "slug": f"{slugify(title)[:200]}-{number + 1}",
            "kind": EVENT_KINDS[number % len(EVENT_KINDS)],
            "status": "cancelled" if number % 40 == 0 else "published",
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(hours=3),
            "city": PLACES.split()[number % 10],
            "country": "SE",
            "description": "".join(f"<p>{plan.sentence(30)}</p>" for _ in range(2)),
            "updated_at": starts_at,
        }
    plan.counts["events"] = count


def distinct(count, how_many, pick):
    """``how_many`` different values of ``pick(count)``, fewer if they collide."""
    return {pick(count) for _ in range(how_many)}


def tagged_items(plan):
    content_type = ContentType.objects.get_for_model(apps.get_model("articles.Article"))
    number = 0
    for article in range(1, plan.articles + 1):
        for tag in distinct(plan.counts["tags"], plan.random.randint(2, 6), plan.skewed):
            number += 1
            yield {
                "id": number,
                "tag_id": tag + 1,
                "content_type_id": content_type.pk,
                "object_id": article,
            }


def authorships(plan):
    writers = min(plan.counts["people"], 400)  # Most articles come from a few hundred people.
    number = 0
    for article in range(1, plan.articles + 1):
        chosen = distinct(writers, plan.random.choice((1, 1, 1, 2, 3)), plan.skewed)
        for order, person in enumerate(sorted(chosen)):
            number += 1
            yield {"id": number, "article_id": article, "person_id": person + 1, "order": order}


def participations(plan):
    number = 0
    for event in range(1, plan.counts["events"] + 1):
        chosen = distinct(plan.counts["people"], 5, lambda n: plan.random.randrange(n))
        for order, person in enumerate(sorted(chosen)):
            number += 1
            yield {
                "id": number,
                "event_id": event,
                "person_id": person + 1,
                "role": ROLES[order % len(ROLES)],
                "order": order,
            }


def event_organisers(plan):
    for event in range(1, plan.counts["events"] + 1):
        organisation = plan.random.randrange(plan.counts["organisations"]) + 1
        yield {"id": event, "event_id": event, "organisation_id": organisation}


def article_events(plan):
    # Every twentieth article reports from an event.
    for number, article in enumerate(range(1, plan.articles + 1, 20)):
        event = article * plan.counts["events"] // (plan.articles + 1) + 1
        yield {"id": number + 1, "article_id": article, "event_id": event}


def subscribers(plan):
    for number in range(plan.size(100_000)):
        signed_up = plan.now - timedelta(minutes=7 * number)
        status = "confirmed" if number % 10 else plan.random.choice(("pending", "unsubscribed"))
        yield {
            "id": number + 1,
            "email": f"lasare-{number + 1}@example.invalid",
            "status": status,
            "source": "front_page" if number % 3 else "signup_page",
            "created_at": signed_up,
            "confirmation_sent_at": signed_up,
            "confirmed_at": signed_up + timedelta(hours=1) if status != "pending" else None,
            "unsubscribed_at": plan.now if status == "unsubscribed" else None,
        }


def pages(plan):
    yield {"id": 1, "title": "Tillgänglighet", "slug": "tillganglighet", "body": "<p>Text.</p>"}
    yield {"id": 2, "title": "Integritet", "slug": "integritet", "body": "<p>Text.</p>"}


BUILDERS = [
    Builder("events.Organisation", organisations),
    Builder("events.Person", people),
    Builder("taggit.Tag", tags),
    Builder("articles.Article", articles),
    Builder("taggit.TaggedItem", tagged_items),
    Builder("articles.Authorship", authorships),
    Builder("events.Event", events),
    Builder("events.Participation", participations),
    Builder("events.Event_organisers", event_organisers),
    Builder("articles.Article_events", article_events),
    Builder("secretariat.Page", pages),
    Builder("newsletter.Subscriber", subscribers),
]


def build(articles, report=print):
    """Empty the content tables and fill them; ``report`` gets one line per step."""
    plan = Plan(articles=articles)
    builders = []
    for builder in BUILDERS:
        try:
            builders.append((builder, apps.get_model(builder.model_label)))
        except LookupError:
            report(f"  {builder.model_label}: not installed, skipped")
    models = [model for _, model in builders]
    with transaction.atomic(), connection.cursor() as cursor:
        tables = ", ".join(connection.ops.quote_name(m._meta.db_table) for m in models)
        # Deferred foreign key checks of rows written earlier in this transaction
        # would block TRUNCATE: run them now.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for builder, model in builders:
            started = time.monotonic()
            with indexes_rebuilt_after(cursor, model._meta.db_table):
                written = copy_rows(cursor, model, builder.rows(plan), plan, report)
            if builder.after:
                builder.after(model)
            seconds = time.monotonic() - started
            report(
                f"  {builder.model_label}: {written:,} rows in {seconds:.1f} s "
                f"({written / max(seconds, 0.001):,.0f} rows/s)"
            )
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
    return plan


@contextlib.contextmanager
def indexes_rebuilt_after(cursor, table):
    """Load without the table's secondary indexes, then build them once: a search
    index (GIN) built over all rows is many times faster than kept up row by row.
    Primary keys and constraints stay, so bad rows still fail."""
    cursor.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN "
        "(SELECT conname FROM pg_constraint WHERE conrelid = %s::regclass)",
        [table, connection.ops.quote_name(table)],
    )
    indexes = cursor.fetchall()
    # PostgreSQL changes no index of a table with foreign key checks pending:
    # run the checks of the rows written so far first, each time.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    yield
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for _, definition in indexes:
        cursor.execute(definition)
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def copy_rows(cursor, model, rows, plan, report):
    """COPY the rows into the model's table in batches; fields left out get their default."""
    fields = [f for f in model._meta.concrete_fields if not isinstance(f, GeneratedField)]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    written = 0
    rows = iter(rows)
    while batch := list(islice(rows, BATCH)):
        with cursor.cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
            for row in batch:
                copy.write_row([_value(f, row, plan) for f in fields])
        written += len(batch)
        if written % (BATCH * 10) == 0:
            report(f"  {model._meta.label}: {written:,} rows…")
    return written


def _value(model_field, row, plan):
    if model_field.attname in row:
        value = row[model_field.attname]
    elif model_field.name in row:
        value = row[model_field.name]
    elif getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False):
        value = plan.now
    else:
        value = model_field.get_default()
    return model_field.get_db_prep_save(value, connection)
