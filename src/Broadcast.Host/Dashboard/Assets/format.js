// Small helpers shared by the views: DOM building, times, durations and status names.

/** Creates an element: h('td', { class: 'x', title: 'y' }, child, 'text', ...). */
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export const ACTIVE_STATUSES = ['Scheduled', 'WaitingForJoin', 'Starting', 'Live', 'Stopping'];
export const ENDED_STATUSES = ['Completed', 'Cancelled', 'AnchorLeft', 'JoinTimedOut', 'Failed', 'StopFailed', 'Terminated', 'Purged'];

const STATUS_LABELS = {
  Scheduled: 'Scheduled',
  WaitingForJoin: 'Waiting for join',
  Starting: 'Starting',
  Live: 'Live',
  Stopping: 'Stopping',
  Completed: 'Completed',
  Cancelled: 'Cancelled',
  JoinTimedOut: 'Join timed out',
  Failed: 'Failed',
  StopFailed: 'Stop failed',
  Terminated: 'Terminated',
  AnchorLeft: 'Anchor left',
  Purged: 'Purged',
};

export function statusLabel(status) {
  return STATUS_LABELS[status] ?? status;
}

export function isActive(status) {
  return ACTIVE_STATUSES.includes(status);
}

/** A coloured status badge; the colour comes from the stylesheet (status-<name>). */
export function statusBadge(status) {
  return h('span', { class: `badge status-${status}`, 'data-status': status }, statusLabel(status));
}

export function toDate(value) {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** "Nov 23, 2026, 16:05:22" in the browser's zone; "—" for none. */
export function formatDateTime(value) {
  const date = toDate(value);
  return date ? dateTimeFormat.format(date) : '—';
}

const shortDateFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** Today's times as "16:05:22", other days as "Nov 23, 16:05": for table cells. */
export function formatShort(value, now = new Date()) {
  const date = toDate(value);
  if (!date) return '—';
  return date.toDateString() === now.toDateString() ? timeFormat.format(date) : shortDateFormat.format(date);
}

export function formatTime(value) {
  const date = toDate(value);
  return date ? timeFormat.format(date) : '—';
}

/** "12 s ago", "in 3 min": a date relative to now. */
export function formatRelative(value, now = Date.now()) {
  const date = toDate(value);
  if (!date) return '—';
  const seconds = Math.round((date.getTime() - now) / 1000);
  const text = formatSeconds(Math.abs(seconds));
  if (Math.abs(seconds) < 2) return 'just now';
  return seconds < 0 ? `${text} ago` : `in ${text}`;
}

/** A duration in seconds as "850 ms", "12.4 s", "3 min 5 s", "2 h 10 min", "3 d 4 h". */
export function formatSeconds(totalSeconds) {
  const s = Math.abs(totalSeconds);
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 10) return `${s.toFixed(1).replace(/\.0$/, '')} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) {
    const rest = Math.round(s - minutes * 60);
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    const rest = minutes - hours * 60;
    return rest ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(hours / 24);
  const rest = hours - days * 24;
  return rest ? `${days} d ${rest} h` : `${days} d`;
}

/** Parses a .NET TimeSpan as JSON writes it ("1.02:03:04.5", "00:00:02") into seconds; null when absent or unreadable. */
export function parseTimeSpan(value) {
  if (typeof value !== 'string') return null;
  const match = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(value);
  if (!match) return null;
  const [, minus, days, hours, minutes, seconds] = match;
  const total = Number(days ?? 0) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
  return minus ? -total : total;
}

/** Seconds as a .NET TimeSpan string ("d.hh:mm:ss"), which the API accepts. */
export function toTimeSpan(totalSeconds) {
  const whole = Math.max(0, Math.round(totalSeconds));
  const days = Math.floor(whole / 86400);
  const pad = (n) => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor((whole % 86400) / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
  return days ? `${days}.${clock}` : clock;
}

/** A field's text, or a dash. */
export function orDash(value) {
  return value === undefined || value === null || value === '' ? '—' : value;
}
