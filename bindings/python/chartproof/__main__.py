"""`chartproof` (console script) and `python -m chartproof`: the same CLI as the C++ binary, plus
`--pack MODULE:ATTR` (repeatable, before or after the subcommand) to add a Python rule pack."""
import importlib
import sys
from typing import List, Tuple

from . import _cli
from .packs import RulePack, catalogue


def _split_packs(argv: List[str]) -> Tuple[List[str], List[str]]:
    args: List[str] = []
    specs: List[str] = []
    i = 0
    while i < len(argv):
        if argv[i] == "--pack" and i + 1 < len(argv):
            specs.append(argv[i + 1])
            i += 2
        elif argv[i].startswith("--pack="):
            specs.append(argv[i][len("--pack="):])
            i += 1
        else:
            args.append(argv[i])
            i += 1
    return args, specs


def _load_pack(spec: str) -> RulePack:
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ValueError(f"--pack {spec!r}: expected MODULE:ATTR, e.g. team_pack:pack")
    pack = getattr(importlib.import_module(module_name), attr)
    if not isinstance(pack, RulePack):
        raise ValueError(f"--pack {spec!r} is a {type(pack).__name__}, not a chartproof.RulePack")
    return pack


def main() -> int:
    """Runs the command line with this process's arguments and returns its exit code."""
    args, specs = _split_packs(sys.argv[1:])
    if not specs:
        return _cli.main(args)
    sys.path.insert(0, "")  # MODULE is found in the current folder, as `python -m` would
    try:
        packs = catalogue([_load_pack(s) for s in specs])
    except (ImportError, AttributeError, ValueError) as e:
        print(f"chartproof: {e}", file=sys.stderr)
        return 2
    assert packs is not None
    code = _cli.main(args, packs.capsule())
    failure = packs.take_failure()
    if failure:
        print(f"chartproof: {failure}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
