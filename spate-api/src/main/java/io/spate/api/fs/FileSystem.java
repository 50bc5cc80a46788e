package io.spate.api.fs;

import io.spate.api.annotation.PublicEvolving;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * A file system, shaped like Flink's {@code FileSystem}. Spate has the local one: URIs without a
 * scheme or with {@code file}; {@link #get(URI)} rejects any other scheme with {@link
 * UnsupportedFileSystemSchemeException}.
 */
@PublicEvolving
public abstract class FileSystem {

  /** What {@link #create(Path, WriteMode)} does when the file exists. */
  public enum WriteMode {
    /** Fail with {@link java.nio.file.FileAlreadyExistsException}. */
    NO_OVERWRITE,
    /** Replace the file (or directory). */
    OVERWRITE
  }

  /** The file system of {@code uri}'s scheme. */
  public static FileSystem get(URI uri) throws IOException {
    Objects.requireNonNull(uri, "uri");
    String scheme = uri.getScheme();
    if (scheme == null || scheme.equalsIgnoreCase(LocalFileSystem.SCHEME)) {
      return LocalFileSystem.getSharedInstance();
    }
    throw new UnsupportedFileSystemSchemeException("No file system for the scheme '" + scheme + "' of '" + uri
        + "': Spate reads and writes local files only, named by plain paths or 'file://' URIs");
  }

  /** The local file system. */
  public static LocalFileSystem getLocalFileSystem() {
    return LocalFileSystem.getSharedInstance();
  }

  /** The URI of the file system that paths without a scheme belong to: the local one's, {@code file:///}. */
  public static URI getDefaultFsUri() {
    return LocalFileSystem.getLocalFsURI();
  }

  /** The directory relative paths are resolved against. */
  public abstract Path getWorkingDirectory();

  /** The user's home directory. */
  public abstract Path getHomeDirectory();

  /** The URI of this file system's root. */
  public abstract URI getUri();

  /** The status of {@code f}; a {@link java.io.FileNotFoundException} if it does not exist. */
  public abstract FileStatus getFileStatus(Path f) throws IOException;

  /**
   * Where the bytes {@code start} to {@code start + len} of the file {@code file} are stored; an
   * empty array if the range lies outside the file.
   */
  public abstract BlockLocation[] getFileBlockLocations(FileStatus file, long start, long len) throws IOException;

  /** Opens {@code f} for reading; {@code bufferSize} is a hint. */
  public abstract FSDataInputStream open(Path f, int bufferSize) throws IOException;

  /** Opens {@code f} for reading. */
  public abstract FSDataInputStream open(Path f) throws IOException;

  /**
   * The status of each entry of the directory {@code f}, of the file {@code f} alone, or null if
   * {@code f} does not exist (as in Flink).
   */
  public abstract FileStatus[] listStatus(Path f) throws IOException;

  /** Whether {@code f} exists. */
  public boolean exists(Path f) throws IOException {
    try {
      return getFileStatus(f) != null;
    } catch (java.io.FileNotFoundException e) {
      return false;
    }
  }

  /**
   * Deletes {@code f}; a non-empty directory only if {@code recursive}, else an IOException. False
   * if there was nothing to delete.
   */
  public abstract boolean delete(Path f, boolean recursive) throws IOException;

  /** Creates the directory {@code f} and its missing parents; true if it exists afterwards. */
  public abstract boolean mkdirs(Path f) throws IOException;

  /** Creates the file {@code f} (and its missing parent directories) for writing. */
  public abstract FSDataOutputStream create(Path f, WriteMode overwriteMode) throws IOException;

  /** Like {@link #create(Path, WriteMode)}, overwriting if {@code overwrite}; the other arguments are hints. */
  @Deprecated
  public FSDataOutputStream create(Path f, boolean overwrite, int bufferSize, short replication, long blockSize)
      throws IOException {
    return create(f, overwrite);
  }

  /** Like {@link #create(Path, WriteMode)}, overwriting if {@code overwrite}. */
  @Deprecated
  public FSDataOutputStream create(Path f, boolean overwrite) throws IOException {
    return create(f, overwrite ? WriteMode.OVERWRITE : WriteMode.NO_OVERWRITE);
  }

  /** Moves {@code src} to {@code dst}; false if {@code src} does not exist. */
  public abstract boolean rename(Path src, Path dst) throws IOException;

  /** Whether the file system is shared between machines: false for the local one. */
  public abstract boolean isDistributedFS();

  /** What kind of storage this is. */
  public abstract FileSystemKind getKind();

  /** The block size of files that do not say otherwise, in bytes. */
  public long getDefaultBlockSize() {
    return 32L * 1024 * 1024;
  }

  /**
   * Prepares {@code outPath} on a local file system for a writer, by {@code writeMode}: an existing
   * file or directory fails in {@code NO_OVERWRITE} mode (except a directory that is wanted, {@code
   * createDirectory}), and is deleted in {@code OVERWRITE} mode; then, if {@code createDirectory},
   * the directory is created. Returns whether the path is ready: a directory if asked for one, else
   * nothing at the path. Returns false on a distributed file system, which {@link
   * #initOutPathDistFS} prepares.
   */
  public boolean initOutPathLocalFS(Path outPath, WriteMode writeMode, boolean createDirectory) throws IOException {
    if (isDistributedFS()) {
      return false;
    }
    return initOutPath(outPath, writeMode, createDirectory);
  }

  /**
   * Prepares {@code outPath} on a distributed file system as {@link #initOutPathLocalFS} does on a
   * local one; returns false on a local file system, as Flink's does (Spate's file systems are local).
   */
  public boolean initOutPathDistFS(Path outPath, WriteMode writeMode, boolean createDirectory) throws IOException {
    if (!isDistributedFS()) {
      return false;
    }
    return initOutPath(outPath, writeMode, createDirectory);
  }

  private boolean initOutPath(Path outPath, WriteMode writeMode, boolean createDirectory) throws IOException {
    if (exists(outPath)) {
      boolean directory = getFileStatus(outPath).isDir();
      if (writeMode == WriteMode.NO_OVERWRITE) {
        if (!(directory && createDirectory)) {
          throw new IOException("'" + outPath + "' already exists, and an existing " + (directory ? "directory" : "file")
              + " is not overwritten in NO_OVERWRITE mode: use OVERWRITE, or write elsewhere");
        }
      } else if (!delete(outPath, true)) {
        throw new IOException("Cannot overwrite '" + outPath + "': it could not be deleted");
      }
    }
    if (createDirectory) {
      if (!exists(outPath)) {
        mkdirs(outPath);
      }
      return exists(outPath) && getFileStatus(outPath).isDir();
    }
    return !exists(outPath);
  }
}
