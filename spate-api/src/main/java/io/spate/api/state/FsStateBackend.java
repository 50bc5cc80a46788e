package io.spate.api.state;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.Configuration;
import java.net.URI;

/**
 * The name older programs use for keyed state on the heap with checkpoints written to a directory:
 * the {@link HashMapStateBackend} with a {@link FileSystemCheckpointStorage}, which is what setting it
 * on an environment configures.
 *
 * @deprecated use {@link HashMapStateBackend} and {@code
 *     getCheckpointConfig().setCheckpointStorage(directory)}
 */
@Deprecated
@PublicEvolving
public class FsStateBackend implements StateBackend, CheckpointStorage {

  private static final long serialVersionUID = 1L;

  private final FileSystemCheckpointStorage storage;
  private final boolean asynchronousSnapshots;

  /** Heap state, checkpoints under {@code checkpointDataUri}, a local path or a URI such as {@code file:///data/ckpt}. */
  public FsStateBackend(String checkpointDataUri) {
    this(new FileSystemCheckpointStorage(checkpointDataUri), true);
  }

  /** Like {@link #FsStateBackend(String)}; snapshots are always asynchronous, whatever {@code asynchronousSnapshots} says. */
  public FsStateBackend(String checkpointDataUri, boolean asynchronousSnapshots) {
    this(new FileSystemCheckpointStorage(checkpointDataUri), asynchronousSnapshots);
  }

  /** Heap state, checkpoints under the directory {@code checkpointDataUri}. */
  public FsStateBackend(URI checkpointDataUri) {
    this(new FileSystemCheckpointStorage(checkpointDataUri), true);
  }

  /** Like {@link #FsStateBackend(URI)}; snapshots are always asynchronous, whatever {@code asynchronousSnapshots} says. */
  public FsStateBackend(URI checkpointDataUri, boolean asynchronousSnapshots) {
    this(new FileSystemCheckpointStorage(checkpointDataUri), asynchronousSnapshots);
  }

  /**
   * Heap state, checkpoints under {@code checkpointDataUri}, state smaller than {@code
   * fileStateSizeThreshold} bytes kept in the checkpoint's metadata.
   */
  public FsStateBackend(URI checkpointDataUri, int fileStateSizeThreshold) {
    this(new FileSystemCheckpointStorage(checkpointDataUri, fileStateSizeThreshold), true);
  }

  /** Like {@link #FsStateBackend(URI, int)}; snapshots are always asynchronous. */
  public FsStateBackend(URI checkpointDataUri, int fileStateSizeThreshold, boolean asynchronousSnapshots) {
    this(new FileSystemCheckpointStorage(checkpointDataUri, fileStateSizeThreshold), asynchronousSnapshots);
  }

  /**
   * Heap state, checkpoints under {@code checkpointDataUri}, savepoints triggered without a target
   * under {@code defaultSavepointDirectory} (null for none).
   */
  public FsStateBackend(URI checkpointDataUri, URI defaultSavepointDirectory) {
    this(new FileSystemCheckpointStorage(checkpointDataUri, defaultSavepointDirectory, -1), true);
  }

  private FsStateBackend(FileSystemCheckpointStorage storage, boolean asynchronousSnapshots) {
    this.storage = storage;
    this.asynchronousSnapshots = asynchronousSnapshots;
  }

  /** The directory checkpoints are written under. */
  public URI getCheckpointDirectory() {
    return storage.getCheckpointDirectory();
  }

  /** The size in bytes below which state is kept in the metadata, or -1 if the configuration decides. */
  public int getMinFileSizeThreshold() {
    return storage.getMinFileSizeThreshold();
  }

  /** What the program asked for; Spate's heap snapshots are a cheap copy uploaded asynchronously either way. */
  public boolean isUsingAsynchronousSnapshots() {
    return asynchronousSnapshots;
  }

  @Override
  public String getName() {
    return HashMapStateBackend.NAME;
  }

  @Override
  public void applyTo(Configuration configuration) {
    storage.applyTo(configuration);
  }

  @Override
  public String toString() {
    return "FsStateBackend(" + storage.getCheckpointDirectory() + ")";
  }
}
