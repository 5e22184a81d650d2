"""Create a staff account with a role, and send its owner a link to choose a password."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext

from secretariat.content.links import absolute_url
from secretariat.roles import ROLES, find_role, sync_roles


def password_set_link(user):
    """An address where ``user`` chooses a password; valid ``PASSWORD_RESET_TIMEOUT``."""
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path)


class Command(BaseCommand):
    help = (
        "Create a staff account for EMAIL with a role, and email them a link to choose "
        "their password (or print it with --print-link)."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument(
            "--role",
            required=True,
            help="One of: " + ", ".join(f"{role.key} ({role.name})" for role in ROLES),
        )
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--print-link",
            action="store_true",
            help="Print the password link instead of emailing it.",
        )

    def handle(self, *args, email, role, first_name, last_name, print_link, **options):
        email = email.strip().lower()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an email address.") from error
        chosen = find_role(role)
        if chosen is None:
            known = ", ".join(role.key for role in ROLES)
            raise CommandError(f"Unknown role {role!r}; choose one of: {known}.")
        User = get_user_model()  # noqa: N806
        if User.objects.filter(username__iexact=email).exists():
            raise CommandError(
                f"A staff account {email} exists already: change its roles in the admin."
            )
        with transaction.atomic():
            sync_roles()
            user = User(
                username=email,
                email=email,
                first_name=first_name,
                last_name=last_name,
                is_staff=True,
            )
            # No password until its owner chooses one through the link.
            user.set_unusable_password()
            user.save()
            user.groups.add(Group.objects.get(name=chosen.name))
        link = password_set_link(user)
        if print_link:
            self.stdout.write(f"Created {email} ({chosen.name}). Password link:\n{link}")
            return
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "user": user,
                "role": chosen.name,
                "link": link,
                "days": max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)),
                "SITE_NAME": settings.SITE_NAME,
            }
            send_mail(
                gettext("Your account on the site's administration"),
                render_to_string("secretariat/emails/staff_welcome.txt", context),
                None,
                [email],
            )
        self.stdout.write(f"Created {email} ({chosen.name}); the password link was emailed.")
