"""Admin autocompletes that still work for staff whose browser runs no JavaScript.

Django's autocomplete widgets put only the chosen objects in their ``<select>``
and fetch the rest as the editor types. Without JavaScript that leaves an empty
list to choose from. These widgets list every choice, as a plain select does;
with JavaScript the search box takes over as before.
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple


class _ListsEveryChoice:
    def optgroups(self, name, value, attrs=None):
        return forms.Select.optgroups(self, name, value, attrs)


class ListedAutocompleteSelect(_ListsEveryChoice, AutocompleteSelect):
    pass


class ListedAutocompleteSelectMultiple(_ListsEveryChoice, AutocompleteSelectMultiple):
    pass


class AutocompleteWithoutJavaScript:
    """Mixin for a ``ModelAdmin`` or inline: its ``autocomplete_fields`` list every choice."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ListedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ListedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
