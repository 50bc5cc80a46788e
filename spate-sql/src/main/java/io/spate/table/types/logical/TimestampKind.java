package io.spate.table.types.logical;

import io.spate.api.annotation.PublicEvolving;

/**
 * Whether a timestamp column is a plain value or a time attribute: the event-time attribute a watermark is
 * declared on ({@link #ROWTIME}) or a processing-time attribute ({@link #PROCTIME}). Summary strings mark time
 * attributes as Flink does, {@code TIMESTAMP(3) *ROWTIME*}.
 */
@PublicEvolving
public enum TimestampKind {
  REGULAR,
  ROWTIME,
  PROCTIME
}
