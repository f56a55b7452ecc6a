/**
 * The page: takes a file (dropped, chosen or pasted), hands its bytes to the worker, and shows the
 * report with the findings in place and listed beside it. Nothing leaves the browser.
 */
import type { LintMessage, LintResult, ReportView, ViewBlock, ViewCell, ViewSpan } from '../../src/browser.js';
import type { LintRequest, LintResponse, ProfileInfo } from './protocol.js';
import { WORDS, type Lang } from './i18n.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

const saved = (() => {
  try {
    return localStorage.getItem('ogi-lint-lang');
  } catch {
    return null;
  }
})();
let lang: Lang = saved === 'en' ? 'en' : 'zh';
let words = WORDS[lang];

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
let profiles: ProfileInfo[] = [];
let extensions: string[] = [];
let nextId = 1;
let pending = 0;

/** The last input, kept to check again when the language or the profile changes. */
let input: { fileName: string; bytes: Uint8Array } | undefined;
let last: Extract<LintResponse, { ok: true }> | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function severityName(m: LintMessage): 'error' | 'warning' {
  return m.severity === 2 ? 'error' : 'warning';
}

function applyWords(): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = words.title;
  document.querySelectorAll<HTMLElement>('[data-t]').forEach((e) => {
    const v = (words as unknown as Record<string, unknown>)[e.dataset.t!];
    if (typeof v === 'string') e.textContent = v;
  });
  $<HTMLTextAreaElement>('paste').placeholder = words.pastePlaceholder;
  $('lang').textContent = words.lang;
  fillProfiles();
  fillAccepted();
}

/** What the file chooser offers and the hint says: the inputs the library reads. */
function fillAccepted(): void {
  if (extensions.length) $<HTMLInputElement>('file').accept = extensions.join(',');
  const order = Object.keys(words.kinds);
  const known = extensions.filter((x) => words.kinds[x]).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const kinds = [...new Set(known.map((x) => words.kinds[x]!))];
  $('accepted').textContent = kinds.length ? words.accepted(kinds) : '';
}

function fillProfiles(): void {
  const select = $<HTMLSelectElement>('profile');
  const value = select.value;
  select.replaceChildren(el('option', { value: '' }, words.profileAuto));
  for (const p of profiles) select.append(el('option', { value: p.id }, `${p.name[lang]} (${p.id})`));
  select.value = value;
}

function check(): void {
  if (!input) return;
  const id = nextId++;
  pending = id;
  const profile = $<HTMLSelectElement>('profile').value || undefined;
  const req: LintRequest = { id, fileName: input.fileName, bytes: input.bytes, locale: lang, profile };
  document.body.dataset.state = 'checking';
  $('summary').textContent = words.checking;
  $('status').hidden = false;
  worker.postMessage(req);
}

function useBytes(fileName: string, bytes: Uint8Array): void {
  input = { fileName, bytes };
  $<HTMLSelectElement>('profile').value = '';
  check();
}

async function useFile(file: File): Promise<void> {
  useBytes(file.name, new Uint8Array(await file.arrayBuffer()));
}

worker.onmessage = (e: MessageEvent<LintResponse>) => {
  const msg = e.data;
  if ('ready' in msg) {
    profiles = msg.profiles;
    extensions = msg.extensions;
    fillProfiles();
    fillAccepted();
    document.body.dataset.worker = 'ready';
    return;
  }
  if (msg.id !== pending) return; // superseded by a newer request
  if (!msg.ok) {
    document.body.dataset.state = 'failed';
    $('summary').textContent = words.failed + msg.error;
    return;
  }
  last = msg;
  render(msg);
  document.body.dataset.results = String(Number(document.body.dataset.results ?? 0) + 1);
  document.body.dataset.state = 'done';
};

// ---------------------------------------------------------------- rendering

function findingTitle(m: LintMessage): string {
  const parts = [m.message];
  if (m.expected !== undefined && m.expected !== null) parts.push(`${words.expected}: ${m.expected}`);
  if (m.actual !== undefined && m.actual !== null) parts.push(`${words.actual}: ${m.actual}`);
  return `${parts.join('\n')}\n[${m.ruleId}]`;
}

/** Marked text: each finding covering it gets the mark's classes and its anchor on first use. */
function renderSpans(parent: HTMLElement, spans: ViewSpan[], messages: LintMessage[], anchored: Set<number>): void {
  for (const s of spans) {
    if (s.marks.length === 0) {
      parent.append(document.createTextNode(s.text));
      continue;
    }
    const worst = s.marks.some((k) => messages[k]!.severity === 2) ? 'error' : 'warning';
    const mark = el('mark', { class: `finding-mark ${worst}`, 'data-findings': s.marks.join(' ') }, s.text);
    mark.title = s.marks.map((k) => findingTitle(messages[k]!)).join('\n\n');
    anchor(mark, s.marks, anchored);
    parent.append(mark);
  }
}

function anchor(e: HTMLElement, marks: number[], anchored: Set<number>): void {
  for (const k of marks) {
    if (anchored.has(k)) continue;
    anchored.add(k);
    if (!e.id) e.id = `f-${k}`;
    else e.append(el('span', { id: `f-${k}`, class: 'anchor' }));
  }
}

function renderCell(cell: ViewCell, header: boolean, messages: LintMessage[], anchored: Set<number>): HTMLElement {
  const td = el(header ? 'th' : 'td');
  if (cell.rowSpan) td.rowSpan = cell.rowSpan;
  if (cell.colSpan) td.colSpan = cell.colSpan;
  td.dataset.line = String(cell.line);
  renderSpans(td, cell.spans, messages, anchored);
  if (cell.marks.length) {
    const worst = cell.marks.some((k) => messages[k]!.severity === 2) ? 'error' : 'warning';
    td.classList.add('cell-mark', worst);
    td.dataset.findings = cell.marks.join(' ');
    td.title = cell.marks.map((k) => findingTitle(messages[k]!)).join('\n\n');
    // the value each check expected here (a sum first: it is the cell's own total)
    const order = (k: number): number => (messages[k]!.ruleId === 'table-sum' ? 0 : 1);
    const expected = [...cell.marks]
      .sort((a, b) => order(a) - order(b))
      .map((k) => messages[k]!.expected)
      .filter((v): v is string | number => v !== undefined && v !== null && String(v).length <= 24);
    for (const v of new Set(expected.map(String))) td.append(el('span', { class: 'expected' }, `${words.expected} ${v}`));
    anchor(td, cell.marks, anchored);
  }
  return td;
}

function renderBlock(b: ViewBlock, messages: LintMessage[], anchored: Set<number>): HTMLElement {
  let e: HTMLElement;
  switch (b.kind) {
    case 'title':
      e = el('h1', { class: 'doc-title' });
      break;
    case 'heading':
      e = el(`h${Math.min((b.level ?? 1) + 1, 6)}` as 'h2');
      break;
    case 'table': {
      e = el('div', { class: 'table-wrap' });
      const table = el('table');
      const rows = b.rows ?? [];
      rows.forEach((row, r) => {
        const tr = el('tr');
        for (const cell of row) tr.append(renderCell(cell, r === 0, messages, anchored));
        table.append(tr);
      });
      e.append(table);
      break;
    }
    case 'list-item':
      e = el('p', { class: 'list-item' });
      break;
    case 'code':
    case 'html':
      e = el('pre');
      break;
    case 'break':
      e = el('hr');
      break;
    default:
      e = el('p');
  }
  e.dataset.line = String(b.line);
  if (b.kind !== 'table') renderSpans(e, b.spans, messages, anchored);
  if (b.marks.length) {
    const worst = b.marks.some((k) => messages[k]!.severity === 2) ? 'error' : 'warning';
    e.classList.add('block-mark', worst);
    e.title = b.marks.map((k) => findingTitle(messages[k]!)).join('\n\n');
    anchor(e, b.marks, anchored);
  }
  return e;
}

function renderReport(view: ReportView | null, result: LintResult): void {
  const article = $('report');
  article.replaceChildren(el('h2', { class: 'pane-title no-print' }, words.report));
  if (!view) {
    article.append(el('p', { class: 'unreadable' }, words.unreadable));
    return;
  }
  const anchored = new Set<number>();
  for (const b of view.blocks) {
    // comments in Markdown (<!-- ogi-lint-disable … -->) are not part of the report as read
    if (b.kind === 'html' && b.marks.length === 0 && b.spans.every((s) => s.marks.length === 0) && /^\s*<!--[\s\S]*-->\s*$/.test(b.spans.map((s) => s.text).join(''))) continue;
    article.append(renderBlock(b, result.messages, anchored));
  }
}

function renderFindings(view: ReportView | null, result: LintResult): void {
  const aside = $('findings');
  aside.replaceChildren(el('h2', { class: 'pane-title' }, words.findings));
  if (result.messages.length === 0) {
    aside.append(el('p', { class: 'none' }, words.noFindings));
    return;
  }
  const docx = view?.kind === 'docx';
  // by section, in the report's order, then errors before warnings
  const groups = new Map<number, number[]>();
  result.messages.forEach((_m, k) => {
    const s = view?.places[k]?.section ?? -1;
    if (!groups.has(s)) groups.set(s, []);
    groups.get(s)!.push(k);
  });
  for (const s of [...groups.keys()].sort((a, b) => a - b)) {
    const section = el('section', { class: 'group', 'data-section': String(s) });
    section.append(el('h3', {}, s === -1 ? words.preamble : (view?.sections[s]?.title ?? '')));
    for (const severity of [2, 1] as const) {
      const ks = groups.get(s)!.filter((k) => result.messages[k]!.severity === severity);
      if (ks.length === 0) continue;
      section.append(el('h4', { class: severity === 2 ? 'error' : 'warning' }, `${severity === 2 ? words.error : words.warning} · ${ks.length}`));
      const ul = el('ul');
      for (const k of ks) ul.append(findingItem(result.messages[k]!, k, docx));
      section.append(ul);
    }
    aside.append(section);
  }
}

function findingItem(m: LintMessage, k: number, docx: boolean): HTMLElement {
  const li = el('li', {
    class: `finding ${severityName(m)}`,
    tabindex: '0',
    role: 'button',
    'data-rule-id': m.ruleId ?? '',
    'data-severity': severityName(m),
    'data-line': String(m.line),
    'data-column': String(m.column),
    'data-index': String(k),
  });
  li.append(el('span', { class: 'sev' }, severityName(m) === 'error' ? words.error : words.warning));
  li.append(el('span', { class: 'msg' }, m.message));
  const meta = el('span', { class: 'meta' });
  meta.append(el('code', {}, m.ruleId ?? ''), document.createTextNode(` · ${m.location ?? words.line(m.line, m.column, docx)}`));
  li.append(meta);
  const values: string[] = [];
  if (m.expected !== undefined && m.expected !== null) values.push(`${words.expected}: ${m.expected}`);
  if (m.actual !== undefined && m.actual !== null) values.push(`${words.actual}: ${m.actual}`);
  if (values.length) li.append(el('span', { class: 'values' }, values.join(lang === 'zh' ? '；' : '; ')));
  const go = (): void => goTo(k);
  li.addEventListener('click', go);
  li.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      go();
    }
  });
  return li;
}

function goTo(k: number): void {
  const target = document.getElementById(`f-${k}`);
  if (!target) return;
  const shown = target.classList.contains('anchor') ? target.parentElement! : target;
  shown.scrollIntoView({ block: 'center' });
  document.querySelectorAll('.current').forEach((e) => e.classList.remove('current'));
  shown.classList.add('current');
  document.querySelectorAll(`.finding[data-index="${k}"]`).forEach((e) => e.classList.add('current'));
}

function renderFacts(view: ReportView | null, result: LintResult, ms: number): void {
  $('fact-file').textContent = result.filePath;
  const year = view?.year ?? result.report?.year ?? null;
  const paren = (s: string): string => (lang === 'zh' ? `（${s}）` : ` (${s})`);
  $('fact-year').textContent =
    year === null ? words.yearUnknown : `${year}${view?.yearSource ? paren((words.yearFrom as Record<string, string>)[view.yearSource] ?? view.yearSource) : ''}`;
  const generation = view?.generation ?? result.report?.profile;
  $('fact-generation').textContent = generation
    ? `${words.generations[generation] ?? generation}${view ? paren((words.chosenBy as Record<string, string>)[view.generationSource] ?? view.generationSource) : ''}`
    : '—';
  $('fact-generation').dataset.profile = generation ?? '';
  $('fact-year').dataset.year = year === null ? '' : String(year);
  const summary = $('summary');
  summary.replaceChildren(document.createTextNode(words.summary(result.errorCount, result.warningCount)), el('span', { class: 'took no-print' }, ` · ${words.took(ms)}`));
  summary.dataset.errors = String(result.errorCount);
  summary.dataset.warnings = String(result.warningCount);
}

function render(msg: Extract<LintResponse, { ok: true }>): void {
  renderFacts(msg.view, msg.result, msg.ms);
  renderReport(msg.view, msg.result);
  renderFindings(msg.view, msg.result);
  $('layout').hidden = false;
}

// ---------------------------------------------------------------- input and actions

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function baseName(): string {
  return (input?.fileName ?? 'report').replace(/\.[^.]*$/, '');
}

$<HTMLInputElement>('file').addEventListener('change', (e) => {
  const chooser = e.target as HTMLInputElement;
  const f = chooser.files?.[0];
  // cleared, so that choosing the same file again (after editing it) checks it again
  if (f) void useFile(f).finally(() => (chooser.value = ''));
});

for (const type of ['dragenter', 'dragover'] as const) {
  document.addEventListener(type, (e) => {
    e.preventDefault();
    $('drop').classList.add('over');
  });
}
document.addEventListener('dragleave', (e) => {
  if (e.relatedTarget === null) $('drop').classList.remove('over');
});
document.addEventListener('drop', (e) => {
  e.preventDefault();
  $('drop').classList.remove('over');
  const f = e.dataTransfer?.files?.[0];
  if (f) void useFile(f);
});

// the drop zone also opens the file chooser from the keyboard
$('drop').addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    $<HTMLInputElement>('file').click();
  }
});

$('check-paste').addEventListener('click', () => {
  const text = $<HTMLTextAreaElement>('paste').value;
  if (text.trim() === '') return;
  useBytes($<HTMLSelectElement>('paste-kind').value, new TextEncoder().encode(text));
});

$('profile').addEventListener('change', check);

$('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  words = WORDS[lang];
  try {
    localStorage.setItem('ogi-lint-lang', lang);
  } catch {
    // private windows may refuse storage; the switch still works for this visit
  }
  applyWords();
  check();
});

$('dl-json').addEventListener('click', () => {
  if (last) download(`${baseName()}.ogi-lint.json`, 'application/json', last.json);
});
$('dl-csv').addEventListener('click', () => {
  // with a byte-order mark, so that spreadsheet programs read the Chinese text as UTF-8
  if (last) download(`${baseName()}.ogi-lint.csv`, 'text/csv;charset=utf-8', `\ufeff${last.csv}`);
});
$('print').addEventListener('click', () => window.print());

applyWords();
