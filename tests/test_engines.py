"""The generation profiles in the real constrained-decoding engines, offline.

llguidance (JSON Schema to a grammar) and outlines-core (JSON Schema to a regular
expression, then to a token index) compile every generation profile and accept the
bundled example's records as the profile writes them (compact JSON, keys in the
profile's order), byte by byte; and they refuse what breaks the profile. No model
and no download: a tokenizer whose tokens are single bytes (llguidance) or single
characters (outlines-core) drives each engine exactly as a model's tokens would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import llguidance
import pytest

import peacetalks as pt
from peacetalks.profiles import GENERATION_PROFILES, build_profile, to_profile
from peacetalks.schema import load_schema

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = pt.load_example()
# Compiling the whole-document profile into an outlines-core index takes a few seconds
# and about 250 MB here (docs/extraction.md); a bound far above that.
OUTLINES_SECONDS = 300


def profile_json(name: str) -> str:
    """The bundled example's records of profile ``name``, as the profile writes them."""
    if name == "document":
        value: Any = EXAMPLE
    else:
        value = tuple(r for r in EXAMPLE.records if r.record_type == name)
    return json.dumps(to_profile(value, name), ensure_ascii=False, separators=(",", ":"))


class ByteTokenizer:
    """Tokens 0-255 are the bytes; 256 ends the text."""

    eos_token_id = 256
    bos_token_id = None
    tokens = [bytes([i]) for i in range(256)] + [b"<eos>"]

    def __call__(self, text: str | bytes) -> list[int]:
        return list(text if isinstance(text, bytes) else text.encode("utf-8"))


TOKENIZER = llguidance.LLTokenizer(llguidance.TokenizerWrapper(ByteTokenizer()))


def llguidance_reads(schema: dict[str, Any], text: str) -> tuple[str, bool]:
    """(the grammar's error, or ''; whether the matcher accepts ``text`` whole)."""
    grammar = llguidance.LLMatcher.grammar_from_json_schema(
        schema, overrides={"whitespace_flexible": False}
    )
    error = llguidance.LLMatcher.validate_grammar(grammar, TOKENIZER)
    if error:
        return error, False
    matcher = llguidance.LLMatcher(TOKENIZER, grammar)
    consumed = matcher.consume_tokens(ByteTokenizer()(text))
    return "", bool(consumed) and not matcher.is_error() and matcher.is_accepting()


@pytest.mark.parametrize("name", GENERATION_PROFILES)
def test_llguidance_compiles_each_profile_and_accepts_the_example(name: str) -> None:
    assert llguidance_reads(build_profile(name), profile_json(name)) == ("", True)


@pytest.mark.parametrize("name", GENERATION_PROFILES)
def test_llguidance_refuses_output_that_breaks_the_profile(name: str) -> None:
    text = profile_json(name)
    wrong_id = text.replace('"id":"', '"id":"not an id ', 1)
    missing_key = text.replace(',"identifiers":null', "", 1).replace(',"identifiers":[', "[", 1)
    for broken in (wrong_id, missing_key, text + "}"):
        assert broken != text
        assert llguidance_reads(build_profile(name), broken) == ("", False)


def test_llguidance_refuses_the_full_schema_the_profiles_exist_for() -> None:
    error, _ = llguidance_reads(load_schema(), "{}")
    assert "not" in error


# outlines-core runs in a separate process, so that the test is bounded in time.
OUTLINES = r"""
import json, sys, time
import outlines_core
from outlines_core.json_schema import build_regex_from_schema

cases = json.load(sys.stdin)
results = {}
for name, case in cases.items():
    started = time.perf_counter()
    regex = build_regex_from_schema(json.dumps(case["schema"]), "")
    texts = [case["text"], *case["broken"]]
    chars = sorted({chr(c) for c in range(32, 127)} | set("".join(texts)))
    vocabulary = outlines_core.Vocabulary(len(chars), {c: [i] for i, c in enumerate(chars)})
    index = outlines_core.Index(regex, vocabulary)
    verdicts = []
    for text in texts:
        state = index.get_initial_state()
        for char in text:
            state = index.get_next_state(state, chars.index(char))
            if state is None:
                break
        verdicts.append(state is not None and index.is_final_state(state))
    results[name] = {
        "accepts": verdicts[0],
        "refuses": [not v for v in verdicts[1:]],
        "regex_chars": len(regex),
        "seconds": round(time.perf_counter() - started, 2),
    }
json.dump(results, sys.stdout)
"""


def test_outlines_core_compiles_each_profile_and_accepts_the_example() -> None:
    cases = {}
    for name in GENERATION_PROFILES:
        text = profile_json(name)
        cases[name] = {
            "schema": build_profile(name),
            "text": text,
            "broken": [text.replace('"id":"', '"id":"not an id ', 1), text[:-1]],
        }
    result = subprocess.run(
        [sys.executable, "-c", OUTLINES],
        input=json.dumps(cases),
        capture_output=True,
        text=True,
        timeout=OUTLINES_SECONDS,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    results = json.loads(result.stdout)
    for name in GENERATION_PROFILES:
        assert results[name]["accepts"], name
        assert results[name]["refuses"] == [True, True], name
