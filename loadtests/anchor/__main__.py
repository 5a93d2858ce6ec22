"""`python -m loadtests.anchor serve [port]`: serve the anchor beside a target you load-test
(`just loadtest <profile> <target> --anchor http://127.0.0.1:<port>`), in the kit's Granian
shape. Without --anchor the runner starts one on this machine itself."""

import os
import sys

from loadtests.tool.stack import ROOT, granian_command


def main(argv: list[str]) -> None:
    if not argv or argv[0] != "serve" or len(argv) > 2 or not all(a.isdigit() for a in argv[1:]):
        print("usage: python -m loadtests.anchor serve [port]   (default 8764)", file=sys.stderr)
        sys.exit(2)
    port = int(argv[1]) if len(argv) == 2 else 8764
    os.chdir(ROOT)
    os.environ["DJANGO_SETTINGS_MODULE"] = "loadtests.anchor.settings"
    cmd = granian_command("loadtests.anchor.wsgi:application", port)
    os.execv(cmd[0], cmd)  # noqa: S606  (Granian replaces this process, as `just serve`)


if __name__ == "__main__":
    main(sys.argv[1:])
