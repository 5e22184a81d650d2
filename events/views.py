from django.views.generic import TemplateView


class UpcomingEventsView(TemplateView):
    template_name = "events/event_list.html"
