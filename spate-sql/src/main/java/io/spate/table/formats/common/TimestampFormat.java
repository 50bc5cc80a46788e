package io.spate.table.formats.common;

import io.spate.api.annotation.PublicEvolving;

/**
 * How a text format writes and reads timestamps: {@code SQL} as {@code 2024-01-01 12:00:00.5},
 * {@code ISO_8601} as {@code 2024-01-01T12:00:00.5} (a {@code TIMESTAMP_LTZ} adds {@code Z}).
 */
@PublicEvolving
public enum TimestampFormat {
  /** {@code yyyy-MM-dd HH:mm:ss[.fraction]}. */
  SQL,
  /** {@code yyyy-MM-ddTHH:mm:ss[.fraction]}. */
  ISO_8601
}
