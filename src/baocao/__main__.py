"""``python -m baocao``: the same command as the installed ``baocao`` script."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    main(prog_name="baocao")
