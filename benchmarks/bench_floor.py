"""One .docx against the floor, against the peers, and the render targets of docs/performance.md.

Usage (from the repository root, package installed; peers from the ``bench`` extra)::

    python benchmarks/bench_floor.py                        # both families, seed and 64x
    python benchmarks/bench_floor.py --rust-python /tmp/rdx/bin/python
    python benchmarks/bench_floor.py --rust-venv /tmp/rdx          # makes that venv first
    python benchmarks/bench_floor.py --many 10000           # render_many from files too

Per family (the Party seed ``examples/bao-cao-quy-dinh-02.yaml`` and the State
seed ``examples/bao-cao-ubnd-xa.yaml``), at seed size and at ``--scale`` times
the content, it times, as medians of interleaved rounds:

- ``floor``: plain Jinja of the body (compiled once, a plain ``Environment``),
  docxtpl's line-break step, deflate level 6 of ``document.xml`` and copying
  the other zip members: what any docxtpl-compatible renderer must at least do;
- ``compiled``: the compiled engine alone, from a ready context;
- ``model`` / ``dict`` / ``yaml``: ``baocao.render_bytes`` end to end from a
  model object, from plain data, from a YAML file (``baocao.load``);
- ``docxtpl``: plain docxtpl (a new ``DocxTemplate``, ``render``, ``save``);
- ``rust-docxtpl``: the PyPI drop-in, in its best configuration (compiled-code
  cache on, a plain ``jinja2.Environment`` with the same filters), the same
  template and contexts. It installs itself as the ``docxtpl`` package, so it
  cannot share a virtualenv with docxtpl: it runs in the interpreter given by
  ``--rust-python`` (a venv with ``rust-docxtpl`` and baocao's other
  dependencies), driven round by round from here so the rounds interleave.

The fairness check compares every output's ``word/document.xml`` once
canonicalized (C14N) with plain docxtpl's, and says which differ.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_render import make_reports

ROOT = Path(__file__).resolve().parent.parent
SEEDS = {
    "dang": ROOT / "examples" / "bao-cao-quy-dinh-02.yaml",
    "nha-nuoc": ROOT / "examples" / "bao-cao-ubnd-xa.yaml",
}


def document_digest(docx: bytes) -> str:
    """SHA-256 of ``word/document.xml`` in C14N form: equal means the same document body."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("word/document.xml")
    return hashlib.sha256(etree.tostring(etree.fromstring(xml), method="c14n")).hexdigest()[:16]


def plain_environment() -> Any:
    """A plain Jinja environment with baocao's filters as the plain functions they are."""
    from jinja2 import Environment

    from baocao.vi import FILTERS

    env = Environment(autoescape=True)
    env.filters.update(FILTERS)
    return env


def contexts_for(seed: Path, n: int, scale: int) -> tuple[list[Any], list[dict[str, Any]], bytes]:
    """The models, their .docx contexts and the template bytes, the same in every process."""
    import baocao
    from baocao.engines.docx_context import docx_context
    from baocao.rendering import resolve_template, template_bytes

    models = [baocao.validate(d) for d in make_reports(n, scale, seed)]
    tpl = template_bytes(resolve_template(models[0], None))
    return models, [docx_context(m) for m in models], tpl


def _rate(fn: Callable[[], object], docs: int) -> float:
    start = time.perf_counter()
    fn()
    return docs / (time.perf_counter() - start)


# --- the rust-docxtpl side, in its own interpreter -------------------------------------------


def rust_child(seed: Path, n: int, scale: int) -> None:
    """Answer "round" with one round's docs/s, "digest" with the first document's digest."""
    from docxtpl import DocxTemplate

    _, contexts, tpl = contexts_for(seed, n, scale)
    env = plain_environment()

    def one(ctx: dict[str, Any]) -> bytes:
        doc = DocxTemplate(io.BytesIO(tpl))
        doc.render(ctx, jinja_env=env, autoescape=True)
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()

    one(contexts[0])  # fills the code cache
    for line in sys.stdin:
        cmd = line.strip()
        if cmd == "digest":
            print(document_digest(one(contexts[0])), flush=True)
        elif cmd == "round":
            print(_rate(lambda: [one(c) for c in contexts], len(contexts)), flush=True)
        else:
            return


class RustPeer:
    """The child process above, one round per call."""

    def __init__(self, python: str, seed: Path, n: int, scale: int) -> None:
        args = [python, __file__, "--rust-child", str(seed), str(n), str(scale)]
        env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
        self.proc = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
        )

    def ask(self, cmd: str) -> str:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(cmd + "\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().strip()
        if not answer:
            raise RuntimeError("the rust-docxtpl child stopped (is rust-docxtpl installed there?)")
        return answer

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.write("quit\n")
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


# --- this side --------------------------------------------------------------------------------


class Floor:
    """The least a docxtpl-compatible renderer does per document, with baocao's own pieces."""

    def __init__(self, tpl: bytes) -> None:
        from baocao.engines.compiled import compile_docx

        compiled = compile_docx(tpl)
        body = next(p for p in compiled._parts if p.kind == "body")
        self.template = plain_environment().from_string(body.source)
        from baocao.engines.rawzip import RawZip

        static = compiled._static  # before the raw writer, the package bytes themselves
        self.zip = static if isinstance(static, RawZip) else RawZip(static)
        self.head, self.tail = compiled._head, compiled._tail

    def render(self, ctx: dict[str, Any]) -> bytes:
        from baocao.engines.docxtpl_shims import after_render

        xml = self.head + after_render(self.template.render(ctx).encode("utf-8")) + self.tail
        return self.zip.build([("word/document.xml", xml)], 6)


def measure(
    family: str, n: int, scale: int, rounds: int, rust_python: str | None
) -> dict[str, Any]:
    """Median ms per document of each way, the fairness digests, for one family and size."""
    from docxtpl import DocxTemplate

    import baocao
    from baocao.engines.docx import render_docx_bytes
    from baocao.packs.environment import make_environment

    seed = SEEDS[family]
    models, contexts, tpl = contexts_for(seed, n, scale)
    dicts = list(make_reports(n, scale, seed))
    tmp = tempfile.TemporaryDirectory(prefix="baocao-floor-")
    files = []
    for i, d in enumerate(dicts):
        f = Path(tmp.name) / f"r{i}.yaml"
        f.write_text(yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
        files.append(f)
    floor = Floor(tpl)

    def plain(ctx: dict[str, Any]) -> bytes:
        doc = DocxTemplate(io.BytesIO(tpl))
        doc.render(ctx, jinja_env=make_environment(), autoescape=True)
        buf = io.BytesIO()
        doc.save(buf)
        return buf.getvalue()

    ways: dict[str, tuple[Callable[[], object], int]] = {
        "floor": (lambda: [floor.render(c) for c in contexts], n),
        "compiled": (lambda: [render_docx_bytes(tpl, c) for c in contexts], n),
        "model": (lambda: [baocao.render_bytes(m) for m in models], n),
        "dict": (lambda: [baocao.render_bytes(d) for d in dicts], n),
        "yaml": (lambda: [baocao.render_bytes(baocao.load(f)) for f in files], n),
        "docxtpl": (lambda: [plain(c) for c in contexts[: max(n // 4, 2)]], max(n // 4, 2)),
    }
    digests = {
        "floor": document_digest(floor.render(contexts[0])),
        "compiled": document_digest(render_docx_bytes(tpl, contexts[0])),
        "model": document_digest(baocao.render_bytes(models[0])),
        "dict": document_digest(baocao.render_bytes(dicts[0])),
        "yaml": document_digest(baocao.render_bytes(baocao.load(files[0]))),
        "docxtpl": document_digest(plain(contexts[0])),
    }
    peer = RustPeer(rust_python, seed, n, scale) if rust_python else None
    rates: dict[str, list[float]] = {k: [] for k in (*ways, *(["rust-docxtpl"] if peer else []))}
    try:
        if peer:
            digests["rust-docxtpl"] = peer.ask("digest")
        for _ in range(rounds):
            for name, (fn, docs) in ways.items():
                rates[name].append(_rate(fn, docs))
            if peer:
                rates["rust-docxtpl"].append(float(peer.ask("round")))
    finally:
        if peer:
            peer.close()
        tmp.cleanup()
    ms = {k: 1000 / statistics.median(v) for k, v in rates.items()}
    return {
        "family": family,
        "scale": scale,
        "documents": n,
        "body_lines": len(contexts[0]["body"]),
        "ms": {k: round(v, 3) for k, v in ms.items()},
        "digests": digests,
    }


def _target(label: str, value: float, op: str, bound: float) -> dict[str, Any]:
    met = value <= bound if op == "<=" else value >= bound
    return {"target": label, "value": round(value, 2), "op": op, "bound": bound, "met": met}


def targets(r: dict[str, Any], seed_size: bool) -> list[dict[str, Any]]:
    """The render targets of issue 16 for one measurement."""
    ms = r["ms"]
    out = [
        _target("render(model) / floor", ms["model"] / ms["floor"], "<=", 1.5 if seed_size else 2),
        _target("render(dict) / render(model)", ms["dict"] / ms["model"], "<=", 1.5),
        _target("render(load(yaml)) / render(model)", ms["yaml"] / ms["model"], "<=", 1.5),
    ]
    if "rust-docxtpl" in ms:
        bound = 5 if seed_size else 2.5
        out.append(
            _target("rust-docxtpl / render(model)", ms["rust-docxtpl"] / ms["model"], ">=", bound)
        )
    if seed_size:
        out.append(_target("docxtpl / render(model)", ms["docxtpl"] / ms["model"], ">=", 15))
    return out


def many_from_files(count: int) -> dict[str, Any]:
    """render_many over ``count`` YAML files (jobs=1), in a fresh process: rate, RSS by tenth."""
    code = f"""
import json, resource, shutil, sys, tempfile, time, yaml
from pathlib import Path
sys.path.insert(0, {str(ROOT / "benchmarks")!r})
from bench_render import make_reports
from baocao import render_many
src = Path(tempfile.mkdtemp(prefix="baocao-many-"))
files = []
for i, d in enumerate(make_reports({count}, 1, Path({str(SEEDS["dang"])!r}))):
    f = src / f"r{{i:05d}}.yaml"
    f.write_text(yaml.safe_dump(d, allow_unicode=True), encoding="utf-8")
    files.append(f)
rss = []
def progress(p):
    if p.done % max({count} // 10, 1) == 0:
        rss.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
start = time.perf_counter()
res = render_many(iter(files), None, src / "out", jobs=1, progress=progress)
seconds = time.perf_counter() - start
shutil.rmtree(src)
print(json.dumps({{"written": res.written, "failures": len(res.failures),
    "seconds": seconds, "rss_mb": rss}}))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


RUST_PEER = ["rust-docxtpl", "pydantic", "babel", "pyyaml", "click", "rich", "typing-extensions"]
"""What the rust-docxtpl child imports: the peer and baocao's own dependencies (baocao
itself comes from ``src/``). docxcompose and python-docx are left out: docxtpl's
name there is rust-docxtpl's."""


def rust_venv(folder: Path) -> Path:
    """The python of ``folder``, a venv with rust-docxtpl, made the first time."""
    python = folder / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    if not python.exists():
        print(f"making {folder} with {' '.join(RUST_PEER)} …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *RUST_PEER], check=True)
    return python


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=20, help="reports at seed size (20)")
    parser.add_argument("--scale", type=int, default=64, help="size of the large report (64)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (5)")
    parser.add_argument("--rust-python", default=None, help="python of a venv with rust-docxtpl")
    parser.add_argument(
        "--rust-venv",
        type=Path,
        default=None,
        help="a venv folder for rust-docxtpl, made (pip install) when missing",
    )
    parser.add_argument("--many", type=int, default=0, help="render_many over this many files")
    parser.add_argument("--family", choices=sorted(SEEDS), nargs="+", default=sorted(SEEDS))
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--rust-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rust_child:
        seed, n, scale = args.rust_child
        rust_child(Path(seed), int(n), int(scale))
        return

    if args.rust_venv is not None and args.rust_python is None:
        args.rust_python = str(rust_venv(args.rust_venv))
    results = []
    for family in args.family:
        for scale, n in ((1, args.n), (args.scale, max(args.n // 10, 2))):
            r = measure(family, n, scale, args.rounds, args.rust_python)
            r["targets"] = targets(r, scale == 1)
            results.append(r)
    many = many_from_files(args.many) if args.many else None
    if args.json:
        print(json.dumps({"results": results, "many": many}))
        return
    for r in results:
        print(
            f"{r['family']}, {r['scale']}x ({r['body_lines']} body lines), {r['documents']} docs:"
        )
        base = r["ms"]["floor"]
        reference = r["digests"]["docxtpl"]
        for way, ms in r["ms"].items():
            same = "same XML" if r["digests"][way] == reference else "XML differs from docxtpl"
            print(f"  {way:13} {ms:9.3f} ms/doc  {ms / base:6.2f}x floor  ({same})")
        for t in r["targets"]:
            verdict = "met" if t["met"] else "NOT MET"
            print(
                f"  target {t['target']:36} {t['value']:7.2f} {t['op']} {t['bound']:<4} {verdict}"
            )
    if many:
        rate = many["written"] / many["seconds"]
        rss = many["rss_mb"]
        growth = rss[-1] - rss[0] if rss else 0.0
        print(
            f"render_many from {many['written']} YAML files, jobs=1: {rate:.0f} docs/s "
            f"({'met' if rate >= 500 else 'NOT MET'} >= 500), {many['failures']} failures; "
            f"peak RSS by tenth {[round(x) for x in rss]} MB, growth {growth:.1f} MB "
            f"({'flat' if growth <= 10 else 'NOT flat'}: <= 10 MB after the first tenth)"
        )


if __name__ == "__main__":
    main()
