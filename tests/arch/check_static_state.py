#!/usr/bin/env python3
"""No mutable static state in lib/: every `static` variable is const or constexpr, and there is no
`thread_local`. Caches live in objects a linter owns (docs/architecture.md), so two linters in one
process never see each other's state. Usage: check_static_state.py SOURCE_DIR; exit 1 naming each.
"""
import re
import sys
from pathlib import Path

# `static` followed by a declaration that is not a function: a type, a name, then = { ; or [ before
# any parenthesis. Const and constexpr variables are fine; so are static member functions.
STATIC_VAR = re.compile(r"^\s*(?:inline\s+)?static\s+(?!const\b|constexpr\b|inline\s+constexpr\b|_assert)"
                        r"[^()=;{]*?\b\w+\s*(?:=|\{|;|\[)")
THREAD_LOCAL = re.compile(r"\bthread_local\b")


def strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def check(root: Path) -> list:
    problems = []
    for path in sorted((root / "lib").rglob("*.[ch]pp")):
        for n, line in enumerate(strip_comments(path.read_text()).splitlines(), 1):
            if STATIC_VAR.search(line) or THREAD_LOCAL.search(line):
                problems.append(f"{path.relative_to(root)}:{n}: mutable static state: {line.strip()}")
    return problems


if __name__ == "__main__":
    found = check(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
    for p in found:
        print("FAIL:", p)
    print(f"{len(found)} mutable static variables in lib/")
    sys.exit(1 if found else 0)
