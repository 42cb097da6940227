// The real thing end to end: the demo's hub serves the dashboard, and a person following the
// printed sign-in link in Chromium sees every simulated cluster connected through its agent.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import { startDemo, type DemoProcess } from './support/demo-process.ts';

let dir: string;
let demo: DemoProcess;
let browser: Browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flotilla-demo-ui-'));
  demo = await startDemo(dir);
  browser = await launchChromium();
});

after(async () => {
  await browser.close();
  await demo.interrupt();
  await rm(dir, { recursive: true, force: true });
});

void test('the printed sign-in link shows the whole fleet connected', async () => {
  const link = /Sign in: +(\S+)/.exec(demo.banner)?.[1];
  assert.ok(link !== undefined, demo.banner);
  const page = await browser.newPage();
  await page.goto(link);
  await page.getByRole('heading', { name: 'Fleet overview' }).waitFor();
  const rows = page.locator('tbody tr');
  await rows.nth(5).waitFor();
  assert.equal(await rows.count(), 6);
  for (const text of await rows.allInnerTexts()) assert.match(text, /connected/);
  assert.doesNotMatch((await rows.allInnerTexts()).join('\n'), /disconnected/);
  await page.getByRole('row').filter({ hasText: 'prod-eu-1' }).click();
  await page.getByRole('heading', { name: 'Cluster prod-eu-1' }).waitFor();
  assert.ok(page.url().endsWith('/clusters/prod-eu-1'));
});
