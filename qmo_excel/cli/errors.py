"""What the command line says when something goes wrong, in the user's language.

click writes its own errors in English ("Error: Invalid value for 'FOLDER': …"); the
office reads Vietnamese. ``QmoGroup`` runs the commands and says every usage error and
every error of a command in Vietnamese (English with ``--lang en``), and
``os_error`` turns an operating system error into words and what to do ("Đóng tệp …
trong Excel rồi chạy lại" rather than "[Errno 13] Permission denied").
"""

from __future__ import annotations

import errno
import re
import sys
from collections.abc import Sequence
from typing import Any

import click

from qmo_excel.cli.console import utf8_console

# click's messages -> Vietnamese ({0}, {1}: the parts the pattern captured)
_USAGE_VI: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Missing argument '(.+?)'\.?$"), "Thiếu tham số {0}."),
    (re.compile(r"^Missing option '(.+?)'\.?$"), "Thiếu tùy chọn {0}."),
    (re.compile(r"^No such option: (\S+?)(?: Did you mean (.+?)\?)?$"),
     "Không có tùy chọn {0}."),
    (re.compile(r"^No such command '(.+?)'\.?$"), "Không có lệnh '{0}'."),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), "Thừa tham số: {0}."),
    (re.compile(r"^Option '(.+?)' requires an argument\.?$"), "Tùy chọn {0} cần một giá trị."),
    (re.compile(r"^Invalid value for '(.+?)': (?:File|Path|Directory) '(.+?)' does not "
                r"exist\.?$"), "{0}: không tìm thấy '{1}'."),
    (re.compile(r"^Invalid value for '(.+?)': (?:File|Path) '(.+?)' is a directory\.?$"),
     "{0}: '{1}' là một thư mục, cần một tệp."),
    (re.compile(r"^Invalid value for '(.+?)': Directory '(.+?)' is a file\.?$"),
     "{0}: '{1}' là một tệp, cần một thư mục."),
    (re.compile(r"^Invalid value for '(.+?)': '(.+?)' is not one of (.+?)\.?$"),
     "{0}: '{1}' không hợp lệ; chọn một trong {2}."),
    (re.compile(r"^Invalid value for '(.+?)': '(.+?)' does not match the formats? (.+?)\.?$"),
     "{0}: '{1}' không đúng dạng ngày; ghi theo {2}."),
    (re.compile(r"^Invalid value for '(.+?)': '(.+?)' is not a valid integer(?: range)?\.?$"),
     "{0}: '{1}' không phải số nguyên."),
    (re.compile(r"^Invalid value for '(.+?)': (.+?) is not in the range (.+?)\.?$"),
     "{0}: {1} nằm ngoài khoảng {2}."),
    (re.compile(r"^Invalid value for '(.+?)': (.+)$"), "Giá trị không hợp lệ cho {0}: {1}"),
]
_WORDS = {
    "vi": {"error": "Lỗi", "usage": "Cách dùng", "try": "Xem '{cmd} -h' để biết cách dùng.",
           "aborted": "Đã dừng."},
    "en": {"error": "Error", "usage": "Usage", "try": "Try '{cmd} -h' for help.",
           "aborted": "Aborted!"},
}


def lang_of(args: Sequence[str]) -> str:
    """The language asked for on the command line (``--lang en``), else Vietnamese."""
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args):
            return "en" if args[i + 1] == "en" else "vi"
        if a.startswith("--lang="):
            return "en" if a.split("=", 1)[1] == "en" else "vi"
    return "vi"


def usage_message(message: str, lang: str) -> str:
    """A click usage message in the user's language."""
    if lang == "en":
        return message
    text = " ".join(message.split())
    for pattern, vi in _USAGE_VI:
        m = pattern.match(text)
        if m:
            return vi.format(*(g or "" for g in m.groups()))
    return text


def os_error(exc: OSError, lang: str = "vi", what: str = "") -> str:
    """An operating system error said in words, with what to do."""
    name = what or str(exc.filename or "")
    code = exc.errno
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return (f"Không ghi hoặc mở được {name}: tệp đang được mở (ví dụ trong Excel) hoặc "
                "không có quyền ghi vào thư mục. Đóng tệp trong Excel rồi chạy lại."
                if lang == "vi" else
                f"Cannot write or open {name}: the file is open (in Excel, say) or the "
                "folder is not writable. Close the file in Excel and run again.")
    if code == errno.ENOSPC:
        return (f"Đĩa đầy, không ghi được {name}. Giải phóng dung lượng rồi chạy lại."
                if lang == "vi" else f"The disk is full: cannot write {name}. Free some "
                "space and run again.")
    if isinstance(exc, FileNotFoundError) or code == errno.ENOENT:
        return (f"Không tìm thấy {name}." if lang == "vi" else f"Not found: {name}.")
    if code == errno.EROFS:
        return (f"Ổ đĩa chỉ cho đọc, không ghi được {name}." if lang == "vi" else
                f"The drive is read-only: cannot write {name}.")
    detail = exc.strerror or type(exc).__name__
    return (f"Lỗi hệ thống khi xử lý {name}: {detail}." if lang == "vi" else
            f"System error with {name}: {detail}.")


class QmoGroup(click.Group):
    """The ``qmo`` group: every error said in the user's language, never a traceback for
    a mistake in the command line; help pages in the user's language."""

    def get_help(self, ctx: click.Context) -> str:
        return help_in_lang(super().get_help(ctx))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        utf8_console()  # before anything is printed, --help included
        argv = list(sys.argv[1:] if args is None else args)
        if not standalone_mode:
            return super().main(argv, prog_name, complete_var, False, **extra)
        lang = lang_of(argv)
        _LANG["help"] = lang
        w = _WORDS[lang]
        try:
            rv = super().main(argv, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            ctx = exc.ctx
            if ctx is not None:
                click.echo(f"{w['usage']}: {ctx.command_path} "
                           f"{' '.join(ctx.command.collect_usage_pieces(ctx))}", err=True)
                click.echo(w["try"].format(cmd=ctx.command_path), err=True)
                click.echo("", err=True)
            click.echo(f"{w['error']}: {usage_message(exc.format_message(), lang)}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"{w['error']}: {exc.format_message()}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo(w["aborted"], err=True)
            sys.exit(1)
        except OSError as exc:
            click.echo(f"{w['error']}: {os_error(exc, lang)}", err=True)
            sys.exit(1)
        if isinstance(rv, int):
            sys.exit(rv)
        sys.exit(0)


# click's own words in a help page -> Vietnamese
_HELP_VI = [
    ("Usage:", "Cách dùng:"), ("Options:", "Tùy chọn:"), ("Commands:", "Lệnh:"),
    ("Arguments:", "Tham số:"),
    ("Show this message and exit.", "Hiện trợ giúp này rồi thoát."),
    ("Show the version and exit.", "Hiện phiên bản rồi thoát."),
    ("[default: ", "[mặc định: "), ("[required]", "[bắt buộc]"),
]
_LANG = {"help": "vi"}  # the language of this run's help pages (set by QmoGroup.main)


def help_in_lang(text: str) -> str:
    if _LANG["help"] == "en":
        return text
    for en, vi in _HELP_VI:
        text = text.replace(en, vi)
    return text


class QmoCommand(click.Command):
    """A command whose help page speaks the user's language."""

    def get_help(self, ctx: click.Context) -> str:
        return help_in_lang(super().get_help(ctx))

    def get_usage(self, ctx: click.Context) -> str:
        return help_in_lang(super().get_usage(ctx))
