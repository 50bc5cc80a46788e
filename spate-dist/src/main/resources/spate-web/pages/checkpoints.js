// Checkpoints of a job: counts, summary, history (with per-vertex and per-subtask details) and the
// checkpointing configuration.
import {api} from '../lib/api.js';
import {h, fill, table, stat, badge, formatBytes, formatDuration, formatTime, notAvailable} from '../lib/dom.js';
import {jobHeader} from '../lib/job-header.js';

// A job checkpointing every 100 ms has thousands; the table shows the latest ones, like Flink's.
const HISTORY_ROWS = 30;

export function mount(root, {jobId}) {
  const header = jobHeader(root, jobId, 'checkpoints');
  const counts = h('div', {class: 'stats', id: 'checkpoint-counts'});
  const summary = h('section', {id: 'checkpoint-summary'});
  const history = h('section', {id: 'checkpoint-history'});
  const details = h('section', {id: 'checkpoint-details'});
  const config = h('section', {id: 'checkpoint-config'});
  root.append(counts, h('h2', null, 'History'), history, details, h('h2', null, 'Summary'), summary,
    h('h2', null, 'Configuration'), config);
  let selected = null;
  let selectedVertex = null;

  const showDetails = async () => {
    if (selected === null) return;
    const detail = await api.optional(`/jobs/${jobId}/checkpoints/details/${selected}`);
    if (detail === null) {
      fill(details, h('h2', null, `Checkpoint ${selected}`), notAvailable('Checkpoint details'));
      return;
    }
    const tasks = Object.values(detail.tasks || {});
    const parts = [h('h2', null, `Checkpoint ${selected}`), table([
      ['Vertex', t => h('a', {href: 'javascript:void 0', onclick: () => { selectedVertex = t.id; showDetails(); }}, t.id)],
      ['Status', t => badge(t.status)],
      ['Acknowledged', t => `${t.num_acknowledged_subtasks} / ${t.num_subtasks}`],
      ['Latest ack', t => formatTime(t.latest_ack_timestamp)],
      ['End to end', t => formatDuration(t.end_to_end_duration)],
      ['Checkpointed size', t => formatBytes(t.checkpointed_size)],
      ['Full size', t => formatBytes(t.state_size)],
    ], tasks)];
    if (selectedVertex) {
      const sub = await api.optional(`/jobs/${jobId}/checkpoints/details/${selected}/subtasks/${selectedVertex}`);
      parts.push(h('h3', null, `Subtasks of ${selectedVertex}`), sub === null ? notAvailable('Subtask details') : table([
        ['Subtask', r => r.index],
        ['Status', r => r.status],
        ['Acknowledged', r => formatTime(r.ack_timestamp)],
        ['End to end', r => formatDuration(r.end_to_end_duration)],
        ['Sync', r => formatDuration(r.checkpoint && r.checkpoint.sync)],
        ['Async', r => formatDuration(r.checkpoint && r.checkpoint.async)],
        ['Alignment', r => formatDuration(r.alignment && r.alignment.duration)],
        ['State size', r => formatBytes(r.state_size)],
      ], sub.subtasks || []));
    }
    fill(details, ...parts);
  };

  return {
    async refresh() {
      const [job, answer, conf] = await Promise.all([api.get(`/jobs/${jobId}`), api.get(`/jobs/${jobId}/checkpoints`),
        api.optional(`/jobs/${jobId}/checkpoints/config`)]);
      header.update(job);
      const rows = (answer.history || []).map(normalise).sort((a, b) => b.id - a.id);
      const shown = rows.slice(0, HISTORY_ROWS);
      const c = answer.counts || {};
      fill(counts,
        stat('Triggered', c.total ?? rows.length),
        stat('In progress', c.in_progress ?? rows.filter(r => r.status === 'IN_PROGRESS').length),
        stat('Completed', c.completed ?? rows.filter(r => r.status === 'COMPLETED').length, {id: 'count-completed'}),
        stat('Failed', c.failed ?? rows.filter(r => r.status === 'FAILED').length),
        stat('Restored', c.restored ?? 0));
      fill(history, table([
        ['Id', r => h('a', {href: 'javascript:void 0', class: 'checkpoint-id', onclick: () => { selected = r.id; selectedVertex = null; showDetails(); }}, r.id)],
        ['Type', r => (r.savepoint ? h('span', {class: 'savepoint'}, 'Savepoint') : 'Checkpoint')],
        ['Status', r => badge(r.status)],
        ['Triggered', r => formatTime(r.trigger)],
        ['End to end', r => formatDuration(r.duration)],
        ['Checkpointed size', r => formatBytes(r.checkpointedSize)],
        ['Full size', r => formatBytes(r.stateSize)],
        ['Acknowledged', r => `${r.acknowledged} / ${r.total}`],
        ['Path or failure', r => r.failure ? h('span', {class: 'failure'}, r.failure) : (r.path || '')],
      ], shown, {class: 'checkpoints'}), rows.length > shown.length
        ? h('p', {class: 'note'}, `The latest ${shown.length} of ${rows.length}.`) : null);
      fill(summary, summaryOf(answer.summary, rows));
      fill(config, conf === null ? notAvailable('The checkpointing configuration') : configTable(conf));
      await showDetails();
    },
  };
}

/** One history entry from Spate's record fields or Flink's snake_case ones. */
function normalise(c) {
  return {
    id: c.id ?? c.checkpointId,
    savepoint: c.is_savepoint ?? c.savepoint,
    status: c.status,
    trigger: c.trigger_timestamp ?? c.triggerTimestamp,
    duration: c.end_to_end_duration ?? c.durationMillis,
    stateSize: c.state_size ?? c.stateSize,
    checkpointedSize: c.checkpointed_size ?? c.checkpointedSize,
    acknowledged: c.num_acknowledged_subtasks ?? c.acknowledgedSubtasks,
    total: c.num_subtasks ?? c.totalSubtasks,
    path: c.external_path ?? c.externalPath,
    failure: c.failure_message ?? c.failureReason,
  };
}

function summaryOf(summary, rows) {
  if (summary && summary.end_to_end_duration) {
    const line = (label, m, format) => [label, ...['min', 'avg', 'max'].map(k => format(m && m[k]))];
    return table([['', r => r[0]], ['Minimum', r => r[1]], ['Average', r => r[2]], ['Maximum', r => r[3]]], [
      line('End to end duration', summary.end_to_end_duration, formatDuration),
      line('Checkpointed size', summary.checkpointed_size, formatBytes),
      line('Full state size', summary.state_size, formatBytes),
    ]);
  }
  const done = rows.filter(r => r.status === 'COMPLETED');
  if (done.length === 0) return h('p', {class: 'empty'}, 'No completed checkpoints yet.');
  const agg = (key, format) => {
    const values = done.map(r => Number(r[key]) || 0);
    return [format(Math.min(...values)), format(Math.round(values.reduce((a, b) => a + b, 0) / values.length)), format(Math.max(...values))];
  };
  return table([['', r => r[0]], ['Minimum', r => r[1]], ['Average', r => r[2]], ['Maximum', r => r[3]]], [
    ['End to end duration', ...agg('duration', formatDuration)],
    ['Checkpointed size', ...agg('checkpointedSize', formatBytes)],
    ['Full state size', ...agg('stateSize', formatBytes)],
  ]);
}

function configTable(conf) {
  const rows = [];
  const walk = (prefix, value) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(prefix ? `${prefix}.${k}` : k, v);
    } else {
      rows.push([prefix, String(value)]);
    }
  };
  walk('', conf);
  return table([['Option', r => r[0]], ['Value', r => r[1]]], rows, {class: 'config'});
}
