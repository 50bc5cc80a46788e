package io.spate.api.common;

import io.spate.api.annotation.PublicEvolving;

/**
 * The notion of time a pre-1.12 Flink program declared with {@code
 * env.setStreamTimeCharacteristic(...)}. Kept so that such programs compile; as in Flink since
 * 1.12, windows say their own notion of time (event-time and processing-time assigners) and only
 * the auto-watermark interval follows this setting.
 *
 * @deprecated choose event-time or processing-time windows and timers instead, as in Flink.
 */
@Deprecated
@PublicEvolving
public enum TimeCharacteristic {
  /** Time is the clock of the machine that processes a record. */
  ProcessingTime,
  /** Time is when a record entered the job; give sources an ingestion-time assigner for it. */
  IngestionTime,
  /** Time is the record's own timestamp, with watermarks; the default. */
  EventTime
}
