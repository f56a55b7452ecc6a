#!/usr/bin/env node
/**
 * PDF reports in one warm process: CPU ms a file to read and check the PDFs of fixtures/pdf/ that hold
 * tables, and what reading one PDF does to the Markdown reports checked after it in the same thread
 * (see bench/results/pdf-reading.md). Run it once per build to compare (--root DIR: another build's
 * folder, with its dist/).
 *
 *   npm run build && node bench/pdf.mjs [--files 100] [--rounds 3] [--root DIR]
 */

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextEncoder } from 'node:util';
import { opt, root as here } from './options.mjs';
import { reportTexts } from './generate.mjs';

const root = path.resolve(opt('root', here));
const files = Number(opt('files', '100'));
const rounds = Number(opt('rounds', '3'));
const imp = (p) => import(pathToFileURL(path.join(root, p)).href);
const { lintDocument } = await imp('dist/src/lint.js');
const { readBuffer, readPath } = await imp('dist/src/read/index.js');
const { exampleReport, table2Text, table3Text } = await imp('dist/src/audit/example-reports.js');

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const texts = [...reportTexts({ files: 300, seed: 12345, exampleReport, table2Text, table3Text })].map((t) => new TextEncoder().encode(t));
/** CPU ms a Markdown report: lint and JSON.stringify of the result (as a pool worker sends it), median of the last rounds */
const markdown = (n) => {
  const per = [];
  for (let r = 0; r < n; r++) {
    const c0 = cpuMs();
    for (let i = 0; i < texts.length; i++) JSON.stringify(lintDocument(readBuffer(texts[i], `r${i}.md`)));
    per.push((cpuMs() - c0) / texts.length);
  }
  return median(per);
};

markdown(5); // warm-up
const before = markdown(5);
const builtins = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
const pdfs = ['format-2021', 'format-2019', 'seed-004', 'seed-004-printed'].map((n) => path.join(here, 'fixtures', 'pdf', `${n}.pdf`));
const perPdf = [];
for (let r = 0; r < rounds; r++) {
  const c0 = cpuMs();
  for (let i = 0; i < files; i++) lintDocument(await readPath(pdfs[i % pdfs.length]));
  perPdf.push((cpuMs() - c0) / files);
}
const after = markdown(5);
const replaced = Object.entries(builtins).filter(([k, f]) => (k === 'push' ? Array.prototype.push : JSON[k]) !== f).map(([k]) => k);
console.log(
  `${path.basename(root)}: PDF read + check ${perPdf.map((x) => x.toFixed(1)).join(', ')} CPU ms a file (${files} files a round, ${rounds} rounds); ` +
    `Markdown ${before.toFixed(2)} ms a report before any PDF, ${after.toFixed(2)} after; built-ins replaced after reading PDFs: ${replaced.join(', ') || 'none'}`,
);
