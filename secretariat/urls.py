"""Root URLs. Each app owns its Swedish paths; pages come last as a catch-all."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.views.static import serve

from . import views
from .sitemaps import sitemaps

# The error pages are pages of the site (templates/400.html …); Django's own 403 and
# 404 handlers render them with the request, its 400 handler does not.
handler400 = "secretariat.views.bad_request"
handler500 = "secretariat.views.server_error"

# Staff choose or reset their password here (the admin's login page links to
# it, and `manage.py add_staff` sends new staff a link); before admin/, whose
# catch-all would swallow these addresses.
password_urls = [
    path(
        "admin/losenord/",
        auth_views.PasswordResetView.as_view(),
        name="admin_password_reset",
    ),
    path(
        "admin/losenord/skickat/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "admin/losenord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "admin/losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    *password_urls,
    path("admin/", admin.site.urls),
    path("healthz/", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("", include("articles.urls")),
    path("", include("events.urls")),
    path("", include("newsletter.urls")),
    path("", include("search.urls")),
]

if settings.ANYMAIL.get("WEBHOOK_SECRET"):
    # The mail provider's reports (bounces, complaints): anymail's standard
    # /anymail/<provider>/tracking/ addresses, behind Basic auth with the secret.
    urlpatterns.append(path("anymail/", include("anymail.urls")))

if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns.append(
        re_path(
            rf"^{media_prefix}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns.append(path("<slug:slug>/", views.PageDetailView.as_view(), name="page"))
