"""Admin autocompletes that still work for staff whose browser runs no JavaScript.

Django's autocomplete widgets put only the chosen objects in their ``<select>``
and fetch the rest as the editor types. Without JavaScript that leaves nothing
to choose from; listing every choice instead (10,000 people, a select in every
row of an inline) made a change form take half a minute and weigh megabytes.
So these widgets keep Django's select, and add a text box inside
``<noscript>``: without JavaScript the editor types a name (or an address), and
the field finds the one it names. With JavaScript the box does not exist and
the search box works as before.
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The field a related object is typed by, the first one its model has.
NAME_FIELDS = ("name", "title")


class TypedName(str):
    """What the editor typed into the no-JavaScript box: a name, not a key."""


def typed_names(data, name):
    box = data.get(f"{name}__name", "").replace("\x00", "")
    return [TypedName(part.strip()) for part in box.split(",") if part.strip()]


class _TypedBox:
    template_name = "secretariat/widgets/autocomplete_typed.html"

    def get_context(self, name, value, attrs):
        # A form shown again with an error keeps what was typed in the box;
        # only real keys go to the select.
        values = value if isinstance(value, list | tuple) else [value]
        chosen = [item for item in values if not isinstance(item, TypedName)]
        if not self.allow_multiple_selected:
            chosen = chosen[0] if chosen else None
        context = super().get_context(name, chosen, attrs)
        context["widget"]["typed"] = ", ".join(v for v in values if isinstance(v, TypedName))
        return context


class TypedAutocompleteSelect(_TypedBox, AutocompleteSelect):
    def value_from_datadict(self, data, files, name):
        typed = typed_names(data, name)
        return typed[0] if typed else super().value_from_datadict(data, files, name)


class TypedAutocompleteSelectMultiple(_TypedBox, AutocompleteSelectMultiple):
    def value_from_datadict(self, data, files, name):
        return [*super().value_from_datadict(data, files, name), *typed_names(data, name)]


class _FindsTypedNames:
    def find(self, typed):
        """The one object ``typed`` names: its address (slug), or its name in any case."""
        model = self.queryset.model
        name_field = next(f for f in NAME_FIELDS if any(x.name == f for x in model._meta.fields))
        condition = Q(**{f"{name_field}__iexact": typed})
        if any(field.name == "slug" for field in model._meta.fields):
            condition |= Q(slug=typed)
        found = list(self.queryset.filter(condition)[:5])
        params = {"name": typed, "model": model._meta.verbose_name}
        if not found:
            raise ValidationError(
                _("No %(model)s is called “%(name)s”. Check the spelling, or add it first."),
                code="not_found",
                params=params,
            )
        if len(found) > 1 and not any(getattr(obj, "slug", None) == typed for obj in found):
            slugs = ", ".join(getattr(obj, "slug", str(obj.pk)) for obj in found)
            raise ValidationError(
                _(
                    "Several are called “%(name)s”. Type the address of the one you mean: "
                    "%(slugs)s."
                ),
                code="ambiguous",
                params={**params, "slugs": slugs},
            )
        return next((obj for obj in found if getattr(obj, "slug", None) == typed), found[0])


class TypedModelChoiceField(_FindsTypedNames, forms.ModelChoiceField):
    def to_python(self, value):
        if isinstance(value, TypedName):
            return self.find(value)
        return super().to_python(value)


class TypedModelMultipleChoiceField(_FindsTypedNames, forms.ModelMultipleChoiceField):
    def clean(self, value):
        typed = [item for item in value or () if isinstance(item, TypedName)]
        if typed:
            chosen = [item for item in value if not isinstance(item, TypedName)]
            value = [*chosen, *(str(self.find(name).pk) for name in typed)]
        return super().clean(value)


class AutocompleteWithoutJavaScript:
    """Mixin for a ``ModelAdmin`` or inline: its ``autocomplete_fields`` also take a
    typed name when the browser runs no JavaScript."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = TypedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
            kwargs["form_class"] = TypedModelChoiceField
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = TypedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
            kwargs["form_class"] = TypedModelMultipleChoiceField
        return super().formfield_for_manytomany(db_field, request, **kwargs)
