// brief web page: articles in, summary out, each summary sentence linked to
// its source. The server gives byte offsets into UTF-8 text; JavaScript
// strings index UTF-16 code units, so offsets are converted per document.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { docs: [], summary: null, shownDoc: null, pinned: null };

/** Headers for API calls: a server started with --token needs it; open the
 * page as http://host:port/#token=TOKEN to give it. */
function apiHeaders(extra = {}) {
  const token = new URLSearchParams(location.hash.slice(1)).get("token");
  return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
}

/** Maps UTF-8 byte offsets of `text` to UTF-16 indices (char boundaries only). */
function byteOffsetMap(text) {
  const table = new Map();
  let bytes = 0;
  let units = 0;
  for (const ch of text) {
    table.set(bytes, units);
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    units += ch.length;
  }
  table.set(bytes, units);
  return (offset) => {
    const index = table.get(offset);
    if (index === undefined) throw new Error(`byte offset ${offset} is not a character boundary`);
    return index;
  };
}

function addArticle(text = "") {
  const box = document.createElement("div");
  box.className = "article";
  const label = document.createElement("div");
  label.className = "article-label";
  const name = document.createElement("span");
  const remove = document.createElement("button");
  remove.type = "button";
  remove.title = "Remove this article";
  remove.textContent = "×";
  remove.addEventListener("click", () => { box.remove(); renumber(); });
  label.append(name, remove);
  const area = document.createElement("textarea");
  area.placeholder = "Paste an article: headline on the first line, then the text.";
  area.value = text;
  box.append(label, area);
  $("articles").append(box);
  renumber();
  return area;
}

function renumber() {
  document.querySelectorAll("#articles .article").forEach((box, i) => {
    box.querySelector(".article-label span").textContent = `Article ${i + 1}`;
  });
}

/** Fills the first empty text area, or adds one. */
function putArticle(text) {
  const empty = [...document.querySelectorAll("#articles textarea")].find((a) => !a.value.trim());
  if (empty) empty.value = text; else addArticle(text);
}

async function readFiles(files) {
  const texts = await Promise.all([...files].map((f) => f.text()));
  texts.forEach(putArticle);
}

function collectDocuments() {
  const docs = [];
  document.querySelectorAll("#articles textarea").forEach((area, i) => {
    let text = area.value;
    if (text.toWellFormed) text = text.toWellFormed();
    if (!text.trim()) return;
    // Like a .txt file: the first non-empty line is the headline.
    const title = text.split("\n").map((l) => l.trim()).find((l) => l) || undefined;
    docs.push({ id: `article-${i + 1}`, title, text });
  });
  return docs;
}

function showError(message) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
}

/** POSTs `body` as JSON to `url`: the answer, or null once the server's
 * error is shown. */
async function postJson(url, body) {
  const response = await fetch(url, {
    method: "POST",
    headers: apiHeaders({ "content-type": "application/json" }),
    body: JSON.stringify(body),
  });
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    const err = payload && payload.error;
    showError(err ? `${err.message} (${err.code})` : `The server answered ${response.status}.`);
    return null;
  }
  return payload;
}

async function summarize(event) {
  event.preventDefault();
  showError("");
  const docs = collectDocuments();
  if (!docs.length) { showError("Add at least one article."); return; }
  const body = { id: "page", documents: docs, algorithm: $("algorithm").value };
  body[$("unit").value] = Number($("budget").value);
  const button = $("summarize");
  button.disabled = true;
  button.textContent = "Summarizing…";
  const started = performance.now();
  try {
    const payload = await postJson("/v1/summarize", body);
    if (!payload) return;
    state.docs = docs.map((d) => ({ ...d, toUtf16: byteOffsetMap(d.text) }));
    state.summary = payload;
    renderSummary(performance.now() - started);
  } catch (e) {
    showError(`Could not reach the server: ${e.message}`);
  } finally {
    button.disabled = false;
    button.textContent = "Summarize";
  }
}

function docIndex(item) {
  return state.docs.findIndex((d) => d.id === item.doc_id);
}

function renderSummary(ms) {
  const list = $("summary");
  list.replaceChildren();
  const items = state.summary.items;
  items.forEach((item, i) => {
    const li = document.createElement("li");
    li.className = "summary-sentence";
    li.dataset.item = String(i);
    const text = document.createElement("span");
    text.className = "sentence-text";
    text.textContent = item.text;
    const badge = document.createElement("span");
    badge.className = "badge";
    const d = docIndex(item);
    badge.textContent = `article ${d + 1} · sentence ${item.sentence + 1}`;
    li.append(text, badge);
    li.addEventListener("mouseenter", () => focusItem(i, false));
    li.addEventListener("mouseleave", () => { if (state.pinned !== null) focusItem(state.pinned, false); });
    li.addEventListener("click", () => { state.pinned = i; focusItem(i, true); });
    list.append(li);
  });
  const words = items.reduce((n, it) => n + it.text.split(/\s+/).filter(Boolean).length, 0);
  const budget = state.summary.budget;
  $("summary-meta").textContent =
    `${state.summary.algorithm} · ${words} words · budget ${budget.limit} ${budget.unit} · ${Math.round(ms)} ms`;
  renderTabs();
  state.pinned = null;
  showDoc(items.length ? docIndex(items[0]) : 0);
  $("results").hidden = false;
  if (!items.length) showError("The summary is empty: the budget is smaller than every sentence.");
}

function renderTabs() {
  const tabs = $("doc-tabs");
  tabs.replaceChildren();
  state.docs.forEach((doc, d) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.setAttribute("role", "tab");
    tab.textContent = String(d + 1);
    tab.title = doc.title || doc.id;
    tab.addEventListener("click", () => showDoc(d));
    tabs.append(tab);
  });
}

/** Shows document `d` with every summary sentence taken from it marked. */
function showDoc(d) {
  state.shownDoc = d;
  document.querySelectorAll("#doc-tabs button").forEach((t, i) => t.setAttribute("aria-selected", String(i === d)));
  const doc = state.docs[d];
  const source = $("source");
  source.replaceChildren();
  if (!doc) return;
  const marks = state.summary.items
    .map((item, i) => ({ item, i }))
    .filter(({ item }) => item.doc_id === doc.id)
    .map(({ item, i }) => ({ i, start: doc.toUtf16(item.span.start), end: doc.toUtf16(item.span.end) }))
    .sort((a, b) => a.start - b.start);
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue; // overlapping spans do not occur; be safe anyway
    source.append(document.createTextNode(doc.text.slice(at, m.start)));
    const mark = document.createElement("mark");
    mark.dataset.item = String(m.i);
    mark.textContent = doc.text.slice(m.start, m.end);
    mark.addEventListener("click", () => { state.pinned = m.i; focusItem(m.i, true); });
    source.append(mark);
    at = m.end;
  }
  source.append(document.createTextNode(doc.text.slice(at)));
}

/** Highlights summary item `i` in the list and in its source document. */
function focusItem(i, scroll) {
  const item = state.summary.items[i];
  const d = docIndex(item);
  if (d !== state.shownDoc) showDoc(d);
  document.querySelectorAll(".summary-sentence").forEach((li) => li.classList.toggle("active", li.dataset.item === String(i)));
  let active = null;
  document.querySelectorAll("#source mark").forEach((m) => {
    const on = m.dataset.item === String(i);
    m.classList.toggle("active", on);
    if (on) active = m;
  });
  if (active && scroll) scrollSourceTo(active);
}

/** Scrolls the source panel (never the page, which would move the summary
 * under the pointer and change the hovered sentence) to show `mark`. */
function scrollSourceTo(mark, source = $("source")) {
  const top = mark.offsetTop - source.clientHeight / 3;
  source.scrollTo({ top: Math.max(0, top) });
}

async function loadAlgorithms() {
  const select = $("algorithm");
  try {
    const r = await fetch("/v1/algorithms", { headers: apiHeaders() });
    const { algorithms, default: chosen } = await r.json();
    for (const name of algorithms) {
      const o = document.createElement("option");
      o.value = name;
      o.textContent = name;
      o.selected = name === chosen;
      select.append(o);
    }
  } catch (e) {
    showError(`Could not load the algorithm list: ${e.message}`);
  }
}

async function loadExample() {
  const r = await fetch("/v1/example", { headers: apiHeaders() });
  const cluster = await r.json();
  $("articles").replaceChildren();
  cluster.documents.forEach((d) => addArticle(d.text));
}

function setUpDrop() {
  const zone = $("drop-zone");
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("over");
    readFiles(e.dataTransfer.files);
  });
  $("file-input").addEventListener("change", (e) => readFiles(e.target.files));
}

/** Asks the server to compare the articles' sources and shows the result. */
async function compareSources() {
  showError("");
  const docs = collectDocuments();
  if (docs.length < 2) { showError("Add at least two articles to compare."); return; }
  const button = $("compare");
  button.disabled = true;
  const started = performance.now();
  try {
    const payload = await postJson("/v1/compare", { id: "page", documents: docs });
    if (!payload) return;
    state.compareDocs = docs.map((d) => ({ ...d, toUtf16: byteOffsetMap(d.text) }));
    renderComparison(payload, performance.now() - started);
  } catch (e) {
    showError(`Could not reach the server: ${e.message}`);
  } finally {
    button.disabled = false;
  }
}

/** A button that shows byte span `span` of article `doc` in the comparison's source panel. */
function spanLink(label, doc, span, title) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "span-link";
  b.textContent = label;
  if (title) b.title = title;
  b.addEventListener("click", () => showSpan(doc, span));
  return b;
}

/** Shows article `d` with byte span `span` marked and scrolled to. */
function showSpan(d, span) {
  const doc = state.compareDocs[d];
  const source = $("compare-source");
  source.replaceChildren();
  if (!doc) return;
  $("compare-source-name").textContent = `article ${d + 1}${doc.title ? ` · ${doc.title}` : ""}`;
  const start = doc.toUtf16(span.start);
  const end = doc.toUtf16(span.end);
  const mark = document.createElement("mark");
  mark.className = "active";
  mark.textContent = doc.text.slice(start, end);
  source.append(document.createTextNode(doc.text.slice(0, start)), mark, document.createTextNode(doc.text.slice(end)));
  scrollSourceTo(mark, source);
}

const MATRIX_ROWS = 25;

function renderComparison(c, ms) {
  const n = c.sources.length;
  const table = $("matrix");
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  const factHead = document.createElement("th");
  factHead.className = "fact";
  factHead.textContent = "Fact (as the first source states it)";
  head.append(factHead);
  c.sources.forEach((id, d) => {
    const th = document.createElement("th");
    th.textContent = String(d + 1);
    th.title = (state.compareDocs[d] && state.compareDocs[d].title) || id;
    head.append(th);
  });
  const body = table.createTBody();
  const shared = new Set(c.shared_by_all);
  c.facts.slice(0, MATRIX_ROWS).forEach((fact, f) => {
    const row = body.insertRow();
    row.dataset.fact = String(fact.id);
    if (shared.has(fact.id)) row.classList.add("shared");
    const label = row.insertCell();
    label.className = "fact";
    label.textContent = fact.statements[0].text;
    label.title = fact.statements[0].text;
    for (let d = 0; d < n; d++) {
      const cell = row.insertCell();
      const at = c.matrix[f][d];
      if (at === null || at === undefined) continue;
      const statement = fact.statements[at];
      const dot = document.createElement("button");
      dot.type = "button";
      dot.className = "cell";
      dot.textContent = "●";
      dot.title = statement.text;
      dot.dataset.doc = String(d);
      dot.addEventListener("click", () => {
        document.querySelectorAll("#matrix button.cell.active").forEach((b) => b.classList.remove("active"));
        dot.classList.add("active");
        showSpan(d, statement.span);
      });
      cell.append(dot);
    }
  });
  const byId = new Map(c.facts.map((f) => [f.id, f]));
  const reports = $("source-reports");
  reports.replaceChildren();
  for (const r of c.source_reports) {
    const li = document.createElement("li");
    li.append(`Article ${r.doc + 1}: ${r.only.length} fact${r.only.length === 1 ? "" : "s"} only here`);
    const first = r.only.length ? byId.get(r.only[0]) : null;
    if (first) {
      const s = first.statements[0];
      li.append(" — ", spanLink(s.text.length > 90 ? `${s.text.slice(0, 90)}…` : s.text, s.doc, s.span, s.text));
    }
    li.append(` · omits ${r.omits.length} widely reported`);
    reports.append(li);
  }
  const conflicts = $("conflicts");
  conflicts.replaceChildren();
  if (!c.conflicts.length) conflicts.append(Object.assign(document.createElement("li"), { textContent: "None found." }));
  for (const k of c.conflicts) {
    const li = document.createElement("li");
    li.append(`${k.kind} (${k.slot}): `);
    k.sides.forEach((side, i) => {
      if (i) li.append(" vs ");
      li.append(spanLink(`${side.value} (article ${side.doc + 1})`, side.doc, side.span));
    });
    conflicts.append(li);
  }
  const speakers = $("speakers");
  speakers.replaceChildren();
  for (const sp of c.speakers.slice(0, 10)) {
    const li = document.createElement("li");
    li.append(`${sp.speaker} — quoted by article${sp.documents.length === 1 ? "" : "s"} ${sp.documents.map((d) => d + 1).join(", ")}: `);
    // Each quotation once, with a link to it in every source that carries
    // it; those more sources carry first, which is what a reader compares.
    const groups = new Map();
    for (const q of sp.quotes) {
      const key = q.text.toLowerCase();
      if (!groups.has(key)) groups.set(key, { text: q.text, sides: [] });
      const g = groups.get(key);
      if (!g.sides.some((side) => side.doc === q.doc)) g.sides.push(q);
    }
    const shown = [...groups.values()].sort((a, b) => b.sides.length - a.sides.length).slice(0, 5);
    shown.forEach((g, i) => {
      if (i) li.append(" · ");
      const quote = document.createElement("span");
      quote.className = "quote";
      const text = g.text.length > 60 ? `${g.text.slice(0, 60)}…` : g.text;
      quote.append(`“${text}” `);
      g.sides.forEach((side) => quote.append(spanLink(String(side.doc + 1), side.doc, side.span, g.text)));
      li.append(quote);
    });
    speakers.append(li);
  }
  $("compare-meta").textContent =
    `${c.facts.length} facts · ${c.shared_by_all.length} in all ${n} · ${c.conflicts.length} conflicts · ${Math.round(ms)} ms`;
  $("comparison").hidden = false;
  $("compare-source").replaceChildren();
  $("compare-source-name").textContent = "";
}

$("add-article").addEventListener("click", () => addArticle().focus());
$("compare").addEventListener("click", () => compareSources());
$("load-example").addEventListener("click", () => loadExample().catch((e) => showError(e.message)));
$("controls").addEventListener("submit", summarize);
setUpDrop();
addArticle();
addArticle();
loadAlgorithms();
