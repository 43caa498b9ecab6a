"""A Markdown extension for the docs site: doctest examples are shown as Python sessions.

The docstrings and some pages hold doctests (``>>>`` lines and their output)
outside a fenced block, as pytest reads them. Markdown would show them as
nested quotes (``>`` starts a quote) and take ``x["a"]["b"]`` for a link; this
fences each such example as a ``pycon`` block first. mkdocs.yml loads this file
as a hook, whose ``on_config`` adds the extension before any plugin reads the
configuration, so the pages and mkdocstrings' API reference both use it.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

__all__ = ["DoctestBlocks", "fence_doctests"]


def fence_doctests(lines: list[str]) -> list[str]:
    """``lines`` with each unfenced doctest example (up to a blank line) in a pycon fence.

    >>> fence_doctests(["Text.", ">>> 1 + 1", "2", "", "More."])
    ['Text.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'More.']
    """
    out: list[str] = []
    fence: str | None = None  # the marker of the fenced block we are in
    example: list[str] = []
    for line in [*lines, ""]:
        stripped = line.strip()
        if example:
            if stripped:
                example.append(line)
                continue
            indent = example[0][: len(example[0]) - len(example[0].lstrip())]
            out.extend(["", f"{indent}```pycon", *example, f"{indent}```"])
            example = []
        if fence is None and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
        elif fence is not None and stripped.startswith(fence):
            fence = None
        elif fence is None and stripped.startswith(">>>"):
            example.append(line)
            continue
        out.append(line)
    return out[:-1]  # without the blank line added at the end


class _Fencer(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        return fence_doctests(lines)


class DoctestBlocks(Extension):
    """Registers the preprocessor ahead of fenced code blocks."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's name
        md.preprocessors.register(_Fencer(md), "doctest_blocks", 30)


@event_priority(100)  # before mkdocstrings copies the list of extensions
def on_config(config: MkDocsConfig, **_: Any) -> MkDocsConfig:
    config.markdown_extensions.append(DoctestBlocks())  # type: ignore[arg-type]
    return config
