// The dashboard's entry: the top bar, the router (#/ and #/sessions/{id}), the refresh loop and the actions.
import { api, forgetKey, segment, setKeyPrompt, storedKey } from './api.js';
import { askForApiKey, confirmCancel, openCreateDialog } from './dialogs.js';
import { fill, formatTime, h } from './format.js';
import { createSessionView } from './session.js';
import { createSessionsView } from './sessions.js';

const REFRESH_MS = 2500;
const JOIN_SIMULATOR_SETTING = 'broadcast.joinSimulator';

const state = {
  view: null,
  simulator: false,
  timer: null,
  refreshing: false,
  generation: 0,
};

const main = document.getElementById('view');
const backend = document.getElementById('backend');
const connection = document.getElementById('connection');
const autoRefresh = document.getElementById('auto-refresh');
const simulatorJoin = document.getElementById('simulator-join');
const simulatorJoinBox = document.getElementById('simulator-join-box');
const forgetButton = document.getElementById('forget-key');
const toasts = document.getElementById('toasts');

setKeyPrompt(askForApiKey);

function notify(text, tone = 'ok') {
  const toast = h('div', { class: `toast toast-${tone}`, role: tone === 'error' ? 'alert' : 'status' }, text);
  toasts.append(toast);
  setTimeout(() => toast.remove(), tone === 'error' ? 8000 : 4000);
}

function setConnection(ok, detail) {
  connection.className = `connection ${ok ? 'connection-ok' : 'connection-down'}`;
  fill(connection, h('span', { class: 'dot' }), ok ? `Updated ${formatTime(new Date())}` : 'Host not reachable');
  connection.title = detail ?? '';
  forgetButton.hidden = !storedKey();
}

// The embedded simulator's control API answers only in dev mode (no vendor endpoint configured).
async function detectBackend() {
  try {
    const health = await api('simulator/control/health', { allowNotFound: true });
    state.simulator = health !== undefined;
  } catch {
    state.simulator = false;
  }
  fill(backend, state.simulator ? 'ILVB simulator · dev' : 'ILVB');
  backend.className = `pill ${state.simulator ? 'pill-dev' : 'pill-prod'}`;
  backend.title = state.simulator
    ? 'No vendor endpoint is configured: the host runs against its in-process ILVB simulator.'
    : 'The host calls the ILVB vendor API.';
  simulatorJoinBox.hidden = !state.simulator;
  simulatorJoin.checked = sessionStorage.getItem(JOIN_SIMULATOR_SETTING) !== 'false';
}

simulatorJoin.addEventListener('change', () => sessionStorage.setItem(JOIN_SIMULATOR_SETTING, String(simulatorJoin.checked)));

const actions = {
  async signalJoin(session) {
    try {
      // Against the simulator the anchor must be in the room, or the push start fails with 40000411.
      if (state.simulator && simulatorJoin.checked) {
        await api(`simulator/control/rooms/${segment(session.roomId)}/users/${segment(session.userId)}`, { method: 'POST' });
      }
      await api(`api/sessions/${segment(session.id)}/user-joined`, { method: 'POST' });
      notify(`User-joined signalled to ${session.id}.`);
    } catch (error) {
      notify(`Signal failed: ${error.message}`, 'error');
    }
    refreshNow();
  },
  async signalLeft(session) {
    try {
      if (state.simulator && simulatorJoin.checked) {
        // The anchor leaves the simulator's room too; one who is not in it is fine.
        await api(`simulator/control/rooms/${segment(session.roomId)}/users/${segment(session.userId)}`, { method: 'DELETE', allowNotFound: true });
      }
      await api(`api/sessions/${segment(session.id)}/user-left`, { method: 'POST' });
      notify(`User-left signalled to ${session.id}.`);
    } catch (error) {
      notify(`Signal failed: ${error.message}`, 'error');
    }
    refreshNow();
  },
  async cancel(session) {
    const reason = await confirmCancel(session);
    if (reason === null) return;
    try {
      await api(`api/sessions/${segment(session.id)}/cancel`, { method: 'POST', body: reason ? { reason } : {} });
      notify(`Cancel sent to ${session.id}.`);
    } catch (error) {
      notify(`Cancel failed: ${error.message}`, 'error');
    }
    refreshNow();
  },
};

function openCreate() {
  openCreateDialog(async (request) => {
    const links = await api('api/sessions', { method: 'POST', body: request });
    notify(links.created ? `Session ${links.id} created.` : `Session ${links.id} already existed with this request.`);
    location.hash = `#/sessions/${encodeURIComponent(links.id)}`;
  });
}

function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, queryText] = hash.split('?');
  const query = new URLSearchParams(queryText ?? '');
  const sessionMatch = /^\/sessions\/(.+)$/.exec(path);
  state.view?.dispose?.();
  state.generation++;
  if (sessionMatch) {
    state.view = createSessionView({ id: decodeURIComponent(sessionMatch[1]), actions });
    document.title = `${decodeURIComponent(sessionMatch[1])} · Broadcast`;
  } else {
    state.view = createSessionsView({
      query,
      actions,
      notify,
      openCreate,
      setQuery(filters) {
        const params = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
        history.replaceState(null, '', `#/${params.size ? `?${params}` : ''}`);
      },
    });
    document.title = 'Sessions · Broadcast';
  }
  fill(main, state.view.element);
  refreshNow();
}

async function refreshNow() {
  clearTimeout(state.timer);
  if (state.refreshing) {
    state.pending = true;
    return;
  }
  state.refreshing = true;
  const { view, generation } = state;
  try {
    await view.refresh();
    if (generation === state.generation) setConnection(true);
    main.dataset.loaded = 'true';
  } catch (error) {
    if (generation === state.generation) {
      setConnection(error.status !== undefined && error.status !== 0, error.message);
      if (error.status === 401) {
        // The person closed the key prompt: wait for them rather than asking again every few seconds.
        fill(main, h('section', { class: 'page' }, h('div', { class: 'empty' }, 'This host needs its API key. ',
          h('button', { type: 'button', class: 'btn btn-primary btn-sm', onclick: () => route() }, 'Enter the API key'))));
        return;
      }
      if (error.status === 404 && view.element.id === 'session-page') {
        fill(main, h('section', { class: 'page' }, h('div', { class: 'empty' }, 'No such session. ', h('a', { href: '#/' }, 'Back to the sessions'), '.')));
      } else if (error.status !== undefined) {
        notify(error.message, 'error');
      }
    }
  } finally {
    state.refreshing = false;
  }
  if (state.pending) {
    state.pending = false;
    refreshNow();
    return;
  }
  schedule();
}

function schedule() {
  clearTimeout(state.timer);
  if (autoRefresh.checked && !document.hidden) state.timer = setTimeout(refreshNow, REFRESH_MS);
}

autoRefresh.addEventListener('change', () => (autoRefresh.checked ? refreshNow() : clearTimeout(state.timer)));
document.addEventListener('visibilitychange', () => (document.hidden ? clearTimeout(state.timer) : refreshNow()));
document.getElementById('refresh').addEventListener('click', () => refreshNow());
forgetButton.addEventListener('click', () => {
  forgetKey();
  forgetButton.hidden = true;
  notify('The API key is forgotten for this tab.');
});
window.addEventListener('hashchange', route);

await detectBackend();
route();
