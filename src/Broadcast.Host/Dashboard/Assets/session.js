// One session: what it is, its live URLs, its result or error, the timeline chart and table; signal and cancel.
import { api, segment } from './api.js';
import { fill, formatDateTime, formatSeconds, h, isActive, orDash, parseTimeSpan, statusBadge } from './format.js';
import { ganttLegend, renderGantt } from './gantt.js';

function field(label, ...value) {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

function overview(session) {
  const request = session.request ?? {};
  const recording = request.recording;
  const joinTimeout = parseTimeSpan(request.joinTimeout);
  const maxDuration = parseTimeSpan(request.maxDuration);
  return h('dl', { class: 'fields' },
    field('Room', h('span', { class: 'mono' }, session.roomId)),
    field('Anchor', h('span', { class: 'mono' }, session.userId)),
    field('Channel', orDash(request.channelName)),
    field('Recording', recording && recording.mode !== 'None'
      ? `${recording.mode}${recording.fileName ? ` · ${recording.fileName}` : ''}${recording.required === false ? ' · optional' : ''}`
      : 'None'),
    field('Bitrates', request.bitrates?.length ? request.bitrates.join(', ') : 'Original'),
    field('Join timeout', joinTimeout !== null ? formatSeconds(joinTimeout) : 'host default'),
    field('Max duration', maxDuration !== null ? formatSeconds(maxDuration) : 'host default'),
    session.startAt ? field('Starts at', formatDateTime(session.startAt)) : null,
    session.anchorLeftAt ? field('Anchor left', h('span', { class: 'badge badge-warn' }, formatDateTime(session.anchorLeftAt))) : null,
    field('Created', formatDateTime(session.createdAt)),
    field('Updated', formatDateTime(session.updatedAt)));
}

function copyButton(text) {
  return h('button', {
    type: 'button', class: 'btn btn-ghost btn-xs', title: 'Copy the URL',
    onclick: async (event) => {
      const button = event.currentTarget;
      try {
        await navigator.clipboard.writeText(text);
        button.textContent = 'Copied';
      } catch {
        button.textContent = 'Copy failed';
      }
      setTimeout(() => { button.textContent = 'Copy'; }, 1500);
    },
  }, 'Copy');
}

function liveUrls(session) {
  const urls = session.result?.liveUrls?.length ? session.result.liveUrls : session.liveUrls ?? [];
  if (!urls.length) {
    const why = session.result ? 'The push returned no URLs (it never started, or was already running).' : 'They appear once the push has started.';
    return h('p', { class: 'muted' }, 'No live URLs. ', why);
  }
  return h('ul', { class: 'urls', id: 'live-urls' }, urls.map((url) => h('li', {},
    h('span', { class: 'badge badge-neutral' }, url.type), h('span', { class: 'badge badge-outline' }, url.bitrate),
    h('a', { href: url.url, class: 'mono url', title: url.url, target: '_blank', rel: 'noreferrer noopener' }, url.url),
    copyButton(url.url))));
}

function errorBox(error) {
  if (!error) return null;
  const where = [error.operation, error.kind, error.category].filter(Boolean).join(' · ');
  return h('div', { class: 'error-box', role: 'alert', id: 'session-error' },
    h('strong', {}, error.code !== null && error.code !== undefined ? `${error.code}: ` : '', error.description),
    where ? h('div', { class: 'small' }, where, error.outcomeUnknown ? ' · outcome unknown (treated as maybe started)' : '') : null,
    error.advice ? h('div', { class: 'small' }, 'Advice: ', error.advice) : null);
}

function resultCard(session) {
  const result = session.result;
  if (!result) {
    return [h('p', { class: 'muted' }, isActive(session.status)
      ? 'Running. The result appears when the session ends.'
      : 'The session ended without a result (its orchestration failed or was terminated).'), errorBox(session.error)];
  }
  const liveFor = result.liveAt ? (Date.parse(result.endedAt) - Date.parse(result.liveAt)) / 1000 : null;
  return [
    h('dl', { class: 'fields', id: 'session-result' },
      field('Outcome', h('span', { class: `badge outcome-${result.outcome}` }, result.outcome)),
      field('Ended by', orDash(result.endReason)),
      field('Live at', formatDateTime(result.liveAt)),
      field('Ended at', formatDateTime(result.endedAt)),
      liveFor !== null ? field('Live for', formatSeconds(liveFor)) : null,
      result.channelId ? field('Channel id', h('span', { class: 'mono' }, result.channelId)) : null,
      result.tapeTaskId ? field('Tape task', h('span', { class: 'mono' }, result.tapeTaskId)) : null,
      result.fileIds?.length ? field('Files', h('span', { class: 'mono' }, result.fileIds.join(', '))) : null,
      result.recordingDegraded ? field('Recording', h('span', { class: 'badge badge-warn' }, 'degraded')) : null),
    errorBox(result.error ?? session.error),
  ];
}

function timelineTable(entries) {
  const origin = entries.length ? Date.parse(entries[0].at) : 0;
  return h('table', { class: 'table table-compact', id: 'timeline-table' },
    h('thead', {}, h('tr', {}, ['Time', 'Kind', 'Operation', 'Try', 'Code', 'What happened'].map((title) => h('th', {}, title)))),
    h('tbody', {}, entries.map((entry) => h('tr', { 'data-kind': entry.kind },
      h('td', { class: 'mono nowrap', title: formatDateTime(entry.at) }, `+${((Date.parse(entry.at) - origin) / 1000).toFixed(3)} s`),
      h('td', {}, h('span', { class: `kind kind-${entry.kind}` }, entry.kind)),
      cell(entry.operation, 'mono'),
      cell(entry.attempt, 'num'),
      cell(entry.code, 'mono'),
      h('td', {}, entry.message)))));
}

function cell(value, className) {
  return value === undefined || value === null || value === ''
    ? h('td', { class: 'muted' }, '–')
    : h('td', { class: className }, value);
}

/** The session page. ctx: { id, actions } from app.js. */
export function createSessionView(ctx) {
  const title = h('h1', { class: 'mono session-title' }, ctx.id);
  const subtitle = h('div', { class: 'subtitle' });
  const joinButton = h('button', { type: 'button', class: 'btn btn-primary', id: 'signal-join', disabled: true }, 'Anchor joined');
  const leftButton = h('button', {
    type: 'button', class: 'btn', id: 'signal-left', hidden: true, title: 'Signal that the anchor left the room: the session stops unless they rejoin within its leave grace.',
  }, 'Anchor left');
  const cancelButton = h('button', { type: 'button', class: 'btn btn-danger', id: 'cancel-session', disabled: true }, 'Cancel session');
  const overviewBody = h('div', { class: 'card-body' });
  const urlsBody = h('div', { class: 'card-body' });
  const resultBody = h('div', { class: 'card-body' });
  const chart = h('div', { class: 'chart', id: 'timeline-chart' });
  const timelineNote = h('span', { class: 'card-count muted' });
  const legend = h('div', {});
  const tableHost = h('div', { class: 'table-wrap' });
  let latest = null;
  let drawnSignature = null;

  joinButton.addEventListener('click', () => latest && ctx.actions.signalJoin(latest));
  leftButton.addEventListener('click', () => latest && ctx.actions.signalLeft(latest));
  cancelButton.addEventListener('click', () => latest && ctx.actions.cancel(latest));

  const element = h('section', { class: 'page', id: 'session-page' },
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/' }, 'Sessions'), h('span', { class: 'muted' }, ' / '), h('span', { class: 'mono' }, ctx.id)),
    h('div', { class: 'page-head' }, h('div', {}, title, subtitle), h('div', { class: 'page-actions' }, joinButton, leftButton, cancelButton)),
    h('div', { class: 'grid-3' },
      h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, 'Overview')), overviewBody),
      h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, 'Live URLs')), urlsBody),
      h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, 'Result')), resultBody)),
    h('section', { class: 'card', id: 'timeline-card' },
      h('div', { class: 'card-head' }, h('h2', {}, 'Timeline ', timelineNote), legend),
      h('div', { class: 'card-body' }, chart,
        h('details', { class: 'timeline-details', open: true }, h('summary', {}, 'Entries'), tableHost))));

  function drawChart() {
    if (!latest) return;
    const entries = latest.result?.timeline ?? latest.timeline ?? [];
    if (!entries.length) {
      fill(chart, h('p', { class: 'muted' }, 'No timeline entries yet.'));
      return;
    }
    const running = !latest.result && isActive(latest.status);
    const lastAt = Math.max(...entries.map((entry) => Date.parse(entry.at)));
    const endTime = running ? Math.max(Date.now(), lastAt) : (Date.parse(latest.result?.endedAt) || lastAt);
    const drawn = renderGantt(entries, { endTime, running, width: Math.max(480, chart.clientWidth || 960) });
    fill(chart, drawn);
    fill(legend, ganttLegend(drawn));
  }

  window.addEventListener('resize', drawChart);

  async function refresh() {
    const session = await api(`api/sessions/${segment(ctx.id)}`);
    latest = session;
    // A finished session no longer changes: leave the page alone (an open tooltip, a selection) until it does.
    const signature = JSON.stringify([session.status, session.updatedAt, session.timelineCount, session.result?.endedAt]);
    if (signature === drawnSignature && !isActive(session.status)) return;
    drawnSignature = signature;
    fill(subtitle, statusBadge(session.status), h('span', { class: 'muted' }, ` ${session.phase} · room ${session.roomId} · anchor ${session.userId}`),
      session.recordingDegraded ? h('span', { class: 'badge badge-warn' }, 'recording degraded') : null);
    element.dataset.status = session.status;
    joinButton.disabled = !(session.status === 'WaitingForJoin' || session.status === 'Scheduled');
    cancelButton.disabled = !isActive(session.status);
    leftButton.hidden = session.status !== 'Live';
    fill(overviewBody, overview(session));
    fill(urlsBody, liveUrls(session));
    fill(resultBody, resultCard(session));
    const entries = session.result?.timeline ?? session.timeline ?? [];
    const total = session.result ? entries.length : Math.max(session.timelineCount ?? 0, entries.length);
    timelineNote.textContent = total > entries.length ? `latest ${entries.length} of ${total} entries` : `${entries.length} entries`;
    fill(tableHost, timelineTable(entries));
    drawChart();
  }

  function dispose() {
    window.removeEventListener('resize', drawChart);
  }

  return { element, refresh, dispose };
}
