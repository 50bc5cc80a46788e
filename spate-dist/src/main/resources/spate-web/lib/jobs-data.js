// Reading the job routes in either shape: Spate's own fields and Flink's documented ones.
import {api} from './api.js';

/** The jobs of /jobs/overview as {jid, name, state, start, end, duration}. */
export async function jobOverviews() {
  const answer = await api.get('/jobs/overview');
  return (answer.jobs || []).map(job => ({
    jid: job.jid || job.id,
    name: job.name,
    state: job.state || job.status,
    start: job['start-time'],
    end: job['end-time'],
    duration: job.duration,
    tasks: job.tasks,
  }));
}

export const TERMINAL = new Set(['FINISHED', 'CANCELED', 'FAILED']);

/**
 * The graph of a job: {vertices: [{id, name, parallelism, status}], edges: [{source, target, partitioning}]}
 * from the vertices and edges of /jobs/{id}, or from its Flink-style plan.
 */
export function graphOf(job) {
  const vertices = (job.vertices || []).map(v => ({
    id: v.id, name: v.name, parallelism: v.parallelism, status: v.status,
    maxParallelism: v['max-parallelism'] ?? v.maxParallelism, tasks: v.tasks,
  }));
  let edges = (job.edges || []).map(e => ({source: e.source, target: e.target, partitioning: e.partitioning}));
  const nodes = job.plan && job.plan.nodes;
  if (edges.length === 0 && Array.isArray(nodes)) {
    for (const node of nodes) {
      for (const input of node.inputs || []) {
        edges.push({source: input.id, target: node.id, partitioning: input.ship_strategy || input.exchange || ''});
      }
      if (!vertices.some(v => v.id === node.id)) {
        vertices.push({id: node.id, name: node.description || node.operator, parallelism: node.parallelism});
      }
    }
  }
  return {vertices, edges};
}
