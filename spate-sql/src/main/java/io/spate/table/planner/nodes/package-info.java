/** Spate's own plan nodes, for what Calcite's logical nodes do not say. */
package io.spate.table.planner.nodes;
