package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;

/** What a reader reports after {@link SourceReader#pollNext}. */
@PublicEvolving
public enum InputStatus {
  /** More records can be polled right away. */
  MORE_AVAILABLE,
  /** Nothing now; poll again when {@link SourceReader#isAvailable()} completes. */
  NOTHING_AVAILABLE,
  /** The reader has read all its splits and will get no more: it is done. */
  END_OF_INPUT
}
