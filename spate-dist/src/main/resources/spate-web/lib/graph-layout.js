// A layered layout of a directed acyclic graph, left to right: each vertex in the layer of its longest
// path from a source, vertices ordered within a layer by the mean position of their inputs.

/**
 * Lays out vertices [{id}] and edges [{source, target}]; returns {positions: Map id -> {x, y},
 * width, height} for boxes of nodeWidth x nodeHeight.
 */
export function layeredLayout(vertices, edges, nodeWidth, nodeHeight, gapX = 70, gapY = 28) {
  const ids = vertices.map(v => v.id);
  const inputs = new Map(ids.map(id => [id, []]));
  for (const e of edges) {
    if (inputs.has(e.target) && inputs.has(e.source)) inputs.get(e.target).push(e.source);
  }
  const layer = new Map();
  const visiting = new Set();
  const layerOf = id => {
    if (layer.has(id)) return layer.get(id);
    if (visiting.has(id)) return 0; // a cycle (iterations): break it here
    visiting.add(id);
    const value = inputs.get(id).reduce((max, source) => Math.max(max, layerOf(source) + 1), 0);
    visiting.delete(id);
    layer.set(id, value);
    return value;
  };
  ids.forEach(layerOf);
  const layers = [];
  for (const id of ids) (layers[layer.get(id)] ||= []).push(id);
  const order = new Map();
  layers.forEach((members, index) => {
    if (index > 0) {
      const mean = id => {
        const sources = inputs.get(id).filter(s => order.has(s));
        return sources.length === 0 ? 0 : sources.reduce((sum, s) => sum + order.get(s), 0) / sources.length;
      };
      members.sort((a, b) => mean(a) - mean(b));
    }
    members.forEach((id, i) => order.set(id, i));
  });
  const tallest = Math.max(1, ...layers.map(m => m.length));
  const height = tallest * nodeHeight + (tallest - 1) * gapY;
  const positions = new Map();
  layers.forEach((members, index) => {
    const span = members.length * nodeHeight + (members.length - 1) * gapY;
    const top = (height - span) / 2;
    members.forEach((id, i) => positions.set(id, {x: index * (nodeWidth + gapX), y: top + i * (nodeHeight + gapY)}));
  });
  const width = layers.length * nodeWidth + Math.max(0, layers.length - 1) * gapX;
  return {positions, width, height};
}
