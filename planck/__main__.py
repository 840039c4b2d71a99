"""``python -m planck``."""

from .cli import main

main()
