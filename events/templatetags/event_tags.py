"""How events' times read: in the event's own zone, the zone spelled out, Swedish time beside."""

from zoneinfo import ZoneInfo

from django import template
from django.utils import dateformat
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events.models import SWEDISH_TIME

register = template.Library()

EN_DASH = "\u2013"
MINUS = "\u2212"


def _date(value):
    return dateformat.format(value, "j F Y")


def _time(value):
    return dateformat.format(value, "H:i")


def _tag(value, text, *, date_only=False):
    machine = value.date().isoformat() if date_only else value.isoformat()
    return format_html('<time datetime="{}">{}</time>', machine, text)


def _at(value):
    return _("%(date)s at %(time)s") % {"date": _date(value), "time": _time(value)}


@register.simple_tag
def event_when(event, zone=None):
    """The event's dates and times as `<time>` elements, in zone (default: the event's)."""
    tz = ZoneInfo(zone) if zone else event.zone
    starts, ends = event.starts_at.astimezone(tz), event.ends_at.astimezone(tz)
    if event.all_day:
        if starts.date() == ends.date():
            return _tag(starts, _date(starts), date_only=True)
        first = dateformat.format(starts, "j F" if starts.year == ends.year else "j F Y")
        return format_html(
            "{}" + EN_DASH + "{}",
            _tag(starts, first, date_only=True),
            _tag(ends, _date(ends), date_only=True),
        )
    if starts.date() == ends.date():
        return format_html(
            "{}" + EN_DASH + "{}", _tag(starts, _at(starts)), _tag(ends, _time(ends))
        )
    return format_html("{} " + EN_DASH + " {}", _tag(starts, _at(starts)), _tag(ends, _at(ends)))


def _offset(value):
    minutes = int(value.utcoffset().total_seconds() // 60)
    sign = "+" if minutes >= 0 else MINUS
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


@register.simple_tag
def zone_label(event, zone=None):
    """'Swedish time, UTC+1' or 'local time in Astana, Asia/Almaty, UTC+6'."""
    name = zone or event.timezone
    offset = _offset(event.starts_at.astimezone(ZoneInfo(name)))
    if name == SWEDISH_TIME:
        return _("Swedish time, %(offset)s") % {"offset": offset}
    if event.city:
        return _("local time in %(city)s, %(zone)s, %(offset)s") % {
            "city": event.city,
            "zone": name,
            "offset": offset,
        }
    return _("local time, %(zone)s, %(offset)s") % {"zone": name, "offset": offset}


@register.simple_tag
def event_duration(event):
    """'2 days', '1 hour 30 minutes'."""
    if event.all_day or event.is_multi_day:
        return ngettext("%(count)d day", "%(count)d days", event.days) % {"count": event.days}
    minutes = int(event.duration.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if minutes or not hours:
        parts.append(
            ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}
        )
    return " ".join(parts)
