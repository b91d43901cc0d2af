"""Stub one component out and list the tests that still pass: a test that passes on nothing
checks nothing.

    python scripts/stub_check.py COMPONENT [COMPONENT ...] [--all] [--save DIR] [-- PYTEST ARGS]
    python scripts/stub_check.py --list

For each component named (``all`` names every one), the tests are run once with that component
replaced by a stub that finds nothing:

- attribution: ``framing.features.attribution.extract`` returns ``()``;
- wording: ``framing.features.wording.extract`` returns ``()``;
- mentions: ``framing.actors.score.score_mention`` returns a neutral mention (score 0, no
  cues, the neutral label; its span and quoted flag, which the caller gives, are kept);
- stances: ``framing.actors.stances.stances`` (one document's stance toward its actors)
  returns ``()``;
- quantities: ``framing.features.quantities.extract`` returns ``()``;
- facts: ``framing.compare.facts.align`` returns ``()``.

Every caller looks these functions up on their module when it calls them (``attribution.extract``,
``fact_table.align``, ``stances.stances`` from stories.py and pipeline.py, the module global
``score_mention`` inside score.py), so replacing the module attribute reaches them all.

How the stub gets into every process: the tests run with ``FRAMING_STUB=COMPONENT`` and this
folder's ``stub_site/`` on ``PYTHONPATH``, whose ``sitecustomize.py`` calls :func:`install` when
Python starts.  So the stub is in the pytest process, in the real-program runs that tests start
(``python -m framing``), in the forked and spawned workers of the process pool and in the dask
workers alike; no test needs to know.  It imports nothing when Python starts: the module is
patched right after its own code runs, when something first imports it (``import framing``
stays light, as tests/test_api.py checks in a new process).

The stage cache (``framing/run/cache.py``) files results under a digest of framing's source
files, which a stub does not change: with the stub, the digest gets ``-stub-COMPONENT``
appended, so results made by the stub and by the real code are never read for one another.
The tests' parse cache is the fresh folder conftest.py makes for each session; this script also
points ``FRAMING_CACHE_DIR`` at a fresh folder for anything outside it.

Without ``--all`` only the component's own tests run (``COMPONENTS[name].tests``); with it, the
whole suite.  Printed: the counts, then every test of the component's own test files that still
passed under the stub: each should be a negative case (nothing is to be found) or a test that
does not call the component (a lexicon or a helper beside it).  ``--save DIR`` writes every
test's outcome to ``DIR/COMPONENT.json``.  The exit code is 1 when a check could not be run.
"""

from __future__ import annotations

import argparse
import importlib.abc
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(__file__).resolve().parent / "stub_site"
VARIABLE = "FRAMING_STUB"


def _nothing(*args: Any, **kwargs: Any) -> tuple[()]:
    return ()


def _neutral_mention(parsed: Any, tokens: Any, span: Any, *, quoted: bool, **kwargs: Any) -> Any:
    from framing.records import ActorMention

    return ActorMention(span=span, score=0.0, quoted=quoted)


@dataclass(frozen=True)
class Component:
    module: str
    name: str
    stub: Callable[..., Any]
    tests: tuple[str, ...]  # the test files about this component


COMPONENTS = {
    "attribution": Component(
        "framing.features.attribution",
        "extract",
        _nothing,
        ("tests/features/test_attribution.py",),
    ),
    "wording": Component(
        "framing.features.wording", "extract", _nothing, ("tests/features/test_wording.py",)
    ),
    "mentions": Component(
        "framing.actors.score",
        "score_mention",
        _neutral_mention,
        ("tests/features/test_stance.py", "tests/actors/test_score.py"),
    ),
    "stances": Component(
        "framing.actors.stances", "stances", _nothing, ("tests/features/test_stance.py",)
    ),
    "quantities": Component(
        "framing.features.quantities",
        "extract",
        _nothing,
        ("tests/features/test_quantities.py",),
    ),
    "facts": Component(
        "framing.compare.facts", "align", _nothing, ("tests/compare/test_facts.py",)
    ),
}


def _stub_cache(name: str, cache: Any) -> None:
    real = cache.code_print
    cache.code_print = lambda: f"{real()}-stub-{name}"


def _stub_component(name: str, module: Any) -> None:
    component = COMPONENTS[name]
    if not callable(getattr(module, component.name, None)):
        raise AttributeError(f"{component.module} has no function {component.name}")
    setattr(module, component.name, component.stub)


def install(name: str) -> None:
    """Replace component ``name`` by its stub in this process as soon as its module is
    imported, and keep the stage cache's results apart from the real code's.  Nothing is
    imported here (``import framing`` stays light, as tests/test_api.py checks): the two modules
    are patched when something imports them, or now when they are already imported."""
    component = COMPONENTS[name]
    patches = {
        component.module: lambda module: _stub_component(name, module),
        "framing.run.cache": lambda module: _stub_cache(name, module),
    }
    waiting = {}
    for module_name, patch in patches.items():
        if module_name in sys.modules:
            patch(sys.modules[module_name])
        else:
            waiting[module_name] = patch
    if waiting:
        sys.meta_path.insert(0, _PatchOnImport(waiting))


class _PatchOnImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: for the modules it waits for, it wraps the loader that the other
    finders give so that the patch runs right after the module's own code."""

    def __init__(self, patches: dict[str, Callable[[Any], None]]) -> None:
        self.patches = patches

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        patch = self.patches.pop(fullname, None)
        if patch is None:
            return None
        finders = [f for f in sys.meta_path if f is not self and hasattr(f, "find_spec")]
        spec = next((s for s in (f.find_spec(fullname, path, target) for f in finders) if s), None)
        if spec is None or spec.loader is None:
            raise ImportError(f"stub check: cannot find {fullname}")
        spec.loader = _Patching(spec.loader, patch)
        return spec


class _Patching(importlib.abc.Loader):
    def __init__(self, loader: Any, patch: Callable[[Any], None]) -> None:
        self.loader, self.patch = loader, patch

    def create_module(self, spec: Any) -> Any:
        return self.loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        self.loader.exec_module(module)
        self.patch(module)


def _environment(name: str, cache_dir: str) -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return {
        **os.environ,
        VARIABLE: name,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(SITE), path])),
        "FRAMING_CACHE_DIR": cache_dir,
    }


def _verify(name: str, env: dict[str, str]) -> None:
    """Check, in a new process as the tests get it, that the stub is in place."""
    component = COMPONENTS[name]
    check = (
        f"import importlib; m = importlib.import_module({component.module!r}); "
        f"f = getattr(m, {component.name!r}); "
        f"assert f.__name__ == {component.stub.__name__!r}, f"
    )
    subprocess.run([sys.executable, "-c", check], env=env, check=True, cwd=ROOT)


def _outcomes(report: Path) -> dict[str, str]:
    """Test id -> passed | failed | skipped, from pytest's JUnit XML."""
    outcomes = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        module = case.get("classname", "").replace(".", "/")
        test = f"{module}.py::{case.get('name')}"
        kinds = {child.tag for child in case}
        if kinds & {"failure", "error"}:
            outcomes[test] = "failed"
        elif "skipped" in kinds:
            outcomes[test] = "skipped"
        else:
            outcomes[test] = "passed"
    return outcomes


def check(
    name: str, *, everything: bool, extra: list[str], save: Path | None = None
) -> dict[str, str]:
    component = COMPONENTS[name]
    with tempfile.TemporaryDirectory(prefix=f"stub-{name}-") as folder:
        env = _environment(name, str(Path(folder) / "cache"))
        _verify(name, env)
        report = Path(folder) / "report.xml"
        targets = [] if everything else list(component.tests)
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        command += ["-o", "junit_family=xunit1", f"--junitxml={report}", *targets, *extra]
        subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        if not report.is_file():
            raise RuntimeError(f"pytest wrote no report for {name}")
        outcomes = _outcomes(report)
        if save is not None:
            save.mkdir(parents=True, exist_ok=True)
            (save / f"{name}.json").write_text(json.dumps(outcomes, indent=1) + "\n")
    counts = {kind: sum(v == kind for v in outcomes.values()) for kind in ("failed", "passed")}
    skipped = sum(v == "skipped" for v in outcomes.values())
    print(f"== {name}: {component.module}.{component.name} stubbed ({component.stub.__name__})")
    print(
        f"   {len(outcomes)} tests: {counts['failed']} failed, {counts['passed']} passed,"
        f" {skipped} skipped"
    )
    own = [t for t, v in outcomes.items() if v == "passed" and t.startswith(component.tests)]
    print(f"   still passing in {', '.join(component.tests)}: {len(own)}")
    for test in own:
        print(f"     {test}")
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("components", nargs="*", help=f"{', '.join(COMPONENTS)} or all")
    parser.add_argument("--all", action="store_true", help="run the whole suite")
    parser.add_argument("--list", action="store_true", help="list the components")
    parser.add_argument("--save", type=Path, help="write each test's outcome to DIR/NAME.json")
    argv = sys.argv[1:] if argv is None else argv
    cut = argv.index("--") if "--" in argv else len(argv)
    args, extra = parser.parse_args(argv[:cut]), argv[cut + 1 :]
    if args.list or not args.components:
        for name, c in COMPONENTS.items():
            print(f"{name}: {c.module}.{c.name} -> {c.stub.__name__}; tests {' '.join(c.tests)}")
        return 0
    names = list(COMPONENTS) if args.components == ["all"] else args.components
    unknown = [n for n in names if n not in COMPONENTS]
    if unknown:
        parser.error(
            f"unknown component(s) {', '.join(unknown)}: choose from {', '.join(COMPONENTS)}"
        )
    try:
        for name in names:
            check(name, everything=args.all, extra=extra, save=args.save)
    except (RuntimeError, subprocess.CalledProcessError) as error:
        print(f"stub check could not run: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
