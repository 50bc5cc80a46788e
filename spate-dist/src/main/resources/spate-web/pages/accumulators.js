// A job's user accumulators: merged over the job (Flink's /jobs/{id}/accumulators), then per vertex.
import {api} from '../lib/api.js';
import {h, fill, table, notAvailable} from '../lib/dom.js';
import {jobHeader} from '../lib/job-header.js';

const COLUMNS = [['Name', a => a.name], ['Type', a => a.type], ['Value', a => a.value]];

export function mount(root, {jobId}) {
  const header = jobHeader(root, jobId, 'accumulators');
  const body = h('section', {id: 'job-accumulators'});
  const vertices = h('section', {id: 'vertex-accumulators'});
  root.append(body, vertices);
  return {
    async refresh() {
      const [job, answer] = await Promise.all([api.get(`/jobs/${jobId}`), api.optional(`/jobs/${jobId}/accumulators`)]);
      header.update(job);
      if (answer === null) {
        fill(body, notAvailable('Accumulators'));
        return;
      }
      const all = answer['user-task-accumulators'] || [];
      fill(body, h('h2', null, 'Accumulators'), all.length === 0
        ? h('p', {class: 'empty'}, 'The job registered no accumulators.')
        : table(COLUMNS, all, {class: 'accumulators'}));
      const parts = [];
      for (const vertex of job.vertices || []) {
        const own = await api.optional(`/jobs/${jobId}/vertices/${vertex.id}/accumulators`);
        const list = (own && own['user-accumulators']) || [];
        if (list.length > 0) parts.push(h('h3', null, vertex.name), table(COLUMNS, list));
      }
      fill(vertices, ...parts);
    },
  };
}
