// Drives the medcode web page in Debian's headless Chromium through playwright-core, on the
// fixture index: suggestions, search, paging, filters, the code page's 7th-character picker
// and billable choices, linked note codes, copying, deleted codes, answers and the home
// page, at desktop and phone widths. Exits non-zero with a message on the first check that
// fails.
//   node page_test.mjs BASE_URL
//   node page_test.mjs BASE_URL --screenshot FILE --path "/?q=heart+attack" [--width N] [--select CHAR] [--full]
import { chromium } from "playwright-core";

const base = process.argv[2];
const option = (name) => { const at = process.argv.indexOf(name); return at > 0 ? process.argv[at + 1] : undefined; };
if (!base) {
  console.error("usage: node page_test.mjs BASE_URL [--screenshot FILE --path PATH [--width N] [--select CHAR]]");
  process.exit(64);
}

function check(condition, message) {
  if (!condition) throw new Error("check failed: " + message);
}

const browser = await chromium.launch({
  executablePath: process.env.MEDCODE_CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

// The server's Content-Security-Policy must block nothing the page does: every violation
// any page reports (as an event, which the init script below logs, or Chromium's own console
// message) fails the test at the end.
const cspViolations = [];

async function newPage(width, height) {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.errors = errors;
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
  });
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (event) =>
    console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`)));
  return page;
}

async function api(path) {
  const response = await fetch(base + path);
  return response.json();
}

const codes = (page) => page.$$eval("#results > li .code-link", (links) => links.map((a) => a.textContent));
const text = (page, selector) => page.textContent(selector);
async function noHorizontalScroll(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  check(!overflow, "no horizontal scrolling at " + page.viewportSize().width + " px on " + where);
}
async function openCode(page, path) {
  await page.goto(base + path);
  await page.waitForSelector("#detail:not([hidden]) h1");
}

// Searches and the code page, whatever the width.
async function workbench(page) {
  const width = page.viewportSize().width;

  // Home: what can be typed, by kind, questions among them.
  await page.goto(base + "/");
  await page.waitForSelector("#home:not([hidden]) .examples a");
  const examples = await page.$$eval("#home .examples a", (links) => links.map((a) => a.textContent));
  check(examples.includes("heart attack") && examples.includes("is I21 billable") && examples.includes("E0784"),
    "home page examples: " + examples);
  await noHorizontalScroll(page, "the home page");

  // Paging: two per page; page 2 holds exactly the API's next two, and the URL keeps the page.
  await page.goto(base + "/?q=fracture&per=2");
  await page.waitForSelector("#results > li");
  const ranking = (await api("/v1/search?q=fracture&limit=6")).results.map((hit) => hit.code);
  check(JSON.stringify(await codes(page)) === JSON.stringify(ranking.slice(0, 2)), "page 1: " + await codes(page) + " vs " + ranking);
  check((await text(page, "#pager")).includes("Page 1 of 3"), "pager says page 1 of 3: " + await text(page, "#pager"));
  await page.click("#pager a[rel=next]");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("page") === "2");
  await page.waitForFunction((want) => [...document.querySelectorAll("#results > li .code-link")].map((a) => a.textContent).join() === want,
    ranking.slice(2, 4).join());
  check((await text(page, "#status")).startsWith("3\u20134 of 6 matches"), "status names the slice: " + await text(page, "#status"));
  await page.reload();
  await page.waitForSelector("#results > li");
  check(JSON.stringify(await codes(page)) === JSON.stringify(ranking.slice(2, 4)), "a link to page 2 reproduces it");
  // Keys: n and p page when the search box does not have the focus.
  await page.click("#status");
  await page.keyboard.press("n");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("page") === "3");
  await page.waitForFunction((want) => [...document.querySelectorAll("#results > li .code-link")].map((a) => a.textContent).join() === want,
    ranking.slice(4, 6).join());
  check(await page.isVisible("#pager span.disabled"), "no next page after the last");
  await page.keyboard.press("p");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("page") === "2");
  await noHorizontalScroll(page, "a results page");

  // Filters: billable only, and deleted codes, each kept in the URL.
  await page.goto(base + "/?q=fracture");
  await page.waitForSelector("#results > li");
  await page.check("#billable");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("billable") === "true");
  await page.waitForFunction(() => document.querySelectorAll("#results > li").length === 2);
  const badges = await page.$$eval("#results > li .badge", (items) => items.map((b) => b.textContent));
  check(badges.every((b) => b === "billable"), "billable only: " + badges);
  await page.goto(base + "/?q=contusion+abdominal+wall");
  await page.waitForSelector("#status:not(:empty)");
  await page.waitForFunction(() => !document.querySelector("#status").textContent.startsWith("Searching"));
  check(!(await codes(page)).includes("S30.1XXA"), "a deleted code is not found by text by default");
  await page.check("#include-deleted");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("include_deleted") === "true");
  await page.waitForSelector("#results > li.is-deleted");
  check((await text(page, "#results > li.is-deleted .badge")) === "deleted", "deleted badge in the results");
  check(await page.isChecked("#include-deleted"), "the filter shows as set");

  // A deleted code's page says so, with its replacement linked.
  await page.click("#results > li.is-deleted .code-link");
  await page.waitForSelector("#detail:not([hidden]) .deleted-banner");
  const banner = await text(page, "#detail .deleted-banner");
  check(banner.includes("Deleted in FY2026") && banner.includes("after 2025-09-30") && banner.includes("Replaced by S30.11XA"),
    "deleted banner: " + banner);
  check((await page.getAttribute("#detail .deleted-banner a", "href")) === "/code/icd10cm/S30.11XA", "replacement is a link");
  check((await text(page, "#detail h1 .badge")) === "deleted", "deleted badge in the heading");
  // Back to results returns to the search with its filters.
  await page.click("#detail a.back");
  await page.waitForSelector("#results > li.is-deleted");
  check(page.url().includes("include_deleted=true"), "back keeps the filters: " + page.url());

  // The 7th-character picker builds the full code and checks it is billable.
  await openCode(page, "/code/icd10cm/S52.531");
  await page.selectOption("#seventh-choice", "A");
  await page.waitForSelector("#built-code a.code-link");
  check((await text(page, "#built-code a.code-link")) === "S52.531A", "picker builds S52.531A");
  check((await text(page, "#built-code .badge")) === "billable", "the built code is billable");
  await page.click("#built-code a.code-link");
  await page.waitForFunction(() => location.pathname === "/code/icd10cm/S52.531A");
  await page.waitForFunction(() => document.querySelector("#detail h1").textContent.includes("S52.531A"));
  // With X placeholders: a 3-character category needing a 7th character.
  await openCode(page, "/code/icd10cm/S52.531");
  check(await page.isVisible("#seventh-choice"), "picker on a code needing its 7th character");
  await noHorizontalScroll(page, "the code page with the picker");

  // A header lists its billable codes as choices.
  await openCode(page, "/code/icd10cm/S52");
  await page.waitForSelector("#billable-choice option");
  const choices = await page.$$eval("#billable-choice option", (options) => options.map((o) => o.value));
  check(JSON.stringify(choices) === JSON.stringify(["S52.531A", "S52.532A"]), "billable choices under S52: " + choices);
  await page.selectOption("#billable-choice", "S52.532A");
  await page.click("#open-choice");
  await page.waitForFunction(() => location.pathname === "/code/icd10cm/S52.532A");

  // A code named in a note is a link to its page.
  await openCode(page, "/code/icd10cm/I21.9");
  const noteLink = await page.$("#detail li:has-text('chronic ischemic heart disease') a.code-ref");
  check(noteLink !== null, "the Excludes2 note's code is a link");
  await noteLink.click();
  await page.waitForFunction(() => location.pathname === "/code/icd10cm/I25");
  await page.waitForFunction(() => document.querySelector("#detail h1").textContent.includes("Chronic ischemic heart disease"));

  // Notes from an older release than the one served say so.
  await openCode(page, "/code/icd10cm/I10");
  check((await text(page, "#detail .freshness")).includes("FY2021, older than the FY2026 release served"),
    "note freshness: " + await text(page, "#detail .freshness"));
  check((await page.$$("#detail .year.stale")).length > 0, "stale notes are marked");

  // Copy: the button and the c key put the code on the clipboard.
  await page.click("#detail h1 button.copy");
  check(await page.evaluate(() => navigator.clipboard.readText()) === "I10", "copy button copies I10");
  check((await text(page, "#copied")) === "Copied I10", "copying says so");
  await page.goto(base + "/?q=pneumonia");
  await page.waitForSelector("#results > li");
  await page.click("#results > li:first-child button.copy");
  check(await page.evaluate(() => navigator.clipboard.readText()) === "J18.9", "a result's copy button copies its code");
  await page.focus("#q");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("c");
  check(await page.evaluate(() => navigator.clipboard.readText()) === "J18", "c copies the selected result");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.pathname === "/code/icd10cm/J18");
  await page.waitForSelector("#detail:not([hidden]) a.back");
  await page.keyboard.press("b");
  await page.waitForFunction(() => location.pathname === "/" && location.search.includes("q=pneumonia"));

  // Recent searches are kept in the browser and offered on the home page.
  await page.goto(base + "/");
  await page.waitForSelector("#home .recent a");
  const recent = await page.$$eval("#home .recent a", (links) => links.map((a) => a.textContent));
  check(recent[0] === "pneumonia" && recent.includes("fracture"), "recent searches, newest first: " + recent);
  await page.click("#clear-recent");
  check(await page.$("#home .recent") === null, "recent searches cleared");
  check(page.errors.length === 0, `no script errors at ${width} px: ${page.errors}`);
}

try {
  if (option("--screenshot")) {
    const page = await newPage(Number(option("--width") || 1100), 900);
    await page.goto(base + (option("--path") || "/?q=heart+attack"));
    await page.waitForSelector("#results li, #answer:not([hidden]), #detail:not([hidden]) h1, #home:not([hidden])");
    if (option("--select")) {
      await page.selectOption("#seventh-choice", option("--select"));
      await page.waitForSelector("#built-code a.code-link");
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: option("--screenshot"), fullPage: process.argv.includes("--full") });
    console.log("screenshot written");
    process.exit(0);
  }

  const page = await newPage(1100, 800);

  // 1. Typing shows suggestions; arrows and Enter choose one; Escape closes them.
  await page.goto(base + "/");
  await page.fill("#q", "hypert");
  await page.waitForSelector("#suggestions li");
  const suggestionTexts = await page.$$eval("#suggestions li", (items) => items.map((li) => li.textContent));
  check(suggestionTexts.some((t) => t.includes("hypertension")), "suggestions offer 'hypertension': " + suggestionTexts);
  await page.keyboard.press("ArrowDown");
  check(await page.getAttribute("#suggestions li:first-child", "aria-selected") === "true", "arrow selects first suggestion");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#results > li");
  check(page.url().includes("?q=hypertension"), "search is a deep link: " + page.url());
  check((await text(page, "#results > li:first-child .code-link")) === "I10", "first result for 'hypertension' is I10");
  check((await text(page, "#results > li:first-child .badge")).includes("billable"), "billable badge shown");
  check((await text(page, "#results > li:first-child .system")) === "ICD-10-CM", "system shown");
  await page.fill("#q", "colles");
  await page.waitForSelector("#suggestions li");
  await page.keyboard.press("Escape");
  check(await page.isHidden("#suggestions"), "Escape closes suggestions");

  // 2. A lay phrase finds its code; its page shows hierarchy, notes, index entries, lay names.
  await page.fill("#q", "high blood pressure");
  await page.click("button[type=submit]");
  await page.waitForSelector("#results > li");
  // The guideline box holds the sections that name the top code.
  await page.waitForSelector("#guidelines:not([hidden]) a");
  check((await text(page, "#guidelines h2")).includes("I10"), "guideline box for the top code: " + await text(page, "#guidelines"));
  await page.click("#results > li:first-child .code-link");
  await page.waitForSelector("#detail:not([hidden]) h1");
  const heading = await text(page, "#detail h1");
  check(heading.includes("I10") && heading.includes("Essential (primary) hypertension"), "code view heading: " + heading);
  const detailText = await text(page, "#detail");
  check(detailText.includes("high blood pressure"), "inclusion terms shown");
  check(detailText.includes("Excludes1"), "excludes notes shown");
  check(detailText.includes("Hypertension, hypertensive"), "index entries shown");
  check(detailText.includes("I.C.9.a"), "code view lists the guidelines that name it");
  const alsoCalled = await text(page, "#detail .also-called");
  check(alsoCalled.startsWith("Also called: high blood pressure") && alsoCalled.includes("HTN abbreviation"), "lay names shown: " + alsoCalled);
  check(page.url().endsWith("/code/icd10cm/I10"), "code view is a deep link: " + page.url());
  await page.goBack();
  await page.waitForSelector("#results > li");

  // 3. A deep link to a 7th-character code shows its ancestors and inherited 7th characters.
  await openCode(page, "/code/icd10cm/S52.531A");
  const crumbs = await text(page, "#detail .crumbs");
  check(crumbs.includes("S52") && crumbs.includes("S52.531"), "hierarchy crumbs: " + crumbs);
  const seventh = await text(page, "#detail");
  check(seventh.includes("7th characters (from S52)") && seventh.includes("initial encounter for closed fracture"), "7th characters shown");
  check(await page.$("#seventh-choice") === null, "no picker on a code that has its 7th character");

  // 4. Procedures, supplies and guidelines each say their code set; sections open on their page.
  await page.goto(base + "/?q=laparoscopic+appendectomy");
  await page.waitForSelector("#results > li");
  check((await text(page, "#results > li:first-child .code-link")) === "0DTJ4ZZ", "PCS code first");
  check((await text(page, "#results > li:first-child .system")) === "ICD-10-PCS", "PCS label shown");
  await page.click("#results > li:first-child .code-link");
  await page.waitForSelector("#detail:not([hidden]) h1");
  const procedure = await text(page, "#detail");
  check(procedure.includes("Body Part") && procedure.includes("Percutaneous Endoscopic"), "PCS characters shown");
  await page.goto(base + "/?q=sepsis&system=guidelines");
  await page.waitForSelector("#results > li");
  await page.click("#results > li:first-child .code-link");
  await page.waitForSelector("#detail:not([hidden]) h1");
  check(page.url().includes("/guideline/I.C.1.d"), "guideline deep link: " + page.url());
  check((await text(page, "#detail")).includes("Sepsis"), "guideline section shown");
  await page.goto(base + "/");
  await page.waitForFunction(() => document.querySelector("#index-info").textContent.includes("HCPCS"));

  // 5. A coding question gets an answer card above the results; its claims link to their
  // sources, and the keyboard reaches them.
  await page.goto(base + "/?q=is+I21+billable");
  await page.waitForSelector("#answer:not([hidden]) .summary");
  const summary = await text(page, "#answer .summary");
  check(summary.startsWith("No. I21 \"Acute myocardial infarction\" is a header"), "answer summary: " + summary);
  const answerLinks = await page.$$eval("#answer a", (links) => links.map((a) => a.getAttribute("href")));
  check(answerLinks.includes("/code/icd10cm/I21.9"), "answer links its billable codes: " + answerLinks);
  check(answerLinks.includes("/code/icd10cm/I21"), "answer cites the code page: " + answerLinks);
  await page.focus("#q");
  let reached = false;
  for (let i = 0; i < 12 && !reached; ++i) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement.closest("#answer") !== null);
  }
  check(reached, "Tab reaches the answer card");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#detail:not([hidden]) h1");
  check(page.url().includes("/code/icd10cm/I21"), "Enter on an answer link opens the code: " + page.url());
  check(await page.isHidden("#answer"), "the answer card closes on a code page");
  await page.goto(base + "/?q=guidelines+for+sepsis");
  await page.waitForSelector("#answer:not([hidden]) .answer-sections a");
  check((await page.getAttribute("#answer .answer-sections a", "href")).startsWith("/guideline/I.C.1.d"), "answer quotes the sepsis section");
  await page.goto(base + "/?q=colles+fracture");
  await page.waitForSelector("#results > li");
  check(await page.isHidden("#answer"), "a phrase gets no answer card");

  // 6. References in official text become links: codes, ranges, open categories, and
  // guideline sections, "5(a)" written as its id's ".5.a"; words shaped like codes inside
  // other words stay text.
  const linked = await page.evaluate(async () => {
    const { linkReferences } = await import("/assets/util.js");
    const html = linkReferences("See Section I.C.19.e.5(a). Code also I21.0-I21.4, diabetes (E08-E13), E11.-, not AB12C or T2DM <x>");
    const box = document.createElement("div");
    box.innerHTML = html;
    return { hrefs: [...box.querySelectorAll("a")].map((a) => a.getAttribute("href") + " " + a.textContent), text: box.textContent };
  });
  check(JSON.stringify(linked.hrefs) === JSON.stringify(["/guideline/I.C.19.e.5.a I.C.19.e.5(a)", "/code/icd10cm/I21.0 I21.0",
    "/code/icd10cm/I21.4 I21.4", "/code/icd10cm/E08 E08", "/code/icd10cm/E13 E13", "/code/icd10cm/E11 E11.-"]),
    "references linked: " + JSON.stringify(linked.hrefs));
  check(linked.text.endsWith("not AB12C or T2DM <x>"), "text kept and escaped: " + linked.text);

  // 7. The workbench at desktop and phone widths.
  await workbench(page);
  await workbench(await newPage(375, 740));

  // 8. Security headers: the page is sent with its policy, nothing was blocked, and a
  // blocked inline script is reported (so the listener above can see a violation).
  const served = await page.goto(base + "/");
  const headers = served.headers();
  check(headers["content-security-policy"] === "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'", "page CSP: " + headers["content-security-policy"]);
  check(headers["x-content-type-options"] === "nosniff" && headers["referrer-policy"] === "no-referrer" &&
    headers["x-frame-options"] === "DENY", "page security headers: " + JSON.stringify(headers));
  check(cspViolations.length === 0, `no Content-Security-Policy violations (${cspViolations.length}): ` +
    cspViolations.slice(0, 3).join("; "));
  await page.waitForSelector("#home:not([hidden]) .examples a");
  const reported = page.waitForEvent("console", (message) => message.text().includes("Content Security Policy"));
  await page.evaluate(() => { const inline = document.createElement("script"); inline.textContent = "window.inlineRan = true"; document.body.append(inline); });
  await reported;
  check(await page.evaluate(() => window.inlineRan !== true), "an inline script does not run");

  console.log("page test passed");
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
