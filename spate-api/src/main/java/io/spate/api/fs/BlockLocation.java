package io.spate.api.fs;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;

/** A range of a file's bytes and the hosts that store it. */
@PublicEvolving
public interface BlockLocation extends Comparable<BlockLocation> {

  /** The hosts that store the block. */
  String[] getHosts() throws IOException;

  /** Where the block starts in the file. */
  long getOffset();

  /** How many bytes the block holds. */
  long getLength();
}
