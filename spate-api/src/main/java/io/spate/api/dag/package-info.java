/**
 * The logical graph that the DataStream API builds: transformations, operator and partition
 * specifications, the stream graph and its validator, which the runtime turns into a job graph.
 * Internal: jobs build it through {@code io.spate.api.datastream} only.
 */
package io.spate.api.dag;
