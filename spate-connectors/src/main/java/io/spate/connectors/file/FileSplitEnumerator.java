package io.spate.connectors.file;

import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the files of a {@link FileSource} (once, or periodically) off the coordinator thread and
 * hands them out one per request.
 */
final class FileSplitEnumerator implements SplitEnumerator<FileSourceSplit, FileSourceCheckpoint> {

  private final SplitEnumeratorContext<FileSourceSplit> context;
  private final List<String> paths;
  private final long monitorIntervalMillis;
  private final ArrayDeque<FileSourceSplit> pendingSplits;
  private final Set<String> discoveredPaths;
  private final Set<Integer> waitingReaders = new LinkedHashSet<>();
  private boolean initialScanDone;

  FileSplitEnumerator(
      SplitEnumeratorContext<FileSourceSplit> context,
      List<String> paths,
      long monitorIntervalMillis,
      FileSourceCheckpoint checkpoint) {
    this.context = context;
    this.paths = paths;
    this.monitorIntervalMillis = monitorIntervalMillis;
    this.pendingSplits = new ArrayDeque<>(checkpoint.pendingSplits());
    this.discoveredPaths = new HashSet<>(checkpoint.discoveredPaths());
    this.initialScanDone = checkpoint.initialScanDone();
  }

  private boolean continuous() {
    return monitorIntervalMillis > 0;
  }

  @Override
  public void start() {
    for (String path : paths) {
      if (!Files.exists(Path.of(path))) {
        throw new IllegalArgumentException(missingPathMessage(path));
      }
    }
    if (continuous()) {
      context.callAsync(() -> listFiles(paths), this::onFilesListed, 0, monitorIntervalMillis);
    } else if (!initialScanDone) {
      context.callAsync(() -> listFiles(paths), this::onFilesListed, 0, 0);
    }
  }

  private void onFilesListed(List<String> files, Throwable error) {
    if (error != null) {
      if (error instanceof IOException io) {
        throw new UncheckedIOException(io.getMessage(), io);
      }
      throw new IllegalStateException(
          "File source: listing '" + String.join("', '", paths) + "' failed: " + error, error);
    }
    for (String file : files) {
      if (discoveredPaths.add(file)) {
        pendingSplits.add(new FileSourceSplit(file, 0));
      }
    }
    initialScanDone = true;
    serveWaitingReaders();
  }

  @Override
  public void handleSplitRequest(int subtaskId) {
    waitingReaders.add(subtaskId);
    serveWaitingReaders();
  }

  private void serveWaitingReaders() {
    for (Iterator<Integer> it = waitingReaders.iterator(); it.hasNext(); ) {
      int subtask = it.next();
      FileSourceSplit split = pendingSplits.poll();
      if (split != null) {
        context.assignSplit(split, subtask);
        it.remove();
      } else if (!continuous() && initialScanDone) {
        context.signalNoMoreSplits(subtask);
        it.remove();
      } else {
        return;
      }
    }
  }

  @Override
  public void addSplitsBack(List<FileSourceSplit> splits, int subtaskId) {
    waitingReaders.remove(subtaskId);
    for (int i = splits.size() - 1; i >= 0; i--) {
      pendingSplits.addFirst(splits.get(i));
    }
  }

  @Override
  public void addReader(int subtaskId) {}

  @Override
  public FileSourceCheckpoint snapshotState(long checkpointId) {
    List<String> discovered = new ArrayList<>(discoveredPaths);
    discovered.sort(null);
    return new FileSourceCheckpoint(new ArrayList<>(pendingSplits), discovered, initialScanDone);
  }

  static String missingPathMessage(String path) {
    return "File source: path '" + path + "' does not exist";
  }

  /** The regular files that {@code paths} name, each once, in the order of the paths. */
  static List<String> listFiles(List<String> paths) throws IOException {
    if (paths.size() == 1) {
      return listFiles(paths.get(0));
    }
    Set<String> files = new LinkedHashSet<>();
    for (String path : paths) {
      files.addAll(listFiles(path));
    }
    return List.copyOf(files);
  }

  /**
   * The regular files that {@code path} names: the file itself, or every regular file below the
   * directory whose path (relative to it) has no hidden part, sorted.
   */
  static List<String> listFiles(String path) throws IOException {
    Path root = Path.of(path);
    if (Files.isRegularFile(root)) {
      return List.of(root.toString());
    }
    if (!Files.isDirectory(root)) {
      if (!Files.exists(root)) {
        throw new FileNotFoundException(missingPathMessage(path));
      }
      throw new IOException("File source: path '" + path + "' is neither a regular file nor a directory");
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(p -> !isHidden(root.relativize(p)) && Files.isRegularFile(p))
          .sorted()
          .map(Path::toString)
          .toList();
    } catch (UncheckedIOException e) {
      throw new IOException("File source: listing '" + path + "' failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
