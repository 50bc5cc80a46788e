// One TaskManager: charts of its polled metrics, its logs, stdout and a thread dump.
import {api} from '../lib/api.js';
import {h, fill, table, stat, formatBytes, formatNumber, formatTime, notAvailable} from '../lib/dom.js';
import {lineChart} from '../lib/chart.js';

const KEEP = 90;
const CHARTS = [
  ['Status.JVM.Memory.Heap.Used', 'Heap used', formatBytes],
  ['Status.JVM.CPU.Load', 'CPU load', v => formatNumber(v * 100) + '%'],
  ['Status.JVM.Threads.Count', 'Threads', formatNumber],
  ['Status.JVM.GarbageCollector.All.TimeMsPerSecond', 'GC ms/s', formatNumber],
];

export function mount(root, {taskManagerId}) {
  const id = encodeURIComponent(taskManagerId);
  const facts = h('div', {class: 'stats', id: 'taskmanager-facts'});
  const charts = h('div', {class: 'charts', id: 'taskmanager-charts'});
  const tabBody = h('section', {id: 'taskmanager-tab'});
  let tab = 'metrics';
  const tabs = h('nav', {class: 'tabs'}, [['metrics', 'Metrics'], ['logs', 'Logs'], ['stdout', 'Stdout'], ['thread-dump', 'Thread dump']]
    .map(([key, label]) => h('a', {href: 'javascript:void 0', class: key === tab ? 'tab active' : 'tab', 'data-tab': key,
      onclick: event => {
        tab = key;
        tabs.querySelectorAll('a').forEach(a => a.classList.toggle('active', a.dataset.tab === key));
        event.preventDefault();
        showTab();
      }}, label)));
  root.append(h('h1', null, 'TaskManager ', h('code', null, taskManagerId)), facts, tabs, tabBody);
  const series = new Map(CHARTS.map(([key]) => [key, []]));
  let metricsMissing = false;

  const showTab = async () => {
    if (tab === 'metrics') {
      fill(tabBody, charts);
      return;
    }
    if (tab === 'logs') {
      const logs = await api.optional(`/taskmanagers/${id}/logs`);
      if (logs === null) return fill(tabBody, notAvailable('Log files'));
      const view = h('pre', {class: 'log', id: 'log-view'});
      fill(tabBody, table([
        ['File', f => h('a', {href: 'javascript:void 0', onclick: async () => { view.textContent = await api.get(`/taskmanagers/${id}/logs/${encodeURIComponent(f.name)}`); }}, f.name)],
        ['Size', f => formatBytes(f.size)],
        ['Modified', f => formatTime(f.mtime)],
      ], logs.logs || []), h('h3', null, 'taskmanager.log'), view);
      const main = await api.optional(`/taskmanagers/${id}/log`);
      view.textContent = main === null ? 'The log is not available from this cluster\'s REST API.' : tail(main);
      return;
    }
    if (tab === 'stdout') {
      const out = await api.optional(`/taskmanagers/${id}/stdout`);
      return fill(tabBody, out === null ? notAvailable('Stdout') : h('pre', {class: 'log', id: 'stdout-view'}, tail(out) || '(empty)'));
    }
    const dump = await api.optional(`/taskmanagers/${id}/thread-dump`);
    fill(tabBody, dump === null ? notAvailable('The thread dump') : h('pre', {class: 'log', id: 'thread-dump-view'},
      (dump.threadInfos || []).map(t => t.stringifiedThreadInfo).join('\n')));
  };

  return {
    async refresh() {
      const tm = await api.get(`/taskmanagers/${id}`);
      const memory = tm.memory || {};
      fill(facts,
        stat('Address', tm.address || tm.path || '–'),
        stat('Slots (free / total)', `${tm['free-slots'] ?? tm.freeSlots} / ${tm['slots-number'] ?? tm.slotsNumber}`),
        stat('Heap used / max', `${formatBytes(memory['heap-used'])} / ${formatBytes(memory['heap-max'])}`),
        stat('Registered', formatTime(tm['registered-at'])));
      const now = Date.now();
      let values = null;
      if (!metricsMissing) {
        const answer = await api.optional(`/taskmanagers/${id}/metrics?get=${CHARTS.map(c => c[0]).join(',')}`);
        if (answer === null) metricsMissing = true;
        else values = Object.fromEntries(answer.map(m => [m.id, Number(m.value)]));
      }
      if (!values && memory['heap-used'] !== undefined) values = {'Status.JVM.Memory.Heap.Used': memory['heap-used']};
      for (const [key] of CHARTS) {
        if (values && Number.isFinite(values[key])) {
          const points = series.get(key);
          points.push({t: now, v: values[key]});
          if (points.length > KEEP) points.shift();
        }
      }
      fill(charts, ...CHARTS.filter(([key]) => series.get(key).length > 0).map(([key, title, format]) => {
        const box = h('div', {class: 'chart-box', 'data-metric': key});
        lineChart(box, title, series.get(key), format);
        return box;
      }), metricsMissing ? h('p', {class: 'note'}, 'TaskManager metrics (CPU, threads, GC): not available from this cluster\'s REST API; heap from heartbeats.') : null);
      if (tab === 'metrics') fill(tabBody, charts);
    },
    stop() {},
  };
}

function tail(text) {
  const value = String(text ?? '');
  return value.length > 200_000 ? '…' + value.slice(-200_000) : value;
}
