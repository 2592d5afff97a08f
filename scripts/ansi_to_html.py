#!/usr/bin/env python3
"""A terminal's text with SGR colour escapes (tmux capture-pane -e) as an HTML page: a <pre> of
spans on a dark background, the xterm 256-colour palette and 24-bit colours. For
scripts/make-editor-screenshot.sh."""
import html
import re
import sys

BASE = ["#000000", "#cd0000", "#00cd00", "#cdcd00", "#0000ee", "#cd00cd", "#00cdcd", "#e5e5e5",
        "#7f7f7f", "#ff0000", "#00ff00", "#ffff00", "#5c5cff", "#ff00ff", "#00ffff", "#ffffff"]


def color(n):
    if n < 16:
        return BASE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return "#%02x%02x%02x" % (steps[n // 36], steps[n // 6 % 6], steps[n % 6])
    g = 8 + (n - 232) * 10
    return "#%02x%02x%02x" % (g, g, g)


def main():
    text = sys.stdin.read()
    state = {"fg": None, "bg": None, "bold": False, "underline": False, "reverse": False}
    out = []
    for part in re.split(r"(\x1b\[[0-9;:]*m)", text):
        if part.startswith("\x1b["):
            codes = [int(c) if c else 0 for c in re.split(r"[;:]", part[2:-1])] or [0]
            i = 0
            while i < len(codes):
                c = codes[i]
                if c == 0:
                    state = {"fg": None, "bg": None, "bold": False, "underline": False, "reverse": False}
                elif c == 1:
                    state["bold"] = True
                elif c == 22:
                    state["bold"] = False
                elif c in (4, 24):
                    state["underline"] = c == 4
                elif c in (7, 27):
                    state["reverse"] = c == 7
                elif 30 <= c <= 37 or 90 <= c <= 97:
                    state["fg"] = BASE[c - 30 if c < 90 else c - 82]
                elif 40 <= c <= 47 or 100 <= c <= 107:
                    state["bg"] = BASE[c - 40 if c < 100 else c - 92]
                elif c in (38, 48) and i + 1 < len(codes):
                    key = "fg" if c == 38 else "bg"
                    if codes[i + 1] == 5 and i + 2 < len(codes):
                        state[key] = color(codes[i + 2])
                        i += 2
                    elif codes[i + 1] == 2 and i + 4 < len(codes):
                        state[key] = "#%02x%02x%02x" % tuple(codes[i + 2:i + 5])
                        i += 4
                elif c == 39:
                    state["fg"] = None
                elif c == 49:
                    state["bg"] = None
                i += 1
            continue
        if not part:
            continue
        fg, bg = state["fg"] or "#d0d0d0", state["bg"] or "#1c1c1c"
        if state["reverse"]:
            fg, bg = bg, fg
        style = f"color:{fg};background:{bg}"
        if state["bold"]:
            style += ";font-weight:bold"
        if state["underline"]:
            style += ";text-decoration:underline"
        out.append(f'<span style="{style}">{html.escape(part)}</span>')
    print('<!doctype html><html><body style="margin:0;background:#1c1c1c">'
          '<pre style="margin:12px;font:15px/1.25 \'DejaVu Sans Mono\',monospace;color:#d0d0d0">'
          + "".join(out) + "</pre></body></html>")


if __name__ == "__main__":
    main()
