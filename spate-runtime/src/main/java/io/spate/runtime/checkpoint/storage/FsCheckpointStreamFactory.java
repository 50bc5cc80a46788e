package io.spate.runtime.checkpoint.storage;

import io.spate.runtime.state.snapshot.FileStateHandle;
import io.spate.runtime.FileNames;
import io.spate.runtime.state.snapshot.ByteStreamStateHandle;
import io.spate.runtime.state.snapshot.CheckpointStateOutputStream;
import io.spate.runtime.state.snapshot.CheckpointStreamFactory;
import io.spate.runtime.state.snapshot.StreamStateHandle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Writes the pieces of a task's snapshot as files in the checkpoint's directory; a piece no larger
 * than the inline threshold stays in memory and goes into the metadata file instead.
 */
public final class FsCheckpointStreamFactory implements CheckpointStreamFactory {

  private static final int WRITE_BUFFER = 64 * 1024;

  private final Path directory;
  private final Path sharedDirectory;
  private final int inlineThreshold;

  /** Writes into {@code directory}, inlining pieces of at most {@code inlineThreshold} bytes. */
  public FsCheckpointStreamFactory(Path directory, int inlineThreshold) {
    this(directory, null, inlineThreshold);
  }

  /**
   * Writes exclusive pieces into {@code directory} and shared ones into {@code sharedDirectory} (null:
   * no shared scope, as for savepoints), inlining pieces of at most {@code inlineThreshold} bytes.
   */
  public FsCheckpointStreamFactory(Path directory, Path sharedDirectory, int inlineThreshold) {
    this.directory = directory;
    this.sharedDirectory = sharedDirectory;
    this.inlineThreshold = inlineThreshold;
  }

  @Override
  public CheckpointStateOutputStream createCheckpointStateOutputStream(String name) {
    return new FsStream(name, directory);
  }

  @Override
  public boolean supportsSharedState() {
    return sharedDirectory != null;
  }

  @Override
  public CheckpointStateOutputStream createSharedStateOutputStream(String name) throws IOException {
    if (sharedDirectory == null) {
      return CheckpointStreamFactory.super.createSharedStateOutputStream(name);
    }
    try {
      Files.createDirectories(sharedDirectory);
    } catch (IOException e) {
      throw new IOException("Cannot create the shared state directory " + sharedDirectory + ": " + e.getMessage(), e);
    }
    return new FsStream(name, sharedDirectory);
  }

  private final class FsStream extends CheckpointStateOutputStream {
    private final String name;
    private final Path directory;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream out;
    private long pos;
    private boolean closed;

    FsStream(String name, Path directory) {
      this.name = name;
      this.directory = directory;
    }

    @Override
    public void write(int b) throws IOException {
      target(1).write(b);
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target(len).write(b, off, len);
      pos += len;
    }

    private OutputStream target(int more) throws IOException {
      if (closed) {
        throw new IOException("The snapshot stream " + name + " is closed");
      }
      if (out == null && memory.size() + more > inlineThreshold) {
        file = directory.resolve(FileNames.safe(name) + "-" + UUID.randomUUID());
        try {
          out = new java.io.BufferedOutputStream(Files.newOutputStream(file), WRITE_BUFFER);
        } catch (IOException e) {
          throw new IOException("Cannot create the state file " + file + ": " + e.getMessage(), e);
        }
        memory.writeTo(out);
        memory = null;
      }
      return out != null ? out : memory;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public StreamStateHandle closeAndGetHandle() throws IOException {
      if (closed) {
        throw new IOException("The snapshot stream " + name + " is closed");
      }
      closed = true;
      if (out == null) {
        return memory.size() == 0 ? null : new ByteStreamStateHandle(name, memory.toByteArray());
      }
      try {
        out.close();
      } catch (IOException e) {
        Files.deleteIfExists(file);
        throw new IOException("Cannot write the state file " + file + ": " + e.getMessage(), e);
      }
      return new FileStateHandle(file, pos);
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      if (out != null) {
        try {
          out.close();
        } catch (IOException ignored) {
          // the file is deleted next; its content no longer matters
        }
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // left for the checkpoint directory's cleanup
        }
      }
    }
  }
}
