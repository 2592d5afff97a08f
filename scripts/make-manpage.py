#!/usr/bin/env python3
"""Writes chartproof(1) from the CLI itself: every subcommand's --help and the rule catalogue
(`rules --format json`), so the man page cannot drift from the program. Run by the build
(cli/CMakeLists.txt) for `cmake --install` and the .deb.

Usage: make-manpage.py CHARTPROOF OUT
"""
import json
import subprocess
import sys


def run(binary: str, *args: str) -> str:
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout


def roff(text: str) -> str:
    """Escapes text for troff: backslashes, and control characters at a line start."""
    lines = []
    for line in text.replace("\\", "\\e").splitlines():
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, out = sys.argv[1], sys.argv[2]
    version = run(binary, "--version").split()[-1]
    rules = json.loads(run(binary, "rules", "--format", "json"))
    page = [
        f'.TH CHARTPROOF 1 "" "chartproof {version}" "User Commands"',
        ".SH NAME",
        "chartproof \\- lint Kubernetes manifests rendered from Helm charts",
        ".SH SYNOPSIS",
        ".B chartproof lint",
        "[\\fIOPTIONS\\fR] [\\fIPATH\\fR ...]",
        ".br",
        ".B helm template",
        "\\fIRELEASE\\fR \\fICHART\\fR | \\fBchartproof lint -\\fR",
        ".br",
        ".B chartproof",
        "rules | explain \\fIRULE\\fR | policy show | policy check \\fIFILE\\fR | completion \\fISHELL\\fR | version",
        ".SH DESCRIPTION",
        "chartproof checks Kubernetes manifests rendered from Helm charts (helm template output, or chart",
        "folders it renders with helm) against rules for security, probes, resources, secrets, selectors,",
        "the Kubernetes API schema and the chart itself. In chart mode every finding is reported at the",
        "template or values line where it is fixed. Policies (.chartproof.yaml) choose rules, severities,",
        "parameters, scopes and exemptions.",
        ".SH COMMANDS",
    ]
    for command in (["lint"], ["rules"], ["explain"], ["policy", "show"], ["policy", "check"], ["completion"]):
        page += [f".SS chartproof {' '.join(command)}", ".nf", roff(run(binary, *command, "--help")), ".fi"]
    page += [".SH RULES", f"{len(rules)} rules; \\fBchartproof explain\\fR \\fIRULE\\fR shows one with examples."]
    for rule in rules:
        page += [".TP", f"\\fB{rule['id']}\\fR ({rule['pack']}, {rule['severity']})", roff(rule["summary"])]
    page += [
        ".SH EXIT STATUS",
        ".TP", "0", "No finding at or above \\-\\-fail\\-on (default error).",
        ".TP", "1", "Findings at or above \\-\\-fail\\-on.",
        ".TP", "2", "A usage, policy or input error, a chart helm cannot render, or an input with no Kubernetes objects.",
        ".SH FILES",
        ".TP", ".chartproof.yaml", "The policy of the current folder or the nearest parent.",
        ".SH SEE ALSO",
        "\\fBhelm\\fR(1); /usr/share/doc/chartproof/ (README.md, rules.md, ci.md, install.md).",
    ]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(page) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
