package io.spate.runtime.state.snapshot;

import io.spate.runtime.state.snapshot.StreamStateHandle;
import io.spate.runtime.state.snapshot.UnreadableStateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Snapshot bytes in a file of a checkpoint or savepoint directory (on any {@code java.nio} file
 * system).
 *
 * @param path the file
 * @param size its length in bytes
 */
public record FileStateHandle(Path path, long size) implements StreamStateHandle {

  private static final long serialVersionUID = 1L;

  /** Travels as its path's URI: {@link Path} itself is not serializable. */
  private Object writeReplace() {
    return new SerialForm(path.toUri().toString(), size);
  }

  private record SerialForm(String uri, long size) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private Object readResolve() throws java.io.ObjectStreamException {
      try {
        return new FileStateHandle(Path.of(java.net.URI.create(uri)), size);
      } catch (RuntimeException e) {
        java.io.InvalidObjectException invalid = new java.io.InvalidObjectException("bad state file URI " + uri);
        invalid.initCause(e);
        throw invalid;
      }
    }
  }

  @Override
  public InputStream openInputStream() throws IOException {
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new UnreadableStateException("The state file " + path + " is missing: the checkpoint or savepoint is"
          + " incomplete", e);
    }
  }

  @Override
  public long getStateSize() {
    return size;
  }

  @Override
  public void discardState() throws IOException {
    Files.deleteIfExists(path);
  }
}
