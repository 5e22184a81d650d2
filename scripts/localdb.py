"""The private PostgreSQL cluster that development and the tests use.

Used when DATABASE_URL is unset. The cluster lives in `.pgdata/` inside the
checkout and listens only on a Unix socket in that folder (no TCP port), so
several checkouts on one machine never collide. `initdb` refuses to run as
root: as root the cluster is owned and run by the unprivileged `postgres`
user; where that user cannot reach the checkout (a home folder closed to
others, or a path too long for a socket), the data lives under /tmp and
`.pgdata` is a symlink to it.

    python scripts/localdb.py start|stop|status
    python scripts/localdb.py run -- COMMAND ...   # start, run, stop again

Only the standard library: this runs before the virtual environment exists.
"""

import argparse
import glob
import hashlib
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
LINK = BASE_DIR / ".pgdata"
DB_NAME = "secretariat"
DB_USER = "secretariat"
SOCKET_NAME = ".s.PGSQL.5432"
# sockaddr_un.sun_path holds 108 bytes on Linux.
MAX_SOCKET_PATH = 100
IS_ROOT = os.geteuid() == 0
RUN_AS = "postgres"

SERVER_OPTIONS = {
    "listen_addresses": "''",
    "max_connections": "200",
    # A throwaway development cluster: durability on power loss is not needed,
    # speed of the test suite is.
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "timezone": "'UTC'",
    "log_min_messages": "warning",
}


def fail(message):
    sys.stderr.write(f"localdb: {message}\n")
    sys.exit(1)


def find_bindir(install=True):
    """Directory holding initdb/pg_ctl, newest PostgreSQL 15+ first."""
    on_path = shutil.which("pg_ctl")
    candidates = [str(Path(on_path).resolve().parent)] if on_path else []
    patterns = (
        "/usr/lib/postgresql/*/bin",
        "/usr/pgsql-*/bin",
        "/opt/homebrew/opt/postgresql@*/bin",
    )
    found = [path for pattern in patterns for path in glob.glob(pattern)]
    candidates += sorted(found, key=_major_version, reverse=True)
    for bindir in candidates:
        if (Path(bindir) / "initdb").exists() and _major_version(bindir) >= 15:
            return Path(bindir)
    if install and IS_ROOT and shutil.which("apt-get"):
        print("localdb: PostgreSQL server not found; installing Debian's postgresql package")
        _apt_install("postgresql")
        return find_bindir(install=False)
    fail(
        "the PostgreSQL 15+ server programs (initdb, pg_ctl) were not found.\n"
        "Install them: Debian/Ubuntu `apt-get install postgresql`, Fedora `dnf install "
        "postgresql-server`, macOS `brew install postgresql@16`.\n"
        "Or point DATABASE_URL at an existing PostgreSQL database."
    )


def _apt_install(package):
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=False, env=env)
    subprocess.run(["apt-get", "install", "-y", "-q", package], check=True, env=env)


def _major_version(bindir):
    pg_ctl = Path(bindir) / "pg_ctl"
    if not pg_ctl.exists():
        return 0
    out = subprocess.run([pg_ctl, "--version"], capture_output=True, text=True).stdout
    try:
        return int(out.split()[-1].split(".")[0])
    except (IndexError, ValueError):
        return 0


def _as_owner(args, **kwargs):
    """Run a server program as the cluster's owner."""
    if IS_ROOT:
        args = ["runuser", "-u", RUN_AS, "--", *map(str, args)]
    return subprocess.run(args, **kwargs)


def _owner_can_reach(path):
    if not IS_ROOT:
        return True
    result = subprocess.run(
        ["runuser", "-u", RUN_AS, "--", "test", "-x", str(path)], capture_output=True
    )
    return result.returncode == 0


def data_dir():
    """The real data directory, creating the /tmp fallback and symlink if needed."""
    if LINK.is_symlink() or LINK.exists():
        return LINK.resolve()
    if IS_ROOT:
        try:
            pwd.getpwnam(RUN_AS)
        except KeyError:
            fail(f"running as root needs the unprivileged `{RUN_AS}` user to own the cluster")
    too_long = len(str(LINK / SOCKET_NAME)) > MAX_SOCKET_PATH
    if too_long or not _owner_can_reach(BASE_DIR):
        digest = hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:12]
        target = Path(tempfile.gettempdir()) / f"secretariat-pg-{digest}"
        target.mkdir(mode=0o700, exist_ok=True)
        LINK.symlink_to(target)
    else:
        LINK.mkdir(mode=0o700)
    if IS_ROOT:
        shutil.chown(LINK.resolve(), user=RUN_AS, group=pwd.getpwnam(RUN_AS).pw_gid)
    return LINK.resolve()


def is_running(bindir, datadir):
    if not (datadir / "PG_VERSION").exists():
        return False
    result = _as_owner([bindir / "pg_ctl", "status", "-D", datadir], capture_output=True)
    return result.returncode == 0


def _initdb(bindir, datadir):
    print(f"localdb: creating a PostgreSQL cluster in {datadir}")
    base = [
        bindir / "initdb",
        "-D",
        datadir,
        "-U",
        DB_USER,
        "--auth=trust",
        "-E",
        "UTF8",
    ]
    # Swedish collation (å, ä, ö after z) where ICU is available.
    icu = _as_owner(
        [*base, "--locale-provider=icu", "--icu-locale=sv-SE", "--locale=C.UTF-8"],
        capture_output=True,
        text=True,
    )
    if icu.returncode != 0:
        for leftover in datadir.iterdir():
            _as_owner(["rm", "-rf", leftover], check=True)
        _as_owner([*base, "--no-locale"], check=True, capture_output=True)
    with_options = "\n".join(f"{key} = {value}" for key, value in SERVER_OPTIONS.items())
    config = (
        f"\n# Added by scripts/localdb.py\nunix_socket_directories = '{datadir}'\n{with_options}\n"
    )
    _as_owner(
        ["sh", "-c", f"cat >> '{datadir}/postgresql.conf'"],
        input=config,
        text=True,
        check=True,
    )


def start():
    """Start the cluster; return True if this call started it."""
    bindir = find_bindir()
    datadir = data_dir()
    if not (datadir / "PG_VERSION").exists():
        _initdb(bindir, datadir)
    started = False
    if not is_running(bindir, datadir):
        log = datadir / "server.log"
        result = _as_owner(
            [bindir / "pg_ctl", "start", "-w", "-t", "60", "-D", datadir, "-l", log],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            tail = _as_owner(["tail", "-n", "20", log], capture_output=True, text=True).stdout
            fail(f"PostgreSQL did not start:\n{result.stdout}{result.stderr}\n{tail}")
        started = True
    _ensure_database(bindir, datadir)
    return started


def _ensure_database(bindir, datadir):
    psql = [bindir / "psql", "-h", datadir, "-U", DB_USER, "-d", "postgres", "-tAq"]
    exists = subprocess.run(
        [*psql, "-c", f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}'"],  # noqa: S608
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run([bindir / "createdb", "-h", datadir, "-U", DB_USER, DB_NAME], check=True)


def stop():
    if not (LINK.exists() and (LINK.resolve() / "PG_VERSION").exists()):
        return
    bindir = find_bindir()
    datadir = LINK.resolve()
    if is_running(bindir, datadir):
        _as_owner(
            [bindir / "pg_ctl", "stop", "-m", "fast", "-w", "-D", datadir],
            check=True,
            capture_output=True,
        )
        print("localdb: PostgreSQL stopped")


def run(command):
    """Run a command with the cluster up; stop it afterwards if we started it."""
    if not command:
        fail("run needs a command after --")
    started = start()
    # Ctrl-C reaches the child through the terminal; we wait for it, then clean up.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        returncode = subprocess.call(command, preexec_fn=_restore_sigint)
    finally:
        signal.signal(signal.SIGINT, previous)
        if started:
            stop()
    return returncode


def _restore_sigint():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["start", "stop", "status", "run"])
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if os.environ.get("DATABASE_URL"):
        # An external database is configured: nothing to manage.
        if args.action == "run":
            sys.exit(
                subprocess.call(args.command[1:] if args.command[:1] == ["--"] else args.command)
            )
        return
    if args.action == "start":
        start()
        print(f"localdb: PostgreSQL is up on the socket in {LINK.resolve()}")
    elif args.action == "stop":
        stop()
    elif args.action == "status":
        running = LINK.exists() and is_running(find_bindir(), LINK.resolve())
        print("running" if running else "stopped")
        sys.exit(0 if running else 3)
    else:
        command = args.command[1:] if args.command[:1] == ["--"] else args.command
        sys.exit(run(command))


if __name__ == "__main__":
    main()
