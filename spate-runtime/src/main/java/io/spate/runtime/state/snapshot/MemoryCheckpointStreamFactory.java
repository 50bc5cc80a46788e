package io.spate.runtime.state.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Keeps every piece of a snapshot in memory ({@link ByteStreamStateHandle}s): for checkpoints held by
 * the JobMaster and for operator tests.
 */
public final class MemoryCheckpointStreamFactory implements CheckpointStreamFactory {

  private final int maxStateSize;

  /** A factory whose streams fail once one piece exceeds {@code maxStateSize} bytes. */
  public MemoryCheckpointStreamFactory(int maxStateSize) {
    this.maxStateSize = maxStateSize;
  }

  @Override
  public CheckpointStateOutputStream createCheckpointStateOutputStream(String name) {
    return new MemoryStream(name, maxStateSize);
  }

  private static final class MemoryStream extends CheckpointStateOutputStream {
    private final String name;
    private final int maxStateSize;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean closed;

    MemoryStream(String name, int maxStateSize) {
      this.name = name;
      this.maxStateSize = maxStateSize;
    }

    @Override
    public void write(int b) throws IOException {
      checkRoom(1);
      bytes.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      checkRoom(len);
      bytes.write(b, off, len);
    }

    private void checkRoom(int more) throws IOException {
      if (closed) {
        throw new IOException("The snapshot stream " + name + " is closed");
      }
      if ((long) bytes.size() + more > maxStateSize) {
        throw new IOException("The state " + name + " exceeds " + maxStateSize + " bytes, the most that checkpoints"
            + " kept in memory take; set state.checkpoints.dir to keep checkpoints in files");
      }
    }

    @Override
    public long getPos() {
      return bytes.size();
    }

    @Override
    public StreamStateHandle closeAndGetHandle() {
      closed = true;
      return bytes.size() == 0 ? null : new ByteStreamStateHandle(name, bytes.toByteArray());
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
