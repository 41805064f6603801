/**
 * The playground page in real headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core), against the real server: a team lead types a Japanese reply, sees the
 * supplier-centred wording highlighted with its reason, applies the fix in one click and sees
 * the finding go. Screenshots go to .artifacts/serve-playground/ (kept by CI, ignored by git).
 *
 * Without Chromium the test is skipped on a developer's machine (with a note saying so) and
 * fails in CI (CI=true), where .ci/run installs it.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { cliRoot } from './helpers.js';
import { startServer, type RunningServer } from './serve-helpers.js';

const chromiumPath = '/usr/bin/chromium';
const artifacts = path.join(cliRoot, '..', '..', '.artifacts', 'serve-playground');
const token = 'playground-token-0123456789abcdef';
const inCi = Boolean(process.env.CI);
const skip = !existsSync(chromiumPath) && !inCi ? `${chromiumPath} is missing (apt-get install chromium); CI installs it and runs this test` : false;
if (skip) console.log(`# serve-playground: skipped: ${skip}`);

const inquiry = '先週注文したマグカップが割れて届きました。交換していただけますか。';
const reply = [
  '山田 花子 様',
  '',
  'お問い合わせいただきありがとうございます。',
  '',
  '当社の規定により、返品はお受けできません。<b>太字</b>',
  '',
  'ほかにご不明な点がございましたら、お気軽にお問い合わせください。',
].join('\n');

describe('replylint serve: the playground in Chromium', { skip }, () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const pageErrors: string[] = [];

  before(async () => {
    assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: CI must install chromium (.ci/run)`);
    mkdirSync(artifacts, { recursive: true });
    server = await startServer(['--token', token]);
    profile = mkdtempSync(path.join(os.tmpdir(), 'replylint-playground-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
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
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      // A blocked script or style (Content-Security-Policy) shows up here.
      if (message.type() === 'error' && !/401/.test(message.text())) pageErrors.push(message.text());
    });
    await page.goto(`${server.url}/`, { waitUntil: 'domcontentloaded' });
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (server) assert.equal(await server.stop(), 0);
  });

  it('asks for the token when the server has one', async () => {
    // Without it the API answers 401; the page must say so instead of showing nothing.
    await page.click('#ui-ja');
    await page.fill('#reply', 'テスト');
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('authorization'));
    assert.match((await page.textContent('#status'))!, /チェックできませんでした: authorization: expected "Authorization: Bearer TOKEN"/);
  });

  it('highlights 「規定により」 as supplier-centred wording, with the reason on hover', async () => {
    // The headline finding, where the team lead can see it in the text.
    await page.fill('#token', token);
    await page.fill('#inquiry', inquiry);
    await page.fill('#reply', '');
    await page.locator('#reply').pressSequentially(reply.slice(0, 20));
    await page.fill('#reply', reply);
    const mark = page.locator('mark[data-rules~="supplier-centred-wording"]');
    await mark.first().waitFor();
    assert.equal(await mark.first().textContent(), '当社の規定により');
    assert.match((await mark.first().getAttribute('title'))!, /「当社の規定により」は会社側の都合や規則を理由にしています/);
    await mark.first().hover();
    assert.match((await page.textContent('#score'))!, /^\d+$/);
    // The interface is in Japanese.
    assert.equal(await page.textContent('label[for="reply"]'), '返信');
    await page.screenshot({ path: path.join(artifacts, '01-ja-finding.png'), fullPage: true });
  });

  it('shows markup typed into the reply as text, never as HTML', async () => {
    // Replies and server messages go into the page with textContent only.
    assert.match((await page.textContent('#highlighted'))!, /<b>太字<\/b>/);
    assert.equal(await page.locator('#highlighted b').count(), 0);
  });

  it('applies the suggestion in one click, and the finding goes', async () => {
    // The one-click fix replaces exactly the flagged words, and the reply is checked again.
    await page.click('li[data-rule="supplier-centred-wording"] button.suggestion');
    await page.locator('mark[data-rules~="supplier-centred-wording"]').waitFor({ state: 'detached' });
    const value = await page.inputValue('#reply');
    assert.ok(!value.includes('規定により'), value);
    // With no customer-side reason in the reply, the fix removes the company-side phrase (and its
    // comma) rather than offer a placeholder a customer could receive.
    assert.ok(value.includes('返品はお受けできません。'), value);
    assert.ok(!value.includes('〇〇'), value);
    assert.equal(await page.locator('li[data-rule="supplier-centred-wording"]').count(), 0);
    await page.screenshot({ path: path.join(artifacts, '02-ja-fixed.png'), fullPage: true });
  });

  it('switches the interface, and the findings, to English', async () => {
    // Team leads who do not read Japanese review Japanese replies too.
    await page.click('#ui-en');
    await page.waitForFunction(() => document.querySelector('label[for="reply"]')!.textContent === 'Reply');
    await page.waitForFunction(() => /[a-z]{4}/.test(document.querySelector('#findings .message')?.textContent ?? ''));
    await page.screenshot({ path: path.join(artifacts, '03-en.png'), fullPage: true });
    assert.deepEqual(pageErrors, []);
  });
});
