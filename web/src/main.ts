/**
 * The page: takes reports (dropped, chosen or pasted), hands their bytes to the worker one at a
 * time, and shows the chosen one with the findings in place and listed beside it; a configuration
 * (a province's profile, an .ogilintrc.json) given on the page applies to every check. Nothing
 * leaves the browser.
 */
import type { ConfigText, LintMessage, LintResult, ReportView, ViewBlock, ViewCell, ViewSpan } from '../../src/browser.js';
import type { LintDone, LintResponse, ProfileInfo, WorkerRequest } from './protocol.js';
import { WORDS, type Lang } from './i18n.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Local storage, which private windows may refuse: then nothing is kept, and the page still works. */
const store = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string | null): void {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      // not kept; the page works for this visit
    }
  },
};
const LANG_KEY = 'ogi-lint-lang';
const CONFIG_KEY = 'ogi-lint-config';

let lang: Lang = store.get(LANG_KEY) === 'en' ? 'en' : 'zh';
let words = WORDS[lang];

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const send = (req: WorkerRequest): void => worker.postMessage(req);
let profiles: ProfileInfo[] = [];
let extensions: string[] = [];
let nextId = 1;

/** One report on the page: its bytes, the choices made for it, and its result once checked. */
interface Entry {
  name: string;
  bytes: Uint8Array;
  /** a profile chosen by hand ('' chooses by the report year) */
  profile: string;
  /** the report year set by hand */
  year?: number;
  state: 'queued' | 'checking' | 'done' | 'failed';
  /** the request in flight for it */
  request?: number;
  done?: LintDone;
  error?: string;
  item?: HTMLLIElement;
}

let entries: Entry[] = [];
/** The report shown. */
let current: Entry | undefined;
/** The report being checked: one at a time, so that a batch does not hold up the one shown. */
let busy: Entry | undefined;

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
  $('year-label').title = words.yearSetHint;
  fillProfiles();
  fillAccepted();
  showConfig();
  entries.forEach(renderItem);
  renderFilesSummary();
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
  const value = current?.profile ?? select.value;
  select.replaceChildren(el('option', { value: '' }, words.profileAuto));
  for (const p of profiles) select.append(el('option', { value: p.id }, `${p.name[lang]} (${p.id})`));
  select.value = profiles.some((p) => p.id === value) ? value : '';
}

// ---------------------------------------------------------------- checking, one report at a time

function setBodyState(): void {
  const waiting = entries.filter((e) => e.state === 'queued' || e.state === 'checking').length;
  document.body.dataset.queue = String(waiting);
  if (!current) return;
  document.body.dataset.state = current.state === 'done' ? 'done' : current.state === 'failed' ? 'failed' : 'checking';
}

/** Send the next report to the worker, the one shown first. */
function pump(): void {
  if (busy || document.body.dataset.worker !== 'ready') return;
  const next = current?.state === 'queued' ? current : entries.find((e) => e.state === 'queued');
  if (next) {
    next.state = 'checking';
    next.request = nextId++;
    busy = next;
    send({ kind: 'lint', id: next.request, fileName: next.name, bytes: next.bytes, locale: lang, profile: next.profile || undefined, reportYear: next.year });
    renderItem(next);
  }
  setBodyState();
}

/** Check a report again (its settings, the configuration or the language changed); a result on its way is dropped. */
function requeue(e: Entry): void {
  e.state = 'queued';
  renderItem(e);
}

function requeueAll(): void {
  entries.forEach(requeue);
  if (current) showChecking();
  pump();
}

function showChecking(): void {
  $('summary').textContent = words.checking;
  $('status').hidden = false;
  setBodyState();
}

/** Add reports to the list (one of the same name is replaced) and show the first. */
function addReports(files: { name: string; bytes: Uint8Array }[]): void {
  if (files.length === 0) return;
  let first: Entry | undefined;
  for (const f of files) {
    const e: Entry = { name: f.name, bytes: f.bytes, profile: '', state: 'queued' };
    const i = entries.findIndex((x) => x.name === f.name);
    if (i >= 0) entries[i] = e;
    else entries.push(e);
    first ??= e;
  }
  renderList();
  show(first!);
  pump();
}

function show(e: Entry): void {
  current = e;
  $<HTMLSelectElement>('profile').value = e.profile;
  document.querySelectorAll('#file-list .current-file').forEach((x) => x.classList.remove('current-file'));
  e.item?.classList.add('current-file');
  if (e.state === 'done') render(e);
  else if (e.state === 'failed') showFailure(e);
  else showChecking();
  pump();
}

function showFailure(e: Entry): void {
  $('fact-file').textContent = e.name;
  $('summary').textContent = words.failed + (e.error ?? '');
  $('status').hidden = false;
  setBodyState();
}

// ---------------------------------------------------------------- the list of files

function renderList(): void {
  const list = $('file-list');
  list.replaceChildren();
  for (const e of entries) {
    const li = el('li', { class: 'file-entry', tabindex: '0', role: 'button' });
    li.addEventListener('click', () => show(e));
    li.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        show(e);
      }
    });
    e.item = li;
    if (e === current) li.classList.add('current-file');
    renderItem(e);
    list.append(li);
  }
  $('files').hidden = entries.length === 0;
  renderFilesSummary();
}

function renderItem(e: Entry): void {
  const li = e.item;
  if (!li) return;
  li.dataset.name = e.name;
  li.dataset.state = e.state;
  const r = e.state === 'done' ? e.done!.result : undefined;
  li.dataset.errors = r ? String(r.errorCount) : '';
  li.dataset.warnings = r ? String(r.warningCount) : '';
  const counts = r
    ? el('span', { class: `counts ${r.errorCount ? 'error' : r.warningCount ? 'warning' : 'clean'}` }, words.fileCounts(r.errorCount, r.warningCount))
    : el('span', { class: 'counts' }, e.state === 'failed' ? words.fileFailed : e.state === 'checking' ? words.fileChecking : words.fileQueued);
  li.replaceChildren(el('span', { class: 'file-name' }, e.name), counts);
  renderFilesSummary();
}

function renderFilesSummary(): void {
  const done = entries.filter((e) => e.state === 'done').map((e) => e.done!.result);
  const errors = done.reduce((n, r) => n + r.errorCount, 0);
  const warnings = done.reduce((n, r) => n + r.warningCount, 0);
  $('files-summary').textContent = words.filesSummary(entries.length, errors, warnings);
}

// ---------------------------------------------------------------- configuration

/** The configuration and profile files given on the page. */
let configFiles: ConfigText[] = [];
let configRequest = 0;
let configOutcome: Extract<LintResponse, { kind: 'config' }> | undefined;

function useConfig(files: ConfigText[]): void {
  configFiles = files;
  configRequest = nextId++;
  document.body.dataset.config = 'pending';
  // a configuration in use is in view
  if (files.length) $<HTMLDetailsElement>('config').open = true;
  send({ kind: 'config', id: configRequest, files });
  if ($<HTMLInputElement>('config-remember').checked) remember();
}

/** Add configuration files: one of the same name replaces the old one, a configuration file replaces the old configuration file. */
function addConfig(files: ConfigText[]): void {
  const isRc = (n: string): boolean => n === '.ogilintrc.json' || n === 'package.json' || n.endsWith('.ogilintrc.json');
  const newRc = files.some((f) => isRc(f.name));
  const kept = configFiles.filter((f) => !files.some((g) => g.name === f.name) && !(newRc && isRc(f.name)));
  useConfig([...kept, ...files]);
}

function remember(): void {
  store.set(CONFIG_KEY, configFiles.length ? JSON.stringify(configFiles) : null);
}

function showConfig(): void {
  const status = $('config-status');
  const error = $('config-error');
  if (!configOutcome || configFiles.length === 0) {
    status.textContent = words.configNone;
    status.dataset.state = 'none';
    error.hidden = true;
    return;
  }
  if (configOutcome.ok) {
    status.textContent = words.configUsed(configOutcome.files);
    status.dataset.state = 'ok';
    error.hidden = true;
  } else {
    status.textContent = words.configBad;
    status.dataset.state = 'error';
    error.textContent = configOutcome.error[lang];
    error.hidden = false;
  }
}

// ---------------------------------------------------------------- the worker's answers

const formatWaiting = new Map<number, (r: { json: string; csv: string }) => void>();

worker.onmessage = (e: MessageEvent<LintResponse>) => {
  const msg = e.data;
  switch (msg.kind) {
    case 'ready':
      profiles = msg.profiles;
      extensions = msg.extensions;
      fillProfiles();
      fillAccepted();
      document.body.dataset.worker = 'ready';
      pump();
      return;
    case 'config':
      if (msg.id !== configRequest) return; // superseded
      configOutcome = msg;
      profiles = msg.profiles;
      fillProfiles();
      showConfig();
      document.body.dataset.config = configFiles.length === 0 ? 'none' : msg.ok ? 'ok' : 'error';
      // reports sent after the configuration were checked with it already
      for (const x of entries) if (x.state !== 'queued' && (x.request ?? 0) < msg.id) requeue(x);
      if (current?.state === 'queued') showChecking();
      pump();
      return;
    case 'format':
      formatWaiting.get(msg.id)?.(msg);
      formatWaiting.delete(msg.id);
      return;
    case 'lint': {
      const entry = busy;
      busy = undefined;
      // dropped from the list, or to be checked again with other settings
      if (entry && entry.request === msg.id && entry.state === 'checking' && entries.includes(entry)) {
        if (msg.ok) {
          entry.state = 'done';
          entry.done = msg;
        } else {
          entry.state = 'failed';
          entry.error = msg.error;
        }
        renderItem(entry);
        if (entry === current) {
          if (msg.ok) render(entry);
          else showFailure(entry);
        }
      }
      pump();
      return;
    }
  }
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

function renderFacts(entry: Entry, view: ReportView | null, result: LintResult, ms: number, ignored: boolean): void {
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
  // the year in use, to be changed by hand
  $<HTMLInputElement>('year').value = year === null ? '' : String(year);
  $('year-reset').hidden = entry.year === undefined;
  const summary = $('summary');
  summary.replaceChildren(
    document.createTextNode(words.summary(result.errorCount, result.warningCount)),
    el('span', { class: 'took no-print' }, ` · ${words.took(ms)}`),
    ...(ignored ? [el('span', { class: 'ignored-note', id: 'ignored-note' }, ` · ${words.ignored}`)] : []),
  );
  summary.dataset.errors = String(result.errorCount);
  summary.dataset.warnings = String(result.warningCount);
}

function render(entry: Entry): void {
  const msg = entry.done!;
  renderFacts(entry, msg.view, msg.result, msg.ms, msg.ignored ?? false);
  renderReport(msg.view, msg.result);
  renderFindings(msg.view, msg.result);
  $('layout').hidden = false;
  document.body.dataset.results = String(Number(document.body.dataset.results ?? 0) + 1);
  setBodyState();
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
  return (current?.name ?? 'report').replace(/\.[^.]*$/, '');
}

const isJson = (f: File): boolean => /\.json$/i.test(f.name);

/** Files dropped or chosen: JSON files are configuration, the others reports. */
async function useFiles(files: File[]): Promise<void> {
  const config = files.filter(isJson);
  const reports = files.filter((f) => !isJson(f));
  if (config.length) addConfig(await Promise.all(config.map(async (f) => ({ name: f.name, text: await f.text() }))));
  addReports(await Promise.all(reports.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
}

$<HTMLInputElement>('file').addEventListener('change', (e) => {
  const chooser = e.target as HTMLInputElement;
  const files = [...(chooser.files ?? [])];
  // cleared, so that choosing the same file again (after editing it) checks it again
  if (files.length) void useFiles(files).finally(() => (chooser.value = ''));
});

$<HTMLInputElement>('config-file').addEventListener('change', (e) => {
  const chooser = e.target as HTMLInputElement;
  const files = [...(chooser.files ?? [])];
  if (files.length) {
    void Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })))
      .then(addConfig)
      .finally(() => (chooser.value = ''));
  }
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
  const files = [...(e.dataTransfer?.files ?? [])];
  if (files.length) void useFiles(files);
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
  addReports([{ name: $<HTMLSelectElement>('paste-kind').value, bytes: new TextEncoder().encode(text) }]);
});

$('profile').addEventListener('change', () => {
  if (!current) return;
  current.profile = $<HTMLSelectElement>('profile').value;
  requeue(current);
  showChecking();
  pump();
});

/** The report year set by hand: checked again for that year (as --year does), or for the year it states when cleared. */
function setYear(value: string): void {
  if (!current) return;
  const s = value.trim();
  const n = Number(s);
  const year = s === '' ? undefined : /^\d{4}$/.test(s) && n >= 1990 && n <= 2100 ? n : null;
  const input = $<HTMLInputElement>('year');
  if (year === null) {
    input.setCustomValidity(words.yearSetHint);
    input.reportValidity();
    return;
  }
  input.setCustomValidity('');
  const detected = current.done?.result.report?.year ?? null;
  // the year already in use: nothing to do
  if (year === current.year || (current.year === undefined && year === detected)) return;
  current.year = year;
  requeue(current);
  showChecking();
  pump();
}

$<HTMLInputElement>('year').addEventListener('change', (e) => setYear((e.target as HTMLInputElement).value));
$<HTMLInputElement>('year').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') setYear((e.target as HTMLInputElement).value);
});
$('year-reset').addEventListener('click', () => setYear(''));

$('lang').addEventListener('click', () => {
  lang = lang === 'zh' ? 'en' : 'zh';
  words = WORDS[lang];
  store.set(LANG_KEY, lang);
  applyWords();
  requeueAll();
});

$('dl-json').addEventListener('click', () => {
  if (current?.done) download(`${baseName()}.ogi-lint.json`, 'application/json', current.done.json);
});
$('dl-csv').addEventListener('click', () => {
  // with a byte-order mark, so that spreadsheet programs read the Chinese text as UTF-8
  if (current?.done) download(`${baseName()}.ogi-lint.csv`, 'text/csv;charset=utf-8', `\ufeff${current.done.csv}`);
});
$('print').addEventListener('click', () => window.print());

/** The findings of every report checked, as the command line writes them for the same files. */
function formatAll(): Promise<{ json: string; csv: string }> {
  const results: LintResult[] = entries.filter((e) => e.state === 'done').map((e) => e.done!.result);
  const id = nextId++;
  return new Promise((resolve) => {
    formatWaiting.set(id, resolve);
    send({ kind: 'format', id, results });
  });
}
$('dl-all-json').addEventListener('click', () => {
  void formatAll().then((r) => download('ogi-lint.json', 'application/json', r.json));
});
$('dl-all-csv').addEventListener('click', () => {
  void formatAll().then((r) => download('ogi-lint.csv', 'text/csv;charset=utf-8', `\ufeff${r.csv}`));
});
$('clear-files').addEventListener('click', () => {
  entries = [];
  current = undefined;
  renderList();
  $('status').hidden = true;
  $('layout').hidden = true;
  setBodyState();
});

$('config-clear').addEventListener('click', () => useConfig([]));
$<HTMLInputElement>('config-remember').addEventListener('change', (e) => {
  // kept only when asked, and forgotten when no longer wanted
  if ((e.target as HTMLInputElement).checked) remember();
  else store.set(CONFIG_KEY, null);
});

// a configuration kept from an earlier visit, when the official asked for it
const kept = store.get(CONFIG_KEY);
if (kept) {
  try {
    const files = JSON.parse(kept) as ConfigText[];
    if (Array.isArray(files) && files.every((f) => typeof f?.name === 'string' && typeof f?.text === 'string')) {
      $<HTMLInputElement>('config-remember').checked = true;
      useConfig(files);
    }
  } catch {
    store.set(CONFIG_KEY, null);
  }
}

/*
 * Offline: a service worker keeps the page's files (built with it, see web/vite.config.ts), so the
 * page opens and checks reports without a network once it has been loaded.
 */
if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker
    .register('./sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      document.body.dataset.offline = 'ready';
    })
    .catch(() => {
      // served without the service worker (vite's development server): online only
    });
}

applyWords();
setBodyState();
