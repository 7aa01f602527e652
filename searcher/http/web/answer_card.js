// A coding question's answer, above the results: the summary, what it rests on, the codes
// it names and its sources, each linked to the code page or guideline section.
import { $, escapeHtml, codeHref, badge } from "./util.js";

const card = $("answer");
const answerNames = { what_is: "Code", billable: "Billable?", compare: "Comparison", together: "Coding together",
  guidelines: "Official Guidelines", how_to_code: "How to code", validity: "Validity", replacement: "Replacement",
  changes: "Changes", crosswalk: "Crosswalk", out_of_scope: "Outside these code sets" };
const roleNames = { asked: "asked", billable_code: "billable code", replacement: "replacement", combination: "combination code",
  result: "match", changed: "changed", alternative: "instead" };

export function renderAnswer(answer) {
  if (!answer || answer.type === "none") { card.hidden = true; card.innerHTML = ""; return; }
  const codes = answer.codes.map((c) => `<li><a class="code-link" href="${codeHref(c.system, c.code)}">${escapeHtml(c.code)}</a>
      ${escapeHtml(c.title)} ${c.title ? badge(c.billable, c.system) : ""} <span class="role">${escapeHtml(roleNames[c.role] || c.role)}</span>
      ${c.detail ? `<span class="year">${escapeHtml(c.detail)}</span>` : ""}</li>`);
  const sections = answer.sections.map((s) => `<li><a href="${codeHref("guidelines", s.section)}"><b>${escapeHtml(s.section)}</b>
      ${escapeHtml(s.title)}</a>${s.text ? `<p class="excerpt">${escapeHtml(s.text)}</p>` : ""}</li>`);
  const sources = answer.citations.map((c) => `<li>${c.href ? `<a href="${escapeHtml(c.href)}">${escapeHtml(c.label)}</a>` : escapeHtml(c.label)}${c.text ? `: <q>${escapeHtml(c.text)}</q>` : ""}</li>`);
  card.innerHTML = `
    <h2 id="answer-heading">${escapeHtml(answerNames[answer.type] || answer.type)}</h2>
    <p class="summary">${escapeHtml(answer.summary)}</p>
    ${answer.facts.length ? `<ul class="facts">${answer.facts.map((f) => `<li>${escapeHtml(f)}</li>`).join("")}</ul>` : ""}
    ${codes.length ? `<ul class="answer-codes">${codes.join("")}</ul>` : ""}
    ${sections.length ? `<ul class="answer-sections">${sections.join("")}</ul>` : ""}
    ${answer.suggestion ? `<p class="suggestion">${escapeHtml(answer.suggestion)}</p>` : ""}
    ${sources.length ? `<details class="sources" open><summary>Sources</summary><ul>${sources.join("")}</ul></details>` : ""}`;
  card.hidden = false;
}
