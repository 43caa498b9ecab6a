"""The docs site builds with ``--strict`` and has a Python API reference made from the docstrings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import peacetalks as pt
from conftest import ROOT

pytest.importorskip(
    "mkdocstrings_handlers.python",
    reason="building the docs needs the docs extra: pip install -e '.[docs]'",
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return folder


def test_the_api_reference_is_built_from_the_docstrings(site: Path) -> None:
    page = (site / "api" / "index.html").read_text(encoding="utf-8")
    for name in ("peacetalks.files.read_document", "peacetalks.actor.Actor",
                 "peacetalks.timeparse.parse_time", "peacetalks.errors.ValidationError"):  # fmt: skip
        assert f'id="{name}"' in page, name
    first_line = (pt.read_document.__doc__ or "").splitlines()[0]
    assert first_line.replace("``", "") in page.replace("<code>", "").replace("</code>", "")
    # Doctests are shown as Python sessions, not as Markdown's nested quotes.
    assert '<code class="language-pycon">' in page
    assert "<blockquote>" not in page
    json_reference = (site / "reference" / "index.html").read_text(encoding="utf-8")
    assert "schema_version" in json_reference
