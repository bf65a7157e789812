"""An HTTP service over the public API, and a preview page for clerks.

Systems that are not written in Python (e-office suites, document-management
systems, portals) send report data and get an official document back; clerks
paste a report into the page at ``/`` and see its official form with the
checker's findings marked in the text. Optional: ``pip install 'baocao[server]'``.

::

    create_app(limits)      the FastAPI application
    Limits                  body size, rendering time, concurrency
    serve(host, port, ...)  run it with uvicorn
"""

from __future__ import annotations

from ._app import create_app, serve
from ._limits import Limits

__all__ = ["Limits", "create_app", "serve"]
