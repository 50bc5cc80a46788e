// Small DOM helpers: element creation, formatting of numbers, sizes, times and durations.

/** Creates an element: h('a', {href: '#/'}, 'text', child). Attributes starting with 'on' are listeners. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes and children. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces the children of el. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A table of rows; columns are [heading, row => cell content]. */
export function table(columns, rows, attrs) {
  return h('table', attrs,
    h('thead', null, h('tr', null, columns.map(([title]) => h('th', null, title)))),
    h('tbody', null, rows.length === 0
      ? h('tr', null, h('td', {colspan: columns.length, class: 'empty'}, 'None'))
      : rows.map(row => h('tr', null, columns.map(([, cell]) => h('td', null, cell(row)))))));
}

/** A panel that says a route of the REST API is not there in this cluster. */
export function notAvailable(what) {
  return h('div', {class: 'not-available'}, `${what}: not available from this cluster's REST API.`);
}

/** A small labelled figure. */
export function stat(label, value, attrs) {
  return h('div', Object.assign({class: 'stat'}, attrs), h('div', {class: 'stat-value'}, value), h('div', {class: 'stat-label'}, label));
}

export function formatNumber(value, digits = 1) {
  if (value === undefined || value === null || Number.isNaN(Number(value))) return '–';
  const n = Number(value);
  const abs = Math.abs(n);
  if (abs >= 1e9) return (n / 1e9).toFixed(digits) + 'G';
  if (abs >= 1e6) return (n / 1e6).toFixed(digits) + 'M';
  if (abs >= 1e4) return (n / 1e3).toFixed(digits) + 'k';
  return Number.isInteger(n) ? String(n) : n.toFixed(digits);
}

export function formatBytes(value) {
  if (value === undefined || value === null || value < 0) return '–';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = Number(value);
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) { n /= 1024; unit++; }
  return (unit === 0 ? n : n.toFixed(1)) + ' ' + units[unit];
}

export function formatTime(millis) {
  if (millis === undefined || millis === null || millis <= 0) return '–';
  const d = new Date(Number(millis));
  const pad = v => String(v).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function formatDuration(millis) {
  if (millis === undefined || millis === null || millis < 0) return '–';
  const ms = Number(millis);
  if (ms < 1000) return ms + ' ms';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return (ms / 1000).toFixed(1) + ' s';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const sec = seconds % 60;
  return h > 0 ? `${h}h ${m}m ${sec}s` : `${m}m ${sec}s`;
}

/** A watermark as a time, or '–' for none (Long.MIN_VALUE and friends). */
export function formatWatermark(value) {
  const n = Number(value);
  if (value === undefined || value === null || !Number.isFinite(n) || n <= -9.2e18 || n >= 9.2e18) return 'no watermark';
  if (n < 1e11) return String(n);
  return formatTime(n);
}

/** A state badge (RUNNING, FAILED, ...). */
export function badge(state) {
  const text = String(state || 'UNKNOWN');
  return h('span', {class: 'badge state-' + text.toLowerCase()}, text);
}

export function link(href, ...children) {
  return h('a', {href}, ...children);
}
