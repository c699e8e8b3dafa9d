"""Working copies kept on this computer while the team library's server cannot be reached.

An autosave that cannot reach the server is written here (one JSON file per draft,
replaced atomically) with the revision it was based on, and saved to the server the next
time the library is used with the server back. If someone else saved the draft meanwhile,
the kept text becomes a new version of the draft beside theirs: nothing is lost silently.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

from app.model import Segment
from app.store.drafts import segments_from_json, segments_to_json


def default_folder() -> Path:
    return Path(user_data_dir("Concord", appauthor=False)) / "pending-drafts"


@dataclass(frozen=True, slots=True)
class KeptSave:
    draft_id: int
    base: int | None
    segments: tuple[Segment, ...]
    saved_at: str
    user: str


class Pending:
    """The kept saves of one library (named by its address without password)."""

    def __init__(self, folder: Path, library: str) -> None:
        self.library = library
        self.folder = folder / hashlib.sha256(library.encode()).hexdigest()[:16]

    def _file(self, draft_id: int) -> Path:
        return self.folder / f"draft-{draft_id}.json"

    def put(self, save: KeptSave) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self._file(save.draft_id)
        data = {"library": self.library, "draft_id": save.draft_id, "base": save.base,
                "saved_at": save.saved_at, "user": save.user,
                "segments": json.loads(segments_to_json(save.segments))}
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".kept-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
        return target

    def items(self) -> list[KeptSave]:
        if not self.folder.is_dir():
            return []
        kept = []
        for path in sorted(self.folder.glob("draft-*.json")):
            try:
                d = json.loads(path.read_text(encoding="utf-8"))
                kept.append(KeptSave(int(d["draft_id"]), d["base"], segments_from_json(json.dumps(d["segments"])),
                                     d["saved_at"], d.get("user", "")))
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a half-written or foreign file: left for a person to look at
        return kept

    def get(self, draft_id: int) -> KeptSave | None:
        return next((k for k in self.items() if k.draft_id == draft_id), None)

    def drop(self, draft_id: int) -> None:
        self._file(draft_id).unlink(missing_ok=True)
