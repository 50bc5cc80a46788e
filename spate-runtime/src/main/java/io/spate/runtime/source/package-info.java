/**
 * The source operator that runs a {@code SourceReader} in a task, with per-split watermarks,
 * pausing for watermark alignment, and the events between readers and their enumerator. Internal,
 * like all of spate-runtime except {@code io.spate.testing}.
 */
package io.spate.runtime.source;
