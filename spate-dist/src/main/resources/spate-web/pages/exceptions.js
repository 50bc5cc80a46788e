// The exceptions of a job: the root cause of its latest failure and the history of failures.
import {api} from '../lib/api.js';
import {h, fill, formatTime} from '../lib/dom.js';
import {jobHeader} from '../lib/job-header.js';

export function mount(root, {jobId}) {
  const header = jobHeader(root, jobId, 'exceptions');
  const rootCause = h('section', {id: 'root-exception'});
  const history = h('section', {id: 'exception-history'});
  root.append(h('h2', null, 'Root exception'), rootCause, h('h2', null, 'Exception history'), history);
  const open = new Set();
  return {
    async refresh() {
      const [job, answer] = await Promise.all([api.get(`/jobs/${jobId}`), api.get(`/jobs/${jobId}/exceptions`)]);
      header.update(job);
      const entries = entriesOf(answer);
      if (entries.length === 0) {
        fill(rootCause, h('p', {class: 'empty'}, 'No failures: this job has not failed.'));
        fill(history);
        return;
      }
      const latest = entries[0];
      fill(rootCause, h('div', {class: 'exception'}, h('p', null, h('strong', null, latest.name), ': ', latest.message || ''),
        h('pre', {class: 'stacktrace'}, latest.stacktrace || '')));
      fill(history, h('ol', {class: 'exception-list'}, entries.map((e, i) => {
        const key = `${e.timestamp}:${i}`;
        const details = h('details', {open: open.has(key), ontoggle: ev => (ev.target.open ? open.add(key) : open.delete(key))},
          h('summary', null, h('span', {class: 'when'}, formatTime(e.timestamp)), ' ',
            h('strong', {class: 'exception-name'}, e.name), ' ', h('span', {class: 'exception-message'}, e.message || ''),
            e.location ? h('span', {class: 'where'}, ' in ' + e.location) : null,
            e.outcome ? h('span', {class: 'outcome'}, ' → ' + e.outcome) : null),
          h('pre', {class: 'stacktrace'}, e.stacktrace || ''));
        return h('li', null, details);
      })));
    },
  };
}

/** The entries newest first, from Spate's 'entries' or Flink's 'exceptionHistory'. */
function entriesOf(answer) {
  if (Array.isArray(answer.entries)) {
    return answer.entries.map(e => ({
      timestamp: e.timestamp,
      name: e['exception-class'] || 'Exception',
      message: e.message,
      stacktrace: e.stacktrace,
      location: [e.operator || e.task, e.subtask !== null && e.subtask !== undefined ? `subtask ${e.subtask}` : null,
        e['taskmanager-id']].filter(Boolean).join(', '),
      outcome: e.outcome,
    })).sort((a, b) => b.timestamp - a.timestamp);
  }
  const flink = (answer.exceptionHistory && answer.exceptionHistory.entries) || [];
  return flink.map(e => ({
    timestamp: e.timestamp,
    name: e.exceptionName,
    message: '',
    stacktrace: e.stacktrace,
    location: [e.taskName, e.endpoint || e.location, e.taskManagerId].filter(Boolean).join(', '),
  })).sort((a, b) => b.timestamp - a.timestamp);
}
