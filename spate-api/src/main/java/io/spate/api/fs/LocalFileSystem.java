package io.spate.api.fs;

import io.spate.api.annotation.PublicEvolving;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The {@link FileSystem} of the local disk: plain paths and {@code file:} URIs. */
@PublicEvolving
public final class LocalFileSystem extends FileSystem {

  static final String SCHEME = "file";

  private static final LocalFileSystem INSTANCE = new LocalFileSystem();

  private static final URI ROOT = URI.create("file:///");

  /** Use {@link FileSystem#getLocalFileSystem()}; public because Flink's constructor is. */
  public LocalFileSystem() {}

  /** The one instance {@link FileSystem#get(URI)} returns. */
  public static LocalFileSystem getSharedInstance() {
    return INSTANCE;
  }

  /** The URI of the local root, {@code file:///}. */
  public static URI getLocalFsURI() {
    return ROOT;
  }

  /**
   * The local file that {@code path} names: relative paths against the working directory. A path of
   * another scheme is an {@link IllegalArgumentException} naming it.
   */
  public File pathToFile(Path path) {
    URI uri = path.toUri();
    if (uri.getScheme() != null && !uri.getScheme().equalsIgnoreCase(SCHEME)) {
      throw new IllegalArgumentException("The local file system cannot open '" + path + "': its scheme is '"
          + uri.getScheme() + "', and Spate reads and writes local files only (plain paths or 'file://' URIs)");
    }
    File file = new File(uri.getPath());
    return file.isAbsolute() ? file : new File(System.getProperty("user.dir"), uri.getPath());
  }

  @Override
  public Path getWorkingDirectory() {
    return new Path(SCHEME, null, System.getProperty("user.dir"));
  }

  @Override
  public Path getHomeDirectory() {
    return new Path(SCHEME, null, System.getProperty("user.home"));
  }

  @Override
  public URI getUri() {
    return ROOT;
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    File file = pathToFile(f);
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file.toPath(), BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException("File '" + f + "' does not exist");
    }
    return new LocalFileStatus(file, attributes);
  }

  @Override
  public BlockLocation[] getFileBlockLocations(FileStatus file, long start, long len) {
    if (start < 0 || len < 0) {
      throw new IllegalArgumentException(
          "A block range needs a non-negative start and length, not " + start + " and " + len);
    }
    if (start >= file.getLen() && !(start == 0 && file.getLen() == 0)) {
      return new BlockLocation[0];
    }
    return new BlockLocation[] {new LocalBlockLocation(file.getLen())};
  }

  @Override
  public FSDataInputStream open(Path f, int bufferSize) throws IOException {
    return open(f);
  }

  @Override
  public FSDataInputStream open(Path f) throws IOException {
    return new LocalDataInputStream(pathToFile(f));
  }

  @Override
  public boolean exists(Path f) {
    return pathToFile(f).exists();
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    File file = pathToFile(f);
    if (!file.exists()) {
      return null;
    }
    if (!file.isDirectory()) {
      return new FileStatus[] {getFileStatus(f)};
    }
    List<FileStatus> statuses = new ArrayList<>();
    try (DirectoryStream<java.nio.file.Path> entries = Files.newDirectoryStream(file.toPath())) {
      for (java.nio.file.Path entry : entries) {
        try {
          statuses.add(new LocalFileStatus(entry.toFile(),
              Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
        } catch (NoSuchFileException e) {
          // Deleted between the listing and the look-up: it is no longer an entry.
        }
      }
    }
    return statuses.toArray(new FileStatus[0]);
  }

  @Override
  public boolean delete(Path f, boolean recursive) throws IOException {
    java.nio.file.Path file = pathToFile(f).toPath();
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
      if (!recursive) {
        try {
          Files.delete(file);
          return true;
        } catch (DirectoryNotEmptyException e) {
          throw new IOException("Cannot delete the directory '" + f + "': it is not empty and recursive is false", e);
        }
      }
      try (Stream<java.nio.file.Path> tree = Files.walk(file)) {
        for (java.nio.file.Path entry : tree.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
          Files.deleteIfExists(entry);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      return true;
    }
    return Files.deleteIfExists(file);
  }

  @Override
  public boolean mkdirs(Path f) throws IOException {
    java.nio.file.Path directory = pathToFile(f).toPath();
    try {
      Files.createDirectories(directory);
    } catch (FileSystemException e) {
      for (java.nio.file.Path p = directory; p != null; p = p.getParent()) {
        if (Files.exists(p) && !Files.isDirectory(p)) {
          throw new FileAlreadyExistsException(p.toString(), null,
              "cannot create the directory '" + f + "': this is a file");
        }
      }
      throw e;
    }
    return true;
  }

  @Override
  public FSDataOutputStream create(Path f, WriteMode overwriteMode) throws IOException {
    File file = pathToFile(f);
    if (file.exists()) {
      if (overwriteMode == WriteMode.NO_OVERWRITE) {
        throw new FileAlreadyExistsException(file.toString(), null,
            "the file exists and the write mode is NO_OVERWRITE");
      }
      delete(f, true);
    }
    File parent = file.getParentFile();
    if (parent != null) {
      mkdirs(Path.fromLocalFile(parent));
    }
    return new LocalDataOutputStream(file);
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    java.nio.file.Path source = pathToFile(src).toPath();
    java.nio.file.Path target = pathToFile(dst).toPath();
    if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return true;
  }

  @Override
  public boolean isDistributedFS() {
    return false;
  }

  @Override
  public FileSystemKind getKind() {
    return FileSystemKind.FILE_SYSTEM;
  }

  /** The one block of a local file: the whole file, on this host. */
  private record LocalBlockLocation(long length) implements BlockLocation {

    @Override
    public String[] getHosts() {
      return new String[] {"localhost"};
    }

    @Override
    public long getOffset() {
      return 0;
    }

    @Override
    public long getLength() {
      return length;
    }

    @Override
    public int compareTo(BlockLocation other) {
      return Long.compare(getOffset(), other.getOffset());
    }
  }

  @Override
  public String toString() {
    return "LocalFileSystem";
  }
}
