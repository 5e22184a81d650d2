"""The site's URLs for the newsletter tests, plus an event page while this branch lacks one.

Emails link to ``events:detail``, which the events app provides; on a branch
where it does not exist yet, a stand-in with the same name and path is added.
Once it exists, this is exactly the site's URLconf.
"""

from django.http import HttpResponse
from django.urls import include, path

from events import urls as event_urls
from secretariat.urls import handler500  # noqa: F401 - the site's error page
from secretariat.urls import urlpatterns as site_urlpatterns

event_patterns = list(event_urls.urlpatterns)
if not any(getattr(pattern, "name", None) == "detail" for pattern in event_patterns):
    event_patterns.append(
        path("evenemang/<slug:slug>/", lambda request, slug: HttpResponse(slug), name="detail")
    )

urlpatterns = [
    path("", include((event_patterns, "events"))),
    *[p for p in site_urlpatterns if getattr(p, "namespace", None) != "events"],
]
