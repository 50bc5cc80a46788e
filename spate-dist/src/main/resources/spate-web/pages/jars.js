// Submitting a job: upload a jar, then run it with an entry class, arguments and a parallelism.
import {api} from '../lib/api.js';
import {h, fill, table, formatTime} from '../lib/dom.js';
import {showError} from '../app.js';

export function mount(root) {
  const file = h('input', {type: 'file', accept: '.jar', id: 'jar-file', name: 'jarfile'});
  const status = h('span', {class: 'action-message', id: 'upload-status', role: 'status'});
  const upload = h('button', {type: 'submit', id: 'upload-jar'}, 'Upload');
  const form = h('form', {class: 'upload', id: 'upload-form'}, h('label', null, 'Job jar ', file), upload, status);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!file.files.length) {
      status.textContent = 'Choose a .jar file first.';
      return;
    }
    const data = new FormData();
    data.append('jarfile', file.files[0]);
    status.textContent = 'Uploading…';
    try {
      const answer = await api.upload('/jars/upload', data);
      status.textContent = 'Uploaded ' + (answer.filename || answer.id || '');
      form.reset();
      await list.refresh();
    } catch (e) {
      status.textContent = e.message;
      showError(e);
    }
  });
  const jars = h('section', {id: 'jar-list'});
  root.append(h('h1', null, 'Submit a job'), form, h('h2', null, 'Uploaded jars'), jars);
  const open = new Map();
  const list = {
    async refresh() {
      const answer = await api.get('/jars');
      const files = answer.files || [];
      // Forms being filled in survive the refresh: only new jars get a new row.
      const ids = files.map(f => f.id);
      if (jars.dataset.ids === JSON.stringify(ids)) return;
      jars.dataset.ids = JSON.stringify(ids);
      fill(jars, table([
        ['Jar', f => h('code', null, f.name || f.id)],
        ['Uploaded', f => formatTime(f.uploaded)],
        ['Run', f => open.get(f.id) || open.set(f.id, runForm(f)).get(f.id)],
      ], files, {class: 'jars'}));
    },
  };
  return list;
}

function runForm(jar) {
  const entries = (jar.entry || []).map(e => e.name).filter(Boolean);
  const entryClass = h('input', {name: 'entryClass', class: 'entry-class', placeholder: entries[0] || 'from the manifest', size: 28});
  const args = h('input', {name: 'programArgs', class: 'program-args', placeholder: 'arguments', size: 24});
  const parallelism = h('input', {name: 'parallelism', class: 'parallelism', type: 'number', min: 1, placeholder: 'default', style: 'width: 6em'});
  const message = h('span', {class: 'action-message'});
  const run = h('button', {type: 'submit', class: 'run-jar'}, 'Run');
  const remove = h('button', {type: 'button', class: 'delete-jar secondary'}, 'Delete');
  const form = h('form', {class: 'run', 'data-jar-id': jar.id}, entryClass, args, parallelism, run, remove, message);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = {};
    if (entryClass.value.trim()) body.entryClass = entryClass.value.trim();
    if (args.value.trim()) body.programArgs = splitArguments(args.value);
    if (parallelism.value.trim()) body.parallelism = Number(parallelism.value);
    message.textContent = 'Starting…';
    try {
      const answer = await api.post(`/jars/${encodeURIComponent(jar.id)}/run`, body);
      location.hash = `#/jobs/${answer.jobid}`;
    } catch (e) {
      message.textContent = e.message;
      showError(e);
    }
  });
  remove.addEventListener('click', async () => {
    try {
      await api.del(`/jars/${encodeURIComponent(jar.id)}`);
      form.closest('tr').remove();
    } catch (e) {
      showError(e);
    }
  });
  return form;
}

/** Splits arguments at spaces, keeping quoted ones ("two words" or 'two words') together. */
export function splitArguments(text) {
  const out = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let match;
  while ((match = pattern.exec(text)) !== null) out.push(match[1] ?? match[2] ?? match[3]);
  return out;
}
