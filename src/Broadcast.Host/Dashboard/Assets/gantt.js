// A session's timeline as a Gantt-like SVG chart: phases as spans, each vendor call and retry wait as a bar in its
// operation's lane, signals, timers, warnings and errors as markers; a time axis relative to the first entry.
import { formatSeconds, formatTime, h, parseTimeSpan } from './format.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const LABEL_WIDTH = 128;
const RIGHT_PAD = 24;
const AXIS_HEIGHT = 28;
const LANE_HEIGHT = 36;
const OPERATION_ORDER = ['StartPush', 'StartRecording', 'StopRecording', 'StopPush'];
const FIXED_LANES = ['Phase', 'Signals', 'Timers', 'Notes', 'Sweeper'];
const TICK_STEPS_MS = [10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5,
  36e5, 72e5, 108e5, 216e5, 432e5, 864e5, 1728e5, 6048e5];

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** The first words of a timeline message, for a label that fits. */
function shortLabel(message, max = 26) {
  const head = String(message ?? '').split(/[:.]\s/)[0].replace(/\.$/, '');
  return head.length > max ? `${head.slice(0, max - 1)}…` : head;
}

// A phase entry's message, as the chart names it: pattern, name, a shorter name for narrow bars, colour.
const PHASE_NAMES = [
  [/^waiting for user|^waiting for the anchor/i, 'Waiting for join', 'Waiting', 'wait'],
  [/^waiting until|^scheduled/i, 'Scheduled', 'Sched.', 'scheduled'],
  [/^starting/i, 'Starting', 'Start', 'starting'],
  [/^live/i, 'Live', 'Live', 'live'],
  [/^stopping/i, 'Stopping', 'Stop', 'stopping'],
  [/^finished/i, 'Finished', 'Finished', 'finished'],
];

function phaseOf(message) {
  for (const [pattern, name, short, tone] of PHASE_NAMES) {
    if (pattern.test(message)) return { name, short, tone };
  }
  return { name: shortLabel(message, 22), short: shortLabel(message, 8), tone: 'other' };
}

/** Turns timeline entries into lanes of bars and markers, times in ms since the epoch. */
export function buildModel(entries, { endTime }) {
  const timed = entries
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.at) }))
    .filter((item) => !Number.isNaN(item.at));
  const items = [];
  const phases = timed.filter((item) => item.entry.kind === 'Phase');

  phases.forEach((item, i) => {
    const { name, short, tone } = phaseOf(item.entry.message);
    const next = phases[i + 1];
    if (tone === 'finished') {
      items.push({ lane: 'Phase', type: 'marker', shape: 'flag', tone, start: item.at, label: item.entry.message.replace(/\.$/, ''), entry: item.entry });
    } else {
      items.push({
        lane: 'Phase', type: 'bar', tone: `phase-${tone}`, start: item.at, end: next ? next.at : endTime, label: name, shortLabel: short,
        entry: item.entry, open: !next,
      });
    }
  });

  timed.forEach((item, i) => {
    const { entry, at } = item;
    const delay = parseTimeSpan(entry.delay);
    switch (entry.kind) {
      case 'Phase':
        break;
      case 'Call': {
        // A call's entry is its send time; the next entry was written once the answer was in.
        const next = timed.slice(i + 1).find((other) => other.at >= at);
        const failed = entry.code !== null && entry.code !== undefined;
        items.push({
          lane: entry.operation ?? 'Calls', type: 'bar', tone: failed ? 'call-failed' : 'call-ok',
          start: at, end: next ? next.at : at, label: entry.attempt ? `#${entry.attempt}` : 'call', entry,
        });
        break;
      }
      case 'Retry':
        items.push({
          lane: entry.operation ?? 'Calls', type: 'bar', tone: 'retry', start: at, end: at + (delay ?? 0) * 1000,
          label: delay !== null ? `wait ${formatSeconds(delay)}` : 'retry', entry,
        });
        break;
      case 'Timer':
        if (delay) items.push({ lane: 'Timers', type: 'bar', tone: 'timer', start: at, end: at + delay * 1000, label: '', entry });
        items.push({ lane: 'Timers', type: 'marker', shape: 'circle', tone: 'timer', start: at, label: shortLabel(entry.message), entry });
        break;
      case 'Signal':
        items.push({ lane: 'Signals', type: 'marker', shape: 'diamond', tone: 'signal', start: at, label: shortLabel(entry.message), entry });
        break;
      case 'Sweep':
        // The leak sweeper's stops and waits, after the session itself stopped running.
        if (delay) {
          items.push({ lane: 'Sweeper', type: 'bar', tone: 'sweep', start: at, end: at + delay * 1000, label: `wait ${formatSeconds(delay)}`, entry });
        }
        items.push({ lane: 'Sweeper', type: 'marker', shape: 'square', tone: 'sweep', start: at, label: shortLabel(entry.message), entry });
        break;
      case 'Warning':
      case 'Error':
        items.push({
          lane: 'Notes', type: 'marker', shape: 'triangle', tone: entry.kind.toLowerCase(), start: at,
          label: shortLabel(entry.message), entry,
        });
        break;
      default:
        items.push({ lane: 'Notes', type: 'marker', shape: 'circle', tone: 'other', start: at, label: shortLabel(entry.message), entry });
    }
  });

  const operations = [...new Set(items.map((item) => item.lane))].filter((lane) => !FIXED_LANES.includes(lane));
  operations.sort((a, b) => rank(a) - rank(b));
  const lanes = ['Phase', ...operations, ...FIXED_LANES.slice(1)].filter((lane) => lane === 'Phase' || items.some((item) => item.lane === lane));
  const start = timed.length ? Math.min(...timed.map((item) => item.at)) : endTime;
  const end = Math.max(endTime, ...items.map((item) => item.end ?? item.start));
  return { lanes, items, start, end };
}

function rank(operation) {
  const index = OPERATION_ORDER.indexOf(operation);
  return index < 0 ? OPERATION_ORDER.length : index;
}

function laneTitle(lane) {
  return lane.replace(/([a-z])([A-Z])/g, '$1 $2');
}

function formatOffset(ms) {
  if (ms === 0) return '0';
  return `+${formatSeconds(ms / 1000).replace(' ', '\u2009')}`;
}

function tooltipText(item, origin) {
  const { entry } = item;
  const lines = [];
  const offset = ((item.start - origin) / 1000).toFixed(3);
  lines.push(`${entry.kind}${entry.operation ? ` · ${entry.operation}` : ''}${entry.attempt ? ` · attempt ${entry.attempt}` : ''}`);
  lines.push(`at +${offset} s (${formatTime(entry.at)})`);
  if (item.type === 'bar' && item.end > item.start) {
    const took = formatSeconds((item.end - item.start) / 1000);
    lines.push(entry.kind === 'Call' ? `answer recorded after ${took}` : `${item.open ? 'so far' : 'lasted'} ${took}`);
  }
  if (entry.code !== null && entry.code !== undefined) lines.push(`code ${entry.code}`);
  lines.push(entry.message);
  return lines;
}

function marker(shape, x, y) {
  switch (shape) {
    case 'diamond':
      return svg('path', { d: `M${x} ${y - 7} L${x + 7} ${y} L${x} ${y + 7} L${x - 7} ${y} Z` });
    case 'triangle':
      return svg('path', { d: `M${x} ${y - 7} L${x + 7.5} ${y + 6} L${x - 7.5} ${y + 6} Z` });
    case 'square':
      return svg('rect', { x: x - 5.5, y: y - 5.5, width: 11, height: 11, rx: 2 });
    case 'flag':
      return svg('path', { d: `M${x} ${y + 9} L${x} ${y - 9} L${x + 10} ${y - 5} L${x} ${y - 1}` });
    default:
      return svg('circle', { cx: x, cy: y, r: 5.5 });
  }
}

/**
 * Draws the chart into a new element (SVG plus a tooltip). entries: the session's timeline; endTime: where open
 * phases end (now for a running session, the last entry for a finished one); width: the pixels available.
 */
export function renderGantt(entries, { endTime, width, running }) {
  const model = buildModel(entries, { endTime });
  const plotWidth = Math.max(240, width - LABEL_WIDTH - RIGHT_PAD);
  const span = Math.max(1000, model.end - model.start) * 1.02;
  const x = (t) => LABEL_WIDTH + ((t - model.start) / span) * plotWidth;
  const height = AXIS_HEIGHT + model.lanes.length * LANE_HEIGHT + 8;
  const laneY = (lane) => AXIS_HEIGHT + model.lanes.indexOf(lane) * LANE_HEIGHT;

  const root = svg('svg', {
    class: 'gantt', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': `Timeline chart: ${model.items.length} items over ${formatSeconds((model.end - model.start) / 1000)}`,
  });

  const defs = svg('defs', {},
    svg('pattern', { id: 'retry-hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      svg('rect', { width: 6, height: 6, class: 'hatch-bg' }),
      svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' })));
  root.append(defs);

  model.lanes.forEach((lane, i) => {
    const y = laneY(lane);
    root.append(
      svg('rect', { x: 0, y, width, height: LANE_HEIGHT, class: i % 2 ? 'lane lane-odd' : 'lane' }),
      svg('text', { x: LABEL_WIDTH - 12, y: y + LANE_HEIGHT / 2, class: 'lane-label', 'text-anchor': 'end', 'dominant-baseline': 'central' }, laneTitle(lane)));
  });

  const maxTicks = Math.max(2, Math.floor(plotWidth / 88));
  const step = TICK_STEPS_MS.find((candidate) => span / candidate <= maxTicks) ?? TICK_STEPS_MS.at(-1);
  for (let t = 0; t <= span; t += step) {
    const tx = x(model.start + t);
    root.append(
      svg('line', { x1: tx, x2: tx, y1: AXIS_HEIGHT - 6, y2: height - 8, class: 'grid' }),
      svg('text', { x: tx, y: AXIS_HEIGHT - 11, class: 'tick', 'text-anchor': t === 0 ? 'start' : 'middle' }, formatOffset(t)));
  }
  root.append(svg('line', { x1: LABEL_WIDTH, x2: width - RIGHT_PAD + 8, y1: AXIS_HEIGHT, y2: AXIS_HEIGHT, class: 'axis' }));

  if (running) {
    const nx = x(endTime);
    root.append(
      svg('line', { x1: nx, x2: nx, y1: AXIS_HEIGHT - 4, y2: height - 8, class: 'now-line' }),
      svg('text', { x: nx + 4, y: height - 12, class: 'now-label' }, 'now'));
  }

  // Where each item sits, so a label goes where it overlaps no other item or label of its lane.
  const placed = model.items.map((item) => {
    const x1 = x(item.start);
    const x2 = item.type === 'bar' ? x1 + Math.max(3, x(item.end) - x1) : x1 + 7;
    return { item, x1, x2, left: item.type === 'bar' ? x1 : x1 - 7 };
  });
  const ordered = [...placed].sort((a, b) => (a.item.type === 'bar' ? 0 : 1) - (b.item.type === 'bar' ? 0 : 1) || a.x1 - b.x1);
  const taken = new Map(model.lanes.map((lane) => [lane, []]));
  const free = (lane, from, to) => taken.get(lane).every(([a, b]) => to <= a || from >= b);
  for (const p of placed) taken.get(p.item.lane).push([p.left, p.x2]);

  for (const { item, x1, x2 } of ordered) {
    const y = laneY(item.lane) + LANE_HEIGHT / 2;
    const tip = tooltipText(item, model.start);
    const group = svg('g', { class: `item ${item.tone}`, tabindex: 0, 'data-kind': item.entry.kind }, svg('title', {}, tip.join('\n')));
    group.tooltip = tip;
    let label = null;
    if (item.type === 'bar') {
      const barHeight = item.lane === 'Phase' ? 22 : 16;
      group.append(svg('rect', { x: x1, y: y - barHeight / 2, width: x2 - x1, height: barHeight, rx: 3, class: 'bar' }));
      const inside = [item.label, item.shortLabel].find((text) => text && x2 - x1 >= text.length * 6.6 + 12);
      if (inside) group.append(svg('text', { x: x1 + 6, y, class: 'bar-label', 'dominant-baseline': 'central' }, inside));
      // Phase bars keep their name inside or only in the tooltip; other bars may carry it beside them.
      else if (item.lane !== 'Phase') label = item.label;
    } else {
      group.append(marker(item.shape, x1, y));
      label = item.label;
    }
    if (label) {
      const textWidth = label.length * 6.4;
      const right = [x2 + 5, x2 + 5 + textWidth];
      const left = [x1 - (item.type === 'bar' ? 5 : 11) - textWidth, x1 - (item.type === 'bar' ? 5 : 11)];
      if (right[1] <= width - RIGHT_PAD && free(item.lane, ...right)) {
        group.append(svg('text', { x: right[0], y, class: 'marker-label', 'dominant-baseline': 'central' }, label));
        taken.get(item.lane).push(right);
      } else if (left[0] >= LABEL_WIDTH && free(item.lane, ...left)) {
        group.append(svg('text', { x: left[1], y, class: 'marker-label', 'text-anchor': 'end', 'dominant-baseline': 'central' }, label));
        taken.get(item.lane).push(left);
      }
    }
    root.append(group);
  }

  const tooltip = h('div', { class: 'gantt-tooltip', role: 'tooltip', hidden: true });
  const wrapper = h('div', { class: 'gantt-wrap' }, root, tooltip);
  wrapper.tones = new Set(model.items.map((item) => item.tone));
  const show = (event) => {
    const group = event.target.closest?.('g.item');
    if (!group?.tooltip) {
      tooltip.hidden = true;
      return;
    }
    const [title, ...rest] = group.tooltip;
    tooltip.replaceChildren(h('strong', {}, title), ...rest.map((line) => h('div', {}, line)));
    tooltip.hidden = false;
    const box = wrapper.getBoundingClientRect();
    const px = (event.clientX ?? box.left + 20) - box.left;
    const py = (event.clientY ?? box.top + 20) - box.top;
    const left = Math.min(px + 14, box.width - tooltip.offsetWidth - 4);
    tooltip.style.transform = `translate(${Math.max(4, left)}px, ${py + 16}px)`;
  };
  root.addEventListener('mousemove', show);
  root.addEventListener('focusin', show);
  root.addEventListener('mouseleave', () => { tooltip.hidden = true; });
  root.addEventListener('focusout', () => { tooltip.hidden = true; });
  return wrapper;
}

const LEGEND = [
  ['phase-live', 'Phase', (tone) => tone.startsWith('phase-')], ['call-ok', 'API call'], ['call-failed', 'Failed call'],
  ['retry', 'Retry wait'], ['timer', 'Timer'], ['signal', 'Signal'], ['warning', 'Warning'], ['error', 'Error'], ['sweep', 'Sweeper'],
];

/** The legend of a chart: only the kinds of item it shows. */
export function ganttLegend(chart) {
  const tones = chart?.tones ?? new Set();
  const shown = LEGEND.filter(([tone, , matches]) => [...tones].some((present) => (matches ? matches(present) : present === tone)));
  return h('ul', { class: 'legend' }, shown.map(([tone, text]) => h('li', {}, h('span', { class: `swatch ${tone}` }), text)));
}
