"""``python -m planck``."""

from planck.cli import main

main()
