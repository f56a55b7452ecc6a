import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  ErrorCodes,
  StreamMessageReader,
  StreamMessageWriter,
  type ResponseMessage,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MarkupKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { packageInfo } from '../output/sarif.js';
import { UI, localise } from '../i18n/index.js';
import type { Locale } from '../rules/types.js';
import { WorkspaceConfigs } from './config.js';
import { DEFAULT_SETTINGS, forgetDocument, lintTextDocument, useIncrementalParsing, type DocumentLint, type ServerSettings } from './lint.js';
import { codeActions, FIX_ALL_KIND } from './actions.js';
import { documentOffset, hoverAt, ModelCache, readOffset } from './hover.js';

/** Files whose change means the configuration must be read again. */
const CONFIG_GLOBS = ['**/.ogilintrc.json', '**/package.json', '**/*.profile.json'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Settings from the client, checked: anything of the wrong type is ignored. */
export function readSettings(raw: unknown): ServerSettings {
  const s: ServerSettings = { ...DEFAULT_SETTINGS };
  if (!isObject(raw)) return s;
  if (raw.locale === 'zh' || raw.locale === 'en') s.locale = raw.locale;
  if (typeof raw.profile === 'string' && raw.profile.trim()) s.profile = raw.profile.trim();
  if (typeof raw.configFile === 'string' && raw.configFile.trim()) s.configFile = raw.configFile.trim();
  if (typeof raw.debounce === 'number' && Number.isFinite(raw.debounce) && raw.debounce >= 0) s.debounce = Math.min(raw.debounce, 5000);
  if (typeof raw.docsUrl === 'string' && raw.docsUrl.includes('{rule}')) s.docsUrl = raw.docsUrl;
  if (raw.enable === false) s.enable = false;
  return s;
}

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Standard input and output, unless the command line asks for another transport (--node-ipc,
 * --socket=N, --pipe=NAME). A message that is not JSON is answered as JSON-RPC asks, with a parse
 * error (code -32700, id null), and the server reads on.
 */
function defaultConnection(): Connection {
  const other = process.argv.some((a) => a === '--node-ipc' || a.startsWith('--socket=') || a.startsWith('--pipe='));
  if (other) return createConnection(ProposedFeatures.all);
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((e) => {
    if (e instanceof SyntaxError) void writer.write({ jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${e.message}` } } as ResponseMessage);
  });
  return createConnection(ProposedFeatures.all, reader, writer);
}

/**
 * The language server: diagnostics for every report the editor opens, updated as it is edited
 * (after a short pause; a check overtaken by a newer edit is dropped), code actions from the rules'
 * fixes and suggestions, and hover on the figures the rules add up.
 */
export function startServer(connection: Connection = defaultConnection()): Promise<void> {
  const documents = new TextDocuments(TextDocument);
  useIncrementalParsing();
  let settings: ServerSettings = { ...DEFAULT_SETTINGS };
  const configs = new WorkspaceConfigs(() => settings.configFile);
  const lints = new Map<string, DocumentLint>();
  const models = new Map<string, ModelCache>();
  const timers = new Map<string, NodeJS.Timeout>();
  let pullConfiguration = false;
  let watchRegistration = false;
  let folderEvents = false;
  /** settings given at start; those the client answers later add to them */
  let initial: Record<string, unknown> = {};

  const locale = (): Locale => settings.locale ?? 'zh';

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    pullConfiguration = Boolean(caps.workspace?.configuration);
    watchRegistration = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    folderEvents = Boolean(caps.workspace?.workspaceFolders);
    initial = isObject(params.initializationOptions) ? params.initializationOptions : {};
    settings = readSettings(initial);
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => Boolean(p)) ?? [];
    if (!folders.length && params.rootUri) {
      const root = uriToPath(params.rootUri);
      if (root) folders.push(root);
    }
    configs.setFolders(folders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ogi-lint', version: packageInfo().version },
    };
  });

  connection.onInitialized(async () => {
    if (pullConfiguration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'ogi-lint' }).catch(() => undefined);
      await refreshSettings();
      // documents opened meanwhile were checked with the settings given at start
      relintAll();
    }
    if (watchRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_GLOBS.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
    }
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(async () => {
        const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
        configs.setFolders(folders.map((f) => uriToPath(f.uri)).filter((p): p is string => Boolean(p)));
        relintAll();
      });
    }
  });

  async function refreshSettings(): Promise<void> {
    if (!pullConfiguration) return;
    try {
      const raw: unknown = await connection.workspace.getConfiguration({ section: 'ogi-lint' });
      settings = readSettings({ ...initial, ...(isObject(raw) ? raw : {}) });
    } catch {
      // a client that cannot answer keeps the settings it gave at start
    }
    configs.reset();
  }

  function publish(lint: DocumentLint): void {
    void connection.sendDiagnostics({ uri: lint.uri, version: lint.version, diagnostics: settings.enable ? lint.diagnostics : [] });
  }

  /** Check a document now, unless a newer version has arrived meanwhile. */
  function check(uri: string): void {
    const document = documents.get(uri);
    if (!document) return;
    let lint: DocumentLint;
    try {
      lint = lintTextDocument(document, { configs, settings });
    } catch (e) {
      connection.console.error(`ogi-lint: ${(e as Error).stack ?? (e as Error).message}`);
      lint = { uri, version: document.version, messages: [], diagnostics: [], shift: 0 };
      lint.diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        source: 'ogi-lint',
        code: 'parse-error',
        message: localise(UI.parseError, locale(), { error: (e as Error).message }),
      });
      lint.messages.push(undefined);
    }
    // an edit that came in while checking makes this result stale; its own check follows
    if (documents.get(uri)?.version !== lint.version) return;
    lints.set(uri, lint);
    publish(lint);
  }

  /** Check after `delay` ms; a newer request for the same document replaces this one. */
  function schedule(uri: string, delay: number): void {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    const version = documents.get(uri)?.version;
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        // let edits already received be applied first: a superseded version is not checked
        setImmediate(() => {
          if (timers.has(uri) || documents.get(uri)?.version !== version) return;
          check(uri);
        });
      }, delay),
    );
  }

  function relintAll(): void {
    for (const d of documents.all()) schedule(d.uri, 0);
  }

  // fired on open too: a document not checked yet is checked at once, edits after a pause
  documents.onDidChangeContent((e) => schedule(e.document.uri, lints.has(e.document.uri) ? settings.debounce : 0));
  documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    lints.delete(e.document.uri);
    models.delete(e.document.uri);
    forgetDocument(e.document.uri, e.document.languageId);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (pullConfiguration) await refreshSettings();
    else {
      const raw = isObject(change.settings) ? change.settings['ogi-lint'] : undefined;
      const given = isObject(raw) ? raw : isObject(change.settings) ? change.settings : {};
      settings = readSettings({ ...initial, ...given });
      configs.reset();
    }
    relintAll();
  });

  connection.onDidChangeWatchedFiles(() => {
    configs.reset();
    relintAll();
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return codeActions(document, lints.get(document.uri), params.context.diagnostics, params.context.only, locale());
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    const lint = lints.get(params.textDocument.uri);
    if (!document || !lint || lint.version !== document.version || !lint.source || !lint.options) return null;
    // the model's offsets are in the text as read, which the reader may have normalised
    const offset = readOffset(lint.source, document.offsetAt(params.position) - lint.shift);
    const lintLocale = lint.options.locale ?? 'zh';
    const parts: string[] = [];
    let range: { start: number; end: number } | undefined;
    let cache = models.get(document.uri);
    if (!cache) models.set(document.uri, (cache = new ModelCache()));
    const model = cache.get(lint.source, lint.options);
    const found = model ? hoverAt(model, offset, lintLocale) : undefined;
    if (found) {
      parts.push(found.text);
      range = found.range;
    }
    // expected and actual values of the findings under the cursor
    lint.messages.forEach((m, i) => {
      if (!m || (m.expected === undefined && m.actual === undefined)) return;
      const r = lint.diagnostics[i]!.range;
      const p = params.position;
      const after = (a: typeof p, b: typeof p) => a.line > b.line || (a.line === b.line && a.character >= b.character);
      if (!after(p, r.start) || !after(r.end, p)) return;
      const bits = [];
      if (m.expected !== undefined && m.expected !== null) bits.push(`${localise(UI.expected, lintLocale)}：${m.expected}`);
      if (m.actual !== undefined && m.actual !== null) bits.push(`${localise(UI.actual, lintLocale)}：${m.actual}`);
      const line = `\`${m.ruleId}\` ${bits.join('；')}`;
      if (bits.length && !parts.includes(line)) parts.push(line);
    });
    if (!parts.length) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') },
      ...(range
        ? { range: { start: document.positionAt(documentOffset(lint.source, range.start) + lint.shift), end: document.positionAt(documentOffset(lint.source, range.end) + lint.shift) } }
        : {}),
    };
  });

  documents.listen(connection);
  return new Promise((resolve) => {
    connection.onExit(() => resolve());
    connection.listen();
  });
}
