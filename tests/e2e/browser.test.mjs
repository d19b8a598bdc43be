// End-to-end test of the brief web page in headless Chromium.
//
// Starts `brief serve` on a free loopback port, pastes and drops the example
// articles into the page, summarizes, and checks that clicking (and
// hovering) each summary sentence highlights exactly that sentence in its
// source article — which only holds if byte offsets from the server are
// converted to JavaScript's UTF-16 indices correctly. Saves a screenshot to
// tests/e2e/out/.
//
// Environment: BRIEF_BIN (default target/debug/brief), CHROMIUM (default
// /usr/bin/chromium). Missing pieces are failures, never skips.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const brief = process.env.BRIEF_BIN || join(root, "target/debug/brief");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const exampleDir = join(root, "examples/tillerson-moscow");
const outDir = join(here, "out");

for (const [what, path] of [["brief binary (cargo build -p brief-cli)", brief], ["Chromium (apt-get install chromium)", chromiumPath]]) {
  if (!existsSync(path)) {
    console.error(`FAIL: ${what} not found at ${path}`);
    process.exit(1);
  }
}

/** Starts the server and resolves with its base URL once it listens. */
function startServer() {
  const server = spawn(brief, ["serve", "--host", "127.0.0.1", "--port", "0"], { stdio: ["ignore", "inherit", "pipe"] });
  const url = new Promise((ok, fail) => {
    let seen = "";
    const timer = setTimeout(() => fail(new Error(`server did not start: ${seen}`)), 20000);
    server.stderr.on("data", (chunk) => {
      seen += chunk;
      process.stderr.write(chunk);
      const m = seen.match(/listening on (http:\/\/[\d.:]+)\n/);
      if (m) { clearTimeout(timer); ok(m[1]); }
    });
    server.on("exit", (code) => fail(new Error(`server exited with ${code}: ${seen}`)));
  });
  return { server, url };
}

/** Clicks (or hovers) every summary sentence and checks the highlight. */
async function checkHighlights(page, how) {
  const sentences = page.locator(".summary-sentence");
  const count = await sentences.count();
  assert.ok(count > 0, "the summary has sentences");
  for (let i = 0; i < count; i++) {
    const li = sentences.nth(i);
    const expected = await li.locator(".sentence-text").textContent();
    if (how === "click") await li.click(); else await li.hover();
    const active = page.locator("#source mark.active");
    await active.waitFor({ state: "visible", timeout: 5000 });
    const highlighted = await active.textContent();
    assert.equal(highlighted, expected, `${how} on summary sentence ${i + 1} highlights its source text`);
    // The article shown is the one the badge names.
    const badge = await li.locator(".badge").textContent();
    const article = Number(badge.match(/article (\d+)/)[1]);
    const selected = await page.locator('#doc-tabs button[aria-selected="true"]').textContent();
    assert.equal(Number(selected), article, `sentence ${i + 1} shows article ${article}`);
  }
  return count;
}

const { server, url } = startServer();
const profile = mkdtempSync(join(tmpdir(), "brief-e2e-"));
let context;
let failed = false;
try {
  const base = await url;
  context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // Nothing but this server may be contacted.
  await page.route("**/*", (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()));

  await page.goto(base + "/");
  await page.locator("#algorithm option").first().waitFor({ state: "attached" });

  // Two articles pasted into the text areas, three dropped in as files.
  const files = readdirSync(exampleDir).filter((f) => f.endsWith(".txt")).sort().map((f) => join(exampleDir, f));
  assert.equal(files.length, 5, "five example articles");
  const areas = page.locator("#articles textarea");
  await areas.nth(0).fill(readFileSync(files[0], "utf8"));
  await areas.nth(1).fill(readFileSync(files[1], "utf8"));
  await page.setInputFiles("#file-input", files.slice(2));
  await page.waitForFunction(() => [...document.querySelectorAll("#articles textarea")].filter((a) => a.value.trim()).length === 5);

  await page.selectOption("#algorithm", "lexrank");
  await page.fill("#budget", "100");
  await page.selectOption("#unit", "words");
  await page.click("#summarize");
  await page.locator(".summary-sentence").first().waitFor({ timeout: 15000 });
  const meta = await page.locator("#summary-meta").textContent();
  assert.match(meta, /lexrank · \d+ words · budget 100 words/);
  const clicked = await checkHighlights(page, "click");
  const hovered = await checkHighlights(page, "hover");
  console.log(`example cluster: ${clicked} summary sentences, click and hover highlights match`);

  // Keep the first sentence pinned for the screenshot.
  await page.locator(".summary-sentence").first().click();
  mkdirSync(outDir, { recursive: true });
  await page.screenshot({ path: join(outDir, "summary.png"), fullPage: true });

  // The source comparison of the same five articles: a column per source,
  // facts all five state marked, each dot showing its own statement, and
  // Lavrov's "unlawful" quoted from the two sources that carry it.
  await page.click("#compare");
  await page.locator("#matrix tbody tr").first().waitFor({ timeout: 15000 });
  assert.equal(await page.locator("#matrix thead th").count(), 6, "a fact column and one per source");
  const shared = page.locator("#matrix tbody tr.shared");
  assert.ok((await shared.count()) > 0, "facts all five sources state are marked");
  assert.equal(await shared.first().locator("button.cell").count(), 5, "a shared fact has a dot per source");
  const dots = page.locator("#matrix tbody button.cell");
  const dotCount = await dots.count();
  for (const k of [0, 1, Math.floor(dotCount / 2), dotCount - 1]) {
    const dot = dots.nth(k);
    const statement = await dot.getAttribute("title");
    await dot.click();
    const shown = await page.locator("#compare-source mark.active").textContent();
    assert.equal(shown, statement, `dot ${k + 1} shows its statement in its article`);
    const article = Number(await dot.getAttribute("data-doc")) + 1;
    assert.match(await page.locator("#compare-source-name").textContent(), new RegExp(`^article ${article}`));
  }
  const lavrov = page.locator("#speakers li", { hasText: "Lavrov" });
  const unlawful = lavrov.locator(".quote", { hasText: "unlawful" }).locator("button.span-link");
  assert.equal(await unlawful.count(), 2, "Lavrov's \"unlawful\" from two sources");
  await unlawful.last().click();
  assert.equal(await page.locator("#compare-source mark.active").textContent(), "unlawful");
  await page.locator("#matrix tbody button.cell").first().click();
  await page.screenshot({ path: join(outDir, "compare.png"), fullPage: true });
  console.log(`source comparison: ${await page.locator("#matrix tbody tr").count()} facts shown, ${dotCount} dots checked by sample`);

  // Multi-byte text before and inside the selected sentences: byte offsets
  // and UTF-16 indices differ here, so a wrong conversion shows.
  // The five example articles are on the page already: clear the first so
  // that the wait below ends only once the example has been loaded again
  // (filled before that, the multi-byte text would be overwritten).
  await areas.nth(0).fill("");
  await page.click("#load-example");
  await page.waitForFunction(() => {
    const areas = document.querySelectorAll("#articles textarea");
    return areas.length === 5 && areas[0].value.length > 0;
  });
  const unicode = "Zürich café prices\n\nÉdouard’s café in Zürich — “très bien” — sold 🌍-shaped croissants on Monday. " +
    "Prices for a café crème rose by 12 % (≈ €0.40) after the 🥐 shortage. " +
    "Naïve forecasts had said 𝔭rices would fall, the owner said.";
  await areas.nth(0).fill(unicode);
  await page.selectOption("#algorithm", "lead");
  await page.fill("#budget", "3");
  await page.selectOption("#unit", "sentences");
  await page.click("#summarize");
  await page.waitForFunction(() => document.querySelector("#summary-meta").textContent.includes("lead"));
  const unicodeCount = await checkHighlights(page, "click");
  const texts = await page.locator(".summary-sentence .sentence-text").allTextContents();
  assert.ok(texts.some((t) => /[^\x00-\x7f]/.test(t)), "a multi-byte sentence was checked");
  console.log(`multi-byte article: ${unicodeCount} summary sentences, highlights match`);

  // An invalid request shows the server's error message.
  await page.fill("#budget", "0");
  await page.$eval("#budget", (el) => el.removeAttribute("min"));
  await page.click("#summarize");
  await page.locator("#error:not([hidden])").waitFor({ timeout: 5000 });
  assert.match(await page.locator("#error").textContent(), /invalid_budget/);

  assert.deepEqual(pageErrors, [], "no JavaScript errors on the page");
  console.log(`PASS: screenshots at ${join(outDir, "summary.png")} and ${join(outDir, "compare.png")}`);
} catch (e) {
  failed = true;
  console.error("FAIL:", e);
} finally {
  if (context) await context.close().catch(() => {});
  server.kill("SIGTERM");
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
