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
    const response = await fetch("/v1/summarize", {
      method: "POST",
      headers: apiHeaders({ "content-type": "application/json" }),
      body: JSON.stringify(body),
    });
    const payload = await response.json().catch(() => null);
    if (!response.ok) {
      const err = payload && payload.error;
      showError(err ? `${err.message} (${err.code})` : `The server answered ${response.status}.`);
      return;
    }
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
function scrollSourceTo(mark) {
  const source = $("source");
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

$("add-article").addEventListener("click", () => addArticle().focus());
$("load-example").addEventListener("click", () => loadExample().catch((e) => showError(e.message)));
$("controls").addEventListener("submit", summarize);
setUpDrop();
addArticle();
addArticle();
loadAlgorithms();
