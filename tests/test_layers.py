"""The README's layer table ("Layout") as a test: every import of every module of
src/bilat, those inside functions included, points down the table; nothing imports in a
circle; the core and the store load neither click nor Rich; no module is over 400 lines.

The contracts are written once, here: ``LAYERS`` names each layer's modules (by pattern,
so that a module added to a package, such as a future ``bilat.importers.wikipedia``, is
covered when it lands) and ``MAY_IMPORT`` what each layer may import. A test checks that
the README's table has the same rows in the same order and names each module in its row.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import ROOT, SRC

#: The layers, top to bottom, as the README's table has them; a module's layer is the first
#: whose patterns match its dotted name.
LAYERS: dict[str, tuple[str, ...]] = {
    "command line": ("bilat.cli", "bilat.cli.*", "bilat.__main__"),
    "output": ("bilat.render", "bilat.render.*"),
    "Python API": ("bilat.api",),
    "importers": ("bilat.importers", "bilat.importers.*"),  # bilat.importers.wikipedia* too
    "store": (
        "bilat.codec",
        "bilat.rules",
        "bilat.store",
        "bilat.store.*",  # should the store layer become a package
        "bilat.index",
        "bilat.inputs",
        "bilat.writes",
        "bilat.reconcile",
    ),
    "core": (
        "bilat",  # the package itself: its version only
        "bilat.domain",
        "bilat.partners",
        "bilat.views",
        "bilat.model",
        "bilat.ids",
        "bilat.dates",
        "bilat.countries",
        "bilat._country_table",
        "bilat.text",
        "bilat.vocab",
    ),
}

#: What each layer may import (itself included).
MAY_IMPORT: dict[str, frozenset[str]] = {
    "command line": frozenset(LAYERS),
    "output": frozenset({"output", "core"}),
    "Python API": frozenset({"Python API", "store", "core"}),
    "importers": frozenset({"importers", "store", "core"}),
    "store": frozenset({"store", "core"}),
    "core": frozenset({"core"}),
}

#: Libraries a layer must not import: the core and the store are no terminal program.
MAY_NOT_LOAD: dict[str, frozenset[str]] = {
    "output": frozenset({"click"}),
    "Python API": frozenset({"click", "rich"}),
    "importers": frozenset({"click", "rich"}),
    "store": frozenset({"click", "rich"}),
    "core": frozenset({"click", "rich"}),
}

MAX_LINES = 400
GENERATED = frozenset({"bilat._country_table"})


def layer_of(module: str) -> str | None:
    for layer, patterns in LAYERS.items():
        if any(fnmatch.fnmatchcase(module, pattern) for pattern in patterns):
            return layer
    return None


def source_modules() -> dict[str, Path]:
    """Every module of src/bilat by its dotted name."""
    modules = {}
    for path in sorted((SRC / "bilat").rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = source_modules()


def imports(module: str, source: str) -> Iterator[tuple[str, int]]:
    """Every module ``module`` imports (at any depth of its code), with the line: a name
    taken from a package is the submodule when there is one, else the package."""
    is_package = MODULES.get(module, Path()).name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join([*base, *([node.module] if node.module else [])])
            else:
                origin = node.module or ""
            for alias in node.names:
                submodule = f"{origin}.{alias.name}"
                yield (submodule if submodule in MODULES else origin), node.lineno


def source_of(module: str) -> str:
    return MODULES[module].read_text(encoding="utf-8")


def wrong_imports(module: str, source: str) -> list[str]:
    """The imports of ``module`` that its layer's contract forbids."""
    layer = layer_of(module)
    assert layer is not None, f"{module} is in no layer"
    wrong = []
    for name, line in imports(module, source):
        if name in MODULES:
            target = layer_of(name)
            if target not in MAY_IMPORT[layer]:
                wrong.append(f"line {line}: {name} ({target})")
        elif name.partition(".")[0] in MAY_NOT_LOAD.get(layer, ()):
            wrong.append(f"line {line}: {name}")
        elif name.partition(".")[0] == "bilat":
            wrong.append(f"line {line}: {name} is no module of src/bilat")
    return wrong


def circle(graph: dict[str, set[str]]) -> list[str]:
    """A circle of imports in ``graph`` (module: the modules it imports), or []."""
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str]:
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return []
        for target in sorted(graph.get(module, ())):
            found = visit(target, [*path, module])
            if found:
                return found
        done.add(module)
        return []

    for module in sorted(graph):
        found = visit(module, [])
        if found:
            return found
    return []


def test_every_module_is_in_one_layer() -> None:
    unplaced = [module for module in MODULES if layer_of(module) is None]
    assert not unplaced, (
        f"{unplaced}: in no layer; add them to LAYERS here and to the README's Layout table"
    )


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_layers(module: str) -> None:
    layer = layer_of(module)
    assert layer is not None
    wrong = wrong_imports(module, source_of(module))
    assert not wrong, f"{module} ({layer}) may import only {sorted(MAY_IMPORT[layer])}: {wrong}"


def test_nothing_imports_in_a_circle() -> None:
    graph = {
        module: {name for name, _ in imports(module, source_of(module)) if name in MODULES}
        for module in MODULES
    }
    assert circle(graph) == []


def test_the_checks_can_fail() -> None:
    """An import inside a function, a relative one, a library and a circle are all seen."""
    found = dict(imports("bilat.store", source_of("bilat.store")))
    assert "bilat.index" in found  # imported only by the functions that use the index
    assert "bilat.codec" in found  # `from .codec import ...`
    upward = "import msgspec\n\ndef f():\n    from bilat.cli import context\n"
    assert wrong_imports("bilat.dates", upward) == ["line 4: bilat.cli.context (command line)"]
    assert wrong_imports("bilat.codec", "from .render import common\n") == [
        "line 1: bilat.render.common (output)"
    ]
    assert wrong_imports("bilat.writes", "def f():\n    import rich.console\n") == [
        "line 2: rich.console"
    ]
    assert circle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
    assert circle({"a": {"b"}, "b": set()}) == []


def test_modules_to_come_are_covered_by_the_patterns() -> None:
    assert layer_of("bilat.importers.wikipedia") == "importers"
    assert layer_of("bilat.importers.wikipedia_fetch") == "importers"
    assert layer_of("bilat.inputs") == "store"
    assert layer_of("bilat.partnersx") is None


@pytest.mark.parametrize("module", sorted(set(MODULES) - GENERATED))
def test_no_module_is_over_400_lines(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module}: {lines} lines; split it (README, Layout)"


def readme_table() -> list[tuple[str, set[str]]]:
    """The rows of the README's layer table: the layer and the modules its row names."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Layout\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if not line.startswith("| ") or cells[0] in {"layer", "---"}:
            continue
        named = set()
        folder = ""
        for path in re.findall(r"`([\w/]+)\.py`", cells[1]):
            if "/" in path:
                folder = path.rpartition("/")[0] + "/"
            elif folder and not (SRC / "bilat" / f"{path}.py").exists():
                path = folder + path  # `rdcr_headings.py` in the importers' row
            name = "bilat." + path.replace("/", ".").removesuffix(".__init__")
            named.add(name)
        rows.append((cells[0], named))
    return rows


def test_the_readme_table_is_these_layers() -> None:
    rows = readme_table()
    assert [layer for layer, _ in rows] == list(LAYERS)
    for layer, named in rows:
        for module in named:
            assert module in MODULES, f"the README names {module}, which does not exist"
            assert layer_of(module) == layer, f"the README puts {module} in {layer}"


#: What a function may import inside itself (README, "Layout"): the heavy or optional
#: libraries, our modules that are their one door, and the standard-library modules that
#: only a rarer path needs (an error's suggestions, a writer, one format, another language)
#: and that the cold start would otherwise pay for (tests/cli/test_startup.py).
LAZY_LIBRARIES = frozenset(
    {"rich", "babel", "drawsvg", "cairosvg", "httpx", "icalendar", "platformdirs", "filelock"}
    | {"mwparserfromhell"}
)
DOORS = frozenset(
    {
        "bilat.render.tables",  # rich
        "bilat.render.ics",  # icalendar
        "bilat.importers.wikidata_fetch",  # httpx
        "bilat.importers.wikipedia_fetch",  # httpx
        "bilat.importers.http",  # httpx
        "bilat.importers.wikipedia",  # mwparserfromhell: `bilat import wikipedia` alone
        "bilat.cli.complete",  # only when the shell asks
        "bilat.cli.pager",  # subprocess: only a listing on a terminal longer than the screen
    }
)
RARE_STDLIB = frozenset(
    {"pathlib", "hashlib", "tempfile", "difflib", "json", "csv", "urllib.parse", "gettext"}
    | {"importlib.resources"}
)
#: The command group's error path: ``bilat --help`` loads only the group and the
#: vocabularies (tests/cli/test_startup.py).
GROUP_ERROR_PATH = {"bilat.cli": frozenset({"bilat.text"})}


def inner_imports(source: str) -> Iterator[tuple[str, int]]:
    """The modules imported inside functions (``from importlib import resources`` gives
    ``importlib.resources``)."""
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Import):
                yield from ((alias.name, node.lineno) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level:
                for alias in node.names:
                    yield f"{node.module}.{alias.name}", node.lineno


def lazy_import_allowed(module: str, name: str) -> bool:
    parts = name.split(".")
    prefixes = {".".join(parts[:i]) for i in range(1, len(parts) + 1)}
    return bool(
        parts[0] in LAZY_LIBRARIES
        or prefixes & (DOORS | RARE_STDLIB)
        or prefixes & GROUP_ERROR_PATH.get(module, frozenset())
    )


@pytest.mark.parametrize("module", sorted(MODULES))
def test_functions_import_only_what_is_heavy_or_rare(module: str) -> None:
    wrong = [
        f"line {line}: {name}"
        for name, line in inner_imports(source_of(module))
        if not lazy_import_allowed(module, name)
    ]
    assert not wrong, f"{module}: import these at the top of the module: {wrong}"


def test_the_import_policy_can_fail() -> None:
    source = "def f():\n    from bilat import domain\n    import rich.text\n    import json\n"
    found = list(inner_imports(source))
    assert found == [("bilat.domain", 2), ("rich.text", 3), ("json", 4)]
    assert [lazy_import_allowed("bilat.cli.show", n) for n, _ in found] == [False, True, True]
