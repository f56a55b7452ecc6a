#!/usr/bin/env node
/**
 * How long summary.html takes to open in headless Chromium (Debian's, driven by playwright-core),
 * how many rows the document holds, and how long a report's page takes to open.
 *
 *   node bench/summary-page.mjs path/to/summary.html
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const file = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
let t0 = performance.now();
await page.goto(pathToFileURL(file).href);
await page.waitForSelector('body[data-ready="1"]', { timeout: 300_000 });
const ready = performance.now() - t0;
const rows = await page.$$eval('#bodies-table tbody tr', (trs) => trs.length);
const shown = await page.textContent('#shown-count');
t0 = performance.now();
await page.click('#bodies-table th[data-key="e"]');
const sorted = performance.now() - t0;
const last = await page.$$eval('#bodies-table tbody tr a', (as) => as[as.length - 1].getAttribute('href'));
t0 = performance.now();
await page.evaluate((h) => (globalThis.location.hash = h), last);
await page.waitForSelector('#report-page', { state: 'visible' });
const report = performance.now() - t0;
const heap = await page.evaluate(() => (globalThis.performance.memory ? Math.round(globalThis.performance.memory.usedJSHeapSize / 1048576) : null));
console.log(JSON.stringify({ file, readyMs: Math.round(ready), rowsInDocument: rows, shown, sortMs: Math.round(sorted), reportPageMs: Math.round(report), jsHeapMb: heap }));
await browser.close();
