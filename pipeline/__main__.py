"""``python -m pipeline`` is the same as the ``crosscheck`` command."""

from pipeline.cli import main

main()
