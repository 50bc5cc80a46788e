package io.spate.api.common;

import io.spate.api.annotation.Public;
import io.spate.api.configuration.Configuration;
import io.spate.api.fs.Path;
import io.spate.api.tuple.Tuple2;
import java.io.File;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The files a job registered with {@code StreamExecutionEnvironment.registerCachedFile(path, name)},
 * which its functions read with {@code getRuntimeContext().getDistributedCache().getFile(name)}.
 * Spate does not copy them: each is read where it was registered, so it must be on a file system
 * every TaskExecutor of the job can read (on one machine, any local file).
 */
@Public
public class DistributedCache {

  private static final String COUNT_KEY = "distributed-cache.file-count";
  private static final String ENTRY_KEY = "distributed-cache.file.";

  private final Map<String, Future<Path>> files;

  /** The cache of {@code files}: per name, the local path of the file once it is ready. */
  public DistributedCache(Map<String, Future<Path>> files) {
    this.files = Objects.requireNonNull(files, "files");
  }

  /**
   * The file registered as {@code name}.
   *
   * @throws IllegalArgumentException if no file has that name
   * @throws RuntimeException naming the file when it cannot be read where the function runs
   */
  public File getFile(String name) {
    Future<Path> future = files.get(name);
    if (future == null) {
      throw new IllegalArgumentException("No file is registered as '" + name + "' in the distributed cache"
          + (files.isEmpty() ? "" : " (it has " + new ArrayList<>(files.keySet()) + ")")
          + ": register it with env.registerCachedFile(path, \"" + name + "\").");
    }
    try {
      return new File(future.get().toUri().getPath());
    } catch (ExecutionException e) {
      throw new RuntimeException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RuntimeException("Interrupted while waiting for the cached file '" + name + "'.", e);
    }
  }

  /** Writes {@code entry}, registered as {@code name}, into {@code conf}, after those written before. */
  public static void writeFileInfoToConfig(String name, DistributedCacheEntry entry, Configuration conf) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(entry, "entry");
    int index = count(conf);
    String prefix = ENTRY_KEY + index + ".";
    conf.setString(prefix + "name", name);
    conf.setString(prefix + "path", entry.filePath);
    conf.setString(prefix + "executable", String.valueOf(Boolean.TRUE.equals(entry.isExecutable)));
    conf.setString(prefix + "zipped", String.valueOf(entry.isZipped));
    conf.setString(COUNT_KEY, String.valueOf(index + 1));
  }

  /**
   * The entries {@link #writeFileInfoToConfig} wrote into {@code conf}, by name, in the order written.
   *
   * @throws IllegalArgumentException naming the key when an entry is incomplete
   */
  public static Set<Map.Entry<String, DistributedCacheEntry>> readFileInfoFromConfig(Configuration conf) {
    Set<Map.Entry<String, DistributedCacheEntry>> entries = new LinkedHashSet<>();
    Map<String, String> values = conf.toMap();
    for (int i = 0; i < count(conf); i++) {
      String prefix = ENTRY_KEY + i + ".";
      String name = required(values, prefix + "name");
      DistributedCacheEntry entry = new DistributedCacheEntry(required(values, prefix + "path"),
          Boolean.parseBoolean(values.get(prefix + "executable")), Boolean.parseBoolean(values.get(prefix + "zipped")));
      entries.add(new AbstractMap.SimpleImmutableEntry<>(name, entry));
    }
    return entries;
  }

  private static int count(Configuration conf) {
    String count = conf.toMap().get(COUNT_KEY);
    try {
      return count == null ? 0 : Integer.parseInt(count.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Invalid " + COUNT_KEY + ": '" + count + "' is not a number.", e);
    }
  }

  private static String required(Map<String, String> values, String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("The distributed cache entry lacks '" + key + "' in the configuration.");
    }
    return value;
  }

  /**
   * Reads cached files given as strings in Flink's form of {@code pipeline.cached-files}: {@code
   * name:<name>,path:<path>} with an optional {@code ,executable:true}.
   *
   * @throws IllegalArgumentException naming the string when its name or path is missing, or a key is unknown
   */
  public static List<Tuple2<String, DistributedCacheEntry>> parseCachedFilesFromString(List<String> files) {
    List<Tuple2<String, DistributedCacheEntry>> parsed = new ArrayList<>();
    for (String file : files) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String field : file.split(",")) {
        int colon = field.indexOf(':');
        if (colon < 0) {
          throw new IllegalArgumentException("Invalid cached file '" + file + "': '" + field
              + "' is not key:value (expected name:<name>,path:<path>[,executable:true]).");
        }
        String key = field.substring(0, colon).trim();
        if (!key.equals("name") && !key.equals("path") && !key.equals("executable")) {
          throw new IllegalArgumentException("Invalid cached file '" + file + "': unknown key '" + key
              + "' (expected name, path and executable).");
        }
        fields.put(key, field.substring(colon + 1).trim());
      }
      if (!fields.containsKey("name") || !fields.containsKey("path")) {
        throw new IllegalArgumentException("Invalid cached file '" + file + "': it needs both a name and a path.");
      }
      parsed.add(Tuple2.of(fields.get("name"),
          new DistributedCacheEntry(fields.get("path"), Boolean.parseBoolean(fields.get("executable")))));
    }
    return parsed;
  }

  /** The cached files in the form {@link #parseCachedFilesFromString} reads. */
  public static List<String> parseStringFromCachedFiles(List<Tuple2<String, DistributedCacheEntry>> files) {
    List<String> strings = new ArrayList<>();
    for (Tuple2<String, DistributedCacheEntry> file : files) {
      strings.add("name:" + file.f0 + ",path:" + file.f1.filePath + ",executable:"
          + Boolean.TRUE.equals(file.f1.isExecutable));
    }
    return strings;
  }

  /** A file of the cache: its path, whether it must be executable, and whether it is a zipped directory. */
  @Public
  public static class DistributedCacheEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The path where the file was registered. */
    public String filePath;

    /** Whether the file must be executable. */
    public Boolean isExecutable;

    /** Whether the path is a directory that Flink shipped zipped; Spate reads directories in place. */
    public boolean isZipped;

    /** The key of the file in Flink's blob store; Spate has none and leaves it null. */
    public byte[] blobKey;

    /** An entry of {@code filePath}, executable or not. */
    public DistributedCacheEntry(String filePath, Boolean isExecutable) {
      this(filePath, isExecutable, null, false);
    }

    /** An entry of {@code filePath}, executable or not, zipped or not. */
    public DistributedCacheEntry(String filePath, boolean isExecutable, boolean isZipped) {
      this(filePath, isExecutable, null, isZipped);
    }

    /** An entry with a blob key and whether it is zipped. */
    public DistributedCacheEntry(String filePath, Boolean isExecutable, byte[] blobKey, boolean isZipped) {
      this.filePath = Objects.requireNonNull(filePath, "The path of a cached file must not be null.");
      this.isExecutable = isExecutable;
      this.blobKey = blobKey;
      this.isZipped = isZipped;
    }

    /** An entry with a blob key. */
    public DistributedCacheEntry(String filePath, Boolean isExecutable, byte[] blobKey) {
      this(filePath, isExecutable, blobKey, false);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof DistributedCacheEntry other && filePath.equals(other.filePath)
          && Objects.equals(isExecutable, other.isExecutable) && isZipped == other.isZipped
          && Arrays.equals(blobKey, other.blobKey);
    }

    @Override
    public int hashCode() {
      return Objects.hash(filePath, isExecutable, isZipped) * 31 + Arrays.hashCode(blobKey);
    }

    @Override
    public String toString() {
      return "DistributedCacheEntry{filePath='" + filePath + "', isExecutable=" + isExecutable + ", isZipped="
          + isZipped + "}";
    }
  }
}
