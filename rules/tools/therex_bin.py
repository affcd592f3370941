"""The therex binary a generator runs: `--therex=PATH` on its command line, else the first
built one of the checkout. Shared by gen_condition_adjectives.py and mine_therapies.py;
Python 3 standard library only."""
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def therex_binary(builds):
    """The binary: the command line's, else the first of the build folders builds (in
    order) that holds one; exits, naming the script, when there is none."""
    for arg in sys.argv[1:]:
        if arg.startswith('--therex='):
            return arg.split('=', 1)[1]
    for b in builds:
        path = os.path.join(REPO, b, 'therex')
        if os.access(path, os.X_OK):
            return path
    sys.exit(f'{os.path.basename(sys.argv[0])}: no therex binary (build it, or pass --therex=PATH)')
