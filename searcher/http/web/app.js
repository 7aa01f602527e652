// medcode web page: routing, the search form and its filters, and the keys.
// Deep links: /?q=heart+attack&system=icd10cm&billable=true&page=2, /code/{system}/{code}
// and /guideline/{section}. Keys: / search box, arrows move through suggestions or results,
// Enter opens, Escape closes suggestions, c copies the code, n/p page, b back to results.
import { $, api, systemNames, copyCode } from "./util.js";
import { setUpSuggestions, closeSuggestions, suggestionKey } from "./suggestions.js";
import { searchState, searchHref, showResults, clearResults, selectResult, selectedResult, resultKey } from "./results_view.js";
import { showCode, hideDetail } from "./code_view.js";
import { showHome, hideHome } from "./home_view.js";

const input = $("q"), systemSelect = $("system"), releaseSelect = $("release");
const billableBox = $("billable"), deletedBox = $("include-deleted");

// The form's filters; per page comes from the URL, as it has no control of its own.
function formState(page) {
  const current = searchState(new URLSearchParams(location.search));
  return { q: input.value.trim(), system: systemSelect.value, release: releaseSelect.value,
    billable: billableBox.checked, includeDeleted: deletedBox.checked, page: page || 1, per: current.per };
}

function search() {
  closeSuggestions();
  if (input.value.trim() === "") return;
  navigate(searchHref(formState(1)));
}

export function navigate(href) {
  history.pushState(null, "", href);
  route();
}

function route() {
  const match = location.pathname.match(/^\/code\/([^/]+)\/([^/]+)$/);
  const section = location.pathname.match(/^\/guideline\/([^/]+)$/);
  if (match || section) {
    clearResults();
    hideHome();
    closeSuggestions();
    return match ? showCode(decodeURIComponent(match[1]), decodeURIComponent(match[2]))
      : showCode("guidelines", decodeURIComponent(section[1]));
  }
  hideDetail();
  const state = searchState(new URLSearchParams(location.search));
  input.value = state.q;
  systemSelect.value = state.system;
  releaseSelect.value = state.release;
  billableBox.checked = state.billable;
  deletedBox.checked = state.includeDeleted;
  document.title = state.q ? state.q + " - medcode" : "medcode";
  if (state.q) { hideHome(); showResults(state); } else { clearResults(); showHome(); }
}

setUpSuggestions((item) => {
  if (item.kind === "code") return navigate(`/code/${encodeURIComponent(item.hit.system)}/${encodeURIComponent(item.hit.code)}`);
  input.value = item.text;
  search();
}, () => ({ system: systemSelect.value, release: releaseSelect.value }));

input.addEventListener("keydown", (event) => {
  if (suggestionKey(event)) return;
  if (event.key === "ArrowDown" && selectResult(0)) { event.preventDefault(); input.blur(); }
});
$("search-form").addEventListener("submit", (event) => { event.preventDefault(); search(); });
// A filter applies at once to the search shown, from its first page.
for (const control of [systemSelect, releaseSelect, billableBox, deletedBox]) {
  control.addEventListener("change", () => { if (input.value.trim() !== "" && location.pathname === "/") search(); });
}

function typing(target) {
  return target.closest("input, select, textarea, [contenteditable]") !== null;
}

document.addEventListener("keydown", (event) => {
  if (event.metaKey || event.ctrlKey || event.altKey || typing(event.target)) return;
  if (event.key === "/") { event.preventDefault(); input.focus(); input.select(); return; }
  const onCode = !$("detail").hidden;
  if (event.key === "c") {
    const source = onCode ? $("detail").querySelector("h1 [data-copy]") : selectedResult()?.querySelector("[data-copy]");
    if (source) { event.preventDefault(); copyCode(source.dataset.copy); }
    return;
  }
  if (event.key === "b" && onCode) {
    const back = $("detail").querySelector("a.back");
    if (back) { event.preventDefault(); navigate(back.getAttribute("href")); }
    return;
  }
  if (!onCode) resultKey(event, navigate);
});

document.addEventListener("click", (event) => {
  const copy = event.target.closest("[data-copy]");
  if (copy) { event.preventDefault(); copyCode(copy.dataset.copy); return; }
  const link = event.target.closest("a[href^='/']");
  if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  if (link.getAttribute("href").startsWith("/v1/") || link.getAttribute("href").startsWith("/assets/")) return;
  event.preventDefault();
  navigate(link.getAttribute("href"));
});
document.addEventListener("open-code", (event) => navigate(event.detail));
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
  const wanted = searchState(new URLSearchParams(location.search));
  if (wanted.system) systemSelect.value = wanted.system;
  if (wanted.release) releaseSelect.value = wanted.release;
}).catch(() => {});
route();
