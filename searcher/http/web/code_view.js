// The code page: title, status, hierarchy, notes (with their codes linked), 7th characters
// with a picker that builds the full code, the billable codes under a header, index
// entries, guidelines, and how fresh each piece is.
import { $, api, escapeHtml, codeHref, systemLabel, badge, copyButton, linkReferences } from "./util.js";

const detail = $("detail");
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

function attribute(d, name) {
  const found = (d.attributes || []).find((a) => a.name === name);
  return found ? found.value : "";
}

// A deleted or terminated code says so before anything else, with what replaces it.
function statusBanner(d) {
  if (d.status === "active") return "";
  const replaced = d.replaced_by.map((code) => `<a class="code-link" href="${codeHref(d.system, code)}">${escapeHtml(code)}</a>`);
  if (d.status === "terminated") {
    const date = attribute(d, "Termination date");
    return `<div class="deleted-banner" role="note"><b>Terminated.</b> ${escapeHtml(d.code)} is no longer valid${date ? ` after ${escapeHtml(date)}` : ""}.</div>`;
  }
  const v = d.validity;
  return `<div class="deleted-banner" role="note"><b>Deleted in ${escapeHtml((v.until_release || "").toUpperCase())}.</b>
    ${escapeHtml(d.code)} is not valid for dates of service ${v.through_date ? `after ${escapeHtml(v.through_date)}` : "in the release served"}.
    ${replaced.length ? `Replaced by ${replaced.join(", ")} (conversion table).`
    : d.system === "icd10cm" ? "The conversion table names no replacement." : ""}</div>`;
}

// "fy2026" -> 2026; "2025-oct" -> 2025.
function releaseYear(release) {
  const match = /(\d{4})/.exec(release || "");
  return match ? Number(match[1]) : 0;
}

// Notes, inclusion terms and index entries each come from the release of the file that had
// them; when the newest such file is older than the release served, say so where it shows.
function freshness(d) {
  const served = releaseYear(d.release);
  if (d.system !== "icd10cm" || !served) return { banner: "", year: (y) => `<span class="year">FY${y}</span>` };
  const years = d.notes.concat(d.inherited_notes).map((n) => n.release_year)
    .concat(d.index_entries.map((e) => e.release_year), d.seventh_characters.options.map((o) => o.release_year),
      d.inclusion_terms.terms.length ? [d.inclusion_terms.release_year] : [])
    .filter((y) => y > 0);
  const older = [...new Set(years.filter((y) => y < served))].sort();
  const year = (y) => `<span class="year${y && y < served ? " stale" : ""}" title="${y && y < served ? `From FY${y}, older than the FY${served} release served` : `From FY${y}`}">FY${y}</span>`;
  const banner = older.length ? `<p class="freshness" role="note">Some notes and index entries here come from
    ${older.map((y) => "FY" + y).join(" and ")}, older than the FY${served} release served: this index was built from no newer
    file with them. The title, billable status and validity are FY${served}'s. Each item shows the release it came from.</p>` : "";
  return { banner, year };
}

// The full code for a category that needs a 7th character: X fills the places up to the
// 6th (S30.1 + A = S30.1XXA; T39.1X1 + A = T39.1X1A).
export function withSeventh(code, character) {
  const compact = code.replace(".", "").padEnd(6, "X") + character;
  return compact.slice(0, 3) + "." + compact.slice(3);
}

function needsSeventh(d) {
  if (d.system !== "icd10cm" || d.billable || d.status !== "active" || !d.seventh_characters.options.length) return false;
  const compact = d.code.replace(".", "");
  // Children short of seven characters are more specific codes to choose first.
  return compact.length < 7 && d.children.every((c) => c.code.replace(".", "").length === 7);
}

function seventhPicker(d) {
  const options = d.seventh_characters.options.map((o) =>
    `<option value="${escapeHtml(o.character)}">${escapeHtml(o.character)}: ${escapeHtml(o.meaning)}</option>`).join("");
  return `<section class="picker" aria-labelledby="picker-heading">
    <h2 id="picker-heading">Build the code</h2>
    <label for="seventh-choice">7th character</label>
    <select id="seventh-choice"><option value="">Choose...</option>${options}</select>
    <output id="built-code" for="seventh-choice" aria-live="polite"></output></section>`;
}

async function showBuilt(d, character) {
  const out = $("built-code");
  if (!character) { out.innerHTML = ""; return; }
  const code = withSeventh(d.code, character);
  out.innerHTML = `<span class="code-link">${escapeHtml(code)}</span> checking...`;
  try {
    const built = await api("/v1/codes/icd10cm/" + encodeURIComponent(code));
    out.innerHTML = `<a class="code-link" href="${codeHref("icd10cm", built.code)}">${escapeHtml(built.code)}</a>
      ${escapeHtml(built.title)} ${badge(built.billable, "icd10cm", built.status)} ${copyButton(built.code)}`;
  } catch (error) {
    out.innerHTML = `<span class="code-link">${escapeHtml(code)}</span> is not a code in this release: ${escapeHtml(error.message)}`;
  }
}

// A header lists the billable codes under it as choices (the code search gives a prefix's
// descendants in tabular order).
async function billablePicker(d) {
  const box = $("billable-under");
  const params = new URLSearchParams({ q: d.code, system: d.system, billable: "true", limit: "200" });
  try {
    const data = await api("/v1/search?" + params);
    const compact = d.code.replace(".", "");
    const codes = data.results.filter((hit) => hit.code.replace(".", "").startsWith(compact) && hit.code !== d.code);
    if (!codes.length) { box.hidden = true; return; }
    box.innerHTML = `<h2 id="billable-heading">Billable codes under ${escapeHtml(d.code)}</h2>
      <label for="billable-choice">Choose a billable code${data.total > codes.length + 1 ? ` (the first ${codes.length})` : ` (${codes.length})`}</label>
      <select id="billable-choice" size="${Math.min(8, codes.length + 1)}">${codes.map((hit) =>
        `<option value="${escapeHtml(hit.code)}">${escapeHtml(hit.code)} ${escapeHtml(hit.title)}</option>`).join("")}</select>
      <div class="choice-actions"><button type="button" id="open-choice">Open</button>
      <button type="button" id="copy-choice" class="copy">Copy</button></div>`;
    box.hidden = false;
    const choice = $("billable-choice");
    choice.selectedIndex = 0;
    $("copy-choice").dataset.copy = choice.value;
    choice.addEventListener("change", () => { $("copy-choice").dataset.copy = choice.value; });
    $("open-choice").addEventListener("click", () => box.dispatchEvent(new CustomEvent("open-code", { bubbles: true, detail: codeHref(d.system, choice.value) })));
    choice.addEventListener("keydown", (event) => { if (event.key === "Enter") { event.preventDefault(); $("open-choice").click(); } });
  } catch (error) {
    box.hidden = true;
  }
}

export function renderDetail(d) {
  const guideline = d.system === "guidelines";
  const fresh = freshness(d);
  const crumbs = [guideline ? "" : (d.chapter.number ? `${d.system === "icd10cm" ? "Chapter " : ""}${escapeHtml(d.chapter.number)}: ${escapeHtml(d.chapter.title)}` : ""),
    d.section.id ? `${escapeHtml(d.section.id)} ${escapeHtml(d.section.title)}` : ""]
    .concat(d.ancestors.map((a) => `<a href="${codeHref(d.system, a.code)}">${escapeHtml(a.code)}</a> ${escapeHtml(a.title)}`))
    .filter(Boolean).join(" &rsaquo; ");
  const notes = d.notes.map((n) => `<li><b>${noteNames[n.kind] || n.kind}:</b> ${linkReferences(n.text)} ${fresh.year(n.release_year)}</li>`)
    .concat(d.inherited_notes.map((n) => `<li><b>${noteNames[n.kind] || n.kind}</b> (from <a class="code-link" href="${codeHref(d.system, n.from_code)}">${escapeHtml(n.from_code)}</a>): ${linkReferences(n.text)} ${fresh.year(n.release_year)}</li>`));
  const seventh = d.seventh_characters.options.map((o) => `<li><b>${escapeHtml(o.character)}</b> ${escapeHtml(o.meaning)}</li>`);
  const index = d.index_entries.map((e) => `<li>${escapeHtml(e.path.join(" › "))}${e.column ? ` <i>(${escapeHtml(e.column)})</i>` : ""} <span class="year">${escapeHtml(e.source.replace(/_/g, " "))},</span> ${fresh.year(e.release_year)}</li>`);
  const children = d.children.map((c) => `<li><a class="code-link" href="${codeHref(d.system, c.code)}">${escapeHtml(c.code)}</a> ${escapeHtml(c.title)} ${guideline ? "" : badge(c.billable, d.system)}</li>`);
  const alsoCalled = (d.attributes || []).filter((a) => a.name === "Also called")
    .map((a) => `${escapeHtml(a.value)} <span class="year">${escapeHtml(a.detail.split(" (")[0])}</span>`);
  const codeListed = new Set(["Replaced by", "Replaces"]);
  const attributes = (d.attributes || []).filter((a) => a.name !== "Page" && a.name !== "Also called").map((a) =>
    `<tr><th>${escapeHtml(a.name)}</th><td>${codeListed.has(a.name) ? linkReferences(a.value) : escapeHtml(a.value)}${a.detail ? `<div class="year">${escapeHtml(a.detail)}</div>` : ""}</td></tr>`);
  const guidelines = (d.guidelines || []).map((g) => `<li><a href="${codeHref("guidelines", g.section)}"><b>${escapeHtml(g.section)}</b> ${escapeHtml(g.title)}</a> <span class="year">names ${escapeHtml(g.via_code)}</span></li>`);
  const referenced = (d.referenced_codes || []).map((c) => `<li>${linkReferences(c)}</li>`);
  const section = (title, items, always) => items.length || always ? `<h2>${title}</h2>${list(items)}` : "";
  const cm = d.system === "icd10cm";
  const back = sessionStorage.getItem("medcode.lastResults");
  const inclusion = d.inclusion_terms.terms.map((t) => `<li>${escapeHtml(t)}</li>`);
  detail.innerHTML = `
    ${back ? `<a class="back" href="${escapeHtml(back)}" aria-keyshortcuts="b">&larr; Back to results</a>` : ""}
    <p class="crumbs">${crumbs}</p>
    <h1><span class="code-link">${escapeHtml(d.code)}</span> ${escapeHtml(d.title)} ${badge(d.billable, d.system, d.status)} ${systemLabel(d.system)}
      ${copyButton(d.code)}</h1>
    ${statusBanner(d)}
    ${d.short_title && d.short_title !== d.title ? `<p class="year">Short title: ${escapeHtml(d.short_title)}</p>` : ""}
    ${alsoCalled.length ? `<p class="also-called">Also called: ${alsoCalled.join(", ")}</p>` : ""}
    ${validityLine(d)}
    ${d.times_reported ? `<p class="validity">Reported ${d.times_reported.toLocaleString("en-US")} times in California hospital care in 2023 (HCAI)</p>` : ""}
    ${fresh.banner}
    ${d.description ? `<div class="description">${guideline ? linkReferences(d.description) : escapeHtml(d.description)}</div>` : ""}
    ${needsSeventh(d) ? seventhPicker(d) : ""}
    <section id="billable-under" class="picker" hidden aria-labelledby="billable-heading"></section>
    ${attributes.length ? `<h2>${d.system === "icd10pcs" ? "Characters" : "Details"}</h2><table class="attributes">${attributes.join("")}</table>` : ""}
    ${section("Notes", notes, cm)}
    ${seventh.length ? `<h2>7th characters${d.seventh_characters.from_code !== d.code ? " (from " + escapeHtml(d.seventh_characters.from_code) + ")" : ""}</h2>${list(seventh)}` : ""}
    ${section("Inclusion terms", inclusion, cm)}
    ${inclusion.length && d.inclusion_terms.release_year ? `<p>${fresh.year(d.inclusion_terms.release_year)}</p>` : ""}
    ${section("Index entries", index, cm)}
    ${section("Official Guidelines", guidelines, false)}
    ${section("Codes named", referenced, false)}
    ${section(guideline ? "Subsections" : "Children", children, !guideline)}`;
  detail.hidden = false;
  document.title = d.code + " " + d.title + " - medcode";
  const seventhChoice = $("seventh-choice");
  if (seventhChoice) seventhChoice.addEventListener("change", () => showBuilt(d, seventhChoice.value));
  else if (!guideline && !d.billable && d.status === "active" && d.children.length) billablePicker(d);
}

export async function showCode(system, code) {
  const statusLine = $("status");
  statusLine.textContent = "Loading " + code + "...";
  const path = system === "guidelines" ? "/v1/guidelines/" + encodeURIComponent(code)
    : "/v1/codes/" + encodeURIComponent(system) + "/" + encodeURIComponent(code);
  try {
    renderDetail(await api(path));
    statusLine.textContent = "";
  } catch (error) {
    detail.hidden = true;
    statusLine.textContent = error.message;
  }
}

export function hideDetail() {
  detail.hidden = true;
}
