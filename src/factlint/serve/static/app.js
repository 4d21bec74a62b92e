// factlint's page: the draft in a textarea, highlights drawn behind it, findings beside it.
// All text from the draft or the server is put in the page as text (textContent), never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const DEBOUNCE_MS = 300;
const EXTENSIONS = { text: "txt", markdown: "md", html: "html" };

const state = {
  findings: [],      // from the last check, offsets moved along with edits made since
  rules: {},         // code -> {name, summary, explain}
  checkedText: null, // the text the findings were computed for
  selected: null,    // index into findings
  seq: 0,            // the latest check asked for; older answers are dropped
  timer: null,
  lastText: "",
  filename: null,
  sourceName: null,
};

const draft = $("draft");
const backdrop = $("backdrop");
const highlights = $("highlights");

function fresh() {
  return state.checkedText === draft.value;
}

// -- highlights ------------------------------------------------------------------------------
// The text is cut at every finding's start and end; each piece is marked with the narrowest
// finding that covers it, so a short finding inside a long one stays visible.
function renderHighlights() {
  const text = draft.value;
  const cuts = new Set([0, text.length]);
  state.findings.forEach((f) => { cuts.add(f.start_utf16); cuts.add(f.end_utf16); });
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const frag = document.createDocumentFragment();
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k], b = points[k + 1];
    let best = -1;
    state.findings.forEach((f, i) => {
      if (f.start_utf16 <= a && b <= f.end_utf16) {
        const g = state.findings[best];
        if (best < 0 || f.end_utf16 - f.start_utf16 < g.end_utf16 - g.start_utf16) best = i;
      }
    });
    const piece = text.slice(a, b);
    if (best < 0) {
      frag.append(piece);
    } else {
      const f = state.findings[best];
      const mark = document.createElement("mark");
      mark.className = `sev-${f.severity}` + (best === state.selected ? " selected" : "");
      mark.dataset.code = f.code;
      mark.dataset.index = String(best);
      mark.textContent = piece;
      frag.append(mark);
    }
  }
  frag.append("\n"); // a trailing newline in the textarea still takes a line
  highlights.replaceChildren(frag);
  syncScroll();
}

function syncScroll() {
  backdrop.scrollTop = draft.scrollTop;
  backdrop.scrollLeft = draft.scrollLeft;
}

// -- the list and the summary ----------------------------------------------------------------
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function renderList() {
  const list = $("findings");
  const items = state.findings.map((f, i) => {
    const li = document.createElement("li");
    li.className = `sev-${f.severity}` + (i === state.selected ? " selected" : "");
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.index = String(i);
    const code = document.createElement("span");
    code.className = "code";
    code.textContent = f.code;
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = f.severity;
    const where = document.createElement("span");
    where.className = "where";
    where.textContent = `line ${f.line}`;
    const msg = document.createElement("span");
    msg.className = "msg";
    msg.textContent = f.message;
    button.append(code, " ", badge, " ", where, msg);
    button.addEventListener("click", () => select(i, true));
    li.append(button);
    return li;
  });
  list.replaceChildren(...items);
}

function renderSummary(answer) {
  const n = { error: 0, warning: 0, info: 0 };
  state.findings.forEach((f) => { n[f.severity] = (n[f.severity] || 0) + 1; });
  const parts = [`${n.error} error${n.error === 1 ? "" : "s"}`, plural(n.warning, "warning"), `${n.info} info`];
  $("summary").textContent = state.findings.length
    ? `${plural(state.findings.length, "finding")}: ${parts.join(", ")}.`
    : "No findings.";
  $("status").textContent = `${plural(answer.words, "word")}, checked in ${answer.elapsed_ms} ms`;
  const errors = answer.errors.map((e) => {
    const li = document.createElement("li");
    li.textContent = `${e.path}: ${e.message}`;
    return li;
  });
  $("errors").replaceChildren(...errors);
}

// -- the selected finding --------------------------------------------------------------------
function select(i, reveal) {
  state.selected = i;
  renderHighlights();
  renderList();
  renderDetail();
  if (reveal && i !== null) {
    const mark = highlights.querySelector(`mark[data-index="${i}"]`);
    if (mark) draft.scrollTop = Math.max(0, mark.offsetTop - draft.clientHeight / 3);
    syncScroll();
  }
}

function renderDetail() {
  const f = state.findings[state.selected];
  const panel = $("detail");
  if (!f) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  panel.className = `sev-${f.severity}`;
  const rule = state.rules[f.code] || {};
  $("d-severity").textContent = f.severity;
  $("d-code").textContent = f.code;
  $("d-name").textContent = f.name;
  $("d-message").textContent = f.message;
  const flagged = draft.value.slice(f.start_utf16, f.end_utf16);
  $("d-suggestion").hidden = !f.suggestion;
  $("d-new").textContent = f.suggestion || "";
  $("d-old").textContent = flagged;
  $("apply").hidden = !f.suggestion;
  $("apply").textContent = f.suggestion ? `Apply: ${f.suggestion}` : "Apply";
  // a name in the house dictionary is never flagged as a variant (S101) or as differing from
  // the source (S401)
  $("house").hidden = !(f.code === "S101" || f.code === "S401");
  $("house").textContent = `Add “${flagged}” to the house dictionary`;
  for (const id of ["apply", "ignore", "house"]) $(id).disabled = !fresh();
  $("d-note").textContent = "";
  const related = (f.related || []).map((r) => {
    const li = document.createElement("li");
    if (typeof r.start_utf16 === "number") {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "link";
      b.textContent = `line ${r.line}: ${r.message}`;
      b.addEventListener("click", () => reveal(r.start_utf16));
      li.append(b);
    } else {
      li.textContent = `${r.path}, line ${r.line}: ${r.message}`;
    }
    return li;
  });
  $("d-related").replaceChildren(...related);
  $("d-explain").textContent = rule.explain || "";
  $("d-why").hidden = !rule.explain;
}

function reveal(offset) {
  draft.focus();
  draft.setSelectionRange(offset, offset);
  const at = state.findings.findIndex((f) => f.start_utf16 <= offset && offset < f.end_utf16);
  const lineHeight = parseFloat(getComputedStyle(draft).lineHeight) || 24;
  const before = draft.value.slice(0, offset).split("\n").length - 1;
  if (at < 0) draft.scrollTop = Math.max(0, before * lineHeight - draft.clientHeight / 3);
  select(at < 0 ? state.selected : at, at >= 0);
}

// the finding under the caret: the narrowest one that holds it
function findingAt(offset) {
  let best = null;
  state.findings.forEach((f, i) => {
    if (f.start_utf16 <= offset && offset <= f.end_utf16) {
      const g = state.findings[best];
      if (best === null || f.end_utf16 - f.start_utf16 < g.end_utf16 - g.start_utf16) best = i;
    }
  });
  return best;
}

// -- editing -----------------------------------------------------------------------------------
// Findings move with the text as the editor types, and a finding whose words were edited is
// dropped at once, so no highlight stands on the wrong words while the check is on its way.
function followEdit() {
  const old = state.lastText, now = draft.value;
  if (old === now) return;
  let p = 0;
  const max = Math.min(old.length, now.length);
  while (p < max && old.charCodeAt(p) === now.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === now.charCodeAt(now.length - 1 - s)) s++;
  const oldEnd = old.length - s, delta = now.length - old.length;
  const selected = state.findings[state.selected];
  state.findings = state.findings.filter((f) => f.end_utf16 <= p || f.start_utf16 >= oldEnd);
  for (const f of state.findings) {
    if (f.start_utf16 >= oldEnd) {
      f.start_utf16 += delta;
      f.end_utf16 += delta;
    }
    for (const r of f.related || []) {
      if (typeof r.start_utf16 === "number" && r.start_utf16 >= oldEnd) r.start_utf16 += delta;
    }
  }
  const i = state.findings.indexOf(selected);
  state.selected = i < 0 ? null : i;
  state.lastText = now;
}

function edited(immediately) {
  followEdit();
  renderHighlights();
  renderList();
  renderDetail();
  $("status").textContent = "checking…";
  clearTimeout(state.timer);
  state.timer = setTimeout(check, immediately ? 0 : DEBOUNCE_MS);
}

function replaceRange(start, end, text) {
  draft.focus();
  draft.setRangeText(text, start, end, "end");
  edited(true);
}

async function post(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const type = response.headers.get("content-type") || "";
  const answer = type.includes("json") ? await response.json() : { error: await response.text() };
  if (!response.ok) throw new Error(answer.error || `${response.status}`);
  return answer;
}

function request() {
  return {
    text: draft.value,
    format: $("format").value,
    filename: state.filename,
    published: $("published").value || null,
    source: $("source").value || null,
    source_name: state.sourceName,
  };
}

async function check() {
  const seq = ++state.seq;
  const body = request();
  try {
    const answer = await post("/api/check", body);
    if (seq !== state.seq || body.text !== draft.value) return; // a newer check is coming
    const selected = state.findings[state.selected];
    state.findings = answer.findings;
    state.rules = answer.rules;
    state.checkedText = body.text;
    state.lastText = body.text;
    // keep the same finding selected if it is still there
    const same = selected && state.findings.findIndex((f) => f.code === selected.code
      && f.start_utf16 === selected.start_utf16);
    state.selected = same >= 0 ? same : null;
    renderHighlights();
    renderList();
    renderDetail();
    renderSummary(answer);
    document.body.dataset.checked = String(seq);
  } catch (err) {
    if (seq === state.seq) $("status").textContent = `Could not check: ${err.message}`;
  }
}

// -- actions -----------------------------------------------------------------------------------
$("apply").addEventListener("click", () => {
  const f = state.findings[state.selected];
  if (!f || !f.suggestion || !fresh()) return;
  replaceRange(f.start_utf16, f.end_utf16, f.suggestion);
});

$("ignore").addEventListener("click", async () => {
  const f = state.findings[state.selected];
  if (!f || !fresh()) return;
  try {
    const answer = await post("/api/ignore", {
      text: draft.value, line: f.line, code: f.code, filename: state.filename, format: $("format").value,
    });
    const e = answer.edit;
    replaceRange(e.start_utf16, e.end_utf16, e.text);
  } catch (err) {
    $("d-note").textContent = `Could not ignore it: ${err.message}`;
  }
});

$("house").addEventListener("click", async () => {
  const f = state.findings[state.selected];
  if (!f || !fresh()) return;
  const name = draft.value.slice(f.start_utf16, f.end_utf16);
  try {
    const answer = await post("/api/house-names", { name, filename: state.filename });
    await check();
    $("status").textContent = answer.added
      ? `“${answer.name}” added to the house dictionary in ${answer.config}`
      : `“${answer.name}” is already in the house dictionary in ${answer.config}`;
  } catch (err) {
    $("d-note").textContent = `Could not add it: ${err.message}`;
  }
});

$("download").addEventListener("click", () => {
  const ext = EXTENSIONS[$("format").value] || "txt";
  const name = state.filename || `draft.${ext}`;
  const blob = new Blob([draft.value], { type: "text/plain;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});

function readFile(input, then) {
  const file = input.files && input.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => then(file.name, String(reader.result));
  reader.readAsText(file, "utf-8");
  input.value = "";
}

$("open-file").addEventListener("change", (ev) => readFile(ev.target, (name, text) => {
  state.filename = name;
  $("format").value = "auto";
  draft.value = text;
  state.selected = null;
  edited(true);
}));

$("open-source").addEventListener("change", (ev) => readFile(ev.target, (name, text) => {
  state.sourceName = name;
  $("source-name").textContent = name;
  $("source").value = text;
  edited(true);
}));

$("toggle-source").addEventListener("click", () => {
  const panel = $("source-panel");
  panel.hidden = !panel.hidden;
  $("toggle-source").setAttribute("aria-expanded", String(!panel.hidden));
});

draft.addEventListener("input", () => edited(false));
draft.addEventListener("scroll", syncScroll);
draft.addEventListener("click", () => select(findingAt(draft.selectionStart), false));
draft.addEventListener("keyup", (ev) => {
  if (ev.key.startsWith("Arrow") || ev.key === "Home" || ev.key === "End") {
    select(findingAt(draft.selectionStart), false);
  }
});
$("source").addEventListener("input", () => edited(false));
$("format").addEventListener("change", () => edited(true));
$("published").addEventListener("change", () => edited(true));
new ResizeObserver(syncScroll).observe(draft);

fetch("/api/info").then((r) => r.json()).then((info) => {
  const where = info.config
    ? `Config: ${info.config} (the same as the command line and CI use).`
    : `No config file found from ${info.directory}: the default rules.`;
  $("config-info").textContent = `${where} House dictionary: ${info.house_dictionary}.`;
  if (info.published && !$("published").value) $("published").value = info.published;
}).catch(() => {});
