// medcode web page: search box with as-you-type suggestions, result list, code view.
// Deep links: /?q=heart+attack&system=icd10cm, /code/{system}/{code} and
// /guideline/{section}. Keyboard: arrows
// move through suggestions or results, Enter opens, Escape closes suggestions.
"use strict";

const $ = (id) => document.getElementById(id);
const input = $("q"), systemSelect = $("system"), releaseSelect = $("release"), suggestions = $("suggestions");
const results = $("results"), detail = $("detail"), statusLine = $("status"), guidelinesBox = $("guidelines");
const answerCard = $("answer");
let suggestTimer = null, suggestItems = [], suggestIndex = -1, resultIndex = -1, suggestSeq = 0;

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

async function api(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function codeHref(system, code) {
  if (system === "guidelines") return "/guideline/" + encodeURIComponent(code);
  return "/code/" + encodeURIComponent(system) + "/" + encodeURIComponent(code);
}

const systemNames = { icd10cm: "ICD-10-CM", icd10pcs: "ICD-10-PCS", hcpcs: "HCPCS", guidelines: "Guidelines" };
function systemLabel(system) {
  return `<span class="system system-${escapeHtml(system)}">${escapeHtml(systemNames[system] || system.toUpperCase())}</span>`;
}

function badge(billable, system) {
  if (system === "guidelines") return '<span class="badge section">section</span>';
  return billable ? '<span class="badge billable">billable</span>' : '<span class="badge header">not billable</span>';
}

// --- suggestions -----------------------------------------------------------------------
function closeSuggestions() {
  suggestions.hidden = true;
  suggestions.innerHTML = "";
  input.setAttribute("aria-expanded", "false");
  suggestItems = [];
  suggestIndex = -1;
}

function renderSuggestions(data) {
  suggestItems = [];
  for (const text of data.completions) suggestItems.push({ kind: "text", text });
  for (const hit of data.codes) suggestItems.push({ kind: "code", hit });
  if (suggestItems.length === 0) return closeSuggestions();
  suggestions.innerHTML = suggestItems.map((item, i) => item.kind === "text"
    ? `<li role="option" id="s${i}" data-i="${i}">${escapeHtml(item.text)}</li>`
    : `<li role="option" id="s${i}" data-i="${i}"><span class="code">${escapeHtml(item.hit.code)}</span>${escapeHtml(item.hit.title)} ${systemLabel(item.hit.system)}</li>`).join("");
  suggestions.hidden = false;
  input.setAttribute("aria-expanded", "true");
  suggestIndex = -1;
}

async function fetchSuggestions() {
  const text = input.value;
  if (text.trim() === "") return closeSuggestions();
  const seq = ++suggestSeq;
  const params = new URLSearchParams({ q: text, limit: "6" });
  if (systemSelect.value) params.set("system", systemSelect.value);
  if (releaseSelect.value) params.set("release", releaseSelect.value);
  try {
    const data = await api("/v1/suggest?" + params);
    if (seq === suggestSeq && document.activeElement === input) renderSuggestions(data);
  } catch (error) {
    closeSuggestions();
  }
}

function highlightSuggestion(index) {
  const items = suggestions.querySelectorAll("li");
  items.forEach((li, i) => li.setAttribute("aria-selected", i === index ? "true" : "false"));
  suggestIndex = index;
  if (index >= 0) input.setAttribute("aria-activedescendant", "s" + index);
}

function chooseSuggestion(index) {
  const item = suggestItems[index];
  closeSuggestions();
  if (!item) return;
  if (item.kind === "code") return navigate(codeHref(item.hit.system, item.hit.code));
  input.value = item.text;
  runSearch(true);
}

// --- answer card -----------------------------------------------------------------------
// A coding question's answer, above the results: the summary, what it rests on, the codes
// it names and its sources, each linked to the code page or guideline section.
const answerNames = { what_is: "Code", billable: "Billable?", compare: "Comparison", together: "Coding together",
  guidelines: "Official Guidelines", how_to_code: "How to code", validity: "Validity", replacement: "Replacement",
  changes: "Changes", crosswalk: "Crosswalk", out_of_scope: "Outside these code sets" };
const roleNames = { asked: "asked", billable_code: "billable code", replacement: "replacement", combination: "combination code",
  result: "match", changed: "changed", alternative: "instead" };

function renderAnswer(answer) {
  if (!answer || answer.type === "none") { answerCard.hidden = true; answerCard.innerHTML = ""; return; }
  const codes = answer.codes.map((c) => `<li><a class="code-link" href="${codeHref(c.system, c.code)}">${escapeHtml(c.code)}</a>
      ${escapeHtml(c.title)} ${c.title ? badge(c.billable, c.system) : ""} <span class="role">${escapeHtml(roleNames[c.role] || c.role)}</span>
      ${c.detail ? `<span class="year">${escapeHtml(c.detail)}</span>` : ""}</li>`);
  const sections = answer.sections.map((s) => `<li><a href="${codeHref("guidelines", s.section)}"><b>${escapeHtml(s.section)}</b>
      ${escapeHtml(s.title)}</a>${s.text ? `<p class="excerpt">${escapeHtml(s.text)}</p>` : ""}</li>`);
  const sources = answer.citations.map((c) => `<li>${c.href ? `<a href="${escapeHtml(c.href)}">${escapeHtml(c.label)}</a>` : escapeHtml(c.label)}${c.text ? `: <q>${escapeHtml(c.text)}</q>` : ""}</li>`);
  answerCard.innerHTML = `
    <h2 id="answer-heading">${escapeHtml(answerNames[answer.type] || answer.type)}</h2>
    <p class="summary">${escapeHtml(answer.summary)}</p>
    ${answer.facts.length ? `<ul class="facts">${answer.facts.map((f) => `<li>${escapeHtml(f)}</li>`).join("")}</ul>` : ""}
    ${codes.length ? `<ul class="answer-codes">${codes.join("")}</ul>` : ""}
    ${sections.length ? `<ul class="answer-sections">${sections.join("")}</ul>` : ""}
    ${answer.suggestion ? `<p class="suggestion">${escapeHtml(answer.suggestion)}</p>` : ""}
    ${sources.length ? `<details class="sources" open><summary>Sources</summary><ul>${sources.join("")}</ul></details>` : ""}`;
  answerCard.hidden = false;
}

// --- search results --------------------------------------------------------------------
function renderResults(data) {
  detail.hidden = true;
  renderAnswer(data.answer);
  resultIndex = -1;
  const corrected = (data.corrected_query ? ` Showing results for <b>${escapeHtml(data.corrected_query)}</b>.` : "") +
    (data.release ? ` Codes valid in ${escapeHtml(data.release.toUpperCase())}, with its titles.` : "");
  statusLine.innerHTML = data.results.length
    ? `${data.total} match${data.total === 1 ? "" : "es"} for <b>${escapeHtml(data.query)}</b>.${corrected}`
    : `No codes match <b>${escapeHtml(data.query)}</b>.${corrected}`;
  results.innerHTML = data.results.map((hit) => `
    <li>
      <div class="row">
        <a class="code-link" href="${codeHref(hit.system, hit.code)}">${escapeHtml(hit.code)}</a>
        <span class="title">${escapeHtml(hit.title)}</span>
        ${badge(hit.billable, hit.system)}
        ${systemLabel(hit.system)}
      </div>
      ${hit.snippet ? `<div class="snippet">${hit.snippet}</div>` : ""}
    </li>`).join("");
}

// The guideline sections about the query, beside the codes.
async function showGuidelines(text) {
  guidelinesBox.hidden = true;
  if (systemSelect.value === "guidelines") return;
  try {
    const data = await api("/v1/guidelines/search?" + new URLSearchParams({ q: text, limit: "5" }));
    // Only sections whose heading has the query's words: the rest merely mention them.
    const hits = data.results.filter((hit) => (hit.snippet || "").split(" \u2014 ")[0].includes("<b>")).slice(0, 3);
    if (!hits.length || input.value.trim() !== text) return;
    guidelinesBox.innerHTML = `<h2>Official Guidelines</h2><ul>${hits.map((hit) =>
      `<li><a href="${codeHref("guidelines", hit.code)}"><b>${escapeHtml(hit.code)}</b> ${escapeHtml(hit.title)}</a></li>`).join("")}</ul>`;
    guidelinesBox.hidden = false;
  } catch (error) {
    guidelinesBox.hidden = true;
  }
}

async function runSearch(pushHistory) {
  const text = input.value.trim();
  closeSuggestions();
  if (text === "") return;
  const params = new URLSearchParams({ q: text, limit: "25" });
  if (systemSelect.value) params.set("system", systemSelect.value);
  if (releaseSelect.value) params.set("release", releaseSelect.value);
  if (pushHistory) history.pushState(null, "", "/?" + params);
  statusLine.textContent = "Searching...";
  guidelinesBox.hidden = true;
  try {
    const data = await api("/v1/search?" + params);
    renderResults(data);
    // A question's answer cites its own sections; the aside is for phrases.
    if (!data.answer) showGuidelines(text);
  } catch (error) {
    results.innerHTML = "";
    statusLine.textContent = error.message;
  }
}

// --- code view -------------------------------------------------------------------------
const noteNames = { includes: "Includes", excludes1: "Excludes1", excludes2: "Excludes2", code_first: "Code first",
  use_additional_code: "Use additional code", code_also: "Code also", notes: "Notes" };

function list(items) { return items.length ? `<ul>${items.join("")}</ul>` : "<p>None.</p>"; }

// "Valid in FY2025, FY2026 (since FY2025 or earlier)"; "Not valid in any release this index knows".
function validityLine(d) {
  const v = d.validity;
  if (!v || (!v.valid_in.length && !v.until_release && !v.through_date)) return "";
  const names = v.valid_in.map((r) => r.toUpperCase()).join(", ");
  const since = v.from_date ? `from ${escapeHtml(v.from_date)}` : (v.earliest_release_known ? `since ${escapeHtml(v.earliest_release_known.toUpperCase())} or earlier` : "");
  const until = v.through_date ? `through ${escapeHtml(v.through_date)}` : "still valid";
  return `<p class="validity">${names ? `Valid in ${escapeHtml(names)}` : "Not valid in the releases this index knows"} (${[since, until].filter(Boolean).join(", ")})</p>`;
}

function renderDetail(d) {
  results.innerHTML = "";
  renderAnswer(null);
  statusLine.textContent = "";
  guidelinesBox.hidden = true;
  const guideline = d.system === "guidelines";
  const crumbs = [guideline ? "" : (d.chapter.number ? `${d.system === "icd10cm" ? "Chapter " : ""}${escapeHtml(d.chapter.number)}: ${escapeHtml(d.chapter.title)}` : ""),
    d.section.id ? `${escapeHtml(d.section.id)} ${escapeHtml(d.section.title)}` : ""]
    .concat(d.ancestors.map((a) => `<a href="${codeHref(d.system, a.code)}">${escapeHtml(a.code)}</a> ${escapeHtml(a.title)}`))
    .filter(Boolean).join(" &rsaquo; ");
  const notes = d.notes.map((n) => `<li><b>${noteNames[n.kind] || n.kind}:</b> ${escapeHtml(n.text)} <span class="year">FY${n.release_year}</span></li>`)
    .concat(d.inherited_notes.map((n) => `<li><b>${noteNames[n.kind] || n.kind}</b> (from ${escapeHtml(n.from_code)}): ${escapeHtml(n.text)} <span class="year">FY${n.release_year}</span></li>`));
  const seventh = d.seventh_characters.options.map((o) => `<li><b>${escapeHtml(o.character)}</b> ${escapeHtml(o.meaning)}</li>`);
  const index = d.index_entries.map((e) => `<li>${escapeHtml(e.path.join(" › "))}${e.column ? ` <i>(${escapeHtml(e.column)})</i>` : ""} <span class="year">${escapeHtml(e.source.replace(/_/g, " "))}, FY${e.release_year}</span></li>`);
  const children = d.children.map((c) => `<li><a class="code-link" href="${codeHref(d.system, c.code)}">${escapeHtml(c.code)}</a> ${escapeHtml(c.title)} ${guideline ? "" : badge(c.billable, d.system)}</li>`);
  const alsoCalled = (d.attributes || []).filter((a) => a.name === "Also called")
    .map((a) => `${escapeHtml(a.value)} <span class="year">${escapeHtml(a.detail.split(" (")[0])}</span>`);
  const attributes = (d.attributes || []).filter((a) => a.name !== "Page" && a.name !== "Also called").map((a) => `<tr><th>${escapeHtml(a.name)}</th><td>${escapeHtml(a.value)}${a.detail ? `<div class="year">${escapeHtml(a.detail)}</div>` : ""}</td></tr>`);
  const guidelines = (d.guidelines || []).map((g) => `<li><a href="${codeHref("guidelines", g.section)}"><b>${escapeHtml(g.section)}</b> ${escapeHtml(g.title)}</a> <span class="year">names ${escapeHtml(g.via_code)}</span></li>`);
  const referenced = (d.referenced_codes || []).map((c) => /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]+)?$/.test(c)
    ? `<li><a class="code-link" href="${codeHref("icd10cm", c)}">${escapeHtml(c)}</a></li>` : `<li>${escapeHtml(c)}</li>`);
  const section = (title, items, always) => items.length || always ? `<h2>${title}</h2>${list(items)}` : "";
  const cm = d.system === "icd10cm";
  detail.innerHTML = `
    <p class="crumbs">${crumbs}</p>
    <h1><span class="code-link">${escapeHtml(d.code)}</span> ${escapeHtml(d.title)} ${badge(d.billable, d.system)} ${systemLabel(d.system)}</h1>
    ${d.short_title && d.short_title !== d.title ? `<p class="year">Short title: ${escapeHtml(d.short_title)}</p>` : ""}
    ${alsoCalled.length ? `<p class="also-called">Also called: ${alsoCalled.join(", ")}</p>` : ""}
    ${validityLine(d)}
    ${d.times_reported ? `<p class="validity">Reported ${d.times_reported.toLocaleString("en-US")} times in California hospital care in 2023 (HCAI)</p>` : ""}
    ${d.description ? `<div class="description">${escapeHtml(d.description)}</div>` : ""}
    ${attributes.length ? `<h2>${d.system === "icd10pcs" ? "Characters" : "Details"}</h2><table class="attributes">${attributes.join("")}</table>` : ""}
    ${section("Notes", notes, cm)}
    ${seventh.length ? `<h2>7th characters${d.seventh_characters.from_code !== d.code ? " (from " + escapeHtml(d.seventh_characters.from_code) + ")" : ""}</h2>${list(seventh)}` : ""}
    ${section("Inclusion terms", d.inclusion_terms.terms.map((t) => `<li>${escapeHtml(t)}</li>`), cm)}
    ${section("Index entries", index, cm)}
    ${section("Official Guidelines", guidelines, false)}
    ${section("Codes named", referenced, false)}
    ${section(guideline ? "Subsections" : "Children", children, !guideline)}`;
  detail.hidden = false;
  document.title = d.code + " " + d.title + " - medcode";
}

async function showCode(system, code) {
  closeSuggestions();
  statusLine.textContent = "Loading " + code + "...";
  const path = system === "guidelines" ? "/v1/guidelines/" + encodeURIComponent(code)
    : "/v1/codes/" + encodeURIComponent(system) + "/" + encodeURIComponent(code);
  try {
    renderDetail(await api(path));
  } catch (error) {
    detail.hidden = true;
    statusLine.textContent = error.message;
  }
}

// --- routing and keys ------------------------------------------------------------------
function navigate(href) { history.pushState(null, "", href); route(); }

function route() {
  const match = location.pathname.match(/^\/code\/([^/]+)\/([^/]+)$/);
  if (match) return showCode(decodeURIComponent(match[1]), decodeURIComponent(match[2]));
  const section = location.pathname.match(/^\/guideline\/([^/]+)$/);
  if (section) return showCode("guidelines", decodeURIComponent(section[1]));
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  systemSelect.value = params.get("system") || "";
  releaseSelect.value = params.get("release") || "";
  if (input.value) runSearch(false);
  else { results.innerHTML = ""; detail.hidden = true; guidelinesBox.hidden = true; statusLine.textContent = ""; renderAnswer(null); }
}

input.addEventListener("input", () => { clearTimeout(suggestTimer); suggestTimer = setTimeout(fetchSuggestions, 120); });
input.addEventListener("keydown", (event) => {
  const open = !suggestions.hidden && suggestItems.length > 0;
  if (event.key === "ArrowDown" && open) { event.preventDefault(); highlightSuggestion(Math.min(suggestIndex + 1, suggestItems.length - 1)); }
  else if (event.key === "ArrowUp" && open) { event.preventDefault(); highlightSuggestion(Math.max(suggestIndex - 1, -1)); }
  else if (event.key === "Enter" && open && suggestIndex >= 0) { event.preventDefault(); chooseSuggestion(suggestIndex); }
  else if (event.key === "Escape") { closeSuggestions(); }
  else if (event.key === "ArrowDown" && results.children.length) { event.preventDefault(); input.blur(); selectResult(0); }
});
suggestions.addEventListener("mousedown", (event) => {
  const li = event.target.closest("li");
  if (li) { event.preventDefault(); chooseSuggestion(Number(li.dataset.i)); }
});
input.addEventListener("blur", () => setTimeout(closeSuggestions, 150));
$("search-form").addEventListener("submit", (event) => { event.preventDefault(); runSearch(true); });

function selectResult(index) {
  const items = results.querySelectorAll("li");
  if (!items.length) return;
  resultIndex = Math.max(0, Math.min(index, items.length - 1));
  items.forEach((li, i) => li.setAttribute("aria-selected", i === resultIndex ? "true" : "false"));
  items[resultIndex].scrollIntoView({ block: "nearest" });
}
document.addEventListener("keydown", (event) => {
  if (document.activeElement === input || resultIndex < 0) return;
  if (event.key === "ArrowDown") { event.preventDefault(); selectResult(resultIndex + 1); }
  else if (event.key === "ArrowUp") { event.preventDefault(); if (resultIndex === 0) { resultIndex = -1; input.focus(); } else selectResult(resultIndex - 1); }
  else if (event.key === "Enter") { const link = results.querySelectorAll("li")[resultIndex].querySelector("a"); if (link) navigate(link.getAttribute("href")); }
  else if (event.key === "Escape") { resultIndex = -1; input.focus(); }
});
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='/code/'], a[href^='/guideline/'], a.brand");
  if (link && !event.metaKey && !event.ctrlKey) { event.preventDefault(); navigate(link.getAttribute("href")); }
});
window.addEventListener("popstate", route);

// The footer names every code set; imported ones join the code set menu.
api("/healthz").then((info) => {
  const sets = (info.code_sets || []).map((s) => `${systemNames[s.system] || s.system} ${s.release} (${s.documents.toLocaleString()})`);
  $("index-info").textContent = `Index ${info.release}: ${sets.join(", ")}; built ${info.built_at}`;
  for (const set of info.code_sets || []) {
    if (systemNames[set.system] || systemSelect.querySelector(`option[value="${CSS.escape(set.system)}"]`)) continue;
    const option = document.createElement("option");
    option.value = set.system;
    option.textContent = set.system.toUpperCase();
    systemSelect.insertBefore(option, systemSelect.querySelector('option[value="guidelines"]'));
  }
  for (const release of info.releases || []) {
    const option = document.createElement("option");
    option.value = release;
    option.textContent = release.toUpperCase();
    releaseSelect.appendChild(option);
  }
  const wanted = new URLSearchParams(location.search);
  if (wanted.get("system")) systemSelect.value = wanted.get("system");
  if (wanted.get("release")) releaseSelect.value = wanted.get("release");
}).catch(() => {});
route();
