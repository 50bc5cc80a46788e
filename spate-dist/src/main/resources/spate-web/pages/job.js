// The job page: the job graph as a layered SVG graph, each vertex coloured by its busy and
// backpressured ratio with records in/out per second and watermark, plus the vertex list.
import {api} from '../lib/api.js';
import {h, s, fill, table, badge, formatNumber, formatWatermark, notAvailable, link} from '../lib/dom.js';
import {graphOf, TERMINAL} from '../lib/jobs-data.js';
import {jobHeader} from '../lib/job-header.js';
import {layeredLayout} from '../lib/graph-layout.js';
import {vertexFigures, vertexColour, darkFill} from '../lib/vertex-metrics.js';

const NODE_W = 230;
const NODE_H = 92;

export function mount(root, {jobId}) {
  const header = jobHeader(root, jobId, 'graph');
  const graphBox = h('div', {class: 'graph-box', id: 'job-graph'});
  const metricsNote = h('p', {class: 'note', id: 'metrics-note', hidden: true});
  const vertexList = h('section', {id: 'vertex-list'});
  root.append(graphBox, metricsNote, h('h2', null, 'Vertices'), vertexList);
  let drawnKey = null;
  let nodes = new Map();
  let metricsAvailable = true;
  let figures = new Map();
  let metricsRound = null;

  const refreshFigures = async (graph, running) => {
    if (!metricsAvailable || !running) return;
    const answers = await Promise.all(graph.vertices.map(v => vertexFigures(jobId, v.id).catch(() => undefined)));
    if (answers.some(a => a === null)) {
      metricsAvailable = false;
      metricsNote.hidden = false;
      metricsNote.textContent = 'Live vertex metrics (busy, backpressure, records per second, watermarks): not available from this cluster\'s REST API.';
      return;
    }
    graph.vertices.forEach((v, i) => { if (answers[i]) figures.set(v.id, answers[i]); });
    for (const [id, node] of nodes) node.update(figures.get(id));
  };

  return {
    async refresh() {
      const job = await api.get(`/jobs/${jobId}`);
      header.update(job);
      const graph = graphOf(job);
      if (graph.vertices.length === 0 && !job.plan) {
        const plan = await api.optional(`/jobs/${jobId}/plan`);
        if (plan && plan.plan) Object.assign(graph, graphOf({plan: plan.plan}));
      }
      const key = JSON.stringify([graph.vertices.map(v => v.id), graph.edges]);
      if (key !== drawnKey) {
        drawnKey = key;
        if (graph.vertices.length === 0) fill(graphBox, notAvailable('The job graph'));
        else nodes = draw(graphBox, jobId, graph, figures);
        markDrawn();
      }
      for (const v of graph.vertices) nodes.get(v.id)?.status(v);
      fill(vertexList, table([
        ['Vertex', v => link(`#/jobs/${jobId}/vertices/${encodeURIComponent(v.id)}`, v.name)],
        ['Parallelism', v => v.parallelism],
        ['Status', v => badge(v.status)],
        ['Tasks', v => Object.entries(v.tasks || {}).filter(([, n]) => n > 0).map(([st, n]) => `${st} ${n}`).join(', ')],
      ], graph.vertices, {class: 'vertices'}));
      // Figures arrive after the graph is drawn, so that the page shows at once.
      const state = job.state || job.status;
      if (!metricsRound) {
        metricsRound = refreshFigures(graph, !TERMINAL.has(state)).finally(() => { metricsRound = null; });
      }
    },
  };
}

function markDrawn() {
  if (performance.getEntriesByName('spate-graph-drawn').length === 0) {
    performance.mark('spate-graph-drawn');
    document.body.dataset.graphDrawnMs = String(Math.round(performance.now()));
  }
}

/** Draws the graph into box; returns the vertex nodes by id, each with update(figures) and status(vertex). */
function draw(box, jobId, graph, figures) {
  const {positions, width, height} = layeredLayout(graph.vertices, graph.edges, NODE_W, NODE_H);
  const pad = 16;
  const svg = s('svg', {class: 'job-graph', width: width + 2 * pad, height: height + 2 * pad,
    viewBox: `${-pad} ${-pad} ${width + 2 * pad} ${height + 2 * pad}`, role: 'img', 'aria-label': 'Job graph'});
  svg.append(s('defs', null, s('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7,
    markerHeight: 7, orient: 'auto-start-reverse'}, s('path', {d: 'M0,0 L10,5 L0,10 z', fill: '#7a8696'}))));
  for (const edge of graph.edges) {
    const from = positions.get(edge.source);
    const to = positions.get(edge.target);
    if (!from || !to) continue;
    const x1 = from.x + NODE_W, y1 = from.y + NODE_H / 2, x2 = to.x, y2 = to.y + NODE_H / 2;
    const mid = (x1 + x2) / 2;
    svg.append(s('g', {class: 'edge', 'data-source': edge.source, 'data-target': edge.target},
      s('path', {d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2 - 2},${y2}`, 'marker-end': 'url(#arrow)'}),
      s('text', {x: mid, y: (y1 + y2) / 2 - 5, 'text-anchor': 'middle', class: 'edge-label'}, edge.partitioning || '')));
  }
  const nodes = new Map();
  for (const v of graph.vertices) {
    const {x, y} = positions.get(v.id);
    const rect = s('rect', {width: NODE_W, height: NODE_H, rx: 8});
    const title = s('text', {x: 10, y: 20, class: 'vertex-name'}, truncate(v.name, 30));
    const line1 = s('text', {x: 10, y: 40, class: 'vertex-line'}, `parallelism ${v.parallelism ?? '–'}`);
    const line2 = s('text', {x: 10, y: 58, class: 'vertex-line vertex-records'}, 'in – /s · out – /s');
    const line3 = s('text', {x: 10, y: 76, class: 'vertex-line vertex-watermark'}, 'watermark –');
    const group = s('a', {href: `#/jobs/${jobId}/vertices/${encodeURIComponent(v.id)}`},
      s('g', {class: 'vertex', transform: `translate(${x},${y})`, 'data-vertex-id': v.id},
        s('title', null, v.name), rect, title, line1, line2, line3));
    svg.append(group);
    const node = {
      update(f) {
        rect.setAttribute('fill', vertexColour(f));
        group.firstChild.classList.toggle('dark', darkFill(f));
        if (!f) return;
        const pct = r => (r === undefined ? '–' : Math.round(r * 100) + '%');
        line1.textContent = `p ${v.parallelism ?? '–'} · busy ${pct(f.busy)} · backpressured ${pct(f.backpressured)}`;
        line2.textContent = `in ${formatNumber(f.recordsIn)}/s · out ${formatNumber(f.recordsOut)}/s`;
        line3.textContent = 'watermark ' + formatWatermark(f.watermark);
        group.firstChild.dataset.busy = f.busy ?? '';
        group.firstChild.dataset.backpressured = f.backpressured ?? '';
      },
      status(vertex) {
        group.firstChild.dataset.status = vertex.status || '';
      },
    };
    node.update(figures.get(v.id));
    nodes.set(v.id, node);
  }
  fill(box, svg);
  return nodes;
}

function truncate(text, max) {
  const value = String(text ?? '');
  return value.length > max ? value.slice(0, max - 1) + '…' : value;
}
