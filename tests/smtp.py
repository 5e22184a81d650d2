"""A real SMTP server on loopback for the tests (aiosmtpd), collecting what it receives.

``hold_after = n`` makes the server stop answering after n messages: the next
message waits, unacknowledged, until ``hold_after`` is reset, and is then
refused. That is how a test catches a sender in the middle of a message.
An address in ``refuse`` is refused for good (550), one in ``defer`` for now
(450); at an address in ``drop`` the server hangs up without answering.
``peers`` says which connection brought each message; ``raw`` holds each as
its bytes came over the wire.

``SMTPServer(tls=(certfile, keyfile), login=("user", "password"))`` is a
provider's relay: STARTTLS required before anything else, then AUTH LOGIN
(the only mechanism offered) with that user; ``logins`` records who logged in.
"""

import asyncio
import email
import email.policy
import socket
import ssl
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Handler:
    # aiosmtpd calls hooks by these upper-case names.

    def __init__(self, server):
        self.server = server

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.server.refuse:
            return "550 5.1.1 No such user here"
        if address in self.server.defer:
            return "450 4.2.1 Mailbox busy, try again later"
        if address in self.server.drop:
            server.transport.close()
            return "421 Closing"  # Never arrives.
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802  # noqa: N802 - aiosmtpd names it.
        hold_after = self.server.hold_after
        if hold_after is not None and len(self.server.messages) >= hold_after:
            self.server.holding.set()
            while self.server.hold_after is not None:
                await asyncio.sleep(0.02)
            return "451 Aborted while held"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.server.lock:
            self.server.messages.append(message)
            self.server.raw.append(envelope.original_content)
            self.server.envelopes.append(list(envelope.rcpt_tos))
            self.server.peers.append(session.peer)
        return "250 OK"


class SMTPServer:
    def __init__(self, tls=None, login=None):
        self.messages = []
        self.raw = []
        self.logins = []
        self.envelopes = []
        self.peers = []
        self.refuse = set()
        self.defer = set()
        self.drop = set()
        self.hold_after = None
        self.holding = threading.Event()
        self.lock = threading.Lock()
        self.port = free_port()
        self.login = login
        options = {}
        if tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*tls)
            options |= {"tls_context": context, "require_starttls": True}
        if login:
            options |= {
                "authenticator": self._authenticate,
                "auth_required": True,
                "auth_exclude_mechanism": ["PLAIN"],
            }
        self.controller = Controller(
            _Handler(self), hostname="127.0.0.1", port=self.port, **options
        )

    def _authenticate(self, server, session, envelope, mechanism, auth_data):
        user = auth_data.login.decode(errors="replace")
        password = auth_data.password.decode(errors="replace")
        if (user, password) != self.login:
            return AuthResult(success=False, handled=False)
        self.logins.append((mechanism, user))
        return AuthResult(success=True)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc_info):
        self.hold_after = None
        self.controller.stop()

    @property
    def url(self):
        return f"smtp+insecure://127.0.0.1:{self.port}"

    def to(self, address):
        """The messages whose envelope named this recipient."""
        with self.lock:
            return [
                m
                for m, rcpts in zip(self.messages, self.envelopes, strict=True)
                if address in rcpts
            ]

    def wait_for(self, count, timeout=30):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.05)
        return len(self.messages) >= count

    @staticmethod
    def text(message):
        return message.get_body(("plain",)).get_content()

    @staticmethod
    def html(message):
        return message.get_body(("html",)).get_content()
