"""The core stays free of Qt, so it can be driven from scripts and tested without a display."""

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"


def test_app_never_imports_qt():
    offenders = []
    for path in APP.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6", "ui"} for n in names):
                offenders.append(str(path.relative_to(APP.parent)))
    # `concord gui` is added to the CLI by ui/launch.py, the console script's entry point.
    assert offenders == []
