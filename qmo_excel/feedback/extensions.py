"""Carry a unit's Excel 2010+ worksheet extensions into its feedback copy.

openpyxl drops every worksheet ``<extLst>`` when it saves: Excel 2010 (``x14``) data
validations (Excel moves there the dropdowns whose list is on another sheet, such as our
hidden ``_qmo`` sheet), ``x14`` conditional formats, sparklines... ``read_extensions``
takes each worksheet's ``extLst`` of the original, verbatim, with the namespaces it
borrows from its root; ``carry_extensions`` puts it back, as the last child of the same
sheet (by name) of the saved copy, and declares those namespaces (and ``mc:Ignorable``,
as Excel does) on the copy's root.

Only what stands on its own is carried: an ``ext`` that points at a relationship
(slicers, timelines, web extensions) is left out, since the copy's relationships differ.
The files are untrusted: parts are parsed by expat without any DTD (a part with one is
refused, so no entity is ever expanded), and anything unexpected makes ``read_extensions``
return nothing for that sheet and ``carry_extensions`` raise ``ValueError``, so that the
caller keeps the plain copy (the dropdowns of the spec re-added by ``feedback``).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
         "http://purl.oclc.org/ooxml/officeDocument/relationships")
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MC_PREFIXED = {"Ignorable", "Requires", "ProcessContent", "MustUnderstand",
                "PreserveElements", "PreserveAttributes"}
_X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
_XM = "http://schemas.microsoft.com/office/excel/2006/main"
_MAX_PART = 64 * 1024 * 1024


@dataclass(frozen=True)
class SheetExt:
    """A worksheet's ``extLst``, ready to be put back in a copy of the sheet."""

    xml: bytes  # the extLst element, verbatim, with only the ext children kept
    namespaces: dict[str, str]  # prefix -> URI it needs from the sheet's root
    ignorable: tuple[str, ...]  # those prefixes the original marks mc:Ignorable
    validated: tuple[str, ...]  # the sqref of each of its x14 data validations


@dataclass
class _Ext:
    start: int
    end: int = 0
    relations: bool = False  # points at a relationship: not carried
    needs: dict[str, str] = field(default_factory=dict)
    sqrefs: list[str] = field(default_factory=list)


@dataclass
class _Sheet:
    """Where things are in a worksheet part (byte offsets) and what its root declares."""

    root: str = ""  # the root's name as written ("worksheet", "x:worksheet")
    root_start: int = -1
    root_end: int = -1  # where the root's end tag starts
    bindings: dict[str, str] = field(default_factory=dict)  # root: prefix ("" default)
    ignorable: tuple[str, ...] = ()
    ext_list: _Ext | None = None  # the worksheet's extLst (its own needs and span)
    exts: list[_Ext] = field(default_factory=list)


def _parser(data: bytes) -> Any:
    """A namespace-aware expat parser that refuses DTDs and non-UTF-8 parts."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ValueError("not UTF-8")
    p = expat.ParserCreate(namespace_separator=" ")
    p.namespace_prefixes = True
    p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: Any) -> None:
        raise ValueError("DTD or entity declaration")

    def xml_decl(_version: str, encoding: str | None, _standalone: int) -> None:
        if encoding and encoding.lower().replace("-", "").replace("_", "") != "utf8":
            raise ValueError("not UTF-8")

    p.StartDoctypeDeclHandler = refuse
    p.EntityDeclHandler = refuse
    p.XmlDeclHandler = xml_decl
    return p


def _split(name: str) -> tuple[str, str, str]:
    """expat's "uri local prefix" -> (uri, local, prefix); "" for what is missing."""
    parts = name.split(" ")
    if len(parts) == 1:
        return "", parts[0], ""
    return parts[0], parts[1], parts[2] if len(parts) > 2 else ""


def _tag_end(data: bytes, start: int) -> int:
    """The index of the ">" that closes the tag starting at ``start``."""
    quote = 0
    for i in range(start, len(data)):
        c = data[i]
        if quote:
            if c == quote:
                quote = 0
        elif c in (0x22, 0x27):
            quote = c
        elif c == 0x3E:
            return i
    raise ValueError("unterminated tag")


def _elements(data: bytes, on_start: Callable[[int, str, str, dict[str, str]], None]) -> None:
    """Call ``on_start(depth, uri, local, attrs)`` for every element of a small part."""
    p = _parser(data)
    depth = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        uri, local, _ = _split(name)
        on_start(depth, uri, local, {_split(k)[1]: v for k, v in attrs.items()})
        depth += 1

    def end(_: str) -> None:
        nonlocal depth
        depth -= 1

    p.StartElementHandler = start
    p.EndElementHandler = end
    p.Parse(data, True)


def _read(zf: zipfile.ZipFile, name: str) -> bytes:
    with zf.open(name) as f:
        data = f.read(_MAX_PART + 1)
    if len(data) > _MAX_PART:
        raise ValueError("part too large")
    return data


def _rel_targets(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id -> (type, part name) of the internal relationships of ``part``."""
    folder, base = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    out: dict[str, tuple[str, str]] = {}

    def on(_depth: int, _uri: str, local: str, attrs: dict[str, str]) -> None:
        target = attrs.get("Target", "")
        if local != "Relationship" or attrs.get("TargetMode") == "External" or not target:
            return
        path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
        out[attrs.get("Id", "")] = (attrs.get("Type", ""), posixpath.normpath(path))

    _elements(_read(zf, rels), on)
    return out


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet part name, through the package and workbook relationships."""
    book = next((p for t, p in _rel_targets(zf, "").values()
                 if t.endswith("/officeDocument")), "xl/workbook.xml")
    targets = _rel_targets(zf, book)
    out: dict[str, str] = {}

    def on(_depth: int, uri: str, local: str, attrs: dict[str, str]) -> None:
        if uri == MAIN and local == "sheet" and attrs.get("id") in targets:
            kind, part = targets[attrs["id"]]
            if kind.endswith("/worksheet"):
                out[attrs.get("name", "")] = part

    _elements(_read(zf, book), on)
    return out


def _scan(data: bytes) -> _Sheet:
    """One pass over a worksheet part: its root, and its extLst and each ext in it."""
    sheet = _Sheet()
    p = _parser(data)
    frames: list[dict[str, str]] = []  # namespace declarations of each open element
    pending: dict[str, str] = {}
    ext: _Ext | None = None
    sqref: list[str] | None = None  # the text of an x14 validation's xm:sqref

    def declare(prefix: str | None, uri: str | None) -> None:
        pending[prefix or ""] = uri or ""

    def need(prefix: str) -> None:
        """Record that the extLst uses ``prefix``, and whether it comes from the root."""
        owner = next((i for i in range(len(frames) - 1, -1, -1) if prefix in frames[i]), -1)
        if owner == 0:  # declared on the root: the copy must declare it too
            uri = frames[0][prefix]
            if prefix == "" and uri != MAIN:
                raise ValueError("default namespace is not SpreadsheetML")
            if prefix and sheet.ext_list is not None:
                (ext or sheet.ext_list).needs[prefix] = uri
        elif owner < 0 and prefix == "":
            raise ValueError("element without a namespace")

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal ext, pending, sqref
        frames.append(pending)
        pending = {}
        depth = len(frames) - 1
        uri, local, prefix = _split(name)
        pos = p.CurrentByteIndex
        if depth == 0:
            if (uri, local) != (MAIN, "worksheet"):
                raise ValueError("not a worksheet")
            sheet.root, sheet.root_start = f"{prefix}:{local}" if prefix else local, pos
            sheet.bindings = dict(frames[0])
            mc = next((v for k, v in attrs.items() if _split(k)[:2] == (_MC, "Ignorable")), "")
            sheet.ignorable = tuple(mc.split())
            return
        if depth == 1 and uri == MAIN and local == "extLst":
            if sheet.ext_list is not None:
                raise ValueError("two extLst")
            sheet.ext_list = _Ext(pos)
        if sheet.ext_list is None or sheet.ext_list.end:
            return
        if depth == 2 and uri == MAIN and local == "ext":
            ext = _Ext(pos)
            sheet.exts.append(ext)
        need(prefix)
        for key, value in attrs.items():
            a_uri, a_local, a_prefix = _split(key)
            if a_prefix:
                need(a_prefix)
            if a_uri in _RELS and ext is not None:
                ext.relations = True
            if a_uri == _MC and a_local in _MC_PREFIXED:
                for word in value.split():
                    need(word.split(":", 1)[0])
        if uri in _RELS and ext is not None:
            ext.relations = True
        if ext is not None and (uri, local) == (_X14, "dataValidation"):
            ext.sqrefs.append("")
        if ext is not None and (uri, local) == (_XM, "sqref") and ext.sqrefs:
            sqref = []

    def text(chars: str) -> None:
        if sqref is not None:
            sqref.append(chars)

    def close(start: int, end_tag: int) -> int:
        """The index just past an element that starts at ``start``."""
        tag = _tag_end(data, start)
        return tag + 1 if data[tag - 1] == 0x2F else _tag_end(data, end_tag) + 1

    def end(_: str) -> None:
        nonlocal ext, sqref
        depth = len(frames) - 1
        frames.pop()
        pos = p.CurrentByteIndex
        if sqref is not None and ext is not None:  # the end of an xm:sqref (no children)
            ext.sqrefs[-1] = "".join(sqref).strip()
            sqref = None
        if depth == 0:
            sheet.root_end = pos
        elif depth == 2 and ext is not None:
            ext.end = close(ext.start, pos)
            ext = None
        elif depth == 1 and sheet.ext_list is not None and not sheet.ext_list.end:
            sheet.ext_list.end = close(sheet.ext_list.start, pos)

    p.StartNamespaceDeclHandler = declare
    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = text
    p.Parse(data, True)
    return sheet


def _fragment(data: bytes, sheet: _Sheet) -> SheetExt | None:
    """The extLst to carry: its own tags around the ext children worth keeping."""
    ext_list = sheet.ext_list
    kept = [e for e in sheet.exts if not e.relations]
    if ext_list is None or not kept:
        return None
    head_end = _tag_end(data, ext_list.start) + 1
    tail = data[data.rindex(b"</", ext_list.start, ext_list.end):ext_list.end]
    xml = data[ext_list.start:head_end] + b"".join(data[e.start:e.end] for e in kept) + tail
    needs = dict(ext_list.needs)
    for e in kept:
        needs.update(e.needs)
    return SheetExt(xml, needs, tuple(p for p in sheet.ignorable if p in needs),
                    tuple(s for e in kept for s in e.sqrefs if s))


def read_extensions(path: Path) -> dict[str, SheetExt]:
    """Sheet name -> its extLst worth carrying; a sheet that cannot be read safely is left
    out, and a file that cannot be read gives {}."""
    out: dict[str, SheetExt] = {}
    try:
        with zipfile.ZipFile(path) as zf:
            for name, part in sheet_parts(zf).items():
                data = _read(zf, part)
                if b"extLst" not in data:
                    continue
                try:
                    found = _fragment(data, _scan(data))
                except (ValueError, expat.ExpatError):  # refused: this sheet stays plain
                    continue
                if found is not None:
                    out[name] = found
    except Exception:  # a package we cannot follow: the copy stays plain
        return {}
    return out


def carry_extensions(data: bytes, exts: dict[str, SheetExt],
                     skip: Collection[str] = ()) -> bytes:
    """The saved copy ``data`` with each sheet's extLst of ``exts`` put back.

    Raises (ValueError, expat or zip errors) when the copy cannot take them all."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        parts = {part: exts[name] for name, part in sheet_parts(src).items()
                 if name in exts and name not in skip}
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename in parts:
                body = _put_back(body, parts[info.filename])
            dst.writestr(info, body)
    return out.getvalue()


def _put_back(data: bytes, ext: SheetExt) -> bytes:
    sheet = _scan(data)
    if sheet.ext_list is not None or sheet.bindings.get("") != MAIN or sheet.root_end < 0:
        raise ValueError("the copy's worksheet is not as openpyxl writes it")
    decls: list[str] = []
    for prefix, uri in sorted(ext.namespaces.items()):
        if prefix not in sheet.bindings:
            decls.append(f' xmlns:{prefix}="{_attr(uri)}"')
        elif sheet.bindings[prefix] != uri:
            raise ValueError(f"prefix {prefix} is bound to another namespace in the copy")
    if ext.ignorable:
        if sheet.ignorable or any(v == _MC for v in sheet.bindings.values()):
            raise ValueError("the copy already uses markup compatibility")
        mc = next(p for p in ("mc", "mc0", "mc1", "mc2") if p not in sheet.bindings
                  and p not in ext.namespaces)
        decls.append(f' xmlns:{mc}="{_MC}" {mc}:Ignorable="{" ".join(ext.ignorable)}"')
    at = sheet.root_start + 1 + len(sheet.root.encode())
    if data[sheet.root_start + 1:at] != sheet.root.encode():
        raise ValueError("root tag not where expected")
    return (data[:at] + "".join(decls).encode() + data[at:sheet.root_end] + ext.xml
            + data[sheet.root_end:])


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


# --------------------------------------------------------------------------- what is lost

# What openpyxl cannot carry into a copy, counted in a package: pictures (kept only with
# Pillow, and only in formats it reads), shapes and text boxes, charts, form controls
# (buttons, check boxes: ctrlProps parts and the VML shapes that draw them) and ActiveX.
_DRAWN = {
    "images": re.compile(rb"<(?:\w+:)?pic\b"),
    "shapes": re.compile(rb"<(?:\w+:)?(?:sp|grpSp|cxnSp)\b"),
}
_VML_CONTROL = re.compile(rb"ObjectType\s*=\s*[\"'](?!Note[\"'])[A-Za-z]+[\"']")


def drawn_content(data: bytes) -> dict[str, int]:
    """How many images, shapes, charts, form controls and ActiveX controls a package
    holds (counted in its parts, nothing parsed); {} when it cannot be read."""
    counts = {"images": 0, "shapes": 0, "charts": 0, "controls": 0, "activex": 0}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            # form controls are counted by their ctrlProps parts when there are any, else
            # by the VML shapes that draw them (Excel 2007 writes only those)
            by_parts = any(i.filename.lower().startswith("xl/ctrlprops/") for i in infos)
            for info in infos:
                name = info.filename.replace("\\", "/").lstrip("/").lower()
                if name.startswith("xl/charts/chart") and name.endswith(".xml"):
                    counts["charts"] += 1
                elif name.startswith("xl/ctrlprops/"):
                    counts["controls"] += 1
                elif name.startswith("xl/activex/") and name.endswith(".xml"):
                    counts["activex"] += 1
                elif name.startswith("xl/drawings/") and info.file_size <= _MAX_PART:
                    body = zf.read(info)
                    if name.endswith(".vml"):
                        if not by_parts:
                            counts["controls"] += len(_VML_CONTROL.findall(body))
                    elif name.endswith(".xml"):
                        for key, pattern in _DRAWN.items():
                            counts[key] += len(pattern.findall(body))
    except Exception:
        return {}
    return counts


def lost_content(original: bytes, copy: bytes) -> list[str]:
    """The kinds of content the original has more of than its copy (keys of
    ``drawn_content``), in a fixed order."""
    before, after = drawn_content(original), drawn_content(copy)
    if not before or not after:
        return []
    return [k for k, n in before.items() if n > after.get(k, 0)]
