// Cluster overview: slots, TaskManagers, and the running and ended jobs.
import {api} from '../lib/api.js';
import {h, fill, table, stat, badge, formatTime, formatDuration, link} from '../lib/dom.js';
import {jobOverviews, TERMINAL} from '../lib/jobs-data.js';

export function mount(root) {
  const stats = h('div', {class: 'stats', id: 'cluster-stats'});
  const running = h('section', {id: 'running-jobs'});
  const ended = h('section', {id: 'completed-jobs'});
  root.append(h('h1', null, 'Cluster overview'), stats, h('h2', null, 'Running jobs'), running,
    h('h2', null, 'Completed jobs'), ended);
  return {
    async refresh() {
      const [overview, jobs, tms] = await Promise.all([api.optional('/overview'), jobOverviews(), taskManagers()]);
      const slotsTotal = overview ? overview['slots-total'] : tms.reduce((n, tm) => n + tm.slots, 0);
      const slotsFree = overview ? overview['slots-available'] : tms.reduce((n, tm) => n + tm.free, 0);
      const count = state => jobs.filter(j => j.state === state).length;
      fill(stats,
        stat('TaskManagers', overview ? overview.taskmanagers : tms.length, {id: 'stat-taskmanagers'}),
        stat('Slots available / total', `${slotsFree} / ${slotsTotal}`, {id: 'stat-slots'}),
        stat('Running jobs', overview ? overview['jobs-running'] : jobs.filter(j => !TERMINAL.has(j.state)).length, {id: 'stat-running'}),
        stat('Finished', overview ? overview['jobs-finished'] : count('FINISHED')),
        stat('Canceled', overview ? overview['jobs-cancelled'] : count('CANCELED')),
        stat('Failed', overview ? overview['jobs-failed'] : count('FAILED')));
      fill(running, jobTable(jobs.filter(j => !TERMINAL.has(j.state))));
      fill(ended, jobTable(jobs.filter(j => TERMINAL.has(j.state))));
    },
  };
}

async function taskManagers() {
  const answer = await api.get('/taskmanagers');
  return (answer.taskmanagers || []).map(tm => ({
    slots: tm['slots-number'] ?? tm.slotsNumber ?? 0,
    free: tm['free-slots'] ?? tm.freeSlots ?? 0,
  }));
}

/** The table of jobs that the overview and the job list share. */
export function jobTable(jobs) {
  const sorted = [...jobs].sort((a, b) => (b.start || 0) - (a.start || 0));
  return table([
    ['Name', j => link('#/jobs/' + j.jid, j.name || j.jid)],
    ['Job id', j => h('code', null, j.jid)],
    ['State', j => badge(j.state)],
    ['Started', j => formatTime(j.start)],
    ['Duration', j => formatDuration(j.duration)],
  ], sorted, {class: 'jobs'});
}
