package io.spate.api.fs;

import io.spate.api.annotation.PublicEvolving;

/** What kind of storage a {@link FileSystem} is. */
@PublicEvolving
public enum FileSystemKind {
  /** A file system with directories and atomic renames, such as the local disk. */
  FILE_SYSTEM,
  /** An object store whose directories are name prefixes. */
  OBJECT_STORE
}
