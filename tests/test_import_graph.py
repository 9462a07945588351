"""The package's import graph: arrows point down only.

Every ``import``/``from … import`` of ``qmo_excel`` in the package's source, at any depth
(function-level imports count, type-checking-only imports do not), is an arrow. The test
fails on a cycle between modules, on a cycle between the top-level parts of the package
(``intake``, ``jobs``, ``scoring``…), on the library importing ``cli``, and on an arrow
that climbs the layers drawn in docs/architecture.md.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "qmo_excel"

# The layers of docs/architecture.md, bottom first: a part may import only parts of
# lower layers or of its own layer (never a cycle).
LAYERS: list[set[str]] = [
    {"spec", "spec_types", "problems", "model", "fileio", "cells", "vocab", "textfit", "names",
     "safetext", "__init__"},
    {"judge"},
    {"template"},
    {"round"},
    {"intake"},
    {"checks"},
    {"scoring", "rating", "town"},
    {"reports", "consolidation", "figures"},
    {"feedback", "summary", "export", "report"},
    {"history"},
    {"jobs"},
    {"cli", "__main__"},
]


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("qmo_excel"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".")
                keep = len(parts) - node.level + (1 if is_package else 0)
                base = ".".join(parts[:keep] + ([base] if base else []))
            if base.startswith("qmo_excel"):
                for a in node.names:
                    out.add(f"{base}.{a.name}" if a.name != "*" else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return out


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        targets = set()
        for imp in _imports(tree, name, path.name == "__init__.py"):
            # "qmo_excel.judge.read_row" -> the longest prefix that is a module
            parts = imp.split(".")
            while parts and ".".join(parts) not in files:
                parts.pop()
            if parts and ".".join(parts) != name:
                targets.add(".".join(parts))
        graph[name] = targets
    return graph


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


GRAPH = _graph()


def test_the_graph_is_read() -> None:
    assert "qmo_excel.judge" in GRAPH["qmo_excel.checks.returns"]
    assert "qmo_excel.cli.consolidate_cmd" in GRAPH["qmo_excel.cli"]
    assert len(GRAPH) > 50


def test_no_cycle_between_modules() -> None:
    assert _cycles(GRAPH) == []


def test_no_cycle_between_parts() -> None:
    parts: dict[str, set[str]] = {}
    for mod, targets in GRAPH.items():
        parts.setdefault(_part(mod), set()).update(
            _part(t) for t in targets if _part(t) != _part(mod))
    assert _cycles(parts) == []


def test_the_library_never_imports_cli() -> None:
    bad = sorted(f"{m} -> {t}" for m, ts in GRAPH.items() for t in ts
                 if _part(t) == "cli" and _part(m) not in ("cli", "__main__"))
    assert bad == []


def _layer(part: str) -> int:
    for i, layer in enumerate(LAYERS):
        if part in layer:
            return i
    pytest.fail(f"part {part!r} of the package is in no layer of this test (and of "
                "docs/architecture.md)")


def test_arrows_point_down() -> None:
    up = sorted(f"{m} -> {t}" for m, ts in GRAPH.items() for t in ts
                if _layer(_part(t)) > _layer(_part(m)))
    assert up == []


def test_the_detector_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_over_500_lines() -> None:
    """Modules stay small and named for what they do (issue #14)."""
    big = sorted(f"{p.relative_to(PACKAGE.parent)}: {n}" for p in PACKAGE.rglob("*.py")
                 if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500)
    assert big == []
