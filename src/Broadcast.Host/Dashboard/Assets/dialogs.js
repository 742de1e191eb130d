// The modal dialogs: the API key prompt, the new-session form and the cancel confirmation.
import { ApiError } from './api.js';
import { fill, h, toTimeSpan } from './format.js';

function dialog(id, ...content) {
  const element = h('dialog', { id, class: 'dialog' }, ...content);
  document.body.append(element);
  return element;
}

function labelled(text, input, hint) {
  return h('label', { class: 'form-field' }, h('span', { class: 'form-label' }, text), input, hint ? h('span', { class: 'form-hint' }, hint) : null);
}

/** Asks for the API key; resolves with it, or null when the person cancels. */
export function askForApiKey(reason) {
  const input = h('input', { type: 'password', id: 'api-key-input', name: 'apiKey', autocomplete: 'off', required: true, spellcheck: 'false' });
  const element = dialog('key-dialog',
    h('form', { method: 'dialog', class: 'dialog-form' },
      h('h2', {}, 'API key'),
      h('p', { class: 'muted' }, 'This host asks for its API key (sent as X-Api-Key). It is kept in this browser tab only and forgotten when the tab closes.'),
      reason ? h('p', { class: 'error-text' }, reason) : null,
      labelled('API key', input),
      h('menu', { class: 'dialog-actions' },
        h('button', { type: 'submit', value: 'cancel', class: 'btn btn-ghost', formnovalidate: true }, 'Cancel'),
        h('button', { type: 'submit', value: 'ok', class: 'btn btn-primary', id: 'api-key-submit' }, 'Use key'))));
  return new Promise((resolve) => {
    element.addEventListener('close', () => {
      const key = element.returnValue === 'ok' ? input.value.trim() : '';
      element.remove();
      resolve(key || null);
    }, { once: true });
    element.showModal();
    input.focus();
  });
}

/** Asks whether to cancel a session; resolves with the reason, or null to keep it running. */
export function confirmCancel(session) {
  const reason = h('input', { type: 'text', id: 'cancel-reason', name: 'reason', maxlength: 200, value: 'Cancelled from the dashboard' });
  const element = dialog('cancel-dialog',
    h('form', { method: 'dialog', class: 'dialog-form' },
      h('h2', {}, 'Cancel this session?'),
      h('p', {}, h('span', { class: 'mono' }, session.id)),
      h('p', { class: 'muted' }, 'Whatever was started (push, recording) is stopped; the reason goes into its timeline.'),
      labelled('Reason', reason),
      h('menu', { class: 'dialog-actions' },
        h('button', { type: 'submit', value: 'keep', class: 'btn btn-ghost' }, 'Keep running'),
        h('button', { type: 'submit', value: 'cancel', class: 'btn btn-danger', id: 'confirm-cancel' }, 'Cancel session'))));
  return new Promise((resolve) => {
    element.addEventListener('close', () => {
      element.remove();
      resolve(element.returnValue === 'cancel' ? reason.value.trim() : null);
    }, { once: true });
    element.showModal();
  });
}

/** The new-session form; create(request) posts it and resolves with the links, or throws ApiError. */
export function openCreateDialog(create) {
  const input = (name, attributes) => h('input', { name, id: `create-${name}`, ...attributes });
  const room = input('roomId', { type: 'number', min: 1, max: 4294967295, required: true, value: 1234 });
  const user = input('userId', { type: 'text', required: true, maxlength: 32, value: 'anchor-1', pattern: '[A-Za-z0-9_.@\\-]+' });
  const key = input('key', { type: 'text', maxlength: 64, placeholder: 'generated', pattern: '[A-Za-z0-9_.\\-]+' });
  const channel = input('channelName', { type: 'text', required: true, maxlength: 200, value: 'Dashboard broadcast' });
  const recording = h('select', { name: 'recording', id: 'create-recording' },
    h('option', { value: 'None' }, 'None'), h('option', { value: 'Tape', selected: true }, 'Tape (with the push)'), h('option', { value: 'Separate' }, 'Separate'));
  const fileName = input('fileName', { type: 'text', maxlength: 200, value: 'dashboard-recording' });
  const required = input('recordingRequired', { type: 'checkbox', checked: true });
  const bitrates = ['Original', 'Sd', 'Hd'].map((rate) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'bitrate', value: rate, checked: rate !== 'Sd' }), rate === 'Sd' ? 'SD' : rate === 'Hd' ? 'HD' : rate));
  const joinTimeout = input('joinTimeout', { type: 'number', min: 1, max: 1440, required: true, value: 10 });
  const maxDuration = input('maxDuration', { type: 'number', min: 1, max: 10080, required: true, value: 60 });
  const startAt = input('startAt', { type: 'datetime-local' });
  const leaveGrace = input('leaveGrace', { type: 'number', min: 0, max: 86400, placeholder: 'host default' });
  const errors = h('div', { class: 'error-box', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'create-submit' }, 'Create session');

  const form = h('form', { class: 'dialog-form', id: 'create-form' },
    h('h2', {}, 'New session'),
    h('p', { class: 'muted' }, 'Starts a broadcast session: it waits for the anchor to join the room, then starts the push.'),
    h('div', { class: 'form-grid' },
      labelled('Room id', room), labelled('Anchor (user id)', user),
      labelled('Channel name', channel), labelled('Key', key, 'Optional: makes the call idempotent.'),
      labelled('Recording', recording), labelled('Recording file', fileName),
      h('div', { class: 'form-field' }, h('span', { class: 'form-label' }, 'Bitrates'), h('div', { class: 'checks' }, bitrates)),
      h('label', { class: 'form-field check-field' }, required, 'Recording required'),
      labelled('Join timeout (minutes)', joinTimeout), labelled('Max duration (minutes)', maxDuration),
      labelled('Start at', startAt, 'Optional: empty starts waiting now.'),
      labelled('Leave grace (seconds)', leaveGrace, 'Optional: how long a live anchor may be out of the room.')),
    errors,
    h('menu', { class: 'dialog-actions' },
      h('button', { type: 'button', class: 'btn btn-ghost', onclick: () => element.close() }, 'Close'),
      submit));
  const element = dialog('create-dialog', form);
  const syncRecording = () => {
    fileName.disabled = recording.value === 'None';
    required.disabled = recording.value === 'None';
  };
  recording.addEventListener('change', syncRecording);
  syncRecording();
  element.addEventListener('close', () => element.remove(), { once: true });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const request = {
      roomId: Number(room.value),
      userId: user.value.trim(),
      key: key.value.trim() || undefined,
      channelName: channel.value.trim(),
      bitrates: bitrates.map((label) => label.querySelector('input')).filter((box) => box.checked).map((box) => box.value),
      recording: recording.value === 'None' ? undefined : { mode: recording.value, fileName: fileName.value.trim(), required: required.checked },
      joinTimeout: toTimeSpan(Number(joinTimeout.value) * 60),
      maxDuration: toTimeSpan(Number(maxDuration.value) * 60),
      startAt: startAt.value ? new Date(startAt.value).toISOString() : undefined,
      leaveGrace: leaveGrace.value ? toTimeSpan(Number(leaveGrace.value)) : undefined,
    };
    submit.disabled = true;
    errors.hidden = true;
    try {
      await create(request);
      element.close();
    } catch (error) {
      errors.hidden = false;
      const fields = error instanceof ApiError && error.problem?.errors ? Object.entries(error.problem.errors) : [];
      fill(errors, fields.length
        ? [h('strong', {}, 'The host refused the request:'), h('ul', {}, fields.map(([name, messages]) => h('li', {}, h('code', {}, name), ' ', [].concat(messages).join(' '))))]
        : h('strong', {}, error.message));
    } finally {
      submit.disabled = false;
    }
  });

  element.showModal();
  channel.focus();
}
