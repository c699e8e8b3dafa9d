"""A throwaway PostgreSQL server for tests and benchmarks: Debian's binaries, a temporary folder.

`initdb` refuses to run as root, so as root the server runs as `nobody` in a folder it
owns; it listens on 127.0.0.1 at a free port and on a socket in the same folder, with
fsync off (nothing in it outlives the run). Roles, as a team would have them:

- `alice` owns the libraries (creates tables: runs migrations);
- `bob` may read and write what `alice` created, but not create tables;
- `reader` may only read; `carol` must give a password (`carol-secret`) over TCP.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from pathlib import Path

import psycopg

PASSWORDS = {"carol": "carol-secret"}
HBA = """\
local all all trust
host all carol 127.0.0.1/32 scram-sha-256
host all all 127.0.0.1/32 trust
"""


class PostgresMissing(RuntimeError):
    """Debian's postgresql package is not installed."""


def bindir() -> Path:
    """The newest installed PostgreSQL's binaries (Debian keeps them off PATH)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise PostgresMissing("PostgreSQL's initdb is not installed: run `make test` as root "
                          "(it installs Debian's postgresql package)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """One server: `start()`, `address(db, user)`, `create_database()`, `stop()`."""

    def __init__(self) -> None:
        self.bin = bindir()
        self.root = Path(tempfile.mkdtemp(prefix="concord-pg-"))
        self.root.chmod(0o755)
        self.data = self.root / "data"
        self.port = free_port()
        self.host = "127.0.0.1"
        self._as: list[str] = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []
        self._count = 0
        self._lock = threading.Lock()

    def _run(self, *args: str) -> None:
        subprocess.run([*self._as, *args], check=True, capture_output=True, timeout=120,
                       cwd=self.root)

    def start(self) -> PgServer:
        self.data.mkdir()
        if self._as:
            shutil.chown(self.data, "nobody")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-E", "UTF8",
                  "--locale=C.UTF-8", "--auth=trust", "--no-sync")
        (self.data / "pg_hba.conf").write_text(HBA)
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(f"\nlisten_addresses = '{self.host}'\nport = {self.port}\n"
                       f"unix_socket_directories = '{self.data}'\nfsync = off\n"
                       "synchronous_commit = off\nfull_page_writes = off\nmax_connections = 100\n")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.data / "log"),
                  "-w", "-t", "60", "start")
        with self.admin() as conn:
            conn.execute("CREATE ROLE alice LOGIN CREATEDB")
            conn.execute("CREATE ROLE bob LOGIN")
            conn.execute("CREATE ROLE reader LOGIN")
            conn.execute("CREATE ROLE carol LOGIN PASSWORD 'carol-secret'")
        return self

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def admin(self, db: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(host=self.host, port=self.port, user="postgres", dbname=db,
                               autocommit=True)

    def address(self, db: str, user: str = "alice", port: int | None = None) -> str:
        return f"postgresql://{user}@{self.host}:{port or self.port}/{db}"

    def create_database(self, template: str = "template0") -> str:
        """A new empty database owned by `alice`, where `bob` may write and `reader` read."""
        with self._lock:
            self._count += 1
            name = f"lib{self._count}"
        with self.admin() as conn:
            conn.execute(f"CREATE DATABASE {name} OWNER alice TEMPLATE {template}")
        with self.admin(name) as conn:
            conn.execute("GRANT USAGE ON SCHEMA public TO bob, reader, carol")
            conn.execute("ALTER DEFAULT PRIVILEGES FOR ROLE alice IN SCHEMA public "
                         "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bob, carol")
            conn.execute("ALTER DEFAULT PRIVILEGES FOR ROLE alice IN SCHEMA public "
                         "GRANT USAGE, SELECT ON SEQUENCES TO bob, carol")
            conn.execute("ALTER DEFAULT PRIVILEGES FOR ROLE alice IN SCHEMA public "
                         "GRANT SELECT ON TABLES TO reader")
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
