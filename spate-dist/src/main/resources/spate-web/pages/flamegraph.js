// The flame graph of a vertex as an SVG icicle: the root on top, callees below, widths by samples.
import {api, ApiError} from '../lib/api.js';
import {h, s, fill, notAvailable, formatTime} from '../lib/dom.js';
import {jobHeader} from '../lib/job-header.js';

const ROW = 18;
const WIDTH = 1100;

export function mount(root, {jobId, vertexId}) {
  const header = jobHeader(root, jobId, 'graph');
  let type = 'full';
  const choice = h('div', {class: 'segmented'}, ['full', 'on_cpu', 'off_cpu'].map(t => h('button', {
    'data-type': t, class: t === type ? 'active' : '',
    onclick: event => {
      type = t;
      choice.querySelectorAll('button').forEach(b => b.classList.toggle('active', b.dataset.type === t));
      event.currentTarget.blur();
    },
  }, t.replace('_', '-'))));
  const box = h('div', {class: 'flame-box', id: 'flamegraph'});
  const when = h('p', {class: 'note'});
  root.append(h('h2', null, 'Flame graph'), choice, when, box);
  return {
    async refresh() {
      header.update(await api.get(`/jobs/${jobId}`));
      let answer;
      try {
        answer = await api.optional(`/jobs/${jobId}/vertices/${encodeURIComponent(vertexId)}/flamegraph?type=${type}`);
      } catch (e) {
        // 409: flame graphs are off on this cluster; the server's message names the option to set.
        if (e instanceof ApiError && e.status === 409) {
          fill(box, h('p', {class: 'note'}, e.message));
          return;
        }
        throw e;
      }
      if (answer === null) {
        fill(box, notAvailable('The flame graph'));
        return;
      }
      if (!answer.data) {
        fill(box, h('p', {class: 'note'}, 'Sampling… the flame graph appears when the first samples are in.'));
        return;
      }
      when.textContent = 'Sampled until ' + formatTime(answer.endTimestamp);
      fill(box, icicle(answer.data));
    },
  };
}

function icicle(rootFrame) {
  const rects = [];
  let depth = 0;
  const walk = (frame, x, width, level) => {
    depth = Math.max(depth, level + 1);
    if (width < 0.5) return;
    rects.push({frame, x, width, level});
    let offset = x;
    const total = frame.value || 1;
    for (const child of frame.children || []) {
      const w = width * (child.value || 0) / total;
      walk(child, offset, w, level + 1);
      offset += w;
    }
  };
  walk(rootFrame, 0, WIDTH, 0);
  const svg = s('svg', {class: 'flamegraph', width: WIDTH, height: depth * ROW, viewBox: `0 0 ${WIDTH} ${depth * ROW}`});
  for (const {frame, x, width, level} of rects) {
    const hue = 20 + (hash(frame.name) % 40);
    svg.append(s('g', {transform: `translate(${x},${level * ROW})`},
      s('title', null, `${frame.name} (${frame.value} samples)`),
      s('rect', {width: Math.max(0, width - 1), height: ROW - 1, fill: `hsl(${hue}, 85%, ${60 + (level % 3) * 5}%)`}),
      width > 40 ? s('text', {x: 3, y: 13, class: 'flame-label'}, fit(frame.name, width)) : null));
  }
  return svg;
}

function fit(text, width) {
  const max = Math.floor((width - 6) / 6.5);
  return text.length > max ? text.slice(0, Math.max(0, max - 1)) + '…' : text;
}

function hash(text) {
  let value = 0;
  for (const c of String(text)) value = (value * 31 + c.charCodeAt(0)) >>> 0;
  return value;
}
