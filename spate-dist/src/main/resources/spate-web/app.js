// The single-page shell: hash routes to page modules, polling every 2 s, and the error banner.
import {ApiError} from './lib/api.js';
import {h, fill} from './lib/dom.js';

const POLL_MILLIS = 2000;

// [pattern, page module, navigation entry]; the first match wins.
const ROUTES = [
  [/^\/?$/, './pages/overview.js', 'overview'],
  [/^\/jobs$/, './pages/jobs.js', 'jobs'],
  [/^\/jobs\/([0-9a-f]+)$/, './pages/job.js', 'jobs', ['jobId']],
  [/^\/jobs\/([0-9a-f]+)\/vertices\/([^/]+)$/, './pages/vertex.js', 'jobs', ['jobId', 'vertexId']],
  [/^\/jobs\/([0-9a-f]+)\/vertices\/([^/]+)\/flamegraph$/, './pages/flamegraph.js', 'jobs', ['jobId', 'vertexId']],
  [/^\/jobs\/([0-9a-f]+)\/checkpoints$/, './pages/checkpoints.js', 'jobs', ['jobId']],
  [/^\/jobs\/([0-9a-f]+)\/exceptions$/, './pages/exceptions.js', 'jobs', ['jobId']],
  [/^\/jobs\/([0-9a-f]+)\/config$/, './pages/job-config.js', 'jobs', ['jobId']],
  [/^\/jobs\/([0-9a-f]+)\/accumulators$/, './pages/accumulators.js', 'jobs', ['jobId']],
  [/^\/taskmanagers$/, './pages/taskmanagers.js', 'taskmanagers'],
  [/^\/taskmanagers\/([^/]+)$/, './pages/taskmanager.js', 'taskmanagers', ['taskManagerId']],
  [/^\/jars$/, './pages/jars.js', 'jars'],
  [/^\/config$/, './pages/config.js', 'config'],
];

let current = null;
let generation = 0;

/** Shows a failed call's message in the banner; a later successful refresh clears it. */
export function showError(error) {
  const banner = document.getElementById('error');
  if (!error) {
    banner.hidden = true;
    banner.replaceChildren();
    return;
  }
  const message = error instanceof ApiError
    ? `${error.path ? error.path + ': ' : ''}${error.message}${error.status ? ' (HTTP ' + error.status + ')' : ''}`
    : String(error.message || error);
  fill(banner, h('strong', null, 'Error: '), message);
  banner.hidden = false;
}

async function route() {
  const path = decodeURIComponent(location.hash.replace(/^#/, '').split('?')[0]) || '/';
  const mine = ++generation;
  if (current) {
    clearInterval(current.timer);
    if (current.page.stop) current.page.stop();
    current = null;
  }
  showError(null);
  const entry = ROUTES.find(([pattern]) => pattern.test(path));
  const root = document.getElementById('page');
  document.querySelectorAll('[data-nav]').forEach(a => a.classList.toggle('active', entry && a.dataset.nav === entry[2]));
  if (!entry) {
    fill(root, h('h1', null, 'Not found'), h('p', null, `No page is at #${path}. `, h('a', {href: '#/'}, 'Go to the overview.')));
    return;
  }
  const [pattern, module, , names = []] = entry;
  const values = pattern.exec(path).slice(1);
  const params = Object.fromEntries(names.map((name, i) => [name, values[i]]));
  const {mount} = await import(module);
  if (mine !== generation) return;
  fill(root);
  const page = mount(root, params);
  let running = false;
  const refresh = async () => {
    // A refresh slower than the period is not stacked on by the next.
    if (running) return;
    running = true;
    try {
      await page.refresh();
      if (mine === generation) {
        showError(null);
        document.getElementById('live').textContent = 'live · ' + new Date().toLocaleTimeString();
      }
    } catch (e) {
      if (mine === generation) showError(e);
    } finally {
      running = false;
    }
  };
  current = {page, timer: setInterval(refresh, POLL_MILLIS)};
  await refresh();
}

window.addEventListener('hashchange', route);
route();
