"""A real SMTP server on loopback that keeps what it receives, for tests that send mail.

    with SMTPSink() as sink:
        ...  # run the code with EMAIL_URL=sink.url
        message = sink.wait_for(lambda m: m["To"] == "anna@example.org")

The server is aiosmtpd's, in a thread of the test process; the site talks to it over
plain SMTP (``smtp+insecure://``), exactly as it talks to a real relay.
"""

import email
import threading
import time
from email import policy

import pytest
from aiosmtpd.controller import Controller

from tests.liveserver import free_port


class SMTPSink:
    """An SMTP server on 127.0.0.1 that collects every message in ``.messages``."""

    def __init__(self):
        self.messages = []
        self._arrived = threading.Condition()
        self._controller = Controller(self, hostname="127.0.0.1", port=free_port())

    @property
    def url(self):
        """The ``EMAIL_URL`` that sends mail here."""
        return f"smtp+insecure://127.0.0.1:{self._controller.port}"

    def start(self):
        self._controller.start()
        return self

    def stop(self):
        self._controller.stop()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self._arrived:
            self.messages.append(message)
            self._arrived.notify_all()
        return "250 Message accepted for delivery"

    def clear(self):
        with self._arrived:
            self.messages.clear()

    def wait_for(self, matches=lambda message: True, timeout=15):
        """The first message for which ``matches(message)`` holds, waiting up to ``timeout`` s.

        Mail may be sent by a background worker, so it can arrive after the request
        that caused it has answered.
        """
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                found = next((m for m in self.messages if matches(m)), None)
                if found is not None:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"No matching email arrived within {timeout} s; "
                        f"received {len(self.messages)}: "
                        f"{[(m['To'], m['Subject']) for m in self.messages]}"
                    )
                self._arrived.wait(remaining)


@pytest.fixture(scope="session")
def smtp_sink():
    """One SMTP server for the session; ``smtp_sink.clear()`` forgets what it received."""
    with SMTPSink() as sink:
        yield sink
