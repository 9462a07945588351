"""Normalising Vietnamese text pasted from Word, PDF and Excel before reading it.

``normalize`` returns NFC text with single spaces, plain hyphens and the usual PDF
artefacts repaired ('ƣ' for 'ư', decomposed accents, old tone placement such as
"hoà" -> "hòa", non-breaking and zero-width spaces). ``fold`` is the lower-case form the
readers match against (diacritics are kept: "còn" and "con" differ).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CHAR_MAP = str.maketrans(
    {
        "ƣ": "ư",
        "Ƣ": "Ư",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\t": " ",
        "\r": " ",
        "\n": " ",
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2012": "-",
        "\u2015": "-",
        "\u2212": "-",  # minus sign
        "\u2010": "-",
        "\u2011": "-",
        "÷": "-",  # "14÷15%" is a range
        "％": "%",
        "\u201c": '"',
        "\u201d": '"',
        "\u2018": "'",
        "\u2019": "'",
        "≧": "≥",
        "≦": "≤",
        "⩾": "≥",
        "⩽": "≤",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u00ad": None,
    }
)

_TONES = "\u0300\u0301\u0303\u0309\u0323"
# Old tone placement at the end of a word: "hoà", "khoẻ", "thuý" -> "hòa", "khỏe", "thúy".
# "qu" is a consonant cluster, so "quý" is already right and stays.
_OLD_TONE = re.compile(r"(?<![qQ])(?:([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])|([uU])([ỳýỷỹỵỲÝỶỸỴ]))(?!\w)")
_SPACES = re.compile(r"\s+")
# A comparator typed against its number: "trên95%", "Dưới5%" -> "trên 95%", "Dưới 5%".
_GLUED = re.compile(
    r"\b(trên|dưới|đạt|tối thiểu|tối đa|khoảng|còn|giảm|tăng|quá|hơn|nhất)(?=\d)", re.IGNORECASE
)


def _move_tone(m: re.Match[str]) -> str:
    first = m.group(1) or m.group(3)
    second = m.group(2) or m.group(4)
    parts = unicodedata.normalize("NFD", second)
    tones = "".join(c for c in parts[1:] if c in _TONES)
    others = "".join(c for c in parts[1:] if c not in _TONES)
    return unicodedata.normalize("NFC", first + tones) + unicodedata.normalize(
        "NFC", parts[0] + others
    )


def normalize(text: str) -> str:
    """NFC, 'ƣ' -> 'ư', one plain space, plain hyphens, '>=' -> '≥', new tone placement,
    a space between a comparator word and its number ("trên95%")."""
    if not text:
        return ""
    if not isinstance(text, str):
        return _normalize(str(text))
    return _normalize(text)


@lru_cache(maxsize=16384)
def _normalize(text: str) -> str:
    """(memoised: the readers fold the same indicator and target texts many times)"""
    s = text.translate(_CHAR_MAP)
    s = unicodedata.normalize("NFC", s)
    s = s.replace(">=", "≥").replace("<=", "≤").replace("=<", "≤")
    s = _OLD_TONE.sub(_move_tone, s)
    s = _GLUED.sub(r"\1 ", s)
    return _SPACES.sub(" ", s).strip()


def fold(text: str) -> str:
    """The form readers match against: normalised and lower-cased (diacritics kept)."""
    if not text:
        return ""
    return _fold(text if isinstance(text, str) else str(text))


@lru_cache(maxsize=16384)
def _fold(text: str) -> str:
    return _normalize(text).lower()
