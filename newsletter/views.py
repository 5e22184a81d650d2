"""Public pages: sign up, confirm, unsubscribe, and the archive of sent issues.

Confirming and unsubscribing happen only on POST: mail programs and link
scanners open every link in an email, and must not act for the reader.
"""

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.crypto import salted_hmac
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, FormView, ListView, TemplateView

from secretariat.operations.requests import client_ip

from . import subscriptions
from .forms import SignupForm
from .models import ConsentEvent, Issue
from .tokens import read_confirmation_token, read_unsubscribe_token

# Sign-ups allowed per (count, seconds); NEWSLETTER_SIGNUP_LIMITS overrides them.
SIGNUP_LIMITS = {"ip": (10, 3600), "email": (3, 3600)}


def over_limit(kind, value):
    """Count one attempt for ``value``; True once it has had too many in the window."""
    limit, window = getattr(settings, "NEWSLETTER_SIGNUP_LIMITS", SIGNUP_LIMITS)[kind]
    digest = salted_hmac("newsletter.ratelimit", value, algorithm="sha256").hexdigest()
    key = f"newsletter:signup:{kind}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key) > limit
    except ValueError:  # Expired between add() and incr().
        cache.set(key, 1, timeout=window)
        return False


@method_decorator(csrf_exempt, name="dispatch")
class SignupView(FormView):
    """The signup form, posted from this page or from the form on other pages.

    Without a CSRF token, on purpose: a token makes every page that shows the
    form personal, so the front page could never come from the page cache.
    CSRF guards what a visitor's cookies allow, and signing up uses none: a
    forged signup only sends a confirmation mail the owner can ignore (double
    opt-in), and the honeypot and rate limits stop bots as before.
    """

    template_name = "newsletter/signup.html"
    form_class = SignupForm
    success_url = reverse_lazy("newsletter:thanks")

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if over_limit("ip", client_ip(request)) or (
            form.is_valid() and over_limit("email", form.cleaned_data["email"].lower())
        ):
            form.add_error(None, _("Too many attempts. Please try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if form.is_valid():
            return self.form_valid(form)
        return self.form_invalid(form)

    def form_valid(self, form):
        # Bots get the same thanks as people, so they learn nothing.
        if not form.is_bot():
            data = form.cleaned_data
            subscriptions.sign_up(
                data["email"], data["name"], data["source"], ip_address=client_ip(self.request)
            )
        return super().form_valid(form)


class ThanksView(TemplateView):
    template_name = "newsletter/thanks.html"


class ConfirmedView(TemplateView):
    template_name = "newsletter/confirmed.html"


def invalid_link(request, error):
    expired = isinstance(error, signing.SignatureExpired)
    return render(
        request,
        "newsletter/invalid_link.html",
        {"expired": expired},
        status=410 if expired else 400,
    )


class SignedLinkView(View):
    """A page reached by a link from an email: its signed token names the subscriber."""

    read_token = None  # tokens.read_*_token: the subscriber's pk, or BadSignature

    def dispatch(self, request, *args, token, **kwargs):
        try:
            self.subscriber_pk = type(self).read_token(token)
        except signing.BadSignature as error:
            return invalid_link(request, error)
        return super().dispatch(request, *args, **kwargs)


class ConfirmView(SignedLinkView):
    """GET shows a button; only its POST confirms."""

    read_token = read_confirmation_token

    def get(self, request):
        return render(request, "newsletter/confirm.html")

    def post(self, request):
        subscriber = subscriptions.confirm(self.subscriber_pk, ip_address=client_ip(request))
        if subscriber is None:
            return invalid_link(request, signing.BadSignature())
        return redirect("newsletter:confirmed")


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(SignedLinkView):
    """The personal unsubscribe link, and the RFC 8058 one-click endpoint.

    Mail programs POST ``List-Unsubscribe=One-Click`` here without a session or
    CSRF token, and expect 200, not a redirect. The signed token in the URL is
    what proves the request is the subscriber's, so CSRF adds nothing.
    """

    read_token = read_unsubscribe_token

    def get(self, request):
        return render(request, "newsletter/unsubscribe.html")

    def post(self, request):
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        method = ConsentEvent.Method.ONE_CLICK if one_click else ConsentEvent.Method.EMAIL_LINK
        subscriptions.unsubscribe(self.subscriber_pk, method, ip_address=client_ip(request))
        return render(request, "newsletter/unsubscribed.html")


class IssueArchiveView(ListView):
    """ "Tidigare nyhetsbrev": every issue that has gone out, newest first."""

    template_name = "newsletter/issue_list.html"
    context_object_name = "issues"
    paginate_by = 50

    def get_queryset(self):
        return Issue.objects.published().only("pk", "subject", "sent_at", "status")


class IssueDetailView(DetailView):
    """A sent issue as it went out, without anyone's personal links. Drafts are 404."""

    template_name = "newsletter/issue_detail.html"
    context_object_name = "issue"

    def get_queryset(self):
        return Issue.objects.published()
