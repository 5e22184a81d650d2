"""Pages that each break one rule of the anonymous page cache, for its tests."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path
from django.views.decorators.cache import never_cache


def _render(request, source):
    return HttpResponse(engines["django"].from_string(source).render({}, request))


def with_csrf_token(request):
    return _render(request, "<form method=post>{% csrf_token %}</form>")


def with_nonce(request):
    return _render(request, '<script nonce="{{ csp_nonce }}">1</script>')


def with_cookie(request):
    response = HttpResponse("chosen")
    response.set_cookie("choice", "1")
    return response


@never_cache
def private(request):
    return HttpResponse("private")


def varies_by_language(request):
    response = HttpResponse("hej")
    response["Vary"] = "Accept-Language"
    return response


urlpatterns = [
    path("csrf/", with_csrf_token),
    path("nonce/", with_nonce),
    path("cookie/", with_cookie),
    path("private/", private),
    path("language/", varies_by_language),
    path("", include("secretariat.urls")),
]
