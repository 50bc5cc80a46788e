// Vertex detail: its subtasks with their metrics, backpressure and watermarks.
import {api} from '../lib/api.js';
import {h, fill, table, badge, formatNumber, formatWatermark, formatTime, notAvailable, link} from '../lib/dom.js';
import {jobHeader} from '../lib/job-header.js';

const SUBTASK_METRICS = ['busyTimeMsPerSecond', 'backPressuredTimeMsPerSecond', 'idleTimeMsPerSecond',
  'numRecordsInPerSecond', 'numRecordsOutPerSecond'];

export function mount(root, {jobId, vertexId}) {
  const header = jobHeader(root, jobId, 'graph');
  const base = `/jobs/${jobId}/vertices/${encodeURIComponent(vertexId)}`;
  const title = h('h2', {id: 'vertex-name'}, vertexId);
  const subtasks = h('section', {id: 'vertex-subtasks'});
  const backpressure = h('section', {id: 'vertex-backpressure'});
  const watermarks = h('section', {id: 'vertex-watermarks'});
  root.append(title, h('p', null, link(`${location.hash}/flamegraph`, 'Flame graph of this vertex')),
    h('h3', null, 'Subtasks'), subtasks, h('h3', null, 'Backpressure'), backpressure,
    h('h3', null, 'Watermarks'), watermarks);
  return {
    async refresh() {
      const job = await api.get(`/jobs/${jobId}`);
      header.update(job);
      const vertex = (job.vertices || []).find(v => String(v.id) === vertexId) || {};
      fill(title, vertex.name || vertexId);
      const parallelism = vertex.parallelism || 1;
      const metricIds = [];
      for (let i = 0; i < parallelism; i++) for (const m of SUBTASK_METRICS) metricIds.push(`${i}.${m}`);
      const [detail, metrics, bp, marks] = await Promise.all([
        api.optional(base),
        api.optional(`${base}/metrics?get=${metricIds.join(',')}`),
        api.optional(`${base}/backpressure`),
        api.optional(`${base}/watermarks`),
      ]);
      const values = Object.fromEntries((metrics || []).map(m => [m.id, m.value]));
      const rows = detail && Array.isArray(detail.subtasks)
        ? detail.subtasks
        : Array.from({length: parallelism}, (_, i) => ({subtask: i}));
      const metric = (row, name) => values[`${row.subtask}.${name}`];
      fill(subtasks, table([
        ['Subtask', r => r.subtask],
        ['Status', r => (r.status ? badge(r.status) : '–')],
        ['TaskManager', r => r['taskmanager-id'] || r.endpoint || '–'],
        ['Busy ms/s', r => formatNumber(metric(r, 'busyTimeMsPerSecond'))],
        ['Backpressured ms/s', r => formatNumber(metric(r, 'backPressuredTimeMsPerSecond'))],
        ['Idle ms/s', r => formatNumber(metric(r, 'idleTimeMsPerSecond'))],
        ['Records in/s', r => formatNumber(metric(r, 'numRecordsInPerSecond'))],
        ['Records out/s', r => formatNumber(metric(r, 'numRecordsOutPerSecond'))],
      ], rows, {class: 'subtasks'}), metrics === null ? notAvailable('Per-subtask metrics') : null);
      fill(backpressure, bp === null ? notAvailable('Backpressure') : h('div', null,
        h('p', null, 'Level: ', badge(bp.backpressureLevel || bp.status), ' measured ', formatTime(bp['end-timestamp'])),
        table([
          ['Subtask', r => r.subtask],
          ['Level', r => badge(r.backpressureLevel)],
          ['Backpressured', r => pct(r.ratio)],
          ['Busy', r => pct(r.busyRatio)],
          ['Idle', r => pct(r.idleRatio)],
        ], bp.subtasks || [])));
      fill(watermarks, marks === null ? notAvailable('Watermarks') : table([
        ['Subtask', w => w.id.split('.')[0]],
        ['Metric', w => w.id.split('.').slice(1).join('.')],
        ['Watermark', w => formatWatermark(w.value)],
      ], marks));
    },
  };
}

function pct(ratio) {
  return ratio === undefined || ratio === null ? '–' : Math.round(Number(ratio) * 100) + '%';
}
