// VS Code client for the ogi-lint language server.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

const SERVER_BIN = path.join('bin', 'ogi-lint-language-server.js');
let client;

/**
 * The server script and its arguments: the setting, the workspace's ogi-lint, the one beside this
 * extension, or undefined (then the command on the PATH). The setting may name the package folder,
 * `bin/ogi-lint-language-server.js`, or the command line `bin/ogi-lint.js` (started with `--lsp`).
 */
function serverModule() {
  const setting = vscode.workspace.getConfiguration('ogi-lint').get('server.path');
  const candidates = [];
  if (setting) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const abs = path.resolve(folder, setting.replace(/^~(?=$|[\\/])/, os.homedir()));
    const named = /\.[cm]?js$/.test(abs) ? abs : path.join(abs, SERVER_BIN);
    if (!fs.existsSync(named)) {
      vscode.window.showWarningMessage(`ogi-lint: "ogi-lint.server.path" names ${named}, which does not exist; looking for the language server elsewhere.`);
    }
    candidates.push(named);
  }
  for (const f of vscode.workspace.workspaceFolders ?? []) candidates.push(path.join(f.uri.fsPath, 'node_modules', 'ogi-lint', SERVER_BIN));
  // the extension folder inside a checkout of ogi-lint (editors/vscode), or ogi-lint installed with the extension
  candidates.push(path.resolve(__dirname, '..', '..', SERVER_BIN), path.join(__dirname, 'node_modules', 'ogi-lint', SERVER_BIN));
  const module = candidates.find((c) => fs.existsSync(c));
  if (!module) return undefined;
  return { module, args: path.basename(module) === 'ogi-lint.js' ? ['--lsp'] : [] };
}

function documentSelector() {
  const cfg = vscode.workspace.getConfiguration('ogi-lint');
  const selector = [];
  for (const language of cfg.get('languages') ?? []) selector.push({ scheme: 'file', language }, { scheme: 'untitled', language });
  for (const pattern of cfg.get('files') ?? []) selector.push({ scheme: 'file', pattern });
  return selector;
}

function settings() {
  const cfg = vscode.workspace.getConfiguration('ogi-lint');
  const text = (key) => cfg.get(key) || undefined;
  return {
    enable: cfg.get('enable'),
    locale: text('locale'),
    profile: text('profile'),
    configFile: text('configFile'),
    debounce: cfg.get('debounce'),
    docsUrl: text('docsUrl'),
  };
}

async function start() {
  const found = serverModule();
  const serverOptions = found
    ? { run: { ...found, transport: TransportKind.stdio }, debug: { ...found, transport: TransportKind.stdio } }
    : { command: 'ogi-lint-language-server', transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
  const clientOptions = {
    documentSelector: documentSelector(),
    initializationOptions: settings(),
    // no synchronize.configurationSection: the server registers for changes of "ogi-lint" once it is
    // up (a client whose server failed to start would otherwise keep trying to send them), then
    // asks for the settings; VS Code's names them the same way
    middleware: {
      workspace: {
        configuration: (params) => params.items.map((item) => (item.section === 'ogi-lint' ? settings() : null)),
      },
    },
  };
  client = new LanguageClient('ogi-lint', 'ogi-lint', serverOptions, clientOptions);
  await client.start();
}

/** Stop the running client; one that failed to start has nothing to stop (and says so by throwing). */
async function stop() {
  const old = client;
  client = undefined;
  if (!old) return;
  try {
    await old.stop();
  } catch {
    // not running
  }
}

/** (Re)start the client, saying so when the server cannot be started. */
async function restartNow() {
  await stop();
  try {
    await start();
  } catch (err) {
    // the client has logged the cause (Output → ogi-lint); what it rejects with may carry no message
    const detail = err instanceof Error && err.message ? ` (${err.message})` : '';
    vscode.window.showErrorMessage(`ogi-lint: the language server did not start${detail}. Install ogi-lint in the workspace (npm install ogi-lint) or set "ogi-lint.server.path".`);
  }
}

// one restart at a time: a settings file written once may report its change twice
let restarting = Promise.resolve();
function restart() {
  restarting = restarting.then(restartNow, restartNow);
  return restarting;
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand('ogi-lint.restart', () => restart()),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // which documents are checked, and which server runs, are fixed when the client starts
      if (e.affectsConfiguration('ogi-lint.languages') || e.affectsConfiguration('ogi-lint.files') || e.affectsConfiguration('ogi-lint.server.path')) await restart();
    }),
  );
  await restart();
}

async function deactivate() {
  await stop();
}

module.exports = { activate, deactivate };
