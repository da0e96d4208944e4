"""Stores to test against: SQLite always, and a real PostgreSQL server.

The PostgreSQL server is a throw-away cluster: ``initdb`` in a temporary folder, started
with ``pg_ctl`` on a free loopback port, stopped at the end of the session. It is used
when ``ANHORIG_TEST_POSTGRES_URL`` names a server to use instead, when
``ANHORIG_TEST_POSTGRES=1``, or when PostgreSQL's programs are found (on ``PATH`` or in
``/usr/lib/postgresql/*/bin``). As root, the cluster runs as the ``postgres`` user
(``initdb`` refuses to run as root). Without PostgreSQL the tests skip, saying how to
run them; in CI (``CI`` set) they fail instead of skipping.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

HOW = (
    "PostgreSQL tests need PostgreSQL's programs (Debian: apt-get install postgresql) and "
    'psycopg (pip install -e ".[postgres]"), or ANHORIG_TEST_POSTGRES_URL=postgresql://... '
    "naming a server to use; then run: python -m pytest tests/store"
)


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def _unavailable(reason: str) -> None:
    if _in_ci() or os.environ.get("ANHORIG_TEST_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required here but {reason}. {HOW}")
    pytest.skip(f"{reason}. {HOW}")


def _bin_dir() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True):
        return Path(candidate).parent
    return None


def _as_owner(owner: str | None, *command: str) -> list[str]:
    return ["runuser", "-u", owner, "--", *command] if owner else list(command)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server for this test session (a new cluster, or the one
    ``ANHORIG_TEST_POSTGRES_URL`` names)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed")
    given = os.environ.get("ANHORIG_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    bin_dir = _bin_dir()
    if bin_dir is None:
        _unavailable("PostgreSQL's initdb was not found")
        return
    owner = None
    folder = Path(tempfile.mkdtemp(prefix="anhorig-pg-"))
    if os.geteuid() == 0:
        for candidate in ("postgres", "nobody"):
            try:
                entry = pwd.getpwnam(candidate)
            except KeyError:
                continue
            owner = candidate
            os.chown(folder, entry.pw_uid, entry.pw_gid)
            break
        else:
            _unavailable("running as root with neither a postgres nor a nobody user")
    data = folder / "data"
    port = _free_port()
    try:
        subprocess.run(
            _as_owner(
                owner,
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-A",
                "trust",
                "-U",
                "anhorig",
                "-E",
                "UTF8",
                "--no-sync",
            ),
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        subprocess.run(
            _as_owner(
                owner,
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(folder / "server.log"),
                "-w",
                "-o",
                f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
                "-c max_connections=100",
                "start",
            ),
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
        output = getattr(exc, "stderr", "") or ""
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(f"the PostgreSQL server could not be started ({exc}; {output.strip()})")
    try:
        yield f"postgresql://anhorig@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_owner(owner, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"),
            check=False,
            capture_output=True,
            timeout=120,
        )
        shutil.rmtree(folder, ignore_errors=True)


_schemas = itertools.count()


@pytest.fixture
def postgres_url(postgres_server: str) -> str:
    """A URL whose tables live in a schema of their own, new for each test."""
    import psycopg

    name = f"t{os.getpid()}_{next(_schemas)}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in postgres_server else "?"
    return f"{postgres_server}{separator}options=-csearch_path%3D{name}"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL of a new SQLite file."""
    return f"sqlite:///{tmp_path}/store.db"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest) -> str:
    """Each test with this fixture runs against SQLite and against PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(name)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_urls(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[], str]:
    """A maker of URLs of new, empty stores (one per hypothesis example), on SQLite and
    on PostgreSQL."""
    if request.param == "sqlite":
        return lambda: f"sqlite:///{tmp_path_factory.mktemp('store')}/store.db"
    server: str = request.getfixturevalue("postgres_server")

    def make() -> str:
        import psycopg

        name = f"h{os.getpid()}_{next(_schemas)}"
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f"CREATE SCHEMA {name}")
        separator = "&" if "?" in server else "?"
        return f"{server}{separator}options=-csearch_path%3D{name}"

    return make
