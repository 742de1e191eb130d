// The sessions list: live counts per status, filters (status, room, anchor) kept in the address, and the table.
import { listSessions } from './api.js';
import { ACTIVE_STATUSES, ENDED_STATUSES, fill, formatDateTime, formatShort, h, isActive, statusBadge, statusLabel } from './format.js';
import { createLedgerPanel, createSchedulesPanel } from './panels.js';

const MAX_ROWS = 200;

/** "WaitingForJoin" as "Waiting for join". */
function phaseLabel(phase) {
  const words = String(phase ?? '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function readFilters(query) {
  return {
    status: query.get('status') ?? '',
    room: query.get('room') ?? '',
    user: query.get('user') ?? '',
  };
}

/** The list page. ctx: { query, setQuery, actions, notify, openCreate } from app.js. */
export function createSessionsView(ctx) {
  const filters = readFilters(ctx.query);
  const counts = h('div', { class: 'counts', 'aria-label': 'Sessions per status' });
  const statusSelect = h('select', { id: 'filter-status', name: 'status', 'aria-label': 'Status' },
    h('option', { value: '' }, 'All statuses'),
    [...ACTIVE_STATUSES, ...ENDED_STATUSES].map((status) => h('option', { value: status }, statusLabel(status))));
  statusSelect.value = filters.status;
  const roomInput = h('input', { id: 'filter-room', name: 'room', type: 'text', inputmode: 'numeric', pattern: '[0-9]*', placeholder: 'Any room', value: filters.room, 'aria-label': 'Room' });
  const userInput = h('input', { id: 'filter-user', name: 'user', type: 'text', placeholder: 'Any anchor', value: filters.user, 'aria-label': 'Anchor' });
  const clear = h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => apply({ status: '', room: '', user: '' }) }, 'Clear');
  const filterError = h('span', { class: 'field-error', role: 'alert' });
  const rows = h('tbody', {});
  const summary = h('p', { class: 'muted table-summary' });
  const message = h('div', { class: 'empty', hidden: true });

  const schedules = createSchedulesPanel(ctx);
  const ledger = createLedgerPanel(ctx);

  const form = h('form', { class: 'filters', role: 'search', onsubmit: (event) => { event.preventDefault(); fromInputs(); } },
    h('label', {}, h('span', {}, 'Status'), statusSelect),
    h('label', {}, h('span', {}, 'Room'), roomInput),
    h('label', {}, h('span', {}, 'Anchor'), userInput),
    clear, filterError);
  statusSelect.addEventListener('change', fromInputs);
  roomInput.addEventListener('change', fromInputs);
  userInput.addEventListener('change', fromInputs);
  syncUserInput();

  const element = h('section', { class: 'page', id: 'sessions-page' },
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, 'Sessions'), h('p', { class: 'muted' }, 'Every broadcast session the host runs: live counts, filters, signals and cancel.')),
      h('div', { class: 'page-actions' }, h('button', { type: 'button', class: 'btn btn-primary', id: 'new-session', onclick: ctx.openCreate }, '+ New session'))),
    counts,
    h('div', { class: 'layout' },
      h('div', { class: 'card' },
        h('div', { class: 'card-head' }, h('h2', {}, 'Sessions'), form),
        h('div', { class: 'table-wrap' },
          h('table', { class: 'table', id: 'sessions-table' },
            h('thead', {}, h('tr', {}, ['Status', 'Session', 'Phase', 'Created', ''].map((title) => h('th', {}, title)))),
            rows)),
        message, summary),
      h('aside', { class: 'side' }, schedules.element, ledger.element)));

  function syncUserInput() {
    userInput.disabled = !roomInput.value.trim();
    userInput.placeholder = userInput.disabled ? 'Set a room first' : 'Any anchor';
  }

  function fromInputs() {
    apply({ status: statusSelect.value, room: roomInput.value.trim(), user: roomInput.value.trim() ? userInput.value.trim() : '' });
  }

  function apply(next) {
    if (next.room && !/^\d+$/.test(next.room)) {
      filterError.textContent = 'The room is a number.';
      return;
    }
    filterError.textContent = '';
    Object.assign(filters, next);
    statusSelect.value = filters.status;
    roomInput.value = filters.room;
    userInput.value = filters.user;
    syncUserInput();
    ctx.setQuery(filters);
    refresh();
  }

  function renderCounts(items, truncated) {
    const byStatus = Object.fromEntries([...ACTIVE_STATUSES, ...ENDED_STATUSES].map((status) => [status, 0]));
    for (const item of items) byStatus[item.status] = (byStatus[item.status] ?? 0) + 1;
    const tile = (status) => h('button', {
      type: 'button',
      class: `tile status-${status}${byStatus[status] ? '' : ' tile-zero'}${filters.status === status ? ' tile-selected' : ''}`,
      'data-status': status,
      'aria-pressed': filters.status === status ? 'true' : 'false',
      title: filters.status === status ? 'Show every status' : `Show only ${statusLabel(status).toLowerCase()}`,
      onclick: () => apply({ ...filters, status: filters.status === status ? '' : status }),
    }, h('span', { class: 'tile-count' }, byStatus[status]), h('span', { class: 'tile-label' }, statusLabel(status)));
    const active = ACTIVE_STATUSES.reduce((sum, status) => sum + byStatus[status], 0);
    fill(counts,
      h('div', { class: 'count-group' }, h('h3', {}, 'In progress ', h('span', { class: 'muted' }, `${active}`)), h('div', { class: 'tiles' }, ACTIVE_STATUSES.map(tile))),
      h('div', { class: 'count-group' }, h('h3', {}, 'Ended ', h('span', { class: 'muted' }, `${items.length - active}${truncated ? '+' : ''}`)), h('div', { class: 'tiles' }, ENDED_STATUSES.map(tile))));
  }

  function row(session) {
    const link = h('a', { href: `#/sessions/${encodeURIComponent(session.id)}`, class: 'mono' }, session.id);
    const actions = h('div', { class: 'row-actions' });
    if (session.status === 'WaitingForJoin' || session.status === 'Scheduled') {
      actions.append(h('button', { type: 'button', class: 'btn btn-sm', 'data-action': 'join', onclick: () => ctx.actions.signalJoin(session) }, 'Anchor joined'));
    }
    if (isActive(session.status)) {
      actions.append(h('button', { type: 'button', class: 'btn btn-sm btn-danger-ghost', 'data-action': 'cancel', onclick: () => ctx.actions.cancel(session) }, 'Cancel'));
    }
    return h('tr', { 'data-id': session.id, 'data-status': session.status },
      h('td', {}, statusBadge(session.status), session.recordingDegraded ? h('span', { class: 'badge badge-warn', title: 'Broadcasting without its recording' }, 'no recording') : null),
      h('td', { class: 'cell-id' }, link, h('div', { class: 'muted small' }, `room ${session.roomId} · anchor ${session.userId}`)),
      h('td', { class: 'nowrap' }, phaseLabel(session.phase),
        h('div', { class: 'muted small', title: formatDateTime(session.updatedAt) }, `updated ${formatShort(session.updatedAt)}`)),
      h('td', { class: 'nowrap', title: formatDateTime(session.createdAt) }, formatShort(session.createdAt)),
      h('td', { class: 'cell-actions' }, actions));
  }

  let shownSignature = null;

  async function refresh() {
    const { items, truncated } = await listSessions({ roomId: filters.room, userId: filters.user });
    renderCounts(items, truncated);
    const shown = items
      .filter((item) => !filters.status || item.status === filters.status)
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    // Rows are rebuilt only when a session changed, so a button is not replaced under the pointer.
    const signature = JSON.stringify(shown.slice(0, MAX_ROWS).map((item) => [item.id, item.status, item.phase, item.updatedAt]));
    if (signature !== shownSignature) {
      shownSignature = signature;
      fill(rows, shown.slice(0, MAX_ROWS).map(row));
    }
    message.hidden = shown.length > 0;
    fill(message, items.length === 0 && !filters.room
      ? ['No sessions yet. ', h('button', { type: 'button', class: 'link', onclick: ctx.openCreate }, 'Create a demo session'), '.']
      : 'No session matches these filters.');
    summary.textContent = [
      `${shown.length} session${shown.length === 1 ? '' : 's'}`,
      shown.length > MAX_ROWS ? `, the newest ${MAX_ROWS} shown` : '',
      truncated ? ` (counts over the first ${items.length} read)` : '',
    ].join('');
    await Promise.all([schedules.refresh(), ledger.refresh()]);
  }

  return { element, refresh };
}
