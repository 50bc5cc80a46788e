package io.spate.runtime.state.snapshot;

import java.io.IOException;
import java.io.InputStream;

/** Bytes of a snapshot, wherever they are kept: inline in the checkpoint's metadata, or in a file. */
public interface StreamStateHandle extends java.io.Serializable {

  /** Opens the bytes for reading. */
  InputStream openInputStream() throws IOException;

  /** The number of bytes. */
  long getStateSize();

  /** Deletes the bytes where they are stored; does nothing for inline bytes. */
  void discardState() throws IOException;
}
