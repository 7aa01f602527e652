// Drives the medcode web page in Debian's headless Chromium through playwright-core:
// types a query, sees suggestions, searches, opens a code, follows a deep link, uses the
// keyboard. Exits non-zero with a message on the first check that fails.
//   node page_test.mjs BASE_URL [--screenshot FILE --query "heart attack"]
import { chromium } from "playwright-core";

const base = process.argv[2];
const screenshotAt = process.argv.indexOf("--screenshot");
const queryAt = process.argv.indexOf("--query");
if (!base) {
  console.error("usage: node page_test.mjs BASE_URL [--screenshot FILE --query TEXT]");
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
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  page.setDefaultTimeout(10000);

  if (screenshotAt > 0) {
    // Screenshot mode: results for a lay phrase, for docs/.
    const query = queryAt > 0 ? process.argv[queryAt + 1] : "heart attack";
    await page.goto(base + "/?q=" + encodeURIComponent(query));
    await page.waitForSelector("#results li, #answer:not([hidden])");
    await page.screenshot({ path: process.argv[screenshotAt + 1], fullPage: false });
    console.log("screenshot written");
    process.exit(0);
  }

  // 1. Typing shows suggestions.
  await page.goto(base + "/");
  await page.fill("#q", "hypert");
  await page.waitForSelector("#suggestions li");
  const suggestionTexts = await page.$$eval("#suggestions li", (items) => items.map((li) => li.textContent));
  check(suggestionTexts.some((text) => text.includes("hypertension")), "suggestions offer 'hypertension': " + suggestionTexts);

  // 2. Keyboard: arrow down onto the first suggestion, Enter searches it.
  await page.keyboard.press("ArrowDown");
  check(await page.getAttribute("#suggestions li:first-child", "aria-selected") === "true", "arrow selects first suggestion");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#results li");
  check(page.url().includes("?q=hypertension"), "search is a deep link: " + page.url());
  const first = await page.textContent("#results li:first-child .code-link");
  check(first === "I10", "first result for 'hypertension' is I10, got " + first);
  check((await page.textContent("#results li:first-child .badge")).includes("billable"), "billable badge shown");
  check((await page.textContent("#results li:first-child .system")) === "ICD-10-CM", "system shown");

  // 3. Escape closes suggestions.
  await page.fill("#q", "colles");
  await page.waitForSelector("#suggestions li");
  await page.keyboard.press("Escape");
  check(await page.isHidden("#suggestions"), "Escape closes suggestions");

  // 4. A lay phrase finds its code; opening it shows hierarchy, notes and index entries.
  await page.fill("#q", "high blood pressure");
  await page.click("button[type=submit]");
  await page.waitForSelector("#results li");
  await page.click("#results li:first-child .code-link");
  await page.waitForSelector("#detail:not([hidden]) h1");
  const heading = await page.textContent("#detail h1");
  check(heading.includes("I10") && heading.includes("Essential (primary) hypertension"), "code view heading: " + heading);
  const detailText = await page.textContent("#detail");
  check(detailText.includes("high blood pressure"), "inclusion terms shown");
  check(detailText.includes("Excludes1"), "excludes notes shown");
  check(detailText.includes("Hypertension, hypertensive"), "index entries shown");
  const alsoCalled = await page.textContent("#detail .also-called");
  check(alsoCalled.startsWith("Also called: high blood pressure") && alsoCalled.includes("HTN abbreviation"), "lay names shown: " + alsoCalled);
  check(page.url().endsWith("/code/icd10cm/I10"), "code view is a deep link: " + page.url());

  // 5. A deep link to a 7th-character code shows its ancestors and inherited 7th characters.
  await page.goto(base + "/code/icd10cm/S52.531A");
  await page.waitForSelector("#detail:not([hidden]) h1");
  const crumbs = await page.textContent("#detail .crumbs");
  check(crumbs.includes("S52") && crumbs.includes("S52.531"), "hierarchy crumbs: " + crumbs);
  const seventh = await page.textContent("#detail");
  check(seventh.includes("7th characters (from S52)") && seventh.includes("initial encounter for closed fracture"), "7th characters shown");

  // 6. Back goes back to the results.
  await page.goBack();
  await page.goBack();
  await page.waitForSelector("#results li");

  // 7. Procedures, supplies and guidelines: each result says its code set; the guideline
  // sections about the query are shown beside the codes and open on their own page.
  await page.goto(base + "/?q=laparoscopic+appendectomy");
  await page.waitForSelector("#results li");
  check((await page.textContent("#results li:first-child .code-link")) === "0DTJ4ZZ", "PCS code first");
  check((await page.textContent("#results li:first-child .system")) === "ICD-10-PCS", "PCS label shown");
  await page.click("#results li:first-child .code-link");
  await page.waitForSelector("#detail:not([hidden]) h1");
  const procedure = await page.textContent("#detail");
  check(procedure.includes("Body Part") && procedure.includes("Percutaneous Endoscopic"), "PCS characters shown");
  await page.goto(base + "/?q=sepsis");
  await page.waitForSelector("#guidelines:not([hidden]) a");
  await page.click("#guidelines a");
  await page.waitForSelector("#detail:not([hidden]) h1");
  check(page.url().includes("/guideline/I.C.1.d"), "guideline deep link: " + page.url());
  const section = await page.textContent("#detail");
  check(section.includes("Sepsis"), "guideline section shown");
  await page.goto(base + "/code/icd10cm/I10");
  await page.waitForSelector("#detail:not([hidden]) h1");
  check((await page.textContent("#detail")).includes("I.C.9.a"), "code view lists the guidelines that name it");
  await page.goto(base + "/");
  await page.waitForFunction(() => document.querySelector("#index-info").textContent.includes("HCPCS"));

  // 8. A coding question gets an answer card above the results; its claims link to their
  // sources, and the keyboard reaches them.
  await page.goto(base + "/?q=is+I21+billable");
  await page.waitForSelector("#answer:not([hidden]) .summary");
  const summary = await page.textContent("#answer .summary");
  check(summary.startsWith("No. I21 \"Acute myocardial infarction\" is a header"), "answer summary: " + summary);
  const answerLinks = await page.$$eval("#answer a", (links) => links.map((a) => a.getAttribute("href")));
  check(answerLinks.includes("/code/icd10cm/I21.9"), "answer links its billable codes: " + answerLinks);
  check(answerLinks.includes("/code/icd10cm/I21"), "answer cites the code page: " + answerLinks);
  await page.focus("#q");
  let reached = false;
  for (let i = 0; i < 8 && !reached; ++i) {
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
  await page.waitForSelector("#results li");
  check(await page.isHidden("#answer"), "a phrase gets no answer card");

  // 9. Phone width: the page still lays out without horizontal scrolling.
  await page.setViewportSize({ width: 375, height: 700 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  check(!overflow, "no horizontal scrolling at phone width");

  console.log("page test passed");
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
