// A job's configuration: its execution config from Flink's /jobs/{id}/config route.
import {api} from '../lib/api.js';
import {h, fill, table, notAvailable} from '../lib/dom.js';
import {jobHeader} from '../lib/job-header.js';

export function mount(root, {jobId}) {
  const header = jobHeader(root, jobId, 'config');
  const body = h('section', {id: 'job-config'});
  root.append(body);
  return {
    async refresh() {
      const [job, conf] = await Promise.all([api.get(`/jobs/${jobId}`), api.optional(`/jobs/${jobId}/config`)]);
      header.update(job);
      if (conf === null) {
        fill(body, notAvailable('The job configuration'));
        return;
      }
      const execution = conf['execution-config'] || conf;
      const rows = Object.entries(execution).filter(([k]) => k !== 'user-config')
        .map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
      const user = Object.entries(execution['user-config'] || {}).map(([k, v]) => [k, String(v)]);
      fill(body, h('h2', null, 'Execution configuration'), table([['Option', r => r[0]], ['Value', r => r[1]]], rows),
        h('h2', null, 'User configuration'), table([['Key', r => r[0]], ['Value', r => r[1]]], user));
    },
  };
}
