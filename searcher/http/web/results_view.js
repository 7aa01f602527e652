// The results page: one page of a search's ranking, its filters and pager, the answer to a
// coding question, and the guideline sections about the top code. Its whole state is in
// the URL (/?q=asthma&billable=true&page=2), so a link reproduces the view.
import { $, api, escapeHtml, codeHref, systemLabel, badge, copyButton } from "./util.js";
import { renderAnswer } from "./answer_card.js";
import { rememberSearch } from "./home_view.js";

const results = $("results"), statusLine = $("status"), guidelinesBox = $("guidelines"), pager = $("pager");
const kMaxOffset = 10000;  // the API's limit (searcher/engine/search_request.h)
let selected = -1;

// The URL's parameters as a search: defaults for what is absent or malformed.
export function searchState(params) {
  const page = parseInt(params.get("page") || "1", 10);
  const per = parseInt(params.get("per") || "25", 10);
  return {
    q: (params.get("q") || "").trim(),
    system: params.get("system") || "",
    release: params.get("release") || "",
    billable: params.get("billable") === "true",
    includeDeleted: params.get("include_deleted") === "true",
    page: Number.isFinite(page) && page > 0 ? page : 1,
    per: Number.isFinite(per) && per > 0 && per <= 100 ? per : 25,
  };
}

// The page's URL for a search; defaults are left out so links stay short.
export function searchHref(state) {
  const params = new URLSearchParams({ q: state.q });
  if (state.system) params.set("system", state.system);
  if (state.release) params.set("release", state.release);
  if (state.billable) params.set("billable", "true");
  if (state.includeDeleted) params.set("include_deleted", "true");
  if (state.per !== 25) params.set("per", String(state.per));
  if (state.page > 1) params.set("page", String(state.page));
  return "/?" + params;
}

function apiParams(state) {
  const params = new URLSearchParams({ q: state.q, limit: String(state.per), offset: String((state.page - 1) * state.per) });
  if (state.system) params.set("system", state.system);
  if (state.release) params.set("release", state.release);
  if (state.billable) params.set("billable", "true");
  if (state.includeDeleted) params.set("include_deleted", "true");
  return params;
}

function renderPager(state, total) {
  const pages = Math.max(1, Math.ceil(total / state.per));
  const last = Math.min(pages, Math.floor(kMaxOffset / state.per) + 1);
  if (pages <= 1 && state.page === 1) { pager.hidden = true; pager.innerHTML = ""; return; }
  const link = (page, label, rel) => `<a class="page-link" rel="${rel}" href="${escapeHtml(searchHref({ ...state, page }))}"
      aria-keyshortcuts="${rel === "next" ? "n" : "p"}">${label}</a>`;
  pager.innerHTML = `
    ${state.page > 1 ? link(state.page - 1, "&larr; Previous", "prev") : '<span class="page-link disabled">&larr; Previous</span>'}
    <span class="page-of">Page ${state.page} of ${pages.toLocaleString("en-US")}</span>
    ${state.page < last ? link(state.page + 1, "Next &rarr;", "next") : '<span class="page-link disabled">Next &rarr;</span>'}`;
  pager.hidden = false;
}

function renderResults(state, data) {
  renderAnswer(data.answer);
  selected = -1;
  const first = (state.page - 1) * state.per + 1;
  const corrected = (data.corrected_query ? ` Showing results for <b>${escapeHtml(data.corrected_query)}</b>.` : "") +
    (data.release ? ` Codes valid in ${escapeHtml(data.release.toUpperCase())}, with its titles.` : "");
  const count = `${data.total.toLocaleString("en-US")} match${data.total === 1 ? "" : "es"}`;
  statusLine.innerHTML = data.results.length
    ? `${data.results.length === data.total ? count : `${first.toLocaleString("en-US")}&ndash;${(first + data.results.length - 1).toLocaleString("en-US")} of ${count}`} for <b>${escapeHtml(data.query)}</b>.${corrected}`
    : (state.page > 1 ? `No results on page ${state.page}: ${count} for <b>${escapeHtml(data.query)}</b>.` : `No codes match <b>${escapeHtml(data.query)}</b>.${corrected}`);
  results.innerHTML = data.results.map((hit) => `
    <li class="${hit.status !== "active" ? "is-deleted" : ""}">
      <div class="row">
        <a class="code-link" href="${codeHref(hit.system, hit.code)}">${escapeHtml(hit.code)}</a>
        <span class="title">${escapeHtml(hit.title)}</span>
        ${badge(hit.billable, hit.system, hit.status)}
        ${systemLabel(hit.system)}
        ${hit.system === "guidelines" ? "" : copyButton(hit.code)}
      </div>
      ${hit.snippet ? `<div class="snippet">${hit.snippet}</div>` : ""}
    </li>`).join("");
  renderPager(state, data.total);
}

// The sections of the Official Guidelines that name the top ICD-10-CM result or its
// category: what the query is about, not every section whose words it shares.
async function showGuidelines(state, hits) {
  guidelinesBox.hidden = true;
  const top = hits.slice(0, 3).find((hit) => hit.system === "icd10cm" && hit.status === "active");
  if (!top || state.system === "guidelines" || state.page > 1) return;
  try {
    const detail = await api(codeHref("icd10cm", top.code).replace("/code/", "/v1/codes/"));
    // A chapter's overview (I.C.4) names every code in it: only sections below it are about the code.
    const sections = (detail.guidelines || []).filter((s) => s.section.split(".").length >= 4).slice(0, 3);
    if (!sections.length || $("q").value.trim() !== state.q) return;
    guidelinesBox.innerHTML = `<h2>Official Guidelines for ${escapeHtml(top.code)}</h2><ul>${sections.map((s) =>
      `<li><a href="${codeHref("guidelines", s.section)}"><b>${escapeHtml(s.section)}</b> ${escapeHtml(s.title)}</a></li>`).join("")}</ul>`;
    guidelinesBox.hidden = false;
  } catch (error) {
    guidelinesBox.hidden = true;
  }
}

export async function showResults(state) {
  statusLine.textContent = "Searching...";
  guidelinesBox.hidden = true;
  try {
    const data = await api("/v1/search?" + apiParams(state));
    renderResults(state, data);
    sessionStorage.setItem("medcode.lastResults", searchHref(state));
    if (state.page === 1) rememberSearch(state.q, searchHref({ ...state, page: 1 }));
    // A question's answer cites its own sections; the aside is for phrases.
    if (!data.answer) showGuidelines(state, data.results);
  } catch (error) {
    results.innerHTML = "";
    pager.hidden = true;
    statusLine.textContent = error.message;
  }
}

export function clearResults() {
  results.innerHTML = "";
  pager.hidden = true;
  guidelinesBox.hidden = true;
  statusLine.textContent = "";
  renderAnswer(null);
  selected = -1;
}

// --- keyboard on the result list -----------------------------------------------------------
export function selectResult(index) {
  const items = results.querySelectorAll(":scope > li");
  if (!items.length) return false;
  selected = Math.max(0, Math.min(index, items.length - 1));
  items.forEach((li, i) => li.setAttribute("aria-selected", i === selected ? "true" : "false"));
  items[selected].scrollIntoView({ block: "nearest" });
  return true;
}

export function selectedResult() {
  return selected >= 0 ? results.querySelectorAll(":scope > li")[selected] : null;
}

export function resultKey(event, navigate) {
  if (results.children.length === 0 || results.hidden) return false;
  if (event.key === "ArrowDown") selectResult(selected + 1);
  else if (event.key === "ArrowUp") {
    if (selected <= 0) { selected = -1; results.querySelectorAll(":scope > li").forEach((li) => li.removeAttribute("aria-selected")); $("q").focus(); }
    else selectResult(selected - 1);
  } else if (event.key === "Enter" && selected >= 0) {
    const link = selectedResult().querySelector("a.code-link");
    if (link) navigate(link.getAttribute("href"));
  } else if ((event.key === "n" || event.key === "p") && !pager.hidden) {
    const link = pager.querySelector(`a[rel="${event.key === "n" ? "next" : "prev"}"]`);
    if (!link) return false;
    navigate(link.getAttribute("href"));
  } else return false;
  event.preventDefault();
  return true;
}
