// The side panels of the list page: recurring schedules (with their next occurrences) and the leak ledger.
// The ledger panel shows only when the host answers GET /api/ledger; a host without it hides the panel.
import { api, segment } from './api.js';
import { fill, formatDateTime, formatRelative, h, orDash } from './format.js';

const SCHEDULE_DETAILS = 8;
const PREVIEW_FIELDS = ['nextOccurrences', 'upcoming', 'preview'];

function card(id, title) {
  const count = h('span', { class: 'card-count muted' });
  const body = h('div', { class: 'card-body' });
  const element = h('section', { class: 'card', id }, h('div', { class: 'card-head' }, h('h2', {}, title, ' ', count)), body);
  return { element, count, body };
}

function sessionLink(id) {
  return id ? h('a', { href: `#/sessions/${encodeURIComponent(id)}`, class: 'mono' }, id) : '—';
}

function previewOf(schedule) {
  for (const field of PREVIEW_FIELDS) {
    const value = schedule?.[field];
    if (Array.isArray(value) && value.length) return value.map((item) => (typeof item === 'string' ? item : item?.occurrence ?? item?.at)).filter(Boolean);
  }
  return schedule?.nextOccurrence ? [schedule.nextOccurrence] : [];
}

/** Schedules: cron, zone, status, next occurrences (from GET /api/schedules/{id} when it gives more than one). */
export function createSchedulesPanel(ctx) {
  const { element, count, body } = card('schedules-panel', 'Schedules');

  function control(schedule, action, text) {
    return h('button', {
      type: 'button', class: 'btn btn-ghost btn-xs', 'data-action': action,
      onclick: async () => {
        try {
          await api(`api/schedules/${segment(schedule.id)}/${action}`, { method: 'POST' });
          ctx.notify(`Schedule ${schedule.id}: ${action} sent.`);
        } catch (error) {
          ctx.notify(`${text} failed: ${error.message}`, 'error');
        }
        refresh();
      },
    }, text);
  }

  function item(schedule, detail) {
    const next = previewOf(detail ?? schedule);
    const status = schedule.status ?? 'Active';
    return h('li', { class: 'schedule', 'data-id': schedule.id },
      h('div', { class: 'schedule-head' },
        h('span', { class: 'mono schedule-id' }, schedule.id),
        h('span', { class: 'schedule-actions' },
          h('span', { class: `badge schedule-${String(status).toLowerCase()}` }, status),
          status === 'Active' ? control(schedule, 'pause', 'Pause') : null,
          status === 'Paused' ? control(schedule, 'resume', 'Resume') : null)),
      h('div', { class: 'schedule-meta' },
        h('code', {}, schedule.cron), h('span', { class: 'muted' }, schedule.timeZone),
        schedule.overlap ? h('span', { class: 'muted' }, `overlap: ${schedule.overlap}`) : null),
      next.length
        ? h('ol', { class: 'occurrences' }, next.slice(0, 5).map((at, i) => h('li', { class: i === 0 ? 'next' : '' },
          h('span', {}, formatDateTime(at)), h('span', { class: 'muted' }, formatRelative(at)))))
        : h('p', { class: 'muted small' }, status === 'Active' ? 'No next occurrence.' : 'Not running.'),
      h('div', { class: 'schedule-foot muted small' },
        `${schedule.occurrences ?? 0} run${schedule.occurrences === 1 ? '' : 's'}`,
        schedule.skips?.total ? ` · ${schedule.skips.total} skipped` : null,
        schedule.lastSessionId ? [' · last: ', sessionLink(schedule.lastSessionId)] : null),
      schedule.lastError ? h('p', { class: 'error-text small' }, schedule.lastError) : null);
  }

  async function refresh() {
    const schedules = (await api('api/schedules')) ?? [];
    // The list holds the next occurrence; a schedule's own page may preview several.
    const details = await Promise.all(schedules.slice(0, SCHEDULE_DETAILS).map((schedule) =>
      api(`api/schedules/${segment(schedule.id)}`, { allowNotFound: true }).catch(() => null)));
    count.textContent = schedules.length ? String(schedules.length) : '';
    fill(body, schedules.length
      ? h('ul', { class: 'schedules' }, schedules.map((schedule, i) => item(schedule, details[i])))
      : h('p', { class: 'muted empty-small' }, 'No recurring schedules. Create one with POST /api/schedules.'));
  }

  return { element, refresh };
}

function entriesOf(ledger) {
  if (Array.isArray(ledger)) return ledger;
  for (const field of ['entries', 'items', 'open']) {
    if (Array.isArray(ledger?.[field])) return ledger[field];
  }
  return Object.values(ledger ?? {}).find(Array.isArray) ?? [];
}

function ledgerRow(entry) {
  const state = entry.state ?? (entry.closedAt ? 'Closed' : 'Open');
  const error = entry.lastError?.description ?? entry.lastError;
  return h('tr', { 'data-session': entry.sessionId },
    h('td', {}, sessionLink(entry.sessionId)),
    h('td', {}, orDash(entry.kind), entry.tape ? h('span', { class: 'muted' }, ' + tape') : null),
    h('td', {}, h('span', { class: `badge ledger-${String(state).toLowerCase()}` }, state)),
    h('td', { class: 'nowrap', title: formatDateTime(entry.openedAt) }, formatRelative(entry.openedAt)),
    h('td', { class: 'num' }, orDash(entry.attempts)),
    h('td', { class: 'small' }, typeof error === 'string' ? h('span', { class: 'error-text' }, error) : (entry.nextAttemptAt ? `next try ${formatRelative(entry.nextAttemptAt)}` : '—')));
}

/** The leak ledger: every push or recording that may still be running; hidden when the host has no ledger. */
export function createLedgerPanel() {
  const { element, count, body } = card('ledger-panel', 'Leak ledger');
  element.hidden = true;

  async function refresh() {
    let ledger;
    try {
      ledger = await api('api/ledger', { allowNotFound: true });
    } catch (error) {
      element.hidden = false;
      fill(body, h('p', { class: 'error-text small' }, `The ledger could not be read: ${error.message}`));
      return;
    }
    if (ledger === undefined) {
      element.hidden = true;
      return;
    }
    element.hidden = false;
    const entries = entriesOf(ledger);
    const open = typeof ledger?.openCount === 'number'
      ? ledger.openCount
      : entries.filter((entry) => !entry.state || entry.state === 'Open' || entry.state === 'GivenUp').length;
    count.textContent = `${open} open`;
    count.classList.toggle('count-alert', open > 0);
    fill(body, entries.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'table table-compact', id: 'ledger-table' },
        h('thead', {}, h('tr', {}, ['Session', 'What', 'State', 'Opened', 'Stops', 'Sweeper'].map((title) => h('th', {}, title)))),
        h('tbody', {}, entries.slice(0, 50).map(ledgerRow))))
      : h('p', { class: 'muted empty-small' }, 'Nothing may be running: no open push or recording.'));
  }

  return { element, refresh };
}
