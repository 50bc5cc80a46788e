/**
 * From the stream graph to the job graph: chaining, vertices and edges, operator ids, and the user
 * code they carry. Internal, like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.graph;
