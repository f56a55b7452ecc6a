import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './corpus.js';

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/**
 * A language client for tests: starts the server as a child process and speaks JSON-RPC with it
 * over standard input and output, as an editor does.
 */
export class TestClient {
  readonly connection: ProtocolConnection;
  readonly published: Published[] = [];
  private waiters: { test: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  private versions = new Map<string, number>();
  stderr = '';
  exitCode: number | null | undefined;

  private constructor(readonly child: ChildProcess) {
    this.connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    child.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    child.on('exit', (code) => (this.exitCode = code));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      const entry = { uri: p.uri, version: p.version, diagnostics: p.diagnostics };
      this.published.push(entry);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(entry)) return true;
        w.resolve(entry);
        return false;
      });
    });
    // the server asks for settings; an editor with none answers null
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.listen();
  }

  settings: unknown = null;

  /** Start the server: `args` after node, e.g. ['bin/ogi-lint.js', '--lsp']. */
  /** `settings` are given at start; `answer` is what the client answers when asked for settings later (default: the same). */
  static async start(args: string[], workspace: string, settings: unknown = null, bare = false, answer: unknown = settings): Promise<TestClient> {
    const child = spawn(process.execPath, args.map((a, i) => (i === 0 ? path.join(repoRoot, a) : a)), { cwd: workspace, stdio: ['pipe', 'pipe', 'pipe'] });
    const c = new TestClient(child);
    c.settings = answer;
    c.initializeResult = await c.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(workspace).href, name: 'reports' }],
      // bare: a client that declares nothing (no settings requests, no file watching, no folder events)
      capabilities: bare
        ? {}
        : {
            workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
            textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true }, codeAction: { isPreferredSupport: true } },
          },
      initializationOptions: settings,
    });
    await c.connection.sendNotification(InitializedNotification.type, {});
    return c;
  }

  initializeResult!: InitializeResult;

  /** The next diagnostics published for `uri` that satisfy `test` (or already published since `since`). */
  diagnostics(uri: string, test: (p: Published) => boolean = () => true, timeout = 20000): Promise<Published> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeout} ms; stderr: ${this.stderr}`)), timeout);
      this.waiters.push({
        test: (p) => p.uri === uri && test(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  async open(uri: string, text: string, languageId = uri.endsWith('.md') ? 'markdown' : 'plaintext'): Promise<Published> {
    this.versions.set(uri, 1);
    const next = this.diagnostics(uri, (p) => p.version === 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return next;
  }

  /** Replace the whole text; resolves with the diagnostics of the new version. */
  async change(uri: string, text: string): Promise<Published> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const next = this.diagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return next;
  }

  /** Edit a range (as editors send changes); resolves with the diagnostics of the new version when `wait`. */
  async edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** Send a change without waiting for its diagnostics. */
  async changeNoWait(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async filesChanged(files: string[], type: 1 | 2 | 3 = 2): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: files.map((f) => ({ uri: pathToFileURL(f).href, type })) });
  }

  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      this.child.kill();
    }
    const timer = setTimeout(() => this.child.kill(), 5000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
