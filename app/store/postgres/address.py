"""Team library addresses (`postgresql://user@host/dbname`) and their passwords.

A password is never kept in plain text by Concord: it comes from the address itself (for
scripts), from this session's memory (typed into the GUI's prompt), from the system
keyring (when the person chose to keep it there), or from libpq's own PGPASSWORD and
~/.pgpass, in that order.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

import psycopg.conninfo

from app.errors import LibraryError

log = logging.getLogger(__name__)
SCHEMES = ("postgresql://", "postgres://")
KEYRING_SERVICE = "Concord team library"
_session: dict[str, str] = {}
_lock = threading.Lock()


def is_address(location: object) -> bool:
    """True for a PostgreSQL library address rather than a file path."""
    return isinstance(location, str) and location.startswith(SCHEMES)


@dataclass(frozen=True, slots=True)
class Address:
    """The parts of an address that name a library (never the password)."""

    user: str
    host: str
    port: str
    dbname: str
    params: dict[str, str]  # everything libpq was given, password included

    @property
    def key(self) -> str:
        """How a person reads the address, and the key of its password: no password in it."""
        port = f":{self.port}" if self.port else ""
        user = f"{self.user}@" if self.user else ""
        return f"postgresql://{user}{self.host}{port}/{self.dbname}"


def parse(location: str) -> Address:
    try:
        params = psycopg.conninfo.conninfo_to_dict(location)
    except psycopg.ProgrammingError as e:
        raise LibraryError(f"{location.split('@')[-1]}: not a library address ({_first_line(e)})") from e
    text = {k: str(v) for k, v in params.items() if v is not None}
    if not text.get("dbname"):
        raise LibraryError(f"{location}: the address names no database (postgresql://user@host/dbname)")
    return Address(text.get("user", ""), text.get("host", ""), text.get("port", ""), text["dbname"], text)


def remember(location: str, password: str, *, keep: bool = False) -> None:
    """Use `password` for this address until the program ends; `keep` also stores it in the
    system keyring (an error there is logged: the password still works for this session)."""
    key = parse(location).key
    with _lock:
        _session[key] = password
    if keep:
        try:
            import keyring

            keyring.set_password(KEYRING_SERVICE, key, password)
        except Exception as e:  # noqa: BLE001 - no keyring on this system, locked, refused
            log.warning("the password could not be kept in the system keyring: %s", e)
            raise LibraryError(f"the password could not be kept in the system keyring ({_first_line(e)})") from e


def forget(location: str) -> None:
    """Drop the password of this address from memory and from the keyring."""
    key = parse(location).key
    with _lock:
        _session.pop(key, None)
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, key)
    except Exception:  # noqa: BLE001 - nothing kept, or no keyring
        pass


def password_for(address: Address) -> str | None:
    """The password to send, or None to let libpq find one (PGPASSWORD, ~/.pgpass)."""
    if address.params.get("password"):
        return address.params["password"]
    with _lock:
        if address.key in _session:
            return _session[address.key]
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, address.key)
    except Exception:  # noqa: BLE001 - no usable keyring: libpq's own ways remain
        return None


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0].strip()
