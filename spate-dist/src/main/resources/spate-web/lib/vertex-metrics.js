// The live figures of a job's vertices from Flink's metric routes: busy and backpressured time per
// second (the highest subtask's), records in and out per second (summed) and the lowest input watermark.
import {api} from './api.js';

const METRICS = ['busyTimeMsPerSecond', 'backPressuredTimeMsPerSecond', 'numRecordsInPerSecond', 'numRecordsOutPerSecond'];

/**
 * Figures of one vertex: {busy, backpressured (0..1), recordsIn, recordsOut, watermark}, or null when
 * the cluster does not offer the metric routes.
 */
export async function vertexFigures(jobId, vertexId) {
  const base = `/jobs/${jobId}/vertices/${encodeURIComponent(vertexId)}`;
  const [aggregates, watermarks] = await Promise.all([
    api.optional(`${base}/subtasks/metrics?get=${METRICS.join(',')}&agg=max,sum`),
    api.optional(`${base}/watermarks`),
  ]);
  if (aggregates === null) return null;
  const byId = Object.fromEntries((aggregates || []).map(m => [m.id, m]));
  const value = (id, agg) => (byId[id] && byId[id][agg] !== undefined ? Number(byId[id][agg]) : undefined);
  return {
    busy: ratio(value('busyTimeMsPerSecond', 'max')),
    backpressured: ratio(value('backPressuredTimeMsPerSecond', 'max')),
    recordsIn: value('numRecordsInPerSecond', 'sum'),
    recordsOut: value('numRecordsOutPerSecond', 'sum'),
    watermark: lowestWatermark(watermarks),
  };
}

function ratio(millisPerSecond) {
  return millisPerSecond === undefined || Number.isNaN(millisPerSecond) ? undefined : Math.min(1, Math.max(0, millisPerSecond / 1000));
}

/** The lowest currentInputWatermark of the subtasks in a watermarks answer ([{id: '0.currentInputWatermark', value}]). */
export function lowestWatermark(watermarks) {
  if (!Array.isArray(watermarks)) return undefined;
  const values = watermarks.filter(w => /currentInputWatermark$/.test(w.id)).map(w => Number(w.value)).filter(Number.isFinite);
  return values.length === 0 ? undefined : Math.min(...values);
}

/**
 * The fill of a vertex: white when idle, towards red the busier it is, towards slate grey the more it
 * is backpressured (as in Flink's UI, whichever dominates).
 */
export function vertexColour(figures) {
  if (!figures || (figures.busy === undefined && figures.backpressured === undefined)) return '#f4f6f8';
  const busy = figures.busy || 0;
  const back = figures.backpressured || 0;
  const mix = (from, to, t) => from.map((c, i) => Math.round(c + (to[i] - c) * t));
  const [r, g, b] = back > busy ? mix([236, 244, 252], [88, 96, 112], back) : mix([236, 244, 252], [220, 38, 38], busy);
  return `rgb(${r}, ${g}, ${b})`;
}

/** Whether text on that fill must be white. */
export function darkFill(figures) {
  if (!figures) return false;
  return Math.max(figures.busy || 0, figures.backpressured || 0) > 0.55;
}
