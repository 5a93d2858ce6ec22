import sys

from loadtests.instructions.cli import main

sys.exit(main())
