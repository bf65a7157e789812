"""``baocao serve``: the HTTP service and the preview page (the ``server`` extra)."""

from __future__ import annotations

import click

from ..i18n import _

__all__ = ["serve_cmd"]

_HINT = "pip install 'baocao[server]' (từ thư mục mã nguồn: pip install '.[server]')"


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Địa chỉ lắng nghe.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--max-body",
    "max_body",
    default=2 * 1024 * 1024,
    show_default=True,
    type=click.IntRange(1),
    help="Dung lượng yêu cầu lớn nhất, tính bằng byte (vượt thì trả 413).",
)
@click.option(
    "--render-timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(0.1),
    help="Số giây tối đa cho một lần xuất hoặc kiểm tra (vượt thì trả 408).",
)
@click.option(
    "--pdf-timeout",
    default=120.0,
    show_default=True,
    type=click.FloatRange(0.1),
    help="Số giây tối đa cho một lần xuất PDF.",
)
@click.option(
    "--concurrency",
    default=4,
    show_default=True,
    type=click.IntRange(1),
    help="Số lần xuất cùng lúc; quá thì chờ, rồi trả 503.",
)
def serve_cmd(
    host: str,
    port: int,
    max_body: int,
    render_timeout: float,
    pdf_timeout: float,
    concurrency: int,
) -> None:
    """Chạy dịch vụ HTTP và trang xem trước."""
    try:
        from ..server import Limits, serve
    except ImportError as exc:
        raise click.ClickException(
            _("Cần cài phần máy chủ: {hint} ({why})").format(hint=_HINT, why=exc)
        ) from None
    limits = Limits(
        max_body_bytes=max_body,
        render_seconds=render_timeout,
        pdf_seconds=pdf_timeout,
        max_concurrent=concurrency,
    )
    serve(host, port, limits=limits)
