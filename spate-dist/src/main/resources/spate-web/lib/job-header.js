// The head of every job page: name, state, times, the tabs and the cancel / savepoint / stop buttons.
import {api} from './api.js';
import {h, fill, badge, formatTime, formatDuration} from './dom.js';
import {TERMINAL} from './jobs-data.js';
import {showError} from '../app.js';

/** Creates the header in root; update(job) refreshes it with the answer of /jobs/{id}. */
export function jobHeader(root, jobId, activeTab) {
  const title = h('h1', {id: 'job-name'}, jobId);
  const facts = h('div', {class: 'facts'});
  const message = h('div', {class: 'action-message', id: 'action-message', role: 'status'});
  const cancel = h('button', {id: 'cancel-job', class: 'danger'}, 'Cancel job');
  const savepoint = h('button', {id: 'trigger-savepoint'}, 'Trigger savepoint');
  const stop = h('button', {id: 'stop-with-savepoint'}, 'Stop with savepoint');
  let confirming = false;
  cancel.addEventListener('click', async () => {
    if (!confirming) {
      confirming = true;
      cancel.textContent = 'Really cancel?';
      setTimeout(() => { confirming = false; cancel.textContent = 'Cancel job'; }, 4000);
      return;
    }
    confirming = false;
    cancel.textContent = 'Cancel job';
    await act(message, 'Cancelling…', async () => {
      await api.patch(`/jobs/${jobId}?mode=cancel`);
      return 'Cancellation requested.';
    });
  });
  savepoint.addEventListener('click', () => act(message, 'Savepoint triggered…', async () => {
    const answer = await api.post(`/jobs/${jobId}/savepoints`, {'cancel-job': false});
    return 'Savepoint completed: ' + await savepointOutcome(jobId, answer['request-id']);
  }));
  stop.addEventListener('click', () => act(message, 'Stopping with a savepoint…', async () => {
    const answer = await api.post(`/jobs/${jobId}/stop`, {drain: false});
    return 'Stopped with savepoint ' + await savepointOutcome(jobId, answer['request-id']);
  }));
  const actions = h('div', {class: 'actions'}, savepoint, stop, cancel);
  const tab = (key, label, href) => h('a', {href, class: key === activeTab ? 'tab active' : 'tab', 'data-tab': key}, label);
  const tabs = h('nav', {class: 'tabs'},
    tab('graph', 'Overview', `#/jobs/${jobId}`),
    tab('exceptions', 'Exceptions', `#/jobs/${jobId}/exceptions`),
    tab('checkpoints', 'Checkpoints', `#/jobs/${jobId}/checkpoints`),
    tab('config', 'Configuration', `#/jobs/${jobId}/config`),
    tab('accumulators', 'Accumulators', `#/jobs/${jobId}/accumulators`));
  root.append(h('div', {class: 'job-head'}, h('div', null, title, facts), actions), message, tabs);
  return {
    update(job) {
      fill(title, job.name || jobId);
      const state = job.state || job.status;
      fill(facts, badge(state), h('code', null, jobId),
        h('span', null, 'started ' + formatTime(job['start-time'])),
        h('span', null, 'duration ' + formatDuration(job.duration)));
      const ended = TERMINAL.has(state);
      for (const button of [cancel, savepoint, stop]) button.disabled = ended;
    },
  };
}

async function act(message, pending, work) {
  message.className = 'action-message pending';
  message.textContent = pending;
  try {
    const done = await work();
    message.className = 'action-message ok';
    message.textContent = done;
  } catch (e) {
    message.className = 'action-message failed';
    message.textContent = e.message;
    showError(e);
  }
}

/** Polls a savepoint request until it completes; its location, or an error with its failure cause. */
async function savepointOutcome(jobId, requestId) {
  for (;;) {
    const answer = await api.get(`/jobs/${jobId}/savepoints/${requestId}`);
    if (answer.status && answer.status.id === 'COMPLETED') {
      const operation = answer.operation || {};
      if (operation['failure-cause']) {
        const cause = operation['failure-cause'];
        throw new Error('The savepoint failed: ' + (cause['stack-trace'] || cause.message || JSON.stringify(cause)));
      }
      return operation.location;
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}
