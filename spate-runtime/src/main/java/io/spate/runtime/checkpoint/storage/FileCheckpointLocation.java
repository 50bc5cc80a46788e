package io.spate.runtime.checkpoint.storage;

import io.spate.runtime.FileTrees;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.MetadataSerializer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A checkpoint or savepoint directory: the tasks' state files and, once complete, the metadata file.
 * The metadata is written under a temporary name and then renamed, so a crash never leaves a
 * metadata file that is only half written: a directory without one is an incomplete checkpoint.
 */
final class FileCheckpointLocation implements CheckpointStorageLocation {

  /** The name of the metadata file. */
  static final String METADATA_FILE = "_metadata";

  private final Path directory;

  FileCheckpointLocation(Path directory) throws IOException {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IOException("Cannot create the checkpoint directory " + directory + ": " + describe(e), e);
    }
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public String finalizeCheckpoint(CheckpointMetadata metadata) throws IOException {
    byte[] bytes = MetadataSerializer.serialize(metadata, directory);
    Path temporary = directory.resolve(METADATA_FILE + ".inprogress");
    Path target = directory.resolve(METADATA_FILE);
    try {
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      Files.deleteIfExists(temporary);
      throw new IOException("Cannot write the checkpoint metadata " + target + ": " + describe(e), e);
    }
    return directory.toString();
  }

  @Override
  public void discard() throws IOException {
    FileTrees.delete(directory);
  }

  static String describe(IOException e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + " " + e.getMessage();
  }
}
