package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.io.File;
import java.io.IOException;
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
