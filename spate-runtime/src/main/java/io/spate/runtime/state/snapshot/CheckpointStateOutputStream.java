package io.spate.runtime.state.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where one piece of a snapshot is written. Closing it with {@link #closeAndGetHandle} publishes the
 * bytes and returns their handle; a plain {@link #close} (after a failure) discards them.
 */
public abstract class CheckpointStateOutputStream extends OutputStream {

  /** The number of bytes written so far: the offset of the next byte. */
  public abstract long getPos() throws IOException;

  /** Finishes the stream and returns the handle to its bytes, or null if nothing was written. */
  public abstract StreamStateHandle closeAndGetHandle() throws IOException;
}
