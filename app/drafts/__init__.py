"""Drafting: a draft's segments, edited structurally, with labels recomputed from structure."""

from app.drafts.brackets import BracketCount, bracket_spans, count_brackets
from app.drafts.edit import (
    add_segment,
    can_indent,
    can_move_down,
    can_move_up,
    can_outdent,
    delete,
    edit_text,
    indent,
    insert_segment,
    move_down,
    move_to,
    move_up,
    outdent,
)
from app.drafts.model import Draft, DraftSummary, DraftVersion, EditRefused, VersionInfo
from app.drafts.numbering import block_end, depth_of, renumber
from app.drafts.replace import (
    Replacement,
    ReplacementHit,
    apply_replacements,
    parse_replacement,
    plan_replacements,
)
from app.drafts.skeleton import skeleton

__all__ = [
    "BracketCount",
    "Draft",
    "DraftSummary",
    "DraftVersion",
    "EditRefused",
    "Replacement",
    "ReplacementHit",
    "VersionInfo",
    "add_segment",
    "apply_replacements",
    "block_end",
    "bracket_spans",
    "can_indent",
    "can_move_down",
    "can_move_up",
    "can_outdent",
    "count_brackets",
    "delete",
    "depth_of",
    "edit_text",
    "indent",
    "insert_segment",
    "move_down",
    "move_to",
    "move_up",
    "outdent",
    "parse_replacement",
    "plan_replacements",
    "renumber",
    "skeleton",
]
