/**
 * The source API in Flink's split model: a {@link io.spate.api.connector.source.SplitEnumerator}
 * assigns {@link io.spate.api.connector.source.SourceSplit}s to {@link
 * io.spate.api.connector.source.SourceReader}s, with versioned serializers for their checkpoints.
 * Public-evolving, except the text source factory that finds spate-connectors, which is internal.
 */
package io.spate.api.connector.source;
