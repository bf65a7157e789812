// The preview page: sends the pasted report to the API and shows what comes back.
// Plain script, no build step: every text from the server goes through textContent,
// only the preview article (escaped by the server) is set as HTML.
"use strict";

const $ = (id) => document.getElementById(id);

function contentType(text) {
  const t = text.trimStart();
  return t.startsWith("{") || t.startsWith("[") ? "application/json" : "application/yaml";
}

function setBusy(busy, message) {
  for (const id of ["preview-btn", "docx-btn", "pdf-btn"]) $(id).disabled = busy;
  $("status").textContent = message || "";
}

function showProblem(problem) {
  const box = $("problems");
  box.replaceChildren();
  const head = document.createElement("p");
  head.textContent = problem.detail || problem.title;
  box.append(head);
  if (problem.errors && problem.errors.length) {
    const list = document.createElement("ul");
    for (const e of problem.errors) {
      const li = document.createElement("li");
      const where = document.createElement("code");
      where.textContent = e.loc.join(".") + (e.line ? ` (dòng ${e.line})` : "");
      li.append(where, " ", e.msg);
      list.append(li);
    }
    box.append(list);
  }
  box.hidden = false;
}

async function post(path, text) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": contentType(text), "Accept-Language": "vi" },
    body: text,
  });
  if (!response.ok) {
    let problem;
    try { problem = await response.json(); } catch { problem = { title: response.statusText }; }
    throw problem;
  }
  return response;
}

function showFindings(answer) {
  const list = $("findings");
  list.replaceChildren();
  for (const d of answer.diagnostics) {
    const li = document.createElement("li");
    li.className = `sev-${d.severity}`;
    const code = document.createElement("span");
    code.className = "code";
    code.textContent = d.code;
    const text = document.createElement(d.mark ? "a" : "span");
    if (d.mark) {
      text.href = `#finding-${d.mark}`;
      text.addEventListener("click", () => {
        const m = $(`finding-${d.mark}`);
        if (m) { m.classList.add("flash"); setTimeout(() => m.classList.remove("flash"), 1200); }
      });
    }
    text.textContent = d.message;
    li.append(code, text);
    if (d.suggestion) {
      const fix = document.createElement("span");
      fix.className = "fix";
      fix.textContent = ` → ${d.suggestion}`;
      li.append(fix);
    }
    list.append(li);
  }
  const c = answer.counts;
  $("counts").textContent = `(${c.error} lỗi, ${c.warning} cảnh báo, ${c.hint} gợi ý)`;
  $("findings-box").hidden = false;
}

async function preview() {
  const text = $("source").value;
  $("problems").hidden = true;
  setBusy(true, "Đang xem trước…");
  try {
    const answer = await (await post("/v1/preview", text)).json();
    $("preview").innerHTML = answer.html;
    showFindings(answer);
    setBusy(false, answer.diagnostics.length ? "" : "Không có phát hiện nào.");
  } catch (problem) {
    setBusy(false, "");
    showProblem(problem);
  }
}

function fileName(response, fallback) {
  const header = response.headers.get("Content-Disposition") || "";
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  return star ? decodeURIComponent(star[1]) : fallback;
}

async function download(format) {
  const text = $("source").value;
  $("problems").hidden = true;
  setBusy(true, format === "pdf" ? "Đang tạo PDF (cần LibreOffice)…" : "Đang tạo tệp…");
  try {
    const draft = $("draft").checked ? "&draft=true" : "";
    const response = await post(`/v1/render?format=${format}${draft}`, text);
    const blob = await response.blob();
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName(response, `bao-cao.${format}`);
    link.id = `download-${format}`;
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 60000);
    setBusy(false, `Đã tải ${link.download}`);
  } catch (problem) {
    setBusy(false, "");
    showProblem(problem);
  }
}

const IMPORT_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  txt: "text/plain",
  md: "text/markdown",
};

async function importFile(file, kind) {
  $("problems").hidden = true;
  setBusy(true, `Đang đọc ${file.name}…`);
  try {
    const response = await fetch("/v1/import", {
      method: "POST",
      headers: { "Content-Type": IMPORT_TYPES[kind], "Accept-Language": "vi" },
      body: file,
    });
    if (!response.ok) throw await response.json();
    const answer = await response.json();
    $("source").value = answer.yaml;
    setBusy(false, `Đã đọc ${file.name}: ${answer.diagnostics.length} ghi chú của bộ nhập`);
    await preview();
  } catch (problem) {
    setBusy(false, "");
    showProblem(problem);
  }
}

$("file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  const kind = file.name.split(".").pop().toLowerCase();
  if (kind in IMPORT_TYPES) {
    await importFile(file, kind);
  } else {
    $("source").value = await file.text();
    preview();
  }
});
$("preview-btn").addEventListener("click", preview);
$("docx-btn").addEventListener("click", () => download("docx"));
$("pdf-btn").addEventListener("click", () => download("pdf"));
