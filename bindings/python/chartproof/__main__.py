"""`chartproof` (console script) and `python -m chartproof`: the same CLI as the C++ binary."""
import sys

from . import _core


def main() -> int:
    return _core.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
