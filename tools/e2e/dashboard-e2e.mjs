// Drives the host's dashboard in headless Chromium (the system browser, through playwright-core):
// enter the API key, create a session, signal that the anchor joined (its first push start fails once, so the chart
// has a retry), see it go live, cancel it, see it stopped; then cancel a waiting session from the list, pause a
// schedule, and let a third session's anchor leave.
// Screenshots go to --out. Prints "ok - <step>" per step and "DASHBOARD E2E PASSED <session id>" at the end;
// exits 1 on a failed step (with failure.png), 2 on bad arguments, 3 when the browser is missing.
//
//   node dashboard-e2e.mjs --url http://127.0.0.1:7071/ [--api-key KEY] --out ../../TestResults/dashboard
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    'api-key': { type: 'string', default: '' },
    out: { type: 'string', default: 'TestResults/dashboard' },
    browser: { type: 'string', default: process.env.CHROMIUM_PATH || '/usr/bin/chromium' },
    room: { type: 'string', default: '4242' },
    user: { type: 'string', default: 'e2e-anchor' },
    timeout: { type: 'string', default: '60000' },
  },
});

if (!options.url) {
  console.error('Usage: node dashboard-e2e.mjs --url <host base URL> [--api-key <key>] [--out <folder>]');
  process.exit(2);
}
if (!existsSync(options.browser)) {
  console.error(`Chromium is not installed at ${options.browser}: run scripts/install-browser.sh (it installs Debian's chromium).`);
  process.exit(3);
}

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch (error) {
  console.error(`playwright-core is not installed: run 'npm ci' in tools/e2e (${error.message}).`);
  process.exit(3);
}

const STEP_TIMEOUT = Number(options.timeout);
const outDir = path.resolve(options.out);
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: options.browser,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
const page = await context.newPage();
page.setDefaultTimeout(STEP_TIMEOUT);

// Uncaught script errors fail the run; failed resource loads (the 401 before the key, a missing ledger) do not.
const scriptErrors = [];
page.on('pageerror', (error) => scriptErrors.push(error.message));
page.on('console', (message) => {
  if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) scriptErrors.push(message.text());
});

let step = 'start';
function ok(text) {
  console.log(`ok - ${text}`);
}

async function shot(name) {
  const file = path.join(outDir, name);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot ${file}`);
}

// A JSON POST straight to the host (no browser), with the key: the simulator's control API, or a session to list.
async function control(relative, body) {
  const response = await fetch(new URL(relative, options.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(options['api-key'] ? { 'X-Api-Key': options['api-key'] } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${relative} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

async function waitForStatus(status) {
  step = `session page shows ${status}`;
  await page.locator(`#session-page[data-status="${status}"]`).waitFor();
}

try {
  step = 'open the dashboard';
  await page.goto(options.url, { waitUntil: 'domcontentloaded' });
  if (options['api-key']) {
    step = 'enter the API key in its prompt';
    await page.locator('#key-dialog').waitFor();
    await page.fill('#api-key-input', options['api-key']);
    await page.click('#api-key-submit');
    ok('the dashboard asked for the API key and took it');
  }
  step = 'sessions list loads';
  await page.locator('#sessions-page').waitFor();
  await page.locator('main[data-loaded="true"]').waitFor();
  ok('sessions list loaded');

  step = 'dev mode offers the simulator join';
  await page.locator('#simulator-join-box').waitFor();
  if (!(await page.isChecked('#simulator-join'))) throw new Error('The simulator join is offered but not checked by default.');
  ok('dev mode: the anchor joins the simulator room on signal');

  step = 'create a session with the form';
  await page.click('#new-session');
  await page.locator('#create-dialog').waitFor();
  await page.fill('#create-roomId', options.room);
  await page.fill('#create-userId', options.user);
  await page.fill('#create-key', `e2e-${Date.now()}`);
  await page.fill('#create-channelName', 'Dashboard end-to-end');
  await page.screenshot({ path: path.join(outDir, 'create-dialog.png') });
  await page.click('#create-submit');
  await page.waitForURL(/#\/sessions\//);
  const sessionId = decodeURIComponent(new URL(page.url()).hash.replace(/^#\/sessions\//, ''));
  await waitForStatus('WaitingForJoin');
  ok(`created ${sessionId}; it waits for the anchor`);

  step = 'make the first push start fail in the simulator';
  // A transient code for one StartPush: the chart then shows a failed call, a retry wait and the call that worked.
  await control('simulator/control/faults', { kind: 'fail', operation: 'StartPush', code: 40000208, count: 1 });
  ok('the simulator fails the next StartPush once with 40000208');

  step = 'signal that the anchor joined';
  await page.click('#signal-join');
  await waitForStatus('Live');
  step = 'live URLs shown';
  await page.locator('#live-urls li').first().waitFor();
  const urls = await page.locator('#live-urls li').count();
  ok(`live with ${urls} live URL(s)`);
  step = 'timeline chart draws the failed call and its retry wait';
  await page.locator('#timeline-chart g.item.call-failed').first().waitFor();
  await page.locator('#timeline-chart g.item.retry').first().waitFor();
  ok('timeline chart: a failed StartPush, a retry wait, then the start');
  await shot('session-live.png');

  step = 'cancel the session';
  await page.click('#cancel-session');
  await page.locator('#cancel-dialog').waitFor();
  await page.click('#confirm-cancel');
  await waitForStatus('Completed');
  step = 'result says the cancel ended it';
  await page.locator('#session-result', { hasText: 'Cancelled' }).waitFor();
  ok('stopped: outcome Completed, ended by Cancelled');

  step = 'timeline chart draws the calls and signals';
  const calls = await page.locator('#timeline-chart g.item[data-kind="Call"]').count();
  const signals = await page.locator('#timeline-chart g.item[data-kind="Signal"]').count();
  if (calls < 3 || signals < 2) throw new Error(`The chart shows ${calls} call(s) and ${signals} signal(s); expected at least 3 calls and 2 signals.`);
  ok(`timeline chart: ${calls} call bar(s), ${signals} signal marker(s)`);
  await shot('session-stopped.png');
  step = 'a bar shows its tooltip';
  // Scroll first: a scroll under a resting mouse moves it off the bar and hides the tooltip.
  await page.evaluate(() => document.getElementById('timeline-card').scrollIntoView({ block: 'center' }));
  await page.hover('#timeline-chart g.item.retry');
  await page.locator('.gantt-tooltip:not([hidden])', { hasText: 'Retry' }).waitFor();
  await page.locator('#timeline-card').screenshot({ path: path.join(outDir, 'timeline-tooltip.png') });
  ok('hovering the retry wait shows its tooltip');

  step = 'a second session waits, created through the API';
  const waiting = await control('api/sessions', { roomId: Number(options.room) + 1, userId: `${options.user}-2`, key: `e2e-wait-${Date.now()}`, channelName: 'Waiting for its anchor' });
  step = 'a recurring schedule, created through the API';
  const scheduleId = `e2e-weekdays-${Date.now()}`;
  await control('api/schedules', {
    id: scheduleId, cron: '0 9 * * 1-5', timeZone: 'Europe/Berlin', overlap: 'Skip',
    template: { roomId: Number(options.room) + 2, userId: `${options.user}-3`, channelName: 'Weekday morning show' },
  });
  step = 'sessions list shows both';
  await page.click('.crumbs a');
  await page.locator(`#sessions-table tr[data-id="${sessionId}"][data-status="Completed"]`).waitFor();
  await page.locator(`#sessions-table tr[data-id="${waiting.id}"][data-status="WaitingForJoin"]`).waitFor();
  await page.locator('.tile[data-status="WaitingForJoin"] .tile-count', { hasText: '1' }).waitFor();
  ok('the list shows the first Completed and the second waiting, with counts');
  step = 'the schedules panel previews the next occurrences';
  const schedule = page.locator(`#schedules-panel li.schedule[data-id="${scheduleId}"]`);
  await schedule.locator('.occurrences li').nth(2).waitFor();
  ok(`the schedule shows ${await schedule.locator('.occurrences li').count()} next occurrences`);
  await shot('sessions.png');

  step = 'pause the schedule from its panel';
  await schedule.locator('button[data-action="pause"]').click();
  await schedule.locator('.badge.schedule-paused').waitFor();
  ok('the schedule shows Paused');

  step = 'cancel the waiting session from the list';
  await page.click(`#sessions-table tr[data-id="${waiting.id}"] button[data-action="cancel"]`);
  await page.click('#confirm-cancel');
  await page.locator(`#sessions-table tr[data-id="${waiting.id}"][data-status="Cancelled"]`).waitFor();
  ok('the list cancels a waiting session: Cancelled');

  step = 'a third session joins from the list and its anchor leaves';
  const leaving = await control('api/sessions', {
    roomId: Number(options.room) + 3, userId: `${options.user}-4`, key: `e2e-leave-${Date.now()}`, channelName: 'Anchor leaves', leaveGrace: '00:00:01',
  });
  const leavingRow = `#sessions-table tr[data-id="${leaving.id}"]`;
  await page.click(`${leavingRow}[data-status="WaitingForJoin"] button[data-action="join"]`);
  await page.locator(`${leavingRow}[data-status="Live"]`).waitFor();
  ok('the list signals a waiting session: Live');
  await page.click(`${leavingRow} .cell-id a`);
  await waitForStatus('Live');
  await page.click('#signal-left');
  await waitForStatus('AnchorLeft');
  await page.locator('#session-result', { hasText: 'AnchorLeft' }).waitFor();
  ok('the anchor left and did not come back within the grace: AnchorLeft');

  if (scriptErrors.length) throw new Error(`The page logged script errors: ${scriptErrors.join(' | ')}`);
  console.log(`DASHBOARD E2E PASSED ${sessionId}`);
  await browser.close();
} catch (error) {
  console.error(`FAILED at step '${step}': ${error.message}`);
  if (scriptErrors.length) console.error(`script errors: ${scriptErrors.join(' | ')}`);
  await page.screenshot({ path: path.join(outDir, 'failure.png'), fullPage: true }).catch(() => {});
  await browser.close();
  process.exit(1);
}
