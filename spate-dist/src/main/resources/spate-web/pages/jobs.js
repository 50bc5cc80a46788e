// The job list: every job the cluster knows, newest first.
import {h, fill} from '../lib/dom.js';
import {jobOverviews} from '../lib/jobs-data.js';
import {jobTable} from './overview.js';

export function mount(root) {
  const list = h('section', {id: 'job-list'});
  root.append(h('h1', null, 'Jobs'), list);
  return {
    async refresh() {
      fill(list, jobTable(await jobOverviews()));
    },
  };
}
