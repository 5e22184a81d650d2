"""Full-text search that every searchable model shares: articles, events, people,
organisations and pages.

A visitor's words become a Swedish tsquery in which every word may be inflected
or the start of a longer word (``search_query``). Each model keeps a search
vector column built with ``search_vector`` and searched through its GIN index,
and ``best_matches`` ranks the matches, falling back on names or titles spelt
alike (pg_trgm) when full-text search finds nothing.

Letters outside Swedish are folded, in the columns and in the visitor's words
alike: "Høyland", "Hoyland", "Sykehusinnkjøp" and "Sykehusinnkjop" are the
same word to the search. Å, ä and ö stay: they are letters of their own in
Swedish ("får" is not "far") and the Swedish stemmer needs them. (PostgreSQL's
``unaccent`` would fold them too, so the fold is the ``translate()`` below: a
plain immutable function that generated columns and indexes may use.)
"""

import re

from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import models
from django.db.models import Case, F, Func, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Lower
from django.db.models.lookups import Regex

SEARCH_CONFIG = "swedish"
# Longer input is cut: nobody searches with more, and it bounds the query's cost.
SEARCH_MAX_WORDS = 12
SEARCH_WORD = re.compile(r"[^\W_]+")
# Matches ranked for one search: the newest this many ("more than 500 articles found").
SEARCH_MAX_RESULTS = 500
# Rows spelt alike shown for a search that found nothing, the first in the list's
# order (the newest articles): comparing spellings costs some 40 µs a title, and
# a common word misspelt is spelt like thousands of titles.
SEARCH_MAX_ALIKE = 100

# Letters of other languages, by the letter someone without them on the keyboard
# types instead ("Høyland" as "Hoyland"). Å, ä and ö are not here: they are Swedish.
FOLDED_LETTERS = {
    "a": "àáâãāą",
    "c": "çćč",
    "d": "ðďđ",
    "e": "éèêëēęė",
    "i": "íìîïī",
    "l": "łľĺ",
    "n": "ñńň",
    "o": "øóòôõōő",
    "r": "ř",
    "s": "šśş",
    "t": "ť",
    "u": "úùûüūůű",
    "y": "ýÿ",
    "z": "žźż",
}
# Letters written as two.
FOLDED_PAIRS = {"æ": "ae", "œ": "oe", "ß": "ss", "þ": "th"}


_SINGLE = {letter: plain for plain, letters in FOLDED_LETTERS.items() for letter in letters}
_PYTHON_FOLD = str.maketrans({**_SINGLE, **FOLDED_PAIRS})


def fold(text):
    """The visitor's text in lower case with letters outside Swedish folded, as the
    columns hold it."""
    return text.lower().translate(_PYTHON_FOLD)


def Fold(expression):  # noqa: N802 - used like the database functions it builds.
    """``expression`` in lower case with letters outside Swedish folded, in SQL:
    ``translate()`` for single letters, ``replace()`` for those written as two.
    Both are immutable, so a generated column or an index may use the result.
    (Search vectors and trigrams are in lower case anyway.)"""
    lowered = Lower(expression)
    letters = "".join(_SINGLE)
    # translate() compares every character with each of these letters: for an
    # article's text, most of what saving the article costs PostgreSQL. Most text
    # has none of them, which a regular expression finds out twenty times faster.
    folded = Case(
        When(
            Regex(lowered, f"[{letters}]"),
            then=Func(
                lowered,
                Value(letters),
                Value("".join(_SINGLE.values())),
                function="translate",
                output_field=models.TextField(),
            ),
        ),
        default=lowered,
        output_field=models.TextField(),
    )
    for letter, two in FOLDED_PAIRS.items():
        folded = Func(
            folded, Value(letter), Value(two), function="replace", output_field=models.TextField()
        )
    return folded


def search_words(text):
    """The words of a visitor's search, as plain words: no operators, quotes or NULs."""
    return SEARCH_WORD.findall((text or "").replace("\x00", " "))[:SEARCH_MAX_WORDS]


def search_query(text, *, as_written=False):
    """A tsquery that finds every word, inflected or as the start of a longer word.

    Each word is stemmed by the Swedish configuration and matched as a prefix
    (``hållbar:*`` finds "hållbara" and "hållbarhet"); all words must match.
    The words contain letters and digits only, so the raw syntax is safe.
    ``as_written`` also matches each word as typed, not only folded: for
    highlighting in the original text, where "Høyland" is not "hoyland".

    Each word is also matched whole (``upphandling:* | upphandling``): the same
    rows and the same rank, but PostgreSQL estimates a prefix alone at a fixed
    2 % of the rows, and the whole word from its statistics. A common word then
    reads the newest articles in order until enough match (a few milliseconds)
    instead of every match through the search index (tens of milliseconds).
    """
    words = search_words(text)
    if not words:
        return None
    terms = []
    for word in words:
        forms = dict.fromkeys([fold(word), word] if as_written else [fold(word)])
        terms.append("(" + " | ".join(f"{form}:* | {form}" for form in forms) + ")")
    return SearchQuery(" & ".join(terms), search_type="raw", config=SEARCH_CONFIG)


def search_phrase(text):
    """The visitor's words as one folded phrase, for comparing with names spelt alike."""
    return fold(" ".join(search_words(text)))


def search_vector(*weighted):
    """A search vector over (expression or field name, weight) pairs, folded.

    For a ``GeneratedField``, so PostgreSQL keeps it up to date itself: e.g.
    ``search_vector(("title", "A"), (plain_text_in_sql("body"), "C"))``.
    """
    vectors = [
        SearchVector(
            Fold(F(part) if isinstance(part, str) else part), weight=weight, config=SEARCH_CONFIG
        )
        for part, weight in weighted
    ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined += vector
    return combined


def search_vector_field(*weighted):
    """A search vector column that PostgreSQL keeps up to date itself (a stored
    generated column), over ``search_vector``'s (expression, weight) pairs."""
    return models.GeneratedField(
        expression=search_vector(*weighted),
        output_field=SearchVectorField(),
        db_persist=True,
        editable=False,
    )


def best_matches(queryset, text, *, order, alike, also=None):
    """Rows of ``queryset`` matching a visitor's search, best first, at most
    ``SEARCH_MAX_RESULTS``; an empty queryset for a search with no words.

    The model has a ``search_vector`` column. Full-text search finds inflected
    and prefix forms; ``also`` (a function of the tsquery returning a ``Q``)
    adds rows found otherwise, e.g. through a related row's vector (a condition
    that can use an index of its own, such as ``pk__in``). Only when
    that finds nothing, ``alike`` (a text expression such as the title) spelt
    almost like the search matches (pg_trgm), so "upphandlnig" still finds
    "upphandling". ``order`` orders equal ranks, and chooses the matches kept
    when there are too many (the newest articles, say).

    Ranking reads each match's search vector, which is costly when a common
    word matches most of an archive: so the newest ``SEARCH_MAX_RESULTS`` text
    matches (or the first ``SEARCH_MAX_ALIKE`` spelt alike) are found first,
    each through its index, and only those are ranked: text matches by
    ``SearchRank``, those spelt alike by how alike. Apply other filters before
    this one, so that they narrow the matches rather than the ranked few.
    """
    query = search_query(text)
    if query is None:
        return queryset.none()
    phrase = search_phrase(text)
    similarity = TrigramWordSimilarity(phrase, alike)
    # The columns ``order`` names, for ordering the union below.
    ordered = [name.removeprefix("-") for name in order if name.removeprefix("-") != "pk"]
    by_text = queryset.filter(search_vector=query).values("pk", *ordered)
    if also is not None:
        # A union, not an OR: each branch keeps its own index.
        by_text = by_text.union(queryset.filter(also(query)).values("pk", *ordered))
    by_text = by_text.order_by(*order)
    by_alike = (
        queryset.alias(alike=alike)
        .filter(alike__trigram_word_similar=phrase)
        .order_by(*order)
        .values("pk")
    )
    text_sql, text_params = by_text[:SEARCH_MAX_RESULTS].query.sql_with_params()
    alike_sql, alike_params = by_alike[:SEARCH_MAX_ALIKE].query.sql_with_params()
    # A CTE, as the ORM has none: the spelt-alike branch runs only when the text
    # branch found nothing (a one-time filter), each branch on its own index.
    # The SQL is the ORM's own, with the visitor's words as parameters.
    candidates = RawSQL(  # noqa: S611
        f"WITH by_text AS MATERIALIZED ({text_sql}) SELECT by_text.pk FROM by_text "  # noqa: S608
        f"UNION ALL SELECT by_alike.pk FROM ({alike_sql}) AS by_alike "
        "WHERE NOT EXISTS (SELECT FROM by_text)",
        (*text_params, *alike_params),
    )
    # Only rows found spelt alike are compared for spelling: it costs as much as ranking.
    rank = Case(
        When(
            search_vector=query, then=SearchRank(F("search_vector"), query, normalization=Value(1))
        ),
        default=similarity * Value(0.1),
        output_field=models.FloatField(),
    )
    return queryset.filter(pk__in=candidates).annotate(rank=rank).order_by("-rank", *order)
