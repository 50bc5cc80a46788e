package io.spate.runtime.cluster;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The log files of a cluster process, for the REST API's log routes: the process's own file is named
 * by the system property {@code log.file} (as in Flink; the cluster scripts set it and send the
 * process's output there too), and the files listed are the {@code .log} and {@code .out} files of
 * its directory. Other files there (pid files, secrets, options files) are never listed nor read.
 */
public final class ProcessLogs {

  /** The system property naming the process's log file. */
  public static final String LOG_FILE_PROPERTY = "log.file";

  /** The most of a file's end that one answer carries. */
  public static final int MAX_TAIL_BYTES = 1024 * 1024;

  private final Path logFile;

  private ProcessLogs(Path logFile) {
    this.logFile = logFile;
  }

  /** The logs of this process, as {@code -Dlog.file} names them (none without it). */
  public static ProcessLogs ofThisProcess() {
    String file = System.getProperty(LOG_FILE_PROPERTY);
    return new ProcessLogs(file == null || file.isBlank() ? null : Path.of(file).toAbsolutePath().normalize());
  }

  /** The logs around {@code logFile} (null: a process without log files). */
  public static ProcessLogs of(Path logFile) {
    return new ProcessLogs(logFile == null ? null : logFile.toAbsolutePath().normalize());
  }

  /**
   * A log file.
   *
   * @param name its name in the log directory
   * @param size its size in bytes
   * @param mtime when it was last written, in epoch milliseconds
   */
  public record LogFile(String name, long size, long mtime) implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  /**
   * The end of a log file.
   *
   * @param name the file's name
   * @param size the file's size in bytes
   * @param text its last {@link #MAX_TAIL_BYTES} bytes (all of a smaller file), as UTF-8
   */
  public record LogTail(String name, long size, String text) implements Serializable {

    private static final long serialVersionUID = 1L;
  }

  /** Whether the process has a log file. */
  public boolean hasLogFile() {
    return logFile != null && Files.isRegularFile(logFile);
  }

  /** The name of the process's own log file, or null if it has none. */
  public String logFileName() {
    return hasLogFile() ? logFile.getFileName().toString() : null;
  }

  /**
   * The name of the file the process's standard output goes to: the {@code .out} file next to its
   * log file if there is one (Flink's layout), else the log file itself, where the cluster scripts
   * send the output; null if it has no log file.
   */
  public String stdoutFileName() {
    String log = logFileName();
    if (log == null) {
      return null;
    }
    String out = (log.endsWith(".log") ? log.substring(0, log.length() - 4) : log) + ".out";
    return Files.isRegularFile(logFile.getParent().resolve(out)) ? out : log;
  }

  /** The log files of the process's directory, sorted by name; empty if it has no log file. */
  public List<LogFile> list() throws IOException {
    List<LogFile> files = new ArrayList<>();
    if (!hasLogFile()) {
      return files;
    }
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(logFile.getParent())) {
      for (Path file : dir) {
        String name = file.getFileName().toString();
        if (isLogName(name) && Files.isRegularFile(file)) {
          files.add(new LogFile(name, Files.size(file), Files.getLastModifiedTime(file).toMillis()));
        }
      }
    }
    files.sort(Comparator.comparing(LogFile::name));
    return files;
  }

  /**
   * The end of log file {@code name} of the process's directory, or null if there is no such log
   * file (a name that is not one of {@link #list()}'s is never opened).
   */
  public LogTail tail(String name) throws IOException {
    if (!hasLogFile() || !isLogName(name)) {
      return null;
    }
    Path file = logFile.getParent().resolve(name);
    if (!file.getParent().equals(logFile.getParent()) || !Files.isRegularFile(file)) {
      return null;
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long size = in.length();
      int length = (int) Math.min(size, MAX_TAIL_BYTES);
      byte[] bytes = new byte[length];
      in.seek(size - length);
      in.readFully(bytes);
      return new LogTail(name, size, new String(bytes, StandardCharsets.UTF_8));
    }
  }

  /** Whether {@code name} may be listed and read: a plain name (no path, not hidden) of a .log or .out file. */
  public static boolean isLogName(String name) {
    return name != null && !name.isEmpty() && !name.startsWith(".") && !name.contains("/") && !name.contains("\\")
        && !name.contains("..") && (name.endsWith(".log") || name.endsWith(".out") || name.matches(".*\\.log\\.\\d+"));
  }
}
