package io.spate.runtime.state.snapshot;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * Snapshot bytes kept in memory and written into the checkpoint's metadata: small state, and every
 * state of a job whose checkpoints live in memory.
 *
 * @param name names the bytes in messages
 * @param data the bytes
 */
public record ByteStreamStateHandle(String name, byte[] data) implements StreamStateHandle {

  @Override
  public InputStream openInputStream() {
    return new ByteArrayInputStream(data);
  }

  @Override
  public long getStateSize() {
    return data.length;
  }

  @Override
  public void discardState() {}

  @Override
  public String toString() {
    return "ByteStreamStateHandle(" + name + ", " + data.length + " bytes)";
  }
}
