"""Docstrings as plain text for the generated schema and reference page.

Doctest examples are dropped and reStructuredText markup is turned into the
Markdown backticks both the JSON Schema descriptions and the docs use.
"""

from __future__ import annotations

import ast
import enum
import inspect
import itertools
import re
import textwrap

__all__ = ["class_doc", "member_docs", "plain"]

_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]+\.)?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")


def plain(text: str) -> str:
    """``text`` with reStructuredText roles and literals as Markdown code."""
    text = _ROLE.sub(lambda m: f"`{m.group(1)}`", text)
    return _LITERAL.sub(lambda m: f"`{m.group(1)}`", text)


def class_doc(cls: type) -> str:
    """A class's docstring without doctests or an ``Attributes:`` section, as paragraphs."""
    doc = inspect.cleandoc(cls.__doc__ or "")
    kept: list[str] = []
    skipping = False
    for line in doc.splitlines():
        if line.startswith((">>>", "Attributes:")):
            skipping = True
        elif not line.strip():
            skipping = False
        if not skipping:
            kept.append(line)
    paragraphs = "\n".join(kept).strip().split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in map(plain, paragraphs) if p.strip())


def member_docs(cls: type[enum.Enum]) -> dict[str, str]:
    """Each documented member's value and the docstring written below it in the source."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # no source: the docs simply lack member notes
        return {}
    body = ast.parse(source).body[0]
    docs: dict[str, str] = {}
    statements = body.body if isinstance(body, ast.ClassDef) else []
    for node, after in itertools.pairwise(statements):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.targets[0], ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            member = cls[node.targets[0].id]
            docs[str(member.value)] = " ".join(plain(after.value.value).split())
    return docs
