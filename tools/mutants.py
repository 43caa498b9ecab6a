"""Mutation testing, small and bounded: do the tests that name a module notice when it changes?

Each mutant changes one thing in the module's syntax tree (a comparison, a boolean
operator, a constant, a ``return``, a call whose result is dropped...), and the given
tests run against it; a mutant the tests still pass with *survived*, and is printed
with its line. The mutants are written to a copy of the module's package in a
temporary folder, put first on ``PYTHONPATH`` for the tests (and the ``peacetalks``
command they run): the working tree is never changed. Pass test files, not the
module itself (its doctests would be read from the working tree).

    python tools/mutants.py src/peacetalks/integrity.py tests/test_integrity.py \\
        tests/test_robustness.py --budget 600

Only the named test files run, each mutant stops at the first failure (``-x``) and
the whole run stops after ``--budget`` seconds, so it suits a shared machine. Some
survivors are *equivalent* (they change nothing a caller can see, e.g. a bound that
no input reaches); judge each one before writing a test for it.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

_COMPARISONS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
_ARITHMETIC: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.FloorDiv,
    ast.FloorDiv: ast.Mult,
}


def mutants(tree: ast.Module) -> Iterator[tuple[int, str, ast.Module]]:
    """(line, what changed, the mutated tree) for every mutant of ``tree``."""
    targets = [node for node in ast.walk(tree) if _mutable(node)]
    for index in range(len(targets)):
        for description, change in _changes(targets[index]):
            mutated = copy.deepcopy(tree)
            node = [n for n in ast.walk(mutated) if _mutable(n)][index]
            change(node)
            yield node.lineno, description, mutated


def _mutable(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, bool | int) and hasattr(node, "lineno")
    return isinstance(node, ast.Compare | ast.BoolOp | ast.UnaryOp | ast.BinOp | ast.Return
                      | ast.Expr | ast.If)  # fmt: skip


def _changes(node: ast.AST) -> Iterator[tuple[str, object]]:
    if isinstance(node, ast.Compare):
        for position, operator in enumerate(node.ops):
            swapped = _COMPARISONS.get(type(operator))
            if swapped is not None:
                yield (f"{type(operator).__name__} -> {swapped.__name__}",
                       lambda n, p=position, s=swapped: n.ops.__setitem__(p, s()))  # fmt: skip
    elif isinstance(node, ast.BoolOp):
        other = ast.Or if isinstance(node.op, ast.And) else ast.And
        yield (
            f"{type(node.op).__name__} -> {other.__name__}",
            lambda n, o=other: setattr(n, "op", o()),
        )
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield "not x -> x", lambda n: setattr(n, "operand", ast.UnaryOp(ast.Not(), n.operand))
    elif isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
        other = _ARITHMETIC[type(node.op)]
        yield (f"{type(node.op).__name__} -> {other.__name__}",
               lambda n, o=other: setattr(n, "op", o()))  # fmt: skip
    elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
        yield f"{node.value} -> {not node.value}", lambda n: setattr(n, "value", not n.value)
    elif isinstance(node, ast.Constant) and isinstance(node.value, int):
        yield f"{node.value} -> {node.value + 1}", lambda n: setattr(n, "value", n.value + 1)
    elif isinstance(node, ast.Return) and node.value is not None:
        yield "return x -> return None", lambda n: setattr(n, "value", None)
    elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
        yield "call dropped", lambda n: setattr(n, "value", ast.Constant(None))
    elif isinstance(node, ast.If):
        yield "if x -> if not x", lambda n: setattr(n, "test", ast.UnaryOp(ast.Not(), n.test))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("module", type=Path, help="the module to mutate")
    parser.add_argument("tests", nargs="+", help="the test files to run against each mutant")
    parser.add_argument("--budget", type=float, default=600, help="seconds for the whole run")
    parser.add_argument("--timeout", type=float, default=120, help="seconds for one mutant")
    parser.add_argument("--lines", help="only mutants on these lines: FIRST-LAST")
    args = parser.parse_args()
    tree = ast.parse(args.module.read_text(encoding="utf-8"))
    first, last = map(int, args.lines.split("-")) if args.lines else (0, 10**9)
    package = args.module.resolve().parent
    while (package.parent / "__init__.py").exists():
        package = package.parent
    copies = Path(tempfile.mkdtemp(prefix="mutants-"))
    shutil.copytree(package, copies / package.name)
    target = copies / args.module.resolve().relative_to(package.parent)
    path = os.pathsep.join(filter(None, [str(copies), os.environ.get("PYTHONPATH")]))
    env = {
        **os.environ,
        "PYTHONPATH": path,
        "HYPOTHESIS_PROFILE": os.environ.get("HYPOTHESIS_PROFILE", "dev"),
    }
    # One process per mutant (no pytest-xdist workers): a mutant's run is short.
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider",
               "-p", "no:randomly", "-p", "no:xdist", *args.tests]  # fmt: skip
    started = time.monotonic()
    killed = survived = skipped = 0
    # The tests must pass on the module as it is: a test file that does not exist, or
    # a run that collects nothing, would otherwise "kill" every mutant.
    baseline = subprocess.run(command, env=env, capture_output=True, check=False)  # noqa: S603
    if baseline.returncode != 0:
        shutil.rmtree(copies)
        tail = baseline.stdout.decode(errors="replace")[-2000:]
        print(f"the tests do not pass on the module as it is (exit {baseline.returncode}):\n{tail}")
        return 2
    try:
        for line, description, mutated in mutants(tree):
            if not first <= line <= last:
                continue
            if time.monotonic() - started > args.budget:
                skipped += 1
                continue
            target.write_text(ast.unparse(mutated) + "\n", encoding="utf-8")
            try:
                result = subprocess.run(command, env=env, capture_output=True, check=False,  # noqa: S603
                                        timeout=args.timeout)  # fmt: skip
                if result.returncode not in (0, 1, 2):  # 1: a test failed; 2: collection did
                    raise SystemExit(f"pytest exit {result.returncode} on a mutant: {description}")
                caught = result.returncode != 0
            except subprocess.TimeoutExpired:
                caught = True  # a mutant that hangs the tests is noticed
            if caught:
                killed += 1
            else:
                survived += 1
                print(f"SURVIVED {args.module}:{line}: {description}", flush=True)
    finally:
        shutil.rmtree(copies)
    print(f"{killed} killed, {survived} survived, {skipped} not run (budget)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
