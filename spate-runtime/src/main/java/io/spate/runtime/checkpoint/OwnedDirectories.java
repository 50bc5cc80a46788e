package io.spate.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directories in which a job's checkpoint coordinator may delete files: the job's own checkpoint
 * directory and those of the snapshots it claimed or took over. Metadata read from disk may name any
 * path as a state file; the coordinator deletes only what lies in one of these, following no symbolic
 * link out of them. Directories are added on the JobMaster's thread and checked on the I/O thread.
 */
final class OwnedDirectories {

  private final Set<Path> roots = ConcurrentHashMap.newKeySet();

  /** Allows deleting {@code directory} and everything under it. */
  void add(Path directory) {
    roots.add(directory.toAbsolutePath().normalize());
  }

  /** Whether {@code path} is one of the directories or lies under one, also once symbolic links are followed. */
  boolean contains(Path path) {
    Path normalized = path.toAbsolutePath().normalize();
    for (Path root : roots) {
      if (normalized.startsWith(root) && staysInside(normalized, root)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the existing part of {@code path}, links followed, is still under {@code root}'s real path. */
  private static boolean staysInside(Path path, Path root) {
    try {
      if (!Files.exists(root)) {
        return true; // nothing there to delete
      }
      Path existing = path;
      while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        existing = existing.getParent();
      }
      if (existing == null) {
        return true;
      }
      // The path itself may be a link (deleting it removes the link only); its parent must not lead out.
      Path parent = existing.equals(path) && !existing.equals(root) ? existing.getParent() : existing;
      return parent.toRealPath().startsWith(root.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return roots.toString();
  }
}
