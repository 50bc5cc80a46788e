package io.spate.api.connector.source;

/**
 * A piece of a source's input (a file, a range of numbers, a partition) that one reader reads. A
 * split in a checkpoint carries the reader's position in it.
 */
public interface SourceSplit {
  /** An id that is unique among the splits of one source. */
  String splitId();
}
