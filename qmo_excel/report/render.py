"""Fill a Word template with the report's context (docxtpl) and give the package's bytes.

docxtpl renders the Jinja tags of a .docx written in Word (tags split across runs by
Word's editing are joined first), so the built-in template and an office's own
letterhead are filled the same way. Values are escaped (autoescape), the core properties
take the round's date and words, and the package is normalised: the same context gives
the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, time
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import TemplateError

from qmo_excel.report.package import normalised
from qmo_excel.vocab import Words


class ReportError(Exception):
    """The report cannot be written: the template is not a Word document, or its tags
    are wrong. ``args[0]`` is a ``vocab.Words``."""

    def message(self, lang: str = "vi") -> str:
        text = self.args[0]
        return text.pick(lang) if isinstance(text, Words) else str(text)


def render(template: bytes, context: dict[str, Any], *, created: datetime,
           title: str, author: str, name: str = "") -> bytes:
    """The filled document's bytes. ``name`` names the template in error messages."""
    try:
        tpl = DocxTemplate(io.BytesIO(template))
        tpl.render(context, autoescape=True)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReportError(Words(
            f"Mẫu báo cáo “{name}” không phải tệp Word .docx dùng được "
            f"({type(exc).__name__}).",
            f"The report template “{name}” is not a usable Word .docx file "
            f"({type(exc).__name__}).")) from None
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f" (dòng {line})" if line else ""
        raise ReportError(Words(
            f"Mẫu báo cáo “{name}” có thẻ {{{{ … }}}} hoặc {{% … %}} sai{where}: {exc}.",
            f"The report template “{name}” has a wrong {{{{ … }}}} or {{% … %}} tag: "
            f"{exc}.")) from None
    props = tpl.docx.core_properties
    props.title, props.subject = title, title
    props.author, props.last_modified_by = author, "qmo"
    props.created = props.modified = created
    props.revision = 1
    props.language = "en-GB" if context.get("lang") == "en" else "vi-VN"
    props.comments = ""
    buf = io.BytesIO()
    tpl.save(buf)
    return normalised(buf.getvalue())


def midnight(day: Any) -> datetime:
    return datetime.combine(day, time(0, 0))
