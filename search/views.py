"""``/sok/``: the site search's results, grouped by kind or one kind at a time.

Every kind's matches come from its app's public queryset, so drafts, scheduled
articles and unpublished pages are never found. A page of results costs one
query per kind: without a chosen kind, each kind's best few come with their
total (a window count); with one, its page, its count and the others' counts,
each count remembered until the content changes.
"""

from django.db.models import Count, Window
from django.views.generic import TemplateView

from secretariat.content.pagination import ArchivePaginator, remembered_count
from secretariat.content.search import SEARCH_MAX_RESULTS, search_phrase, search_words

from .forms import SearchForm
from .kinds import KINDS, KINDS_BY_SLUG, highlight

PAGE_SIZE = 20
# Results of each kind on the page of all kinds; "show all" leads to the rest.
PREVIEW_SIZE = 5


class SearchView(TemplateView):
    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        form.is_valid()  # An unknown kind is shown as an error; the words still search.
        text = form.cleaned_data.get("q", "")
        chosen = KINDS_BY_SLUG.get(form.cleaned_data.get("typ"))
        context = super().get_context_data(
            form=form,
            search_query=text,
            chosen=chosen,
            search_max_results=SEARCH_MAX_RESULTS,
            **kwargs,
        )
        if not search_words(text):
            return context
        if chosen is None:
            groups = [self.preview(kind, text) for kind in KINDS]
        else:
            groups = [
                self.one_kind(kind, text) if kind is chosen else self.counted(kind, text)
                for kind in KINDS
            ]
        query = self.request.GET.copy()
        query.pop("page", None)
        query.pop("typ", None)
        context.update(
            groups=groups,
            total=sum(group["count"] for group in groups),
            query=query.urlencode(),
        )
        if chosen is not None:
            context["page_obj"] = next(g["page_obj"] for g in groups if g["kind"] is chosen)
            context["query"] = f"{context['query']}&typ={chosen.slug}"
        return context

    def preview(self, kind, text):
        """The best few of a kind and how many there are, in one query."""
        rows = list(kind.results(text).annotate(total=Window(Count("pk")))[:PREVIEW_SIZE])
        return self.group(kind, rows, rows[0].total if rows else 0)

    def one_kind(self, kind, text):
        paginator = ArchivePaginator(kind.results(text), PAGE_SIZE, key=self.list_key(text))
        page = paginator.get_page(self.request.GET.get("page"))
        page.object_list = list(page.object_list)
        group = self.group(kind, page.object_list, paginator.count)
        group["page_obj"] = page
        return group

    def counted(self, kind, text):
        # The same remembered total as the kind's own pages: its query is built only if missing.
        count = remembered_count(
            kind.model, self.list_key(text), lambda: kind.matches(text).count()
        )
        return self.group(kind, [], count)

    @staticmethod
    def list_key(text):
        """Names one search's matches of a kind, whose total is remembered until the
        content changes: the kind tabs cost nothing after a search's first page."""
        return f"search:{search_phrase(text)}"

    @staticmethod
    def group(kind, rows, count):
        for row in rows:
            row.excerpt = highlight(getattr(row, "excerpt", ""))
        return {
            "kind": kind,
            "results": rows,
            "count": count,
            "at_least": count >= SEARCH_MAX_RESULTS,
        }
