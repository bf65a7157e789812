"""Old binary Word (.doc) through LibreOffice: the importer reads only .docx."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ..engines.pdf import find_soffice
from ..errors import LoadError
from ..i18n import _

__all__ = ["doc_to_docx"]


def doc_to_docx(data: bytes, *, timeout: float = 120.0) -> bytes:
    """The .docx LibreOffice writes for a .doc, in a private profile so runs never collide."""
    program = find_soffice()
    with tempfile.TemporaryDirectory(prefix="baocao-import-") as tmp:
        src = Path(tmp) / "input.doc"
        src.write_bytes(data)
        profile = Path(tmp) / "profile"
        cmd = [
            str(program),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(Path(tmp) / "out"),
            str(src),
        ]
        try:
            subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise LoadError(
                _("LibreOffice không chuyển xong tệp .doc trong {s} giây").format(s=int(timeout))
            ) from None
        out = Path(tmp) / "out" / "input.docx"
        if not out.exists():
            raise LoadError(_("LibreOffice không chuyển được tệp .doc sang .docx"))
        return out.read_bytes()
