"""What the public list filters share."""


class OffersChosenMixin:
    """For a FilterSet whose long lists of choices offer only the most used ones."""

    def with_chosen(self, name, choices, public):
        """``choices`` plus the ones chosen elsewhere (a tag, person or organisation
        page, a shared link) that ``public()`` holds, by label, so that the filter
        shows and can undo them."""
        shown = {slug for slug, label in choices}
        chosen = set(self.data.getlist(name) if self.is_bound else ()) - shown
        # No slug holds a NUL, and PostgreSQL refuses one in a query.
        chosen = {slug for slug in chosen if "\x00" not in slug}
        if not chosen:
            return choices
        found = public().filter(slug__in=chosen).values_list("slug", "name")
        return sorted([*choices, *found], key=lambda choice: choice[1])
