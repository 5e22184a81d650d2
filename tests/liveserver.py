"""The site as production runs it, started by the tests on a free loopback port.

``start_production_server(env, port)`` runs gunicorn with the committed
``gunicorn.conf.py`` and ``secretariat.settings.production`` (``DEBUG`` off,
whitenoise serving the collected static files).
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

BASE_DIR = Path(__file__).resolve().parent.parent
STARTUP_TIMEOUT = 30  # seconds


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_production_server(env, port):
    """Start gunicorn as production does, on 127.0.0.1:``port``; return the process.

    ``env`` holds the settings (``DATABASE_URL``, ``SECRET_KEY``, ...) on top of the
    current environment. Returns once ``/healthz/`` answers 200; raises with the
    server's output when it does not within ``STARTUP_TIMEOUT`` seconds.
    """
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "secretariat.settings.production",
        **env,
        "BIND": f"127.0.0.1:{port}",
    }
    log = Path(environ.get("SERVER_LOG", os.devnull))
    with log.open("ab") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env=environ,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=2) as answer:
                if answer.status == 200:
                    return process
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    stop_process(process)
    tail = log.read_text(errors="replace")[-3000:] if log.is_file() else ""
    raise RuntimeError(f"The production server did not answer on port {port}.\n{tail}")


def stop_process(process, timeout=20):
    """Stop a server the tests started: politely first, then for sure."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def database_url(settings_dict, name):
    """A ``DATABASE_URL`` for database ``name`` on the server of ``settings_dict``."""
    user = quote(settings_dict.get("USER") or "", safe="")
    if settings_dict.get("PASSWORD"):
        user += ":" + quote(settings_dict["PASSWORD"], safe="")
    host = settings_dict.get("HOST") or settings_dict.get("OPTIONS", {}).get("host", "")
    if host.startswith("/"):  # A Unix socket folder, as with the private cluster.
        return f"postgres://{user}@/{name}?host={quote(host)}"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    return f"postgres://{user}@{host}{port}/{name}"
