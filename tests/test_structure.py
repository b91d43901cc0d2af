"""The shape of the package, checked so that it stays true (see the README's layout paragraph):
no import cycle, no module over 400 lines, each third-party library imported in one module,
report/ reading records only, features/ modules never importing one another, and no private
name reached into from another package.  Read from the source with ``ast``: nothing is imported.
"""

from __future__ import annotations

import ast
import sys
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "framing"
MAX_LINES = 400
# Libraries any module may import: numpy is arithmetic, typer is the command line's two modules.
ANYWHERE = {"numpy", "typer"}
REPORT_MAY_IMPORT = ("framing.records", "framing.errors", "framing.report")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that runs: at the top, in functions and in classes alike; those
    under ``if TYPE_CHECKING:`` never run and are left out."""
    found: list[ast.Import | ast.ImportFrom] = []

    def walk(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking(child):
                for other in child.orelse:
                    walk(other)
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                found.append(child)
            walk(child)

    walk(tree)
    return found


def _absolute(module: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if _is_package(module) else module.split(".")[:-1]
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def _edges(module: str, tree: ast.AST) -> list[tuple[str, str | None]]:
    """(framing module imported, name taken from it or None) for each import of framing code;
    ``from framing.x import y`` is an import of framing.x.y when y is a module."""
    found: list[tuple[str, str | None]] = []
    for node in _imports(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, None) for a in node.names if a.name.split(".")[0] == "framing"]
            continue
        source = _absolute(module, node)
        if source.split(".")[0] != "framing":
            continue
        for alias in node.names:
            child = f"{source}.{alias.name}"
            found.append((child, None) if child in MODULES else (source, alias.name))
    return found


def _third_party(tree: ast.AST, module: str) -> set[str]:
    names = set()
    for node in _imports(tree):
        if isinstance(node, ast.Import):
            tops = [a.name.split(".")[0] for a in node.names]
        elif node.level:
            continue
        else:
            tops = [(node.module or "").split(".")[0]]
        names |= {t for t in tops if t != "framing" and t not in sys.stdlib_module_names}
    return names


TREES = {name: ast.parse(path.read_text(encoding="utf-8")) for name, path in MODULES.items()}
EDGES = {name: _edges(name, tree) for name, tree in TREES.items()}


def _package_of(module: str) -> str:
    return module if _is_package(module) else module.rpartition(".")[0]


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph``, as the modules along it, or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)) is not None:
            return found
    return None


def test_the_checks_read_the_whole_package() -> None:
    # a precondition: the walk found the modules and their imports
    assert {"framing.pipeline", "framing.nlp.model", "framing.report.markdown"} <= set(MODULES)
    assert ("framing.run.documents", None) in EDGES["framing.pipeline"] or any(
        target == "framing.run.documents" for target, _ in EDGES["framing.pipeline"]
    )


def test_no_import_cycle() -> None:
    graph = {m: {target for target, _ in edges if target in MODULES} for m, edges in EDGES.items()}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_is_over_the_limit(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{MODULES[module]} has {lines} lines; split it by stage"


def test_each_third_party_library_is_imported_in_one_module() -> None:
    importers: dict[str, set[str]] = defaultdict(set)
    for module, tree in TREES.items():
        for library in _third_party(tree, module):
            importers[library].add(module)
    assert {"spacy", "sklearn", "trafilatura", "textstat"} <= set(importers)  # a precondition
    assert importers["spacy"] == {"framing.nlp.model"}
    spread = {lib: sorted(m) for lib, m in importers.items() if len(m) > 1 and lib not in ANYWHERE}
    assert not spread


def test_report_imports_only_records_errors_and_itself() -> None:
    reached = {
        (module, target)
        for module, edges in EDGES.items()
        if module.startswith("framing.report")
        for target, _ in edges
    }
    assert reached  # a precondition: report/ imports something
    outside = sorted(
        (module, target)
        for module, target in reached
        if not any(target == ok or target.startswith(ok + ".") for ok in REPORT_MAY_IMPORT)
    )
    assert not outside


def test_features_never_import_one_another() -> None:
    def feature(module: str) -> str | None:
        parts = module.split(".")
        return parts[2] if len(parts) > 2 and parts[1] == "features" else None

    crossing = sorted(
        (module, target)
        for module, edges in EDGES.items()
        for target, _ in edges
        if feature(module) and feature(target) and feature(module) != feature(target)
    )
    assert not crossing


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def _private_reaches(module: str) -> list[str]:
    found = []
    aliases: dict[str, str] = {}  # a local name bound to a framing module
    for node in _imports(TREES[module]):
        if isinstance(node, ast.ImportFrom) and _absolute(module, node).startswith("framing"):
            source = _absolute(module, node)
            for alias in node.names:
                child = f"{source}.{alias.name}"
                if child in MODULES:
                    aliases[alias.asname or alias.name] = child
                elif _private(alias.name) and _package_of(source) != _package_of(module):
                    found.append(f"{module} imports {alias.name} from {source}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("framing") and alias.asname:
                    aliases[alias.asname] = alias.name
    for node in ast.walk(TREES[module]):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and _private(node.attr)
            and _package_of(aliases[node.value.id]) != _package_of(module)
        ):
            found.append(f"{module} reads {node.value.id}.{node.attr}")
    return found


def test_no_private_name_is_taken_from_another_package() -> None:
    found = [reach for module in sorted(MODULES) for reach in _private_reaches(module)]
    assert not found


def test_the_private_check_sees_a_private_import() -> None:
    tree = ast.parse("from framing.nlp.doc import _SENTS\nfrom framing import nlp\nnlp._x\n")
    TREES["framing.pipeline_probe"] = tree
    MODULES["framing.pipeline_probe"] = PACKAGE / "pipeline_probe.py"
    try:
        assert _private_reaches("framing.pipeline_probe") == [
            "framing.pipeline_probe imports _SENTS from framing.nlp.doc",
            "framing.pipeline_probe reads nlp._x",
        ]
    finally:
        del TREES["framing.pipeline_probe"], MODULES["framing.pipeline_probe"]
