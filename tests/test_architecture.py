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


def _cycles(package: str, exclude_type_checking_imports: bool = True) -> list[list[str]]:
    """Strongly connected groups of more than one module among `package`'s modules."""
    import grimp

    graph = grimp.build_graph(package, exclude_type_checking_imports=exclude_type_checking_imports)
    modules = sorted(graph.modules)
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & graph.modules) for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(m: str) -> None:  # Tarjan's algorithm
        index[m] = low[m] = len(index)
        stack.append(m)
        on_stack.add(m)
        for n in edges[m]:
            if n not in index:
                visit(n)
                low[m] = min(low[m], low[n])
            elif n in on_stack:
                low[m] = min(low[m], index[n])
        if low[m] == index[m]:
            group = []
            while True:
                n = stack.pop()
                on_stack.discard(n)
                group.append(n)
                if n == m:
                    break
            # a package importing its own submodules (an __init__ re-export) is not a cycle
            if len(group) > 1 and not all(g.startswith(min(group, key=len)) for g in group):
                groups.append(sorted(group))

    for m in modules:
        if m not in index:
            visit(m)
    return groups


def test_no_import_cycles_in_the_core():
    assert _cycles("app") == []


def test_no_import_cycles_in_the_ui():
    # Imports made only for type checking count too: a feature that names the main window
    # in an annotation depends on it as much as one that calls it.
    assert _cycles("ui", exclude_type_checking_imports=False) == []


def test_the_ui_keeps_its_layers():
    """The `ui-layers` contract of pyproject.toml, run apart: import-linter configures logging
    in a way that would silence every logger of the test run."""
    import subprocess
    import sys

    run = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"
    done = subprocess.run([sys.executable, "-c", run, "--contract", "ui-layers", "--no-cache"],
                          cwd=APP.parent, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
