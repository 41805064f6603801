#!/usr/bin/env node
/**
 * End-to-end test of the packaged extension in real VS Code (code-server),
 * driven through headless Debian Chromium with playwright-core.
 *
 *   node packages/vscode/test/e2e.mjs [--vsix FILE] [--keep] [--readme-screenshot]
 *
 * Needs scripts/setup-vscode-e2e.sh to have run (it writes $REPLYLINT_TOOLS/env.sh).
 * Screenshots, code-server's log and VS Code's logs go to .artifacts/vscode-e2e/.
 * Prints `N passed, M failed[, K skipped]` last and exits non-zero on failure.
 *
 * Environment: REPLYLINT_TOOLS (tool cache, default ~/.cache/replylint-tools),
 * REPLYLINT_VSIX (the .vsix; default: the newest packages/vscode/*.vsix),
 * E2E_TIMEOUT_MS (whole run, default 480000), E2E_SLOWMO (ms between actions).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const repo = path.resolve(pkgDir, '..', '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const KEEP = flag('--keep');
const README_SHOT = flag('--readme-screenshot');
const RUN_TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 480_000);
const artifacts = path.join(repo, '.artifacts', 'vscode-e2e');
const startedAt = Date.now();
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)}s`;
const log = (...parts) => console.log(`[e2e ${elapsed()}]`, ...parts);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ tools

function readToolsEnv() {
  const tools = process.env.REPLYLINT_TOOLS ?? path.join(os.homedir(), '.cache', 'replylint-tools');
  const envFile = path.join(tools, 'env.sh');
  if (!fs.existsSync(envFile)) {
    throw new Error(`${envFile} not found: run scripts/setup-vscode-e2e.sh first (REPLYLINT_TOOLS=${tools})`);
  }
  const env = {};
  for (const line of fs.readFileSync(envFile, 'utf8').split('\n')) {
    const m = /^export ([A-Z0-9_]+)="?([^"]*)"?$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  for (const key of ['CODE_SERVER_BIN', 'PLAYWRIGHT_CORE_DIR', 'CHROMIUM']) {
    if (!env[key]) throw new Error(`${envFile} has no ${key}: re-run scripts/setup-vscode-e2e.sh`);
  }
  return env;
}

function findVsix() {
  const given = option('--vsix') ?? process.env.REPLYLINT_VSIX;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`vsix not found: ${given}`);
    return path.resolve(given);
  }
  const candidates = fs
    .readdirSync(pkgDir)
    .filter((f) => /^replylint-.*\.vsix$/.test(f))
    .map((f) => path.join(pkgDir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (candidates.length === 0) throw new Error('no packages/vscode/replylint-*.vsix: run npm run package -w packages/vscode');
  return candidates[0];
}

/** PIDs of replylint language servers started from `extensionsDir`. */
function serverPids(extensionsDir) {
  const r = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return (r.stdout ?? '')
    .split('\n')
    .filter((line) => line.includes(extensionsDir) && line.includes('dist/server.mjs'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ------------------------------------------------------------------ processes and cleanup

const cleanups = [];
let cleaningUp = false;
async function cleanup() {
  if (cleaningUp) return;
  cleaningUp = true;
  for (const fn of cleanups.reverse()) {
    try {
      await Promise.race([fn(), sleep(10_000)]);
    } catch (error) {
      log('cleanup:', error?.message ?? error);
    }
  }
}

function killGroup(child, signal) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // gone
    }
  }
}

async function stopProcess(child, name) {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  killGroup(child, 'SIGTERM');
  const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!done) {
    log(`${name} did not stop on SIGTERM: SIGKILL`);
    killGroup(child, 'SIGKILL');
    await Promise.race([exited, sleep(2000)]);
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, async () => {
    log(`received ${signal}: cleaning up`);
    await cleanup();
    process.exit(130);
  });
}

// ------------------------------------------------------------------ test bookkeeping

const results = [];
/** Measured figures (not asserted: speed is measured in benchmarks), written to .artifacts/vscode-e2e/timings.json. */
const timings = {};
let page;
let shotCounter = 0;

async function screenshot(name) {
  if (!page) return undefined;
  const file = path.join(artifacts, `${String(++shotCounter).padStart(2, '0')}-${name}.png`);
  try {
    await page.screenshot({ path: file, timeout: 15_000 });
    return file;
  } catch (error) {
    log(`screenshot ${name} failed: ${error.message}`);
    return undefined;
  }
}

/** Runs the checks of one scenario in order; after a failure the rest are skipped. */
async function scenario(name, checks) {
  let failed = false;
  if (page) {
    // Start from a quiet workbench: close menus, hovers and pickers a failed scenario left open.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape').catch(() => {});
  }
  for (const [title, fn, timeoutMs = 60_000] of checks) {
    const full = `${name} › ${title}`;
    if (failed) {
      results.push({ name: full, status: 'skipped' });
      console.log(`  - SKIP ${full}`);
      continue;
    }
    const t0 = Date.now();
    try {
      await Promise.race([
        fn(),
        sleep(timeoutMs).then(() => {
          throw new Error(`timed out after ${timeoutMs} ms`);
        }),
      ]);
      results.push({ name: full, status: 'passed', ms: Date.now() - t0 });
      console.log(`  ✔ ${full} (${Date.now() - t0} ms)`);
    } catch (error) {
      failed = true;
      const shot = await screenshot(`FAILED-${slug(full)}`);
      const toasts = page
        ? await page.locator('.notifications-toasts .notification-list-item-message').allTextContents().catch(() => [])
        : [];
      if (toasts.length) console.log(`      notifications: ${toasts.join(' | ')}`);
      results.push({ name: full, status: 'failed', error });
      console.log(`  ✘ ${full} (${Date.now() - t0} ms)\n      ${String(error?.message ?? error).split('\n').join('\n      ')}`);
      if (shot) console.log(`      screenshot: ${path.relative(repo, shot)}`);
    }
  }
}

function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Polls `fn` until it returns a truthy value; the error names what was awaited and the last value seen. */
async function until(what, fn, timeoutMs = 30_000, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let last;
  let lastError;
  while (Date.now() < deadline) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      lastError = error;
    }
    await sleep(intervalMs);
  }
  const seen = lastError ? `last error: ${lastError.message}` : `last value: ${JSON.stringify(last)?.slice(0, 500)}`;
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${seen})`);
}

// ------------------------------------------------------------------ VS Code UI helpers

const mod = 'Control';

/** Text of the active editor, from Monaco's rendered lines (small files are rendered whole). */
async function editorText() {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines');
    if (!editor) return null;
    const lines = [...editor.querySelectorAll('.view-line')]
      .map((el) => ({ top: parseFloat(el.style.top || '0'), text: el.textContent ?? '' }))
      .sort((a, b) => a.top - b.top);
    return lines.map((l) => l.text.replace(/\u00a0/g, ' ')).join('\n');
  });
}

async function squiggles() {
  return page.evaluate(() =>
    [...document.querySelectorAll('.editor-group-container.active .monaco-editor [class*="squiggly-"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { cls: el.className, x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
}

/** Rows of the Problems panel (their accessible labels and text). */
async function problemRows() {
  return page.evaluate(() =>
    [...document.querySelectorAll('.markers-panel .monaco-list-row')].map(
      (row) => `${row.getAttribute('aria-label') ?? ''} | ${row.textContent ?? ''}`,
    ),
  );
}

async function ensureProblemsPanel() {
  const visible = await page.locator('.markers-panel').isVisible().catch(() => false);
  if (!visible) {
    await runCommand('View: Focus Problems', 'workbench.panel.markers.view.focus');
    await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 15_000 });
  }
}

async function quickInputVisible() {
  return page.locator('.quick-input-widget').isVisible().catch(() => false);
}

async function closeQuickInput() {
  for (let i = 0; i < 3 && (await quickInputVisible()); i++) {
    await page.keyboard.press('Escape');
    await sleep(150);
  }
}

/** Runs a command from the command palette by its title ("Category: Title"). */
async function runCommand(title, idForLog = title) {
  await closeQuickInput();
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title.split(': ').pop() }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
    throw new Error(`command not found in the palette: ${title} (${idForLog})`);
  });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
}

/** When the last file opened with `openFile` had its editor and text on screen. */
let lastEditorShownAt = 0;

/** Opens a workspace file with Quick Open and waits for its editor to be active. */
async function openFile(relativePath) {
  await closeQuickInput();
  await page.keyboard.press(`${mod}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(relativePath);
  const base = path.posix.basename(relativePath);
  // Quick Open filters asynchronously (recent editors show first): click the row whose name is exactly `base`.
  const row = page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
    .first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  const openedAt = Date.now();
  await row.click();
  await until(
    `the editor for ${relativePath} to be active`,
    async () => {
      const label = await page.locator('.editor-group-container.active .tab.active').getAttribute('aria-label').catch(() => null);
      return label?.includes(base) ? label : false;
    },
    15_000,
  );
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ timeout: 15_000 });
  lastEditorShownAt = Date.now();
  await focusEditor();
  return openedAt;
}

/** Gives the active editor keyboard focus (a click in its text area, top left: line 1). */
async function focusEditor() {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').click({ position: { x: 2, y: 2 } });
}

/** Moves the cursor to a 1-based line and column with "Go to Line". */
async function goTo(line, column = 1) {
  await closeQuickInput();
  await page.keyboard.press(`${mod}+G`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
  // Column by keys: "Go to Line" moves to the line's start; lines here have no indentation.
  await page.keyboard.press('Home');
  for (let i = 1; i < column; i++) await page.keyboard.press('ArrowRight');
  await until(
    `the cursor at Ln ${line}, Col ${column}`,
    async () => {
      const text = await page.locator('#status\\.editor\\.selection').textContent().catch(() => '');
      return text?.includes(`Ln ${line}, Col ${column}`);
    },
    5000,
  );
}

async function save() {
  await page.keyboard.press(`${mod}+S`);
  await until(
    'the editor to be saved',
    async () => !(await page.locator('.editor-group-container.active .tab.active.dirty').count()),
    10_000,
  );
}

/** The replylint language status entry's hover text ('' if VS Code shows none). */
async function languageStatusText() {
  const entry = page.locator('#status\\.languageStatus');
  if (!(await entry.count())) return '';
  await entry.hover();
  const hover = page.locator('.monaco-hover:visible, .context-view .hover-contents');
  await hover.first().waitFor({ state: 'visible', timeout: 5000 }).catch(() => {});
  const text = (await hover.allTextContents().catch(() => [])).join(' ');
  await page.mouse.move(5, 5);
  return text;
}

// ------------------------------------------------------------------ fixtures

const JA_REPLY = [
  '山田様',
  '',
  'お問い合わせいただきありがとうございます。',
  'ご購入いただいた傘が破損した状態で届き、返金をご希望とのこと、承知いたしました。',
  'ご不便をおかけして申し訳ございません。',
  '',
  '規定により返金はできかねます。',
  '',
  'ほかにご不明な点がございましたら、お気軽にお問い合わせください。',
  'よろしくお願いいたします。',
  '',
].join('\n');
const JA_SUPPLIER_LINE = 7;
const JA_SUPPLIER_PHRASE = '規定により';

const EN_INQUIRY =
  "Hi, I ordered a blue parasol two weeks ago (order A-1042) and the tracking page still says 'Preparing to ship'. " +
  "It's a birthday present for my mother on Saturday. Can you tell me when it will arrive?";
const EN_WRONG_RESTATEMENT = 'You mentioned that you would like to change the delivery address on your account.';
const EN_RESTATEMENT =
  "You mentioned that your blue parasol has been stuck at 'Preparing to ship' for two weeks and you need it for your mother's birthday on Saturday.";
const EN_REPLY = [
  'Hi Sam,',
  '',
  "Thank you for reaching out, and I'm sorry for the worry this has caused.",
  EN_WRONG_RESTATEMENT,
  'I checked with our warehouse: the parasol left today by express delivery and will arrive on Friday.',
  "If there's anything else I can help with, just reply to this email.",
  '',
  'Best regards,',
  'Alex',
  '',
].join('\n');
const EN_RESTATEMENT_LINE = 4;
/** A different customer message, sharing no content word with the parasol restatement: it does not answer it. */
const EN_OTHER_INQUIRY = 'Hello, I moved last month. Could you update the postal address on my account to 5 Elm Street?';

function userSettings() {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.editor.enablePreview': false,
    'workbench.colorTheme': 'Default Light Modern',
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'security.workspace.trust.enabled': false,
    'files.autoSave': 'off',
    'editor.minimap.enabled': false,
    'editor.fontSize': 15,
    'editor.wordWrap': 'off',
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.wordBasedSuggestions': 'off',
    'editor.suggestOnTriggerCharacters': false,
    'editor.hover.delay': 300,
    'editor.unicodeHighlight.ambiguousCharacters': false,
    'editor.unicodeHighlight.invisibleCharacters': false,
    'editor.renderWhitespace': 'none',
    'replylint.trace.server': 'off',
  };
}

// ------------------------------------------------------------------ main

async function main() {
  fs.mkdirSync(artifacts, { recursive: true });
  for (const f of fs.readdirSync(artifacts)) fs.rmSync(path.join(artifacts, f), { recursive: true, force: true });

  const tools = readToolsEnv();
  const vsix = findVsix();
  const requireTool = createRequire(path.join(tools.PLAYWRIGHT_CORE_DIR, 'package.json'));
  const { chromium } = requireTool('playwright-core');

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'replylint-e2e-'));
  cleanups.push(async () => {
    if (KEEP) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  });
  const dirs = {
    extensions: path.join(tmp, 'extensions'),
    userData: path.join(tmp, 'user-data'),
    workspace: path.join(tmp, 'workspace'),
    chrome: path.join(tmp, 'chrome-profile'),
    xdg: path.join(tmp, 'xdg'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  const csEnv = {
    ...process.env,
    HOME: path.join(dirs.xdg, 'home'),
    XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'),
    XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'),
    XDG_STATE_HOME: path.join(dirs.xdg, 'state'),
    XDG_RUNTIME_DIR: path.join(dirs.xdg, 'runtime'),
  };
  for (const key of ['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_STATE_HOME', 'XDG_RUNTIME_DIR']) {
    fs.mkdirSync(csEnv[key], { recursive: true, mode: 0o700 });
  }
  delete csEnv.VSCODE_IPC_HOOK_CLI;
  delete csEnv.ELECTRON_RUN_AS_NODE;

  // Workspace: a Japanese and an English reply.
  fs.mkdirSync(path.join(dirs.workspace, 'ja'));
  fs.mkdirSync(path.join(dirs.workspace, 'en'));
  const jaFile = path.join(dirs.workspace, 'ja', 'refund-reply.txt');
  const enFile = path.join(dirs.workspace, 'en', 'parasol-reply.txt');
  fs.writeFileSync(jaFile, JA_REPLY);
  fs.writeFileSync(enFile, EN_REPLY);
  // Not a reply (the `log` language is outside the document selector): the customer's message.
  fs.writeFileSync(path.join(dirs.workspace, 'en', 'customer-message.log'), `${EN_OTHER_INQUIRY}\n`);
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify(userSettings(), null, 2));

  const csCommon = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

  await scenario('install', [
    [
      'code-server --install-extension installs the .vsix',
      async () => {
        log(`installing ${path.relative(repo, vsix)} (${(fs.statSync(vsix).size / 1e6).toFixed(1)} MB)`);
        const t0 = Date.now();
        const r = spawnSync(tools.CODE_SERVER_BIN, [...csCommon, '--install-extension', vsix, '--force'], {
          env: csEnv,
          encoding: 'utf8',
          timeout: 120_000,
        });
        fs.writeFileSync(path.join(artifacts, 'install-extension.log'), `${r.stdout}\n${r.stderr}`);
        assert(r.status === 0, `exit ${r.status ?? r.signal}: ${r.stderr || r.stdout}`);
        const installed = fs.readdirSync(dirs.extensions).filter((d) => d.startsWith('replylint.replylint-vscode-'));
        assert(installed.length === 1, `extension folder not found in ${dirs.extensions}: ${fs.readdirSync(dirs.extensions)}`);
        const root = path.join(dirs.extensions, installed[0]);
        for (const f of ['dist/client.js', 'dist/server.mjs', 'dist/dict/base.dat', 'dist/dict/tid_map.csr', 'schemas/replylintrc.schema.json']) {
          assert(fs.existsSync(path.join(root, f)), `installed extension lacks ${f}`);
        }
        log(`installed ${installed[0]} in ${Date.now() - t0} ms`);
      },
      150_000,
    ],
  ]);
  if (results.some((r) => r.status === 'failed')) return;

  // code-server
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const csLog = fs.createWriteStream(path.join(artifacts, 'code-server.log'));
  const codeServer = spawn(
    tools.CODE_SERVER_BIN,
    [
      ...csCommon,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--log',
      'info',
      dirs.workspace,
    ],
    { env: csEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  codeServer.stdout.pipe(csLog);
  codeServer.stderr.pipe(csLog);
  let codeServerExit;
  codeServer.on('exit', (code, signal) => {
    codeServerExit = `code-server exited (${code ?? signal})`;
  });
  cleanups.push(async () => {
    await stopProcess(codeServer, 'code-server');
    csLog.end();
    // VS Code's own logs (extension host, the replylint output channel) help diagnose failures.
    const logs = path.join(dirs.userData, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(artifacts, 'vscode-logs'), { recursive: true });
  });

  let context;
  await scenario('startup', [
    [
      'code-server answers /healthz',
      async () => {
        await until(
          `${base}/healthz`,
          async () => {
            if (codeServerExit) throw new Error(`${codeServerExit}; see .artifacts/vscode-e2e/code-server.log`);
            const res = await fetch(`${base}/healthz`).catch(() => undefined);
            return res?.ok;
          },
          60_000,
          200,
        );
      },
      70_000,
    ],
    [
      'Chromium opens the workbench',
      async () => {
        context = await chromium.launchPersistentContext(dirs.chrome, {
          executablePath: tools.CHROMIUM,
          headless: true,
          viewport: { width: 1360, height: 820 },
          locale: 'en-US',
          slowMo: Number(process.env.E2E_SLOWMO ?? 0),
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-dev-shm-usage',
          ],
        });
        cleanups.push(() => context.close());
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
        page = context.pages()[0] ?? (await context.newPage());
        page.setDefaultTimeout(20_000);
        const consoleLog = fs.createWriteStream(path.join(artifacts, 'browser-console.log'));
        cleanups.push(async () => consoleLog.end());
        page.on('console', (m) => consoleLog.write(`[${m.type()}] ${m.text()}\n`));
        page.on('pageerror', (e) => consoleLog.write(`[pageerror] ${e.message}\n`));
        await page.goto(`${base}/?folder=${encodeURIComponent(dirs.workspace)}`, { waitUntil: 'domcontentloaded' });
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await page.locator('.explorer-folders-view, .monaco-workbench .part.sidebar').first().waitFor({ timeout: 30_000 });
        await sleep(1000);
        await screenshot('workbench');
      },
      90_000,
    ],
    [
      'the language server does not start before a reply is opened',
      async () => {
        // The extension activates on startup finished; give it time, then look for the server process.
        await sleep(4000);
        const pids = serverPids(dirs.extensions);
        assert(pids.length === 0, `language server already running (pids ${pids.join(', ')})`);
      },
    ],
    [
      'a replylint config added to the workspace starts the server before any reply is opened',
      async () => {
        // A team that configures replylint will open replies: the server starts (and loads the
        // Japanese dictionary) as soon as the config appears, so the first reply need not wait.
        fs.writeFileSync(path.join(dirs.workspace, '.replylintrc.json'), '{}\n');
        const t0 = Date.now();
        await until('a language server process', async () => serverPids(dirs.extensions).length === 1, 20_000, 50);
        log(`language server started ${Date.now() - t0} ms after .replylintrc.json appeared`);
        // Its warm-up (the dictionary) runs right after it initialises.
        await sleep(2000);
      },
      30_000,
    ],
  ]);
  if (results.some((r) => r.status === 'failed')) return;

  // -------------------------------------------------------------- Japanese reply
  await scenario('Japanese reply', [
    [
      'opening it shows a squiggle on the supplier-centred wording',
      async () => {
        const openedAt = await openFile('ja/refund-reply.txt');
        // Polled every 20 ms: the time from picking the file in Quick Open to its first squiggle,
        // in a workspace with a replylint config (the server already running, its dictionary loaded).
        await until('a replylint squiggle in the editor', async () => (await squiggles()).length > 0, 60_000, 20);
        timings.firstJapaneseDiagnosticsMs = Date.now() - openedAt;
        // The part VS Code takes to show the file (Quick Open, the editor, its text), and the rest.
        timings.editorShownMs = lastEditorShownAt - openedAt;
        timings.squiggleAfterEditorShownMs = Date.now() - lastEditorShownAt;
        log(`editor shown ${timings.editorShownMs} ms after the click, first squiggle ${timings.squiggleAfterEditorShownMs} ms after that`);
        log(`first Japanese diagnostics ${timings.firstJapaneseDiagnosticsMs} ms after the reply was opened (server started early by the workspace's replylint config)`);
        const pids = serverPids(dirs.extensions);
        assert(pids.length === 1, `expected one language server process, found ${pids.length}`);
      },
      90_000,
    ],
    [
      'the Problems panel lists supplier-centred-wording',
      async () => {
        await ensureProblemsPanel();
        await until(
          'a Problems row for supplier-centred-wording',
          async () => (await problemRows()).find((r) => r.includes('supplier-centred-wording')),
          30_000,
        );
        const rows = await problemRows();
        log(`problems: ${rows.length} row(s): ${rows.map((r) => r.slice(0, 120)).join(' || ')}`);
      },
    ],
    [
      'hovering the squiggle shows the finding (README screenshot)',
      async () => {
        const text = await editorText();
        const line = (text ?? '').split('\n')[JA_SUPPLIER_LINE - 1] ?? '';
        assert(line.includes(JA_SUPPLIER_PHRASE), `line ${JA_SUPPLIER_LINE} is ${JSON.stringify(line)}`);
        const marks = await squiggles();
        const mark = marks.sort((a, b) => b.y - a.y)[0];
        await page.mouse.move(mark.x + Math.min(mark.w / 2, 30), mark.y + mark.h / 2);
        await page.locator('.monaco-hover:visible').first().waitFor({ state: 'visible', timeout: 10_000 });
        await until('the hover to mention the rule', async () => {
          const hover = (await page.locator('.monaco-hover:visible').allTextContents()).join(' ');
          return /規定により|supplier-centred-wording/.test(hover) && hover;
        }, 10_000);
        await sleep(300);
        const shot = await screenshot('ja-finding-hover');
        if (README_SHOT && shot) {
          fs.mkdirSync(path.join(pkgDir, 'images'), { recursive: true });
          fs.copyFileSync(shot, path.join(pkgDir, 'images', 'screenshot-ja.png'));
          log('updated packages/vscode/images/screenshot-ja.png');
        }
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
      },
    ],
    [
      'the language status reports Japanese',
      async () => {
        const text = await until('the replylint language status', async () => {
          const t = await languageStatusText();
          return /Japanese/.test(t) && !/warming up/.test(t) ? t : false;
        }, 30_000, 1000);
        log(`language status: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
      },
    ],
    [
      'Ctrl+. applies the quick fix: the text changes and the finding disappears',
      async () => {
        const phraseColumn = JA_REPLY.split('\n')[JA_SUPPLIER_LINE - 1].indexOf(JA_SUPPLIER_PHRASE) + 2;
        await focusEditor();
        const menuRow = page.locator('.action-widget .monaco-list-row').first();
        for (let attempt = 1; ; attempt++) {
          await focusEditor();
          await goTo(JA_SUPPLIER_LINE, phraseColumn);
          await page.keyboard.press(`${mod}+.`);
          const shown = await menuRow.waitFor({ state: 'visible', timeout: 8000 }).then(() => true, () => false);
          if (shown) break;
          await screenshot(`quick-fix-menu-missing-${attempt}`);
          if (attempt === 3) throw new Error('Ctrl+. showed no quick fix menu (3 attempts)');
          log(`Ctrl+. showed no menu (attempt ${attempt}); retrying`);
          await page.keyboard.press('Escape');
        }
        const rows = page.locator('.action-widget .monaco-list-row');
        const items = (await rows.allTextContents()).map((s) => s.trim());
        log(`quick fixes offered: ${items.join(' | ')}`);
        await screenshot('ja-quick-fix-menu');
        // The rewrite: not a group header, not "fix all"/"open the documentation" (those name a rule id).
        const fix = items.findIndex((t) => t && !/^(Quick Fix|More Actions)/.test(t) && !/[a-z]+-[a-z]+(-[a-z]+)*/.test(t));
        assert(fix >= 0, `no rewrite among the quick fixes: ${items.join(' | ')}`);
        await rows.nth(fix).click();
        await until(
          'the supplier-centred phrase to be rewritten',
          async () => {
            const text = await editorText();
            return text && !text.includes(JA_SUPPLIER_PHRASE) && text.includes('返金はできかねます') ? text : false;
          },
          15_000,
        );
        await until(
          'supplier-centred-wording to leave the Problems panel',
          async () => !(await problemRows()).some((r) => r.includes('supplier-centred-wording')),
          30_000,
        );
        // With no customer-side reason in the reply, the fix removes the company-side phrase and
        // inserts nothing: no placeholder the agent could send, and the rest of the line is untouched.
        await save();
        const onDisk = fs.readFileSync(jaFile, 'utf8');
        assert(!onDisk.includes(JA_SUPPLIER_PHRASE), `saved file still contains ${JA_SUPPLIER_PHRASE}:\n${onDisk}`);
        const fixedLine = onDisk.split('\n')[JA_SUPPLIER_LINE - 1];
        assert(fixedLine === '返金はできかねます。', `only the phrase is removed; line ${JA_SUPPLIER_LINE} is now: ${fixedLine}`);
        assert(!/〇〇|○○|\[[^\]]*\]/.test(onDisk), `the fix inserted a placeholder:\n${onDisk}`);
        assert(!(await problemRows()).some((r) => r.includes('unfilled-placeholder')), 'no placeholder finding after the fix');
        log(`line ${JA_SUPPLIER_LINE} now: ${onDisk.split('\n')[JA_SUPPLIER_LINE - 1]}`);
        await screenshot('ja-fixed');
      },
    ],
  ]);

  // -------------------------------------------------------------- English reply + inquiry
  const inquirySummaryShown = async () => (await problemRows()).some((r) => r.includes('inquiry-summary'));
  await scenario('English reply with an inquiry', [
    [
      'without an inquiry, an off-topic restatement passes',
      async () => {
        await openFile('en/parasol-reply.txt');
        await ensureProblemsPanel();
        // Wait for the first lint of this file (the language status says English), then check.
        await until('the English reply to be linted', async () => /English/.test(await languageStatusText()), 30_000, 1000);
        await sleep(500);
        assert(!(await inquirySummaryShown()), `inquiry-summary reported without an inquiry: ${(await problemRows()).join(' || ')}`);
      },
      60_000,
    ],
    [
      '"Set Inquiry from Clipboard" attaches the inquiry: inquiry-summary appears',
      async () => {
        await page.evaluate((text) => navigator.clipboard.writeText(text), EN_INQUIRY);
        await focusEditor();
        await runCommand('replylint: Set Inquiry from Clipboard', 'replylint.setInquiryFromClipboard');
        await until('inquiry-summary in the Problems panel', inquirySummaryShown, 30_000);
        const status = await until('the language status to say the inquiry is attached', async () => {
          const t = await languageStatusText();
          return /inquiry attached/.test(t) ? t : false;
        }, 15_000, 1000);
        log(`language status: ${status.replace(/\s+/g, ' ').slice(0, 200)}`);
        await screenshot('en-inquiry-summary');
      },
    ],
    [
      'restating the inquiry makes inquiry-summary disappear',
      async () => {
        await focusEditor();
        await goTo(EN_RESTATEMENT_LINE, 1);
        await page.keyboard.press('Home');
        await page.keyboard.press('Shift+End');
        await page.keyboard.insertText(EN_RESTATEMENT);
        await until('the restatement in the editor', async () => (await editorText())?.includes(EN_RESTATEMENT), 10_000);
        await until('inquiry-summary to leave the Problems panel', async () => !(await inquirySummaryShown()), 30_000);
        await screenshot('en-restated');
      },
    ],
    [
      'removing the restatement brings inquiry-summary back',
      async () => {
        await goTo(EN_RESTATEMENT_LINE, 1);
        await page.keyboard.press(`${mod}+Shift+K`);
        await until('the restatement to be gone', async () => !(await editorText())?.includes('You mentioned'), 10_000);
        await until('inquiry-summary in the Problems panel', inquirySummaryShown, 30_000);
      },
    ],
    [
      'adding it back makes inquiry-summary disappear again',
      async () => {
        await goTo(EN_RESTATEMENT_LINE, 1);
        await page.keyboard.press('Home');
        await page.keyboard.insertText(`${EN_RESTATEMENT}\n`);
        await until('the restatement in the editor', async () => (await editorText())?.includes(EN_RESTATEMENT), 10_000);
        await until('inquiry-summary to leave the Problems panel', async () => !(await inquirySummaryShown()), 30_000);
      },
    ],
    [
      '"Clear Inquiry" detaches it (the language status says so)',
      async () => {
        await runCommand('replylint: Clear Inquiry', 'replylint.clearInquiry');
        await until('the language status to say no inquiry', async () => /no inquiry/.test(await languageStatusText()), 15_000, 1000);
        await screenshot('en-final');
      },
    ],
  ]);

  // -------------------------------------------------------------- the other inquiry sources
  const statusOf = async (file) => {
    await openFile(file);
    return languageStatusText();
  };
  await scenario('Other inquiry sources and restart', [
    [
      '"Set Inquiry from Selection" takes the customer\'s message selected in another editor',
      async () => {
        await save();
        await until('no inquiry-summary before', async () => !(await inquirySummaryShown()), 15_000);
        await openFile('en/customer-message.log');
        await focusEditor();
        await page.keyboard.press(`${mod}+A`);
        await until('the customer\'s message to be selected', async () => (await page.locator('.editor-group-container.active .monaco-editor .selected-text').count()) > 0, 5000);
        await runCommand('replylint: Set Inquiry from Selection', 'replylint.setInquiryFromSelection');
        // The reply restates the parasol problem, not the address change the selection asks for.
        await until('inquiry-summary for the reply', inquirySummaryShown, 30_000);
        const status = await until('the reply\'s status to say inquiry attached', async () => {
          const t = await statusOf('en/parasol-reply.txt');
          return /inquiry attached/.test(t) ? t : false;
        }, 20_000, 1000);
        log(`language status: ${status.replace(/\s+/g, ' ').slice(0, 120)}`);
        await runCommand('replylint: Clear Inquiry', 'replylint.clearInquiry');
        await until('inquiry-summary to leave once the inquiry is cleared', async () => !(await inquirySummaryShown()), 30_000);
      },
    ],
    [
      '"Open or Create Inquiry File" creates NAME.inquiry.txt beside the reply and uses its text',
      async () => {
        await openFile('en/parasol-reply.txt');
        await runCommand('replylint: Open or Create Inquiry File', 'replylint.openInquiryFile');
        const sibling = path.join(dirs.workspace, 'en', 'parasol-reply.inquiry.txt');
        await until(`${path.basename(sibling)} on disk`, async () => fs.existsSync(sibling), 10_000);
        await until(
          'the inquiry file\'s editor to be active',
          async () =>
            (await page.locator('.editor-group-container.active .tab.active').getAttribute('aria-label').catch(() => ''))?.includes(
              'parasol-reply.inquiry.txt',
            ),
          10_000,
        );
        await focusEditor();
        await page.keyboard.insertText(EN_OTHER_INQUIRY);
        await save();
        await until('inquiry-summary for the reply (from the sibling file)', inquirySummaryShown, 30_000);
        const rows = await problemRows();
        assert(!rows.some((r) => r.includes('parasol-reply.inquiry.txt')), `the inquiry file was linted as a reply: ${rows.join(' || ')}`);
        await screenshot('en-inquiry-file');
      },
    ],
    [
      '"Restart Language Server" restarts it and the findings come back',
      async () => {
        await openFile('en/parasol-reply.txt');
        await runCommand('replylint: Restart Language Server', 'replylint.restartServer');
        await until('inquiry-summary after the restart', inquirySummaryShown, 45_000);
        await until('the language status after the restart', async () => /English/.test(await languageStatusText()), 30_000, 1000);
        await runCommand('replylint: Show Output', 'replylint.showOutput');
        const output = await until(
          'the replylint output channel',
          async () => {
            const text = (await page.locator('.part.panel .monaco-editor .view-lines').allTextContents().catch(() => []))
              .join('\n')
              .replace(/\u00a0/g, ' ');
            return /restarting the language server/.test(text) ? text : false;
          },
          15_000,
        );
        assert(/language server running/.test(output), `output channel: ${output.slice(0, 400)}`);
        await screenshot('output-channel');
      },
      90_000,
    ],
  ]);
}

// ------------------------------------------------------------------ run

const watchdog = setTimeout(async () => {
  console.log(`[e2e] the whole run exceeded ${RUN_TIMEOUT_MS} ms: aborting`);
  await screenshot('ABORTED-timeout');
  results.push({ name: 'run finished in time', status: 'failed', error: new Error('watchdog') });
  await cleanup();
  report();
  process.exit(1);
}, RUN_TIMEOUT_MS);
watchdog.unref();

function report() {
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.filter((r) => r.status === 'failed').length;
  const skipped = results.filter((r) => r.status === 'skipped').length;
  if (Object.keys(timings).length) {
    fs.writeFileSync(path.join(artifacts, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
    console.log(`[e2e] timings: ${JSON.stringify(timings)}`);
  }
  console.log(`[e2e] artifacts: ${path.relative(process.cwd(), artifacts) || artifacts} (total ${elapsed()})`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed === 0 && passed > 0;
}

let ok = false;
try {
  await main();
} catch (error) {
  results.push({ name: 'setup', status: 'failed', error });
  console.log(`  ✘ setup: ${error?.stack ?? error}`);
} finally {
  await cleanup();
  clearTimeout(watchdog);
  ok = report();
}
process.exit(ok ? 0 : 1);
