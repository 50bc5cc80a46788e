/**
 * Bases for connectors whose client blocks: {@link io.spate.connectors.base.SourceReaderBase} runs
 * {@link io.spate.connectors.base.SplitReader}s on fetcher threads behind a bounded hand-over queue, and
 * {@link io.spate.connectors.base.AsyncSinkWriterBase} bounds a sink's requests in flight and pauses the
 * task instead of blocking it.
 * Public-evolving.
 */
package io.spate.connectors.base;
