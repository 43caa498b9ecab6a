"""PA-X's party columns (``Part``, ``ThrdPart``): free text read with the codebook's conventions.

Lines and semicolons separate parties; headings and labels give roles; a single
line is a comma list when every part starts with a capital; "and" separates
only names without connecting words, or before "the" and a capital ("The
Government of Burundi and the Palipehutu - FNL"); an unsigned text's parties follow the
codebook's preamble; lines that name no one (titles, page references,
sentences, signature marks) are noted, not read as parties.
"""

from __future__ import annotations

import re

from peacetalks.interop._common import split_list

__all__ = ["people"]

_ROLES = (
    (re.compile(r"^(witness|t[ée]moin|in the presence of)", re.IGNORECASE), "witnesses"),
    (re.compile(r"^guarant", re.IGNORECASE), "guarantors"),
    (
        re.compile(r"^(mediat|m[ée]diateur|(the )?mediation|(co-)?facilitat|chair)", re.IGNORECASE),
        "mediators",
    ),
    (re.compile(r"^(signator|signed|parties)", re.IGNORECASE), "signatories"),
    (re.compile(r"^(observ|third)", re.IGNORECASE), "third_parties"),
)
_LABELLED = re.compile(r"^(?P<label>[^:]{2,120}?)(?: by)?\s*:\s*(?P<rest>.*)$")
#: A heading written without its colon: "Witnesses", "Witnessed by", "(Signatories)". Singular
#: words ("Mediator") are left out: under a name in a signature block they are that one's title.
_HEADING = re.compile(
    r"\(?(witnesses|witnessed( by)?|t[ée]moins|in the presence of|guarantors|mediators|"
    r"(the )?mediation|(co-)?facilitators|observers|signatories|signed by|parties)\)?",
    re.IGNORECASE,
)
#: Signature marks and list numbers around a name: "(Signed) A", "Sd. A", "2. A", "A [signature]".
#: The leading marks are matched at the start only; the trailing ones one at a time from
#: the end, each within :data:`_MARK_WINDOW` characters, so that neither is tried at
#: every position of a long run of spaces (which takes time growing with its cube).
_LEADING_MARKS = re.compile(
    r"(?:[0-9]{1,3}(?:[.)]|\t)\s*|\(?(?:signed|sgd|sd)\b\.?\)?\s*|\[(?:signed|signature)\]\s*)+",
    re.IGNORECASE,
)
_TRAILING_MARK = re.compile(r"(?:\s*[(\[](?:signed|signature)[)\]]|,?\s+sd\.?)\Z", re.IGNORECASE)
_MARK_WINDOW = 32
#: Line breaks and semicolons separate the entries of a party cell.
_ENTRY_BREAKS = re.compile(r"[\r\n;\u2028]+")
#: "and" between the names of a list. A match starts only where a run of spaces does
#: and takes the run whole (possessive), so a long run is read once, not once per space.
_AND = re.compile(r"(?<!\s)\s++and\s++")
_AND_THE = re.compile(r"(?:,|(?<![\s,]))\s++and\s++(?=the\s++[A-Z])")
_LETTER = re.compile(r"[^\W\d_]")
#: Titles that name no one on their own (a line of a signature block under the name).
_TITLES = frozenset(
    [
        *("member", "head", "chair", "chairperson", "chairman", "chairwoman", "vice-chairman"),
        *("vice-chairperson", "president", "vice-president", "prime minister", "minister"),
        *("secretary", "secretary general", "secretary-general", "coordinator", "commander"),
        *("representative", "representatives", "spokesperson", "spokeperson", "premier"),
        *("convenor", "adviser", "advisers", "advisor", "advisors", "commissioner"),
        *("commisioner", "deputy", "rapporteur", "witness", "mediator", "facilitator"),
        *("facilitateur", "co-facilitator", "guarantor", "observer", "signature", "signatures"),
        *("ambassador", "governor", "président", "government", "empty", "none", "by", "for"),
        *("on behalf of",),
    ]
)
#: PA-X's own page references and credits, copied into the party columns with the text.
_EDITORIAL = re.compile(
    r"^page [0-9]+\b|peaceagreements\.org|peace agreement access tool|^(https?://|www\.)"
    r"|^[\[(](illegible|stamp)",
    re.IGNORECASE,
)
_LONGEST_NAME = 160
#: A name has fewer words than this; longer text, or text with a verb, is a sentence.
_MOST_WORDS = 14
_SENTENCE = re.compile(
    r"\b(is|are|was|were|will|shall|has|have|had|agree[ds]?|signed on|understood to)\b",
    re.IGNORECASE,
)
#: Words that join the parts of one name: "Organization *for* Security *and* Cooperation".
_CONNECTORS = re.compile(r"\b(of|for|in|on|the|de|du|des|del|la|le|pour|et)\b", re.IGNORECASE)
#: The codebook's way of writing the parties of an unsigned text, up to the names.
_PREAMBLE = re.compile(
    r"^\s*(copy of (the )?agreement |copy )?(not signed|unsigned|presented in (the )?preamble)"
    r"[^:]*?(:|\blisted as\b|\bparties understood to include\b|\bagreed by\b)\s*",
    re.IGNORECASE,
)


def people(text: str, default: str, notes: list[str], column: str) -> list[tuple[str, str]]:
    """(role, name) for each party named in a PA-X free-text list, names as written.

    Lines and ';' separate parties; a line ending in ':' (or a line that is only
    "Witnesses", "Mediators"...) is a heading whose role applies to the lines
    after it; "Label: name" gives one party its role. A single line is split on
    commas when every part starts with a capital. Signature marks and list
    numbers around a name are dropped; a line that names no one (a bare title,
    a page reference, a number) is noted, not read as a party.
    """
    preamble = _PREAMBLE.match(text)
    if preamble:
        # PA-X's convention for an unsigned text: "Not signed, agreement mentions the
        # following parties as having produced it: A and B". The names follow.
        notes.append(f"not signed; the parties as the text names them: {column}")
        text = text[preamble.end() :]
    chunks = [c.strip(" \t\xa0\u2028-•*") for c in _ENTRY_BREAKS.split(text)]
    chunks = [c for c in chunks if c]
    if len(chunks) == 1:
        # "A, B and C": a list when every part starts with a capital. "and" separates
        # only names without connecting words ("Hamas and Fatah"); in a name that has them
        # it is part of it ("Organization for Security and Cooperation in Europe",
        # "Certain Areas of Donetsk and Luhansk").
        # "The Government of Burundi and the Palipehutu - FNL": two parties.
        line = (_AND_THE if _CONNECTORS.search(chunks[0]) else _AND).sub(", ", chunks[0])
        parts = split_list(line, ",")
        if len(parts) > 1 and all(part.removeprefix("the ")[:1].isupper() for part in parts):
            chunks = parts
    role = default
    found: list[tuple[str, str]] = []
    for chunk in chunks:
        name, found_role = chunk, role
        labelled = _LABELLED.match(chunk)
        if labelled:
            label_role = _role(labelled["label"])
            rest = labelled["rest"].strip()
            if label_role is not None and not rest:
                role = label_role
                continue
            if label_role is not None:
                name, found_role = rest, label_role
            elif not rest:
                continue  # a heading that names no role: "Page 2:", "For the government:"
            else:
                # "Page 2: President X", "For the Georgian side: (Signed) E. Shevardnadze":
                # a label naming no role (a page, whom the signer acts for) before the name.
                name = rest
        elif _HEADING.fullmatch(chunk.rstrip(" .")):
            role = _role(chunk.strip("( ")) or role
            continue
        elif chunk.lower().endswith(" by"):
            continue  # a heading that names no role: "First Party Represented by"
        reason = _not_a_name(name)
        if reason is None:
            found.append((found_role, " ".join(_without_marks(name).split())))
        else:
            notes.append(f"{reason}, not read as a party: {column}")
    return found


def _without_marks(text: str) -> str:
    """``text`` without the signature marks and list numbers before and after the name."""
    leading = _LEADING_MARKS.match(text)
    start = leading.end() if leading else 0
    end = len(text)
    while end > start:
        mark = _TRAILING_MARK.search(text, max(start, end - _MARK_WINDOW), end)
        if mark is None or mark.start() == end:
            break
        end = mark.start()
    if end < len(text):
        return text[start:end].rstrip()
    return text[start:]


def _not_a_name(text: str) -> str | None:
    """Why ``text`` does not name a party, or ``None`` when it may."""
    name = _without_marks(text)
    if len(name) > _LONGEST_NAME:
        return "text too long for a name"
    if len(name.split()) > _MOST_WORDS or _SENTENCE.search(name):
        return "a sentence, not a name"
    if name.startswith("[") and name.endswith("]"):
        return "editorial note in brackets"
    if _EDITORIAL.search(name):
        return "page reference or credit of PA-X"
    if len(_LETTER.findall(name)) < 2:
        return "no name in the text" if name.strip() else "signature mark or list number alone"
    title = " ".join(name.strip(" ,.;:").lower().removeprefix("the ").split())
    if title in _TITLES:
        return "a title without a name"
    return None


def _role(label: str) -> str | None:
    for pattern, role in _ROLES:
        if pattern.match(label.strip()):
            return role
    return None
