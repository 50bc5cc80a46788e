package io.spate.api.fs;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.OutputStream;

/** An output stream into a file of a {@link FileSystem}, which knows its position and can make its bytes durable. */
@PublicEvolving
public abstract class FSDataOutputStream extends OutputStream {

  /** How many bytes were written to the file so far. */
  public abstract long getPos() throws IOException;

  /** Hands buffered bytes to the file system. */
  @Override
  public abstract void flush() throws IOException;

  /** Flushes and makes the bytes written so far durable (on disk). */
  public abstract void sync() throws IOException;

  /** Flushes and closes the file. */
  @Override
  public abstract void close() throws IOException;
}
