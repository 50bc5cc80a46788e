package io.spate.api.fs;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.InputStream;

/** An input stream over a file of a {@link FileSystem} that can move to any position. */
@PublicEvolving
public abstract class FSDataInputStream extends InputStream {

  /** Moves to byte {@code desired} of the file: the next read starts there. */
  public abstract void seek(long desired) throws IOException;

  /** The byte of the file the next read starts at. */
  public abstract long getPos() throws IOException;
}
