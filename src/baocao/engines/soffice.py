"""Where LibreOffice lives when it is not on PATH, and how to install it, per system.

Most offices run Windows, where the installer puts ``soffice.exe`` under
Program Files without touching PATH; on macOS it sits inside the app bundle.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from ..i18n import _

__all__ = ["install_hint", "standard_locations"]


def standard_locations(
    platform: str = sys.platform, env: Mapping[str, str] = os.environ
) -> Iterator[Path]:
    """Install folders of LibreOffice on ``platform``, most usual first (they may not exist)."""
    if platform.startswith("win"):
        for var in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)", "LOCALAPPDATA"):
            base = env.get(var)
            if base:
                yield Path(base) / "LibreOffice" / "program" / "soffice.exe"
                if var == "LOCALAPPDATA":
                    yield Path(base) / "Programs" / "LibreOffice" / "program" / "soffice.exe"
    elif platform == "darwin":
        app = Path("LibreOffice.app") / "Contents" / "MacOS" / "soffice"
        yield Path("/Applications") / app
        home = env.get("HOME")
        if home:
            yield Path(home) / "Applications" / app
    else:
        yield Path("/usr/lib/libreoffice/program/soffice")
        yield Path("/opt/libreoffice/program/soffice")
        yield from sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)
        yield Path("/snap/bin/libreoffice")


def install_hint(platform: str = sys.platform, debian: str = "") -> str:
    """How to install LibreOffice on ``platform``, one line."""
    if platform.startswith("win"):
        return _(
            "tải LibreOffice tại https://www.libreoffice.org/download/ và cài với thiết đặt "
            "mặc định (C:\\Program Files\\LibreOffice), hoặc: "
            "winget install TheDocumentFoundation.LibreOffice"
        )
    if platform == "darwin":
        return _(
            "brew install --cask libreoffice (hoặc tải tại https://www.libreoffice.org/download/)"
        )
    return debian
