// The home page: what can be typed, by kind, and the searches made in this browser.
import { $, escapeHtml } from "./util.js";

const home = $("home");
const kRecentKey = "medcode.recent", kMaxRecent = 8;

const examples = [
  ["Conditions in plain words", ["heart attack", "broken wrist left", "high blood pressure"]],
  ["Misspelled", ["pnuemonia", "diabetis type 2"]],
  ["Procedures", ["laparoscopic appendectomy", "upper endoscopy with biopsy"]],
  ["Supplies, drugs and equipment", ["insulin pump supplies", "blood glucose test strips"]],
  ["Codes, as written or not", ["I21.9", "i219", "0DTJ4ZZ", "E0784"]],
  ["Questions", ["what is I10", "is I21 billable", "can E11.9 and E11.65 be coded together", "guidelines for sepsis"]],
];

function recent() {
  try {
    const list = JSON.parse(localStorage.getItem(kRecentKey) || "[]");
    return Array.isArray(list) ? list.filter((r) => r && typeof r.q === "string" && typeof r.href === "string") : [];
  } catch (error) {
    return [];
  }
}

// Newest first, each query once.
export function rememberSearch(q, href) {
  const list = [{ q, href }].concat(recent().filter((r) => r.q !== q)).slice(0, kMaxRecent);
  try { localStorage.setItem(kRecentKey, JSON.stringify(list)); } catch (error) { /* private mode: nothing kept */ }
}

export function showHome() {
  const searches = recent();
  home.innerHTML = `
    <h1>Search US medical codes</h1>
    <p>ICD-10-CM diagnoses, ICD-10-PCS procedures, HCPCS Level II supplies and services, and the Official Guidelines.
       Type a phrase, a code, or a coding question.</p>
    ${searches.length ? `<section class="recent" aria-labelledby="recent-heading"><h2 id="recent-heading">Your recent searches</h2>
      <ul>${searches.map((r) => `<li><a href="${escapeHtml(r.href)}">${escapeHtml(r.q)}</a></li>`).join("")}</ul>
      <button type="button" id="clear-recent" class="plain">Clear recent searches</button></section>` : ""}
    <section class="examples" aria-labelledby="examples-heading"><h2 id="examples-heading">Try</h2>
      <dl>${examples.map(([kind, queries]) => `<dt>${escapeHtml(kind)}</dt><dd>${queries.map((q) =>
        `<a href="/?q=${encodeURIComponent(q)}">${escapeHtml(q)}</a>`).join(" · ")}</dd>`).join("")}</dl></section>
    <p class="keys">Keys: <kbd>/</kbd> search box, <kbd>&darr;</kbd><kbd>&uarr;</kbd> results, <kbd>Enter</kbd> open,
      <kbd>c</kbd> copy code, <kbd>n</kbd>/<kbd>p</kbd> next or previous page, <kbd>b</kbd> back to results.</p>`;
  home.hidden = false;
  const clear = $("clear-recent");
  if (clear) clear.addEventListener("click", () => { localStorage.removeItem(kRecentKey); showHome(); });
}

export function hideHome() {
  home.hidden = true;
}
