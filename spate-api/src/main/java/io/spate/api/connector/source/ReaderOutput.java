package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;

/**
 * The output of a reader, with per-split outputs so that watermarks are generated per split and
 * then combined.
 *
 * @param <T> the record type
 */
@PublicEvolving
public interface ReaderOutput<T> extends SourceOutput<T> {

  /** The output for records of split {@code splitId}; its watermarks are tracked separately. */
  SourceOutput<T> createOutputForSplit(String splitId);

  /** Releases the output of a split that is finished. */
  void releaseOutputForSplit(String splitId);
}
