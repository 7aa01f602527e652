// Small pieces every view uses: the API call, HTML escaping, links to code pages, badges,
// copying a code, and turning code and section references in official text into links.

export const $ = (id) => document.getElementById(id);

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

export async function api(path) {
  const response = await fetch(path);
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.error ? body.error.message : response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}

export function codeHref(system, code) {
  if (system === "guidelines") return "/guideline/" + encodeURIComponent(code);
  return "/code/" + encodeURIComponent(system) + "/" + encodeURIComponent(code);
}

export const systemNames = { icd10cm: "ICD-10-CM", icd10pcs: "ICD-10-PCS", hcpcs: "HCPCS", guidelines: "Guidelines" };

export function systemLabel(system) {
  return `<span class="system system-${escapeHtml(system)}">${escapeHtml(systemNames[system] || system.toUpperCase())}</span>`;
}

// A deleted or terminated code shows that first: its billable flag is what it used to be.
export function badge(billable, system, status) {
  if (system === "guidelines") return '<span class="badge section">section</span>';
  if (status === "deleted") return '<span class="badge deleted">deleted</span>';
  if (status === "terminated") return '<span class="badge deleted">terminated</span>';
  return billable ? '<span class="badge billable">billable</span>' : '<span class="badge header">not billable</span>';
}

export function copyButton(code) {
  return `<button type="button" class="copy" data-copy="${escapeHtml(code)}" title="Copy ${escapeHtml(code)} (key c)"
    aria-label="Copy ${escapeHtml(code)}">Copy</button>`;
}

// Says what was copied in the status line, which screen readers announce.
export async function copyCode(code) {
  try {
    await navigator.clipboard.writeText(code);
  } catch (error) {
    // Without the clipboard API (plain http on another host), a selected textarea still copies.
    const area = document.createElement("textarea");
    area.value = code;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  const notice = $("copied");
  notice.textContent = "Copied " + code;
  notice.hidden = false;
  clearTimeout(copyCode.timer);
  copyCode.timer = setTimeout(() => { notice.hidden = true; }, 2000);
}

// ICD-10-CM codes as the tabular writes them in notes: "I21.0-", "E11.-", "(I20-I25)";
// guideline cross-references: "See Section I.C.19.e.5(a)".
const cmCode = /(^|[^A-Za-z0-9.])([A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?)(\.-|-(?![A-Z][0-9]))?(?![A-Za-z0-9])/g;
const sectionReference = /\b(Sections?\s+)((?:IV|I{1,3})\.[A-Z](?:\.[0-9a-z]+|\([0-9a-z]+\))*)/g;

function sectionId(written) {
  return written.replace(/\((\w+)\)/g, ".$1").replace(/\.$/, "");
}

// text is plain; the result is HTML with each reference a link.
export function linkReferences(text) {
  let html = escapeHtml(text);
  html = html.replace(sectionReference, (all, word, id) =>
    `${word}<a class="ref" href="${codeHref("guidelines", sectionId(id))}">${id}</a>`);
  // Section links are inside tags now; codes are linked only outside them.
  return html.split(/(<a [^>]*>.*?<\/a>)/).map((part) => part.startsWith("<a ") ? part
    : part.replace(cmCode, (all, before, code, dash) =>
      `${before}<a class="code-ref" href="${codeHref("icd10cm", code)}">${code}${dash || ""}</a>`)).join("");
}
