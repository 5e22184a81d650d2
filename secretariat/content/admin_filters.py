"""List filters the apps' admins share."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class YearFilter(admin.SimpleListFilter):
    """The years that ``date_field`` takes, newest first; a subclass names the field."""

    title = _("year")
    parameter_name = "year"
    date_field = None

    def lookups(self, request, model_admin):
        years = model_admin.model._default_manager.dates(self.date_field, "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(**{f"{self.date_field}__year": int(self.value())})
        return queryset
