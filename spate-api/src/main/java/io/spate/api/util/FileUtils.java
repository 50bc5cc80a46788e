package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileVisitOption;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Reading, writing, listing and deleting local files and directories. */
@PublicEvolving
public final class FileUtils {

  private FileUtils() {}

  /** The whole content of {@code file}, decoded with the charset named {@code charsetName}. */
  public static String readFile(File file, String charsetName) throws IOException {
    return new String(Files.readAllBytes(file.toPath()), Charset.forName(charsetName));
  }

  /** The whole content of {@code file}, decoded as UTF-8. */
  public static String readFileUtf8(File file) throws IOException {
    return readFile(file, StandardCharsets.UTF_8.name());
  }

  /** Writes {@code contents} to {@code file}, replacing what it held, encoded with the charset named {@code encoding}. */
  public static void writeFile(File file, String contents, String encoding) throws IOException {
    Files.write(file.toPath(), contents.getBytes(Charset.forName(encoding)));
  }

  /** Writes {@code contents} to {@code file}, replacing what it held, encoded as UTF-8. */
  public static void writeFileUtf8(File file, String contents) throws IOException {
    writeFile(file, contents, StandardCharsets.UTF_8.name());
  }

  /** Every byte of the file at {@code path}. */
  public static byte[] readAllBytes(Path path) throws IOException {
    return Files.readAllBytes(path);
  }

  /** A random file name starting with {@code prefix}. */
  public static String getRandomFilename(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * Deletes {@code file}, or the directory {@code file} with everything in it; does nothing if it
   * does not exist. Symbolic links are deleted, never followed.
   */
  public static void deleteFileOrDirectory(File file) throws IOException {
    Preconditions.checkNotNull(file, "file");
    deleteRecursively(file.toPath());
  }

  /**
   * Deletes the directory {@code directory} with everything in it; does nothing if it does not
   * exist.
   *
   * @throws IOException naming it if it is not a directory, or if something in it cannot be deleted
   */
  public static void deleteDirectory(File directory) throws IOException {
    Preconditions.checkNotNull(directory, "directory");
    Path path = directory.toPath();
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(directory + " is not a directory");
    }
    deleteRecursively(path);
  }

  /** Like {@link #deleteDirectory}, ignoring every error: for clean-ups that must not fail. */
  public static void deleteDirectoryQuietly(File directory) {
    if (directory == null) {
      return;
    }
    try {
      deleteDirectory(directory);
    } catch (IOException | RuntimeException ignored) {
      // a clean-up that cannot finish leaves files behind, which the caller accepted by asking for quiet
    }
  }

  /**
   * Deletes everything in the directory {@code directory} and keeps the directory.
   *
   * @throws IOException naming it if it is not a directory
   */
  public static void cleanDirectory(File directory) throws IOException {
    Preconditions.checkNotNull(directory, "directory");
    Path path = directory.toPath();
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(directory + " is not a directory");
    }
    for (Path child : children(path)) {
      deleteRecursively(child);
    }
  }

  /** The regular files under {@code directory}, at any depth, that {@code fileFilter} accepts. */
  public static Collection<Path> listFilesInDirectory(Path directory, Predicate<Path> fileFilter) throws IOException {
    Preconditions.checkNotNull(directory, "directory");
    Preconditions.checkNotNull(fileFilter, "fileFilter");
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("The directory " + directory + " does not exist or is not a directory.");
    }
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).filter(fileFilter).toList();
    }
  }

  /** Whether the file at {@code file} is named like a jar ({@code .jar}). */
  public static boolean isJarFile(Path file) {
    return file.getFileName() != null && file.getFileName().toString().endsWith(".jar");
  }

  /** {@code absolutePath} relative to {@code basePath}, if it lies under it; else {@code absolutePath} itself. */
  public static Path relativizePath(Path basePath, Path absolutePath) {
    return absolutePath.startsWith(basePath) ? basePath.relativize(absolutePath) : absolutePath;
  }

  /** The absolute path of the working directory of this process. */
  public static Path getCurrentWorkingDirectory() {
    return Paths.get(System.getProperty("user.dir")).toAbsolutePath();
  }

  /** Writes every remaining byte of {@code src} to {@code channel}. */
  public static void writeCompletely(WritableByteChannel channel, ByteBuffer src) throws IOException {
    // Bounded: a blocking channel writes at least one byte per call.
    while (src.hasRemaining()) {
      channel.write(src);
    }
  }

  /** The entries of {@code directory}, not recursing. */
  public static Path[] listDirectory(Path directory) throws IOException {
    Preconditions.checkNotNull(directory, "directory");
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("The directory " + directory + " does not exist or is not a directory.");
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.toArray(Path[]::new);
    }
  }

  /**
   * Copies the file or directory {@code sourcePath} to {@code targetPath} (recursively for a
   * directory); makes the copied files executable if {@code executable}.
   */
  public static void copy(io.spate.api.fs.Path sourcePath, io.spate.api.fs.Path targetPath, boolean executable)
      throws IOException {
    Path source = localFile(sourcePath).toPath();
    Path target = localFile(targetPath).toPath();
    if (!Files.exists(source)) {
      throw new IOException("Cannot copy " + sourcePath + ": it does not exist.");
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(source)) {
      all = walk.toList();
    }
    for (Path from : all) {
      Path to = target.resolve(source.relativize(from).toString());
      if (Files.isDirectory(from)) {
        Files.createDirectories(to);
      } else {
        if (to.getParent() != null) {
          Files.createDirectories(to.getParent());
        }
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        if (executable && !to.toFile().setExecutable(true)) {
          throw new IOException("Cannot make " + to + " executable.");
        }
      }
    }
  }

  /**
   * Zips {@code directory} into the file {@code target}; entries are named below the directory's
   * own name. Returns {@code target}.
   */
  public static io.spate.api.fs.Path compressDirectory(io.spate.api.fs.Path directory, io.spate.api.fs.Path target)
      throws IOException {
    Path source = localFile(directory).toPath();
    if (!Files.isDirectory(source)) {
      throw new IllegalArgumentException("Cannot compress " + directory + ": it is not a directory.");
    }
    Path root = source.getFileName();
    List<Path> all;
    try (Stream<Path> walk = Files.walk(source)) {
      all = walk.sorted().toList();
    }
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(localFile(target).toPath()))) {
      for (Path entry : all) {
        String name = root.resolve(source.relativize(entry)).toString().replace(File.separatorChar, '/');
        if (Files.isDirectory(entry)) {
          zip.putNextEntry(new ZipEntry(name + "/"));
        } else {
          zip.putNextEntry(new ZipEntry(name));
          Files.copy(entry, zip);
        }
        zip.closeEntry();
      }
    }
    return target;
  }

  /**
   * Unzips the archive {@code file} (as {@link #compressDirectory} writes it) into {@code
   * targetDirectory}; returns the path of the directory at the archive's root.
   */
  public static io.spate.api.fs.Path expandDirectory(io.spate.api.fs.Path file, io.spate.api.fs.Path targetDirectory)
      throws IOException {
    Path target = localFile(targetDirectory).toPath().toAbsolutePath().normalize();
    String rootDir = null;
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(localFile(file).toPath()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Path to = target.resolve(entry.getName()).normalize();
        if (!to.startsWith(target)) {
          throw new IOException("Archive " + file + " has the entry '" + entry.getName() + "', which lies outside "
              + targetDirectory);
        }
        if (rootDir == null) {
          String name = entry.getName();
          int slash = name.indexOf('/');
          rootDir = slash > 0 ? name.substring(0, slash) : name;
        }
        if (entry.isDirectory()) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          Files.copy(zip, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    if (rootDir == null) {
      throw new IOException("Archive " + file + " is empty.");
    }
    return new io.spate.api.fs.Path(targetDirectory, rootDir);
  }

  /** The bytes of the regular files under {@code path}, at any depth. */
  public static long getDirectoryFilesSize(Path path, FileVisitOption... options) throws IOException {
    if (path == null || !Files.isDirectory(path)) {
      return 0;
    }
    try (Stream<Path> walk = Files.walk(path, options)) {
      long total = 0;
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(p)) {
          total += Files.size(p);
        }
      }
      return total;
    }
  }

  /** {@code pathToAbsolutize} made absolute against its file system's working directory, if it is relative. */
  public static io.spate.api.fs.Path absolutizePath(io.spate.api.fs.Path pathToAbsolutize) throws IOException {
    if (pathToAbsolutize.isAbsolute()) {
      return pathToAbsolutize;
    }
    return new io.spate.api.fs.Path(pathToAbsolutize.getFileSystem().getWorkingDirectory(), pathToAbsolutize);
  }

  /**
   * {@code fileName} without its last extension ({@code a.tar.gz} gives {@code a.tar}, {@code
   * .hidden} gives the empty name, as in Flink); a name without one stays as it is.
   */
  public static String stripFileExtension(String fileName) {
    Preconditions.checkNotNull(fileName, "fileName");
    int dot = fileName.lastIndexOf('.');
    int separator = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
    return dot > separator && dot < fileName.length() - 1 ? fileName.substring(0, dot) : fileName;
  }

  /** The target of {@code path} if it or one of its parents is a symbolic link; else {@code path}. */
  public static Path getTargetPathIfContainsSymbolicPath(Path path) throws IOException {
    // The nearest link on the way up is resolved; what lies below it need not exist.
    for (Path p = path; p != null && p.getFileName() != null; p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        return p.toRealPath().resolve(p.relativize(path));
      }
    }
    return path;
  }

  /** The URL of the file {@code path}. */
  public static URL toURL(Path path) throws MalformedURLException {
    String scheme = path.toUri().getScheme();
    return new URL(scheme, null, -1, path.toString());
  }

  private static File localFile(io.spate.api.fs.Path path) {
    return io.spate.api.fs.FileSystem.getLocalFileSystem().pathToFile(Preconditions.checkNotNull(path, "path"));
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      for (Path child : children(path)) {
        deleteRecursively(child);
      }
    }
    try {
      Files.deleteIfExists(path);
    } catch (DirectoryNotEmptyException e) {
      throw new IOException("Could not delete " + path + ": something was added to it while it was deleted.", e);
    }
  }

  private static List<Path> children(Path directory) throws IOException {
    try (Stream<Path> list = Files.list(directory)) {
      return new ArrayList<>(list.toList());
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }
}
