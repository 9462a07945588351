"""Names of the files we write from user text: safe on every disk, Windows' above all.

``safe_name(text, ext)`` turns any text (a unit's file name, a unit code) into one file
name that Windows, macOS and Linux all accept, and that a unit recognises:

- NFC, with its Vietnamese diacritics; runs of spaces squeezed into one;
- no character Windows forbids (``< > : " / \\ | ? *``) and no control character (each
  becomes a space); no invisible format character (a right-to-left override could make
  ``cod.xlsx`` look like ``xlsx.doc``); no Unicode non-character; a lone surrogate (a
  name that was not valid UTF-8) becomes U+FFFD;
- no leading or trailing dot or space (Windows drops trailing ones; a leading dot hides
  a file on macOS and Linux);
- not a device name Windows reserves (CON, PRN, AUX, NUL, COM1-9, LPT1-9, also with an
  extension: ``nul.xlsx`` is the device too): an ``_`` is added after the word;
- at most ``MAX_CHARS`` characters with the extension (about 100: under a share such as
  ``\\\\server\\VanPhong\\ISO 9001\\MTCL 2023\\DOT-2023\\output\\gop-y\\`` the full path stays
  well within Excel's 218 characters) and ``MAX_BYTES`` bytes of UTF-8 both in NFC and in
  NFD (macOS stores names decomposed), under the 255 every file system allows.

``feedback_file_name`` names a unit's feedback workbook after the unit's own file.
``UniqueNames`` hands out names unique within one folder of one run, compared as
Windows and macOS do (without case) and after NFC: the second ``Báo cáo.xlsx`` (or
``BÁO CÁO.xlsx``, or the same name decomposed) becomes ``Báo cáo (2).xlsx``. Same texts
in the same order give the same names, so a re-run writes over its own files.
"""

from __future__ import annotations

import unicodedata

MAX_CHARS = 100
MAX_BYTES = 240
_FORBIDDEN = frozenset('<>:"/\\|?*')
_DEVICES = frozenset({"con", "prn", "aux", "nul", "conin$", "conout$"}
                     | {f"{port}{n}" for port in ("com", "lpt") for n in "123456789¹²³"})
_BLANK = frozenset({"Cc", "Zl", "Zp"})  # control characters, line and paragraph breaks


def _is_nonchar(ch: str) -> bool:
    cp = ord(ch)
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


def clean(text: str) -> str:
    """``text`` as the body of a file name: NFC, no forbidden, control or invisible
    character, spaces squeezed, no leading or trailing dot or space (may be empty)."""
    text = unicodedata.normalize("NFC", text)
    if not (text.isascii() and text.isprintable()) or any(c in _FORBIDDEN for c in text):
        out: list[str] = []
        for ch in text:
            cat = unicodedata.category(ch)
            if ch in _FORBIDDEN or cat in _BLANK:
                out.append(" ")
            elif cat == "Cs":
                out.append("\ufffd")
            elif cat != "Cf" and not _is_nonchar(ch):
                out.append(ch)
        text = "".join(out)
    return " ".join(text.split()).strip(" .")


def _size(text: str) -> int:
    """Bytes of UTF-8 ``text`` takes, decomposed (NFD) or not, whichever is more."""
    raw = text.encode("utf-8", "surrogatepass")
    if text.isascii():
        return len(raw)
    return max(len(raw), len(unicodedata.normalize("NFD", text).encode("utf-8",
                                                                      "surrogatepass")))


def _reserved(stem: str) -> bool:
    return stem.split(".", 1)[0].rstrip(" ").casefold() in _DEVICES


def _unreserved(stem: str) -> str:
    if not _reserved(stem):
        return stem
    word, dot, rest = stem.partition(".")
    return f"{word.rstrip(' ')}_{dot}{rest}"


def _fit(stem: str, chars: int, nbytes: int) -> str:
    stem = stem[:max(0, chars)]
    while stem and _size(stem) > nbytes:
        stem = stem[:-1]
    return stem.rstrip(" .")


def _stem(text: str, chars: int, nbytes: int, fallback: str) -> str:
    stem = _fit(_unreserved(clean(text) or fallback), chars, nbytes)
    if not stem or _reserved(stem):  # cut down to nothing, or to a device name
        stem = _fit(_unreserved(fallback), chars, nbytes) or "_"
    return stem


def _dot(ext: str) -> str:
    body = clean(ext)
    return "." + body if body else ""


def safe_name(text: str, ext: str = "", *, max_chars: int = MAX_CHARS,
              fallback: str = "_", suffix: str = "") -> str:
    """One file name from ``text``, ``suffix`` and an extension (``".xlsx"``), safe on
    every disk; ``fallback`` when nothing of ``text`` is left. ``text`` is cut to fit,
    never the suffix or the extension."""
    ext = _dot(ext)
    room = len(ext) + len(suffix)
    return _stem(text, max_chars - room, MAX_BYTES - _size(ext) - _size(suffix),
                 fallback) + suffix + ext


def name_key(name: str) -> str:
    """When two names are the same file on Windows or macOS: without case, after NFC."""
    return unicodedata.normalize("NFC", name).casefold()


class UniqueNames:
    """Safe names unique within one folder of one run (see the module's doc).

    Call ``take`` in a fixed order (say, the inputs sorted) for the same names each run.
    """

    def __init__(self, *, max_chars: int = MAX_CHARS) -> None:
        self.max_chars = max_chars
        self._taken: set[str] = set()

    def take(self, text: str, ext: str = "", *, fallback: str = "_") -> str:
        name = safe_name(text, ext, max_chars=self.max_chars, fallback=fallback)
        n = 1
        while name_key(name) in self._taken:
            n += 1
            name = safe_name(text, ext, max_chars=self.max_chars, fallback=fallback,
                             suffix=f" ({n})")
        self._taken.add(name_key(name))
        return name


FEEDBACK_WORD = {"vi": "Góp ý", "en": "Feedback"}


def feedback_file_name(rel: str, unit_code: str = "", lang: str = "vi",
                       names: UniqueNames | None = None) -> str:
    """``Góp ý <UNIT> - <the unit's own file name>.xlsx``: a name the unit recognises,
    in Vietnamese with its diacritics (NFC), safe on every disk (``safe_name``); a file
    in a subfolder keeps the folder ("phường/báo cáo.xlsx" -> "phường - báo cáo"). With
    ``names``, one run's names, it is also unique among them ("same.xls" and
    "same.xlsx" give "… - same.xlsx" and "… - same (2).xlsx")."""
    last = rel.rsplit("/", 1)[-1]
    stem = rel.rsplit(".", 1)[0] if "." in last else rel
    stem = " - ".join(p for p in (clean(x) for x in stem.split("/")) if p)
    head = f"{FEEDBACK_WORD['en' if lang == 'en' else 'vi']} {clean(unit_code)}".strip()
    text = f"{head} - {stem}" if stem else head
    if names is not None:
        return names.take(text, ".xlsx")
    return safe_name(text, ".xlsx")
