"""`chartproof` (console script) and `python -m chartproof`: the same CLI as the C++ binary."""
import sys

from . import _cli


def main() -> int:
    """Runs the command line with this process's arguments and returns its exit code."""
    return _cli.main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
