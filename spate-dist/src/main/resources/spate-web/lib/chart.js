// A small SVG line chart of polled values, newest on the right.
import {s, fill, formatNumber} from './dom.js';

const W = 320;
const H = 110;
const PAD = 4;

/** Draws series [{t, v}] into box, with the title and latest value; format shows values. */
export function lineChart(box, title, series, format = formatNumber) {
  const svg = s('svg', {class: 'chart', width: W, height: H + 34, viewBox: `0 0 ${W} ${H + 34}`, role: 'img', 'aria-label': title});
  const latest = series.length ? series[series.length - 1].v : undefined;
  svg.append(s('text', {x: 0, y: 14, class: 'chart-title'}, title),
    s('text', {x: W, y: 14, 'text-anchor': 'end', class: 'chart-value'}, latest === undefined ? '–' : format(latest)));
  const plot = s('g', {transform: 'translate(0,22)'});
  plot.append(s('rect', {width: W, height: H, class: 'chart-bg'}));
  if (series.length >= 2) {
    const t0 = series[0].t;
    const t1 = series[series.length - 1].t;
    const values = series.map(p => p.v);
    // The range of the values themselves, padded, so that small changes of a large value show.
    const low = Math.min(...values);
    const high = Math.max(...values);
    const pad = Math.max((high - low) * 0.1, Math.abs(high) * 0.01, 1e-9);
    const min = low - pad;
    const max = high + pad;
    const x = t => PAD + (W - 2 * PAD) * (t1 === t0 ? 1 : (t - t0) / (t1 - t0));
    const y = v => H - PAD - (H - 2 * PAD) * (v - min) / (max - min);
    const points = series.map(p => `${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
    plot.append(s('polyline', {points, class: 'chart-line'}),
      s('text', {x: 4, y: 11, class: 'chart-axis'}, format(high)),
      s('text', {x: 4, y: H - 4, class: 'chart-axis'}, format(low)));
  }
  svg.append(plot);
  fill(box, svg);
}
