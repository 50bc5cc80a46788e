package io.spate.runtime.rest;

import io.spate.runtime.FileNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.security.SecureRandom;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * The uploaded jars of a cluster, as files in one directory named {@code <32 hex digits>_<file name>};
 * that name is the jar's id. A file is kept only once it opens as a jar.
 */
public final class JarStore {

  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}_[A-Za-z0-9._-]{1,200}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An uploaded jar: its id, original file name, upload time and size. */
  public record StoredJar(String id, String name, long uploaded, long size) {}

  private final Path directory;

  /** A store in {@code directory}, created if missing. */
  public JarStore(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  /** Where the jars are. */
  public Path directory() {
    return directory;
  }

  /**
   * Stores {@code content} uploaded as {@code fileName}.
   *
   * @throws RestException with status 400 when the name does not end in .jar or the content is not a jar
   */
  StoredJar add(String fileName, InputStream content) throws IOException {
    String name = lastSegment(fileName);
    if (name.isEmpty() || name.equals(".") || name.equals("..")) {
      throw RestException.badRequest("The uploaded file name '" + printable(fileName) + "' names no file: give the"
          + " jar's file name, such as job.jar.");
    }
    if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".jar")) {
      throw RestException.badRequest("The uploaded file '" + printable(name) + "' is not a jar: its name must end in"
          + " .jar.");
    }
    String safeName = FileNames.safe(name);
    if (safeName.length() > 200) {
      safeName = safeName.substring(safeName.length() - 200);
    }
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String id = HexFormat.of().formatHex(random) + "_" + safeName;
    Path partial = Files.createTempFile(directory, ".upload", ".part");
    try {
      Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
      try (JarFile jar = new JarFile(partial.toFile())) {
        if (!jar.entries().hasMoreElements()) {
          throw RestException.badRequest("The uploaded file '" + printable(name) + "' is an empty jar.");
        }
      } catch (IOException notAJar) {
        throw RestException.badRequest("The uploaded file '" + printable(name) + "' is not a jar (zip) file: "
            + notAJar.getMessage() + ".");
      }
      Path target = directory.resolve(id);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return describe(target);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** What follows the last slash or backslash of a client's file name; it may be any text. */
  private static String lastSegment(String fileName) {
    String name = fileName == null ? "" : fileName;
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }

  /** {@code text} for a message, control characters escaped and cut to a readable length. */
  private static String printable(String text) {
    StringBuilder shown = new StringBuilder();
    for (char c : String.valueOf(text).toCharArray()) {
      if (shown.length() >= 200) {
        return shown + "...";
      }
      shown.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return shown.toString();
  }

  /** Every stored jar, newest first. */
  List<StoredJar> list() throws IOException {
    List<StoredJar> jars = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        if (ID.matcher(file.getFileName().toString()).matches()) {
          jars.add(describe(file));
        }
      }
    }
    jars.sort(Comparator.comparingLong(StoredJar::uploaded).reversed().thenComparing(StoredJar::id));
    return jars;
  }

  /** The file of jar {@code id}, if stored. */
  Optional<Path> find(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    Path file = directory.resolve(id);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Deletes jar {@code id}; false when it is not stored. */
  boolean delete(String id) throws IOException {
    Optional<Path> file = find(id);
    return file.isPresent() && Files.deleteIfExists(file.get());
  }

  private static StoredJar describe(Path file) throws IOException {
    String id = file.getFileName().toString();
    return new StoredJar(id, id.substring(33), Files.getLastModifiedTime(file).toMillis(), Files.size(file));
  }
}
