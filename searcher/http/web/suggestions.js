// The search box's as-you-type suggestions: whole phrases and codes, from /v1/suggest.
// Arrows move through them, Enter takes one, Escape closes them.
import { $, api, escapeHtml, systemLabel } from "./util.js";

const input = $("q"), box = $("suggestions");
let timer = null, items = [], selected = -1, sequence = 0;
let onChoose = () => {};

export function closeSuggestions() {
  box.hidden = true;
  box.innerHTML = "";
  input.setAttribute("aria-expanded", "false");
  items = [];
  selected = -1;
}

function render(data) {
  items = [];
  for (const text of data.completions) items.push({ kind: "text", text });
  for (const hit of data.codes) items.push({ kind: "code", hit });
  if (items.length === 0) return closeSuggestions();
  box.innerHTML = items.map((item, i) => item.kind === "text"
    ? `<li role="option" id="s${i}" data-i="${i}">${escapeHtml(item.text)}</li>`
    : `<li role="option" id="s${i}" data-i="${i}"><span class="code">${escapeHtml(item.hit.code)}</span>${escapeHtml(item.hit.title)} ${systemLabel(item.hit.system)}</li>`).join("");
  box.hidden = false;
  input.setAttribute("aria-expanded", "true");
  selected = -1;
}

// filters: the search's system and release, which suggestions keep to.
async function fetchSuggestions(filters) {
  const text = input.value;
  if (text.trim() === "") return closeSuggestions();
  const seq = ++sequence;
  const params = new URLSearchParams({ q: text, limit: "6" });
  if (filters.system) params.set("system", filters.system);
  if (filters.release) params.set("release", filters.release);
  try {
    const data = await api("/v1/suggest?" + params);
    if (seq === sequence && document.activeElement === input) render(data);
  } catch (error) {
    closeSuggestions();
  }
}

function highlight(index) {
  box.querySelectorAll("li").forEach((li, i) => li.setAttribute("aria-selected", i === index ? "true" : "false"));
  selected = index;
  if (index >= 0) input.setAttribute("aria-activedescendant", "s" + index);
}

function choose(index) {
  const item = items[index];
  closeSuggestions();
  if (item) onChoose(item);
}

// choose(item) gets {kind: "text", text} or {kind: "code", hit}; filters() the current filters.
// Returns true when the key was the suggestion box's.
export function setUpSuggestions(chooseItem, filters) {
  onChoose = chooseItem;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => fetchSuggestions(filters()), 120); });
  box.addEventListener("mousedown", (event) => {
    const li = event.target.closest("li");
    if (li) { event.preventDefault(); choose(Number(li.dataset.i)); }
  });
  input.addEventListener("blur", () => setTimeout(closeSuggestions, 150));
}

export function suggestionKey(event) {
  const open = !box.hidden && items.length > 0;
  if (event.key === "ArrowDown" && open) highlight(Math.min(selected + 1, items.length - 1));
  else if (event.key === "ArrowUp" && open) highlight(Math.max(selected - 1, -1));
  else if (event.key === "Enter" && open && selected >= 0) choose(selected);
  else if (event.key === "Escape" && open) closeSuggestions();
  else return false;
  event.preventDefault();
  return true;
}
