#!/usr/bin/env python3
"""Runs cel-spec's conformance tests (testdata/*.textproto, protobuf text format) against chartproof's
CEL engine: `tools/cel_conformance.py BIN FILE...` prints, per file, how many tests passed, failed and
were not applicable, and as its last line `conformance: P passed, F failed, S not applicable`.

BIN is the chartproof binary; each test goes to `BIN cel --conformance` as one typed JSON request.
Not applicable: tests that need protobuf messages (object_value, enum_value, message construction,
a `container`), partial evaluation (unknown results), type-check-only results, or an extension
Kubernetes does not enable (math, encoders, bindings, block: environment/base.go); each reason is
counted and printed with --verbose. `--min-passed N` exits 1 when fewer than N tests pass (make test
holds the engine to what it reached), `--max-failed N` when more than N fail.
"""
import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

# --- protobuf text format ---------------------------------------------------------------------

TOKEN = re.compile(r'''\s+|\#[^\n]*|(?P<str>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(?P<punct>[{}\[\]<>:,;])|(?P<word>[-+\w./]+)''')


def tokens(text):
    pos = 0
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m:
            raise ValueError(f"cannot read text proto at {pos}: {text[pos:pos + 20]!r}")
        pos = m.end()
        if m.group("str") is not None:
            yield ("str", m.group("str"))
        elif m.group("punct") is not None:
            yield ("punct", m.group("punct"))
        elif m.group("word") is not None:
            yield ("word", m.group("word"))


def unescape(literal):
    """A text-proto string literal as bytes (C escapes, octal and hex)."""
    body = literal[1:-1]
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out += c.encode("utf-8")
            i += 1
            continue
        i += 1
        e = body[i]
        simple = {"n": 10, "t": 9, "r": 13, "a": 7, "b": 8, "f": 12, "v": 11, "\\": 92, "'": 39, '"': 34, "?": 63}
        if e in simple:
            out.append(simple[e])
            i += 1
        elif e in "01234567":
            j = i
            while j < len(body) and j - i < 3 and body[j] in "01234567":
                j += 1
            out.append(int(body[i:j], 8) & 0xFF)
            i = j
        elif e in "xX":
            j = i + 1
            while j < len(body) and j - i - 1 < 2 and body[j] in "0123456789abcdefABCDEF":
                j += 1
            out.append(int(body[i + 1:j], 16))
            i = j
        elif e in "uU":
            n = 4 if e == "u" else 8
            out += chr(int(body[i + 1:i + 1 + n], 16)).encode("utf-8", "surrogatepass")
            i += 1 + n
        else:
            out += ("\\" + e).encode()
            i += 1
    return bytes(out)


def parse_message(toks, i=0, end=None):
    """A message as {field: [values]} from toks[i:]; nested messages are dicts, scalars (kind, token)
    pairs. Returns (message, index after it)."""
    msg = {}
    while i < len(toks):
        kind, tok = toks[i]
        i += 1
        if kind == "punct" and tok == end:
            return msg, i
        if kind == "punct" and tok in ",;":
            continue
        name = tok
        kind, tok = toks[i]
        if kind == "punct" and tok == ":":
            i += 1
            kind, tok = toks[i]
        if kind == "punct" and tok in "{<":
            value, i = parse_message(toks, i + 1, "}" if tok == "{" else ">")
            msg.setdefault(name, []).append(value)
        elif kind == "punct" and tok == "[":
            i += 1
            while toks[i][1] != "]":
                if toks[i][1] == ",":
                    i += 1
                    continue
                if toks[i][1] in "{<":
                    value, i = parse_message(toks, i + 1, "}" if toks[i][1] == "{" else ">")
                    msg.setdefault(name, []).append(value)
                else:
                    msg.setdefault(name, []).append(toks[i])
                    i += 1
            i += 1
        else:
            i += 1
            if kind == "str":  # adjacent string literals concatenate
                while i < len(toks) and toks[i][0] == "str":
                    tok = tok[:-1] + toks[i][1][1:] if tok[-1] == toks[i][1][0] else tok
                    i += 1
            msg.setdefault(name, []).append((kind, tok))
    return msg, i


def load(path):
    return parse_message(list(tokens(Path(path).read_text())))[0]


def scalar(field):
    kind, tok = field
    return unescape(tok) if kind == "str" else tok


# --- CEL values <-> the engine's typed JSON ----------------------------------------------------

class NotApplicable(Exception):
    pass


def typed(value):
    """A cel.expr.Value (parsed text proto) as the engine's typed JSON."""
    if "null_value" in value:
        return {"null": None}
    if "bool_value" in value:
        return {"bool": scalar(value["bool_value"][0]) == "true"}
    if "int64_value" in value:
        return {"int64": str(int(scalar(value["int64_value"][0]), 0))}
    if "uint64_value" in value:
        return {"uint64": str(int(scalar(value["uint64_value"][0]), 0))}
    if "double_value" in value:
        text = scalar(value["double_value"][0])
        low = text.lower()
        if low in ("nan", "-nan"):
            return {"double": "NaN"}
        if low in ("inf", "infinity"):
            return {"double": "Infinity"}
        if low in ("-inf", "-infinity"):
            return {"double": "-Infinity"}
        return {"double": float(text)}
    if "string_value" in value:
        return {"string": scalar(value["string_value"][0]).decode("utf-8", "surrogatepass")}
    if "bytes_value" in value:
        return {"bytes": scalar(value["bytes_value"][0]).hex()}
    if "type_value" in value:
        return {"type": scalar(value["type_value"][0]).decode()}
    if "list_value" in value:
        return {"list": [typed(v) for v in value["list_value"][0].get("values", [])]}
    if "map_value" in value:
        return {"map": [[typed(e["key"][0]), typed(e["value"][0])] for e in value["map_value"][0].get("entries", [])]}
    if "object_value" in value or "enum_value" in value:
        raise NotApplicable("protobuf message or enum value")
    raise NotApplicable("value kind " + ",".join(value))


def same(a, b):
    """Typed JSON equality: maps unordered, NaN equal to NaN (the test's own expectation)."""
    if a.keys() != b.keys():
        return False
    kind = next(iter(a))
    x, y = a[kind], b[kind]
    if kind == "map":
        if len(x) != len(y):
            return False
        return all(any(same(k1, k2) and same(v1, v2) for k2, v2 in y) for k1, v1 in x)
    if kind in ("list",):
        return len(x) == len(y) and all(same(p, q) for p, q in zip(x, y))
    if kind == "optional":
        return (x is None and y is None) or (x is not None and y is not None and same(x, y))
    if kind == "double" and isinstance(x, float) and isinstance(y, float):
        return x == y or abs(x - y) <= 1e-12 * max(abs(x), abs(y))
    return x == y


def request(test):
    if "container" in test:
        raise NotApplicable("a container (protobuf package)")
    if any(k in test for k in ("unknown", "any_unknowns")):
        raise NotApplicable("partial evaluation (unknowns)")
    if test.get("check_only") and scalar(test["check_only"][0]) == "true":
        raise NotApplicable("type check only")
    expr = scalar(test["expr"][0]).decode("utf-8", "surrogatepass")
    if re.search(r"\b[A-Z]\w*\s*\{|google\.protobuf|cel\.expr|TestAllTypes|NestedTestAllTypes", expr):
        raise NotApplicable("protobuf message construction")
    if re.search(r"\bmath\.|\bbase64\.|\bcel\.(bind|block|@block|index|iterVar|accuVar)\b|\bproto\.", expr):
        raise NotApplicable("an extension Kubernetes does not enable (math, encoders, bindings, block, proto)")
    bindings = {}
    for b in test.get("bindings", []):
        name = scalar(b["key"][0]).decode()
        inner = b["value"][0]
        if "value" not in inner:
            raise NotApplicable("a non-value binding")
        bindings[name] = typed(inner["value"][0])
    return {"expr": expr, "bindings": bindings}


def expectation(test):
    if "value" in test:
        return ("value", typed(test["value"][0]))
    if "typed_result" in test:
        result = test["typed_result"][0]
        if "result" not in result:
            raise NotApplicable("type deduction only")
        return ("value", typed(result["result"][0]))
    if "eval_error" in test or "any_eval_errors" in test:
        return ("error", None)
    return ("value", {"bool": True})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bin")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--min-passed", type=int, default=0)
    parser.add_argument("--max-failed", type=int, default=None)
    args = parser.parse_args()
    engine = subprocess.Popen([args.bin, "cel", "--conformance"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True, encoding="utf-8", errors="surrogateescape")
    totals = Counter()
    reasons = Counter()
    for path in args.files:
        counts = Counter()
        for section in load(path).get("section", []):
            for test in section.get("test", []):
                name = scalar(test["name"][0]).decode() if "name" in test else "?"
                try:
                    req = request(test)
                    want_kind, want = expectation(test)
                except NotApplicable as why:
                    counts["na"] += 1
                    reasons[str(why)] += 1
                    continue
                engine.stdin.write(json.dumps(req, ensure_ascii=False) + "\n")
                engine.stdin.flush()
                answer = json.loads(engine.stdout.readline())
                ok = ("error" in answer) if want_kind == "error" else ("value" in answer and same(answer["value"], want))
                counts["pass" if ok else "fail"] += 1
                if not ok and args.verbose:
                    print(f"  FAIL {Path(path).stem}/{name}: {req['expr']!r} -> {answer}, want {want_kind} {want}")
        totals.update(counts)
        print(f"{Path(path).name}: {counts['pass']} passed, {counts['fail']} failed, {counts['na']} not applicable")
    engine.stdin.close()
    engine.wait()
    if args.verbose:
        for why, n in reasons.most_common():
            print(f"  not applicable: {n} x {why}")
    print(f"conformance: {totals['pass']} passed, {totals['fail']} failed, {totals['na']} not applicable")
    if args.max_failed is not None and totals["fail"] > args.max_failed:
        print(f"cel_conformance: {totals['fail']} failed, more than --max-failed {args.max_failed}", file=sys.stderr)
        sys.exit(1)
    if totals["pass"] < args.min_passed:
        print(f"cel_conformance: {totals['pass']} passed, fewer than --min-passed {args.min_passed}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
