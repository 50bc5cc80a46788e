/**
 * Flink's legacy source functions, for programs that still use them: a {@link
 * io.spate.api.functions.source.SourceFunction} runs on a thread of its own and hands its records to
 * its task; checkpoints take its checkpoint lock. New sources should implement {@link
 * io.spate.api.connector.source.Source}. Public.
 */
package io.spate.api.functions.source;
