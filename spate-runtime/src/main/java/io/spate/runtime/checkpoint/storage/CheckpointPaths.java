package io.spate.runtime.checkpoint.storage;

import io.spate.api.configuration.CheckpointingOptions;
import io.spate.api.configuration.IllegalConfigurationException;
import io.spate.runtime.checkpoint.metadata.CheckpointMetadata;
import io.spate.runtime.checkpoint.metadata.MetadataSerializer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns checkpoint and savepoint locations into paths, and reads completed checkpoints back. */
public final class CheckpointPaths {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointPaths.class);

  private static final String TOLERABLE_CORRUPT_KEY = CheckpointingOptions.TOLERABLE_CORRUPT_CHECKPOINTS.key();

  private CheckpointPaths() {}

  /** The path that {@code location} names: a plain path or a URI of an installed file system. */
  public static Path parse(String location, String what) {
    if (location == null || location.isBlank()) {
      throw new IllegalConfigurationException("No " + what + " is set.");
    }
    try {
      if (location.contains("://") || location.startsWith("file:")) {
        return Path.of(URI.create(location));
      }
      return Path.of(location);
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      throw new IllegalConfigurationException("The " + what + " '" + location + "' is not a usable path: "
          + e.getMessage());
    }
  }

  /** A savepoint directory under {@code targetDirectory}, named after the job and a random part. */
  public static String newSavepointDirectory(String targetDirectory, String jobId) {
    String random = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return parse(targetDirectory, "savepoint directory")
        .resolve("savepoint-" + jobId.substring(0, Math.min(6, jobId.length())) + "-" + random).toString();
  }

  /**
   * Reads the checkpoint or savepoint at {@code pointer}: its directory or its metadata file. For a
   * directory that holds a job's checkpoints ({@code chk-<n>} subdirectories), the newest complete one;
   * see {@link #loadResolved(String, int)}.
   */
  public static CheckpointMetadata load(String pointer) throws IOException {
    return loadResolved(pointer).metadata();
  }

  /**
   * A checkpoint or savepoint read back, and the directory it was read from.
   *
   * @param metadata what it holds
   * @param directory its own directory (a {@code chk-<n>} one when a job's checkpoint directory was named)
   */
  public record Loaded(CheckpointMetadata metadata, Path directory) {}

  /** As {@link #load}, also telling which directory the checkpoint or savepoint was read from. */
  public static Loaded loadResolved(String pointer) throws IOException {
    return loadResolved(pointer, 0);
  }

  /**
   * As {@link #load}, also telling which directory the checkpoint or savepoint was read from. In a
   * job's checkpoint directory the newest complete checkpoint is read: those without a metadata file
   * never completed and are passed over, but one whose metadata file cannot be read fails the load,
   * naming the file, unless fewer than {@code tolerableCorrupt} newer ones were damaged as well: an
   * older checkpoint may hold less than what sinks committed since, so they would emit it again.
   */
  public static Loaded loadResolved(String pointer, int tolerableCorrupt) throws IOException {
    Path path = parse(pointer, "checkpoint or savepoint path");
    if (!Files.exists(path)) {
      throw new NoSuchFileException(pointer, null, "there is no checkpoint or savepoint at this path");
    }
    if (Files.isRegularFile(path)) {
      return read(path);
    }
    Path metadata = path.resolve(FileCheckpointLocation.METADATA_FILE);
    if (Files.exists(metadata)) {
      return read(metadata);
    }
    List<Path> checkpoints = checkpointDirectories(path);
    checkpoints.sort(Comparator.comparingLong(CheckpointPaths::checkpointNumber).reversed());
    List<String> damaged = new ArrayList<>();
    IOException first = null;
    for (Path candidate : checkpoints) {
      Path file = candidate.resolve(FileCheckpointLocation.METADATA_FILE);
      if (!Files.exists(file)) {
        continue; // incomplete: the job stopped while writing it
      }
      try {
        Loaded loaded = read(file);
        if (!damaged.isEmpty()) {
          LOG.warn("Restoring {} from {}, skipping {} newer checkpoint(s) that cannot be read, as {} ({}) allows;"
              + " sinks may emit again the output they committed after it: {}", pointer, candidate, damaged.size(),
              TOLERABLE_CORRUPT_KEY, tolerableCorrupt, damaged);
        }
        return loaded;
      } catch (IOException e) {
        damaged.add(file + " (" + e.getMessage() + ")");
        first = first == null ? e : first;
        if (damaged.size() > tolerableCorrupt) {
          throw new IOException("Cannot restore from the checkpoints in " + pointer + ": the metadata of its newest"
              + " checkpoint" + (damaged.size() > 1 ? "s" : "") + " cannot be read: " + String.join("; ", damaged)
              + ". Older checkpoints are not tried, since sinks may have committed output after them ("
              + TOLERABLE_CORRUPT_KEY + ": " + tolerableCorrupt + "); name a chk-<n> directory to restore from it.",
              first);
        }
      }
    }
    String reason = damaged.isEmpty() ? "" : "; those that have one cannot be read: " + String.join("; ", damaged);
    throw new IOException("No complete checkpoint or savepoint at " + pointer + ": it has no "
        + FileCheckpointLocation.METADATA_FILE + " file" + (checkpoints.isEmpty() ? "" : " and no readable chk-* directory")
        + reason, first);
  }

  private static Loaded read(Path file) throws IOException {
    return new Loaded(MetadataSerializer.deserialize(Files.readAllBytes(file), file.getParent(), file.toString()),
        file.getParent());
  }

  /** The location of the completed checkpoint or savepoint in {@code directory}, to delete it once a job claimed it. */
  public static CheckpointStorageLocation existing(Path directory) throws IOException {
    if (!Files.isRegularFile(directory.resolve(FileCheckpointLocation.METADATA_FILE))) {
      throw new IOException(directory + " holds no " + FileCheckpointLocation.METADATA_FILE + " file, so it is not"
          + " the directory of a checkpoint or savepoint that a job could claim and later delete");
    }
    return new FileCheckpointLocation(directory);
  }

  /** The {@code chk-<n>} directories in a job's checkpoint directory {@code jobDirectory}, complete or not. */
  public static List<Path> checkpointDirectories(Path jobDirectory) throws IOException {
    List<Path> checkpoints = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(jobDirectory, "chk-*")) {
      children.forEach(checkpoints::add);
    }
    return checkpoints;
  }

  private static long checkpointNumber(Path dir) {
    try {
      return Long.parseLong(dir.getFileName().toString().substring(4));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
