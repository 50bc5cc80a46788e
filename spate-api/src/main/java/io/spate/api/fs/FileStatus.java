package io.spate.api.fs;

import io.spate.api.annotation.PublicEvolving;

/** What a {@link FileSystem} knows about one file or directory. */
@PublicEvolving
public interface FileStatus {

  /** The length in bytes (0 for a directory). */
  long getLen();

  /** The block size; for a local file the length of the file. */
  long getBlockSize();

  /** How many copies the file system keeps: 1 locally. */
  short getReplication();

  /** The last modification, in milliseconds since the epoch. */
  long getModificationTime();

  /** The last access, in milliseconds since the epoch (0 if unknown). */
  long getAccessTime();

  /** Whether this is a directory. */
  boolean isDir();

  /** The path of the file or directory. */
  Path getPath();
}
