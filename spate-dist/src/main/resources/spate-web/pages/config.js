// The cluster's effective configuration (secrets masked by the server) and version.
import {api} from '../lib/api.js';
import {h, fill, table} from '../lib/dom.js';

export function mount(root) {
  const version = h('p', {class: 'note', id: 'spate-version'});
  const filter = h('input', {type: 'search', placeholder: 'Filter options', id: 'config-filter'});
  const body = h('section', {id: 'cluster-config'});
  let entries = [];
  const render = () => {
    const needle = filter.value.trim().toLowerCase();
    fill(body, table([['Option', e => h('code', null, e.key)], ['Value', e => e.value]],
      entries.filter(e => !needle || e.key.toLowerCase().includes(needle) || String(e.value).toLowerCase().includes(needle)),
      {class: 'config'}));
  };
  filter.addEventListener('input', render);
  root.append(h('h1', null, 'Configuration'), version, filter, body);
  return {
    async refresh() {
      const [own, flink] = await Promise.all([api.get('/config'), api.optional('/jobmanager/config')]);
      version.textContent = own['spate-version'] ? 'Spate ' + own['spate-version'] : '';
      entries = Array.isArray(flink) ? flink : (own.configuration || []);
      entries = [...entries].sort((a, b) => a.key.localeCompare(b.key));
      render();
    },
  };
}
