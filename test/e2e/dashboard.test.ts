// Browser test of the dashboard: the built app in real Chromium against a fake of the clusters API.
// (A UI test: the real hub, agents and simulator get their own end-to-end tests.)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.ts';
import type { ClusterSummary } from '@flotilla/protocol';

const root = new URL('../../', import.meta.url).pathname;
const dist = join(root, 'packages/web/dist');
const goodToken = 'right-token';
/** When set, the fake API answers every request with this status (a hub in trouble). */
let failWith: number | null = null;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const clusters: ClusterSummary[] = [
  summary('prod-us-1', 'prod', false, { lastSeenAt: null, kubernetesVersion: null }),
  summary('dev-eu-1', 'dev', true, {}),
  summary('qa-eu-1', 'qa', false, { lastSeenAt: minutesAgo(5) }),
  summary('dev-us-1', 'dev', true, {}),
  summary('uat-eu-1', 'uat', true, {}),
  summary('prod-eu-1', 'prod', true, { labels: { region: 'eu-west', tier: 'gold' } }),
];

function summary(
  name: string,
  environment: ClusterSummary['environment'],
  isConnected: boolean,
  overrides: Partial<ClusterSummary>,
): ClusterSummary {
  const seen = isConnected || overrides.lastSeenAt !== null;
  return {
    name,
    environment,
    labels: {},
    isConnected,
    lastSeenAt: isConnected ? new Date().toISOString() : null,
    kubernetesVersion: 'v1.33.1',
    nodeCount: seen ? 3 : null,
    agentVersion: seen ? '0.1.0' : null,
    capacity: seen ? { cpuMillicores: 4000, memoryMib: 16_384 } : null,
    ...overrides,
  };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function serveApi(request: IncomingMessage, response: ServerResponse): void {
  if (request.url !== '/api/v1/clusters') {
    return sendJson(response, 404, { error: { code: 'not_found', message: 'No such route.' } });
  }
  if (failWith !== null) {
    return sendJson(response, failWith, { error: { code: 'internal', message: 'Store offline.' } });
  }
  if (request.headers.authorization !== `Bearer ${goodToken}`) {
    const error = { code: 'unauthenticated', message: 'The token is not valid.' };
    return sendJson(response, 401, { error });
  }
  sendJson(response, 200, { items: clusters });
}

/** Static files from dist, and index.html for every other path (the SPA fallback the hub does). */
function serveDashboard(pathname: string, response: ServerResponse): void {
  const candidate = normalize(join(dist, decodeURIComponent(pathname)));
  const isFile =
    candidate.startsWith(dist) && existsSync(candidate) && statSync(candidate).isFile();
  const file = isFile ? candidate : join(dist, 'index.html');
  const type = contentTypes[extname(file)] ?? 'application/octet-stream';
  response.writeHead(200, { 'content-type': type }).end(readFileSync(file));
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (pathname.startsWith('/api/')) return serveApi(request, response);
  serveDashboard(pathname, response);
}

let browser: Browser;
let page: Page;
let baseUrl: string;
const server = createServer(handle);

before(async () => {
  if (!existsSync(join(dist, 'index.html'))) {
    execFileSync('npm', ['run', 'build', '-w', '@flotilla/web'], { cwd: root, stdio: 'inherit' });
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
});

after(async () => {
  await browser?.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function signIn(token: string): Promise<void> {
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

function rowText(name: string): Promise<string> {
  return page.getByRole('row').filter({ hasText: name }).innerText();
}

void test('a wrong token is refused with a message on the sign-in form', async () => {
  await page.goto(baseUrl);
  await page.getByRole('heading', { name: 'Sign in to Flotilla' }).waitFor();
  await signIn('wrong-token');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /did not accept this token \(The token is not valid\.\)/);
  assert.equal(await page.getByLabel('API token').isVisible(), true);
});

void test('the right token shows every cluster with its state and the per-environment counts', async () => {
  await signIn(goodToken);
  await page.getByRole('heading', { name: 'Fleet overview' }).waitFor();
  await page.getByRole('row').filter({ hasText: 'prod-us-1' }).waitFor();
  assert.equal(await page.locator('tbody tr').count(), clusters.length);
  const names = await page.locator('tbody th').allInnerTexts();
  assert.deepEqual(names, [
    'dev-eu-1',
    'dev-us-1',
    'qa-eu-1',
    'uat-eu-1',
    'prod-eu-1',
    'prod-us-1',
  ]);
  assert.match(await rowText('dev-eu-1'), /dev\s+connected\s+v1\.33\.1\s+3\s+0\.1\.0/);
  assert.match(await rowText('qa-eu-1'), /disconnected · last seen 5 min ago/);
  assert.match(await rowText('prod-us-1'), /disconnected · never connected\s+—\s+—\s+—/);
  assert.match(await page.getByTestId('connected-count').innerText(), /4 \/ 6\s+connected/);
  const counts = { dev: '2', qa: '1', uat: '1', prod: '2' };
  for (const [environment, count] of Object.entries(counts)) {
    const text = await page.getByTestId(`count-${environment}`).innerText();
    assert.match(text, new RegExp(`^${count}\\s+${environment}$`));
  }
  await page.screenshot({ path: '/tmp/dashboard.png', fullPage: true });
});

void test('the switcher lists clusters by environment and opens the chosen cluster page', async () => {
  const switcher = page.getByLabel('Cluster', { exact: true });
  const optgroups = await switcher.locator('optgroup').all();
  const groups = await Promise.all(optgroups.map((group) => group.getAttribute('label')));
  assert.deepEqual(groups, ['dev', 'qa', 'uat', 'prod']);
  await switcher.selectOption('prod-eu-1');
  await page.waitForURL(`${baseUrl}/clusters/prod-eu-1`);
  await page.getByRole('heading', { name: 'Cluster prod-eu-1' }).waitFor();
  const details = await page.locator('dl.details').innerText();
  assert.match(details, /prod/);
  assert.match(details, /region=eu-west/);
  assert.match(await page.locator('main').innerText(), /Workloads appear here once right-sizing/);
  assert.equal(await switcher.inputValue(), 'prod-eu-1');
});

void test('a reload keeps the cluster page and the session', async () => {
  await page.reload();
  await page.getByRole('heading', { name: 'Cluster prod-eu-1' }).waitFor();
  assert.equal(page.url(), `${baseUrl}/clusters/prod-eu-1`);
  await page.goBack();
  await page.getByRole('heading', { name: 'Fleet overview' }).waitFor();
  assert.equal(page.url(), `${baseUrl}/`);
});

void test('a table row opens its cluster page', async () => {
  await page.getByRole('row').filter({ hasText: 'qa-eu-1' }).click();
  await page.waitForURL(`${baseUrl}/clusters/qa-eu-1`);
  await page.getByRole('heading', { name: 'Cluster qa-eu-1' }).waitFor();
});

void test('a failing hub is reported in words, and the page recovers on the next poll', async () => {
  failWith = 500;
  await page.reload();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Could not load clusters: Store offline\. Retrying/);
  failWith = null;
  await page.getByRole('heading', { name: 'Cluster qa-eu-1' }).waitFor();
  await page.locator('dl.details').waitFor({ timeout: 10_000 });
  assert.equal(await alert.count(), 0);
});

void test('signing out returns to the sign-in form', async () => {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Flotilla' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), /You signed out/);
});

void test('a token in the URL fragment signs in once and leaves the address', async () => {
  const fresh = await browser.newPage();
  try {
    await fresh.goto(`${baseUrl}/clusters/dev-us-1#token=${goodToken}`);
    await fresh.getByRole('heading', { name: 'Cluster dev-us-1' }).waitFor();
    assert.equal(fresh.url(), `${baseUrl}/clusters/dev-us-1`);
  } finally {
    await fresh.close();
  }
});
