package io.spate.api.connector.source;

import io.spate.api.annotation.PublicEvolving;

/**
 * A piece of a source's input (a file, a range of numbers, a partition) that one reader reads. A
 * split in a checkpoint carries the reader's position in it.
 */
@PublicEvolving
public interface SourceSplit {
  /** An id that is unique among the splits of one source. */
  String splitId();
}
