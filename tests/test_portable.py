"""No POSIX-only (or Windows-only) call in the package outside a guarded path (issue 17).

A call is guarded when it sits under an ``if`` that asks the platform (``sys.platform``,
``os.name``, ``hasattr``, ``getattr``) or in a ``try``/``contextlib.suppress`` that
catches what the other system raises (ImportError, AttributeError, OSError). The
simulated-Windows run in ``.ci/run`` catches the rest at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "qmo_excel"
ONE_SYSTEM_MODULES = {"resource", "fcntl", "termios", "pwd", "grp", "pty", "tty", "posix",
                      "syslog", "msvcrt", "winreg", "_winapi", "winsound"}
ONE_SYSTEM_ATTRS = {
    "os": {"fork", "forkpty", "nice", "setsid", "setpgrp", "setpgid", "getpgid", "killpg",
           "getuid", "geteuid", "getgid", "getegid", "setuid", "setgid", "chown", "lchown",
           "sysconf", "pathconf", "mkfifo", "mknod", "wait3", "wait4", "getloadavg",
           "sched_setaffinity", "sched_getaffinity", "O_NOFOLLOW", "O_NONBLOCK",
           "register_at_fork", "startfile", "add_dll_directory"},
    "signal": {"SIGKILL", "SIGALRM", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGCHLD", "SIGPIPE",
               "SIGQUIT", "SIGTSTP", "SIGCONT", "SIGSTOP", "alarm", "setitimer",
               "pthread_kill", "pthread_sigmask", "siginterrupt", "CTRL_C_EVENT",
               "CTRL_BREAK_EVENT"},
    "ctypes": {"windll", "WinDLL", "oledll"},
}
ONE_SYSTEM_KEYWORDS = {"preexec_fn", "pass_fds", "creationflags", "startupinfo"}
ONE_SYSTEM_START = {"fork", "forkserver"}
CATCHES = {"ImportError", "ModuleNotFoundError", "AttributeError", "OSError", "Exception",
           "BaseException"}
PLATFORM_WORDS = ("sys.platform", "os.name", "hasattr(", "getattr(", "platform.system")


def _names(node: ast.expr | None) -> set[str]:
    if node is None:
        return set()
    return {n.id if isinstance(n, ast.Name) else n.attr
            for n in ast.walk(node) if isinstance(n, ast.Name | ast.Attribute)}


def _guards(node: ast.AST) -> bool:
    if isinstance(node, ast.If | ast.IfExp):
        return any(w in ast.unparse(node.test) for w in PLATFORM_WORDS)
    if isinstance(node, ast.Try):
        return any(h.type is None or _names(h.type) & CATCHES for h in node.handlers)
    if isinstance(node, ast.With):
        return any("suppress" in ast.unparse(i.context_expr)
                   and _names(i.context_expr) & CATCHES for i in node.items)
    return False


def _one_system_uses(tree: ast.AST) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, f"import {a.name}") for a in node.names
                    if a.name.split(".")[0] in ONE_SYSTEM_MODULES]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] in ONE_SYSTEM_MODULES:
                out.append((node.lineno, f"from {node.module} import"))
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.attr in ONE_SYSTEM_ATTRS.get(node.value.id, ()):
                out.append((node.lineno, f"{node.value.id}.{node.attr}"))
        elif isinstance(node, ast.Call):
            out += [(node.lineno, f"{k.arg}=") for k in node.keywords
                    if k.arg in ONE_SYSTEM_KEYWORDS]
            func = ast.unparse(node.func)
            if func.endswith(("get_context", "set_start_method")) and node.args and \
                    isinstance(node.args[0], ast.Constant) and \
                    node.args[0].value in ONE_SYSTEM_START:
                out.append((node.lineno, f"{func}({node.args[0].value!r})"))
            if func.endswith("import_module") and node.args and \
                    isinstance(node.args[0], ast.Constant) and \
                    str(node.args[0].value).split(".")[0] in ONE_SYSTEM_MODULES:
                out.append((node.lineno, f"import_module({node.args[0].value!r})"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                node.value.startswith(("/proc/", "/dev/", "/sys/")):
            out.append((node.lineno, repr(node.value)))
    return out


def unguarded(source: str) -> list[tuple[int, str]]:
    """The one-system uses in ``source`` that no guard encloses."""
    tree = ast.parse(source)
    parents: dict[ast.AST, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    by_line: dict[int, list[ast.AST]] = {}
    for node in ast.walk(tree):
        if hasattr(node, "lineno"):
            by_line.setdefault(node.lineno, []).append(node)
    bad = []
    for lineno, what in _one_system_uses(tree):
        node: ast.AST | None = by_line[lineno][0]
        guarded = False
        while node is not None and not guarded:
            guarded = _guards(node)
            node = parents.get(node)
        if not guarded:
            bad.append((lineno, what))
    return bad


def test_the_checker_finds_what_it_should() -> None:
    src = '''
import os, resource, signal
def f():
    os.nice(5); os.fork(); signal.alarm(3); open("/proc/self/statm")
    subprocess.run(["x"], preexec_fn=os.setsid)
    mp.get_context("fork")
    import msvcrt
if sys.platform.startswith("linux"):
    os.nice(1)
if hasattr(os, "nice"):
    os.nice(1)
try:
    import fcntl
except ImportError:
    pass
with contextlib.suppress(OSError):
    os.killpg(1, signal.SIGKILL)
'''
    found = {what for _, what in unguarded(src)}
    assert found == {"import resource", "os.nice", "os.fork", "signal.alarm",
                     "'/proc/self/statm'", "preexec_fn=", "os.setsid",
                     "mp.get_context('fork')", "import msvcrt"}


def test_the_package_has_no_unguarded_posix_or_windows_only_call() -> None:
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for lineno, what in unguarded(path.read_text("utf-8")):
            bad.append(f"{path.relative_to(PACKAGE.parent)}:{lineno}: {what}")
    assert not bad, "\n".join(bad)
