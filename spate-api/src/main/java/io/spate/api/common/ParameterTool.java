package io.spate.api.common;

import io.spate.api.annotation.Public;
import io.spate.api.configuration.Configuration;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * A job's parameters as string key/value pairs, read from the command line, a properties file, a map
 * or the system properties, with typed getters; set it as the job's global parameters to read it in
 * every function.
 */
@Public
public class ParameterTool extends AbstractParameterTool {

  private static final long serialVersionUID = 1L;

  /** The parameters, in the order they were given. */
  protected final Map<String, String> data;

  private ParameterTool(Map<String, String> data) {
    this.data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    this.unrequestedParameters.addAll(data.keySet());
  }

  /**
   * The parameters of {@code args}: {@code --key value} or {@code -key value}; a key followed by
   * another key or by nothing is a flag without value ({@link #has} tells it); a key given twice keeps
   * its last value.
   *
   * @throws IllegalArgumentException naming the argument that is neither a key nor a key's value
   */
  public static ParameterTool fromArgs(String[] args) {
    Map<String, String> map = new LinkedHashMap<>();
    ArgumentsParser.parse(args, map::put);
    return new ParameterTool(map);
  }

  /** The parameters of the properties file at {@code path}. */
  public static ParameterTool fromPropertiesFile(String path) throws IOException {
    return fromPropertiesFile(new File(Objects.requireNonNull(path, "The properties file path must not be null.")));
  }

  /**
   * The parameters of the properties file {@code file}.
   *
   * @throws FileNotFoundException naming the file if it does not exist
   */
  public static ParameterTool fromPropertiesFile(File file) throws IOException {
    Objects.requireNonNull(file, "The properties file must not be null.");
    if (!file.exists()) {
      throw new FileNotFoundException("Properties file " + file.getAbsolutePath() + " does not exist");
    }
    try (InputStream in = Files.newInputStream(file.toPath())) {
      return fromPropertiesFile(in);
    }
  }

  /** The parameters of the properties read from {@code inputStream}, which stays open. */
  public static ParameterTool fromPropertiesFile(InputStream inputStream) throws IOException {
    Properties properties = new Properties();
    properties.load(Objects.requireNonNull(inputStream, "The input stream must not be null."));
    return fromProperties(properties);
  }

  /** The parameters of {@code map}. */
  public static ParameterTool fromMap(Map<String, String> map) {
    Objects.requireNonNull(map, "The map must not be null.");
    map.forEach((key, value) -> {
      if (key == null || value == null) {
        throw new IllegalArgumentException("fromMap: a key and its value must not be null; got " + key + " = " + value);
      }
    });
    return new ParameterTool(map);
  }

  /** The parameters of this JVM's system properties ({@code -Dkey=value}). */
  public static ParameterTool fromSystemProperties() {
    return fromProperties(System.getProperties());
  }

  private static ParameterTool fromProperties(Properties properties) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String name : properties.stringPropertyNames()) {
      map.put(name, properties.getProperty(name));
    }
    return new ParameterTool(map);
  }

  @Override
  public int getNumberOfParameters() {
    return data.size();
  }

  @Override
  public String get(String key) {
    markRequested(key);
    return data.get(key);
  }

  @Override
  public boolean has(String key) {
    markRequested(key);
    return data.containsKey(key);
  }

  @Override
  public Map<String, String> toMap() {
    return data;
  }

  /** The parameters as a configuration of string values. */
  public Configuration getConfiguration() {
    return Configuration.fromMap(data);
  }

  /** The parameters as properties. */
  public Properties getProperties() {
    Properties properties = new Properties();
    properties.putAll(data);
    return properties;
  }

  /**
   * Writes every key read so far with its default value ({@value #DEFAULT_UNDEFINED} for none) to a
   * properties file at {@code pathToFile}, which must not exist yet: a template of the job's
   * parameters. Call it after the job read its parameters.
   */
  public void createPropertiesFile(String pathToFile) throws IOException {
    createPropertiesFile(pathToFile, false);
  }

  /** Like {@link #createPropertiesFile(String)}, replacing an existing file if {@code overwrite}. */
  public void createPropertiesFile(String pathToFile, boolean overwrite) throws IOException {
    Path file = Path.of(Objects.requireNonNull(pathToFile, "The properties file path must not be null."));
    if (Files.exists(file) && !overwrite) {
      throw new IOException("File " + file.toAbsolutePath() + " exists and overwriting is not allowed");
    }
    Properties defaults = new Properties();
    synchronized (this) {
      defaults.putAll(defaultData);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      defaults.store(out, "Parameters of the job and their defaults");
    }
  }

  /** The parameters of this tool and of {@code other}; where both have a key, {@code other}'s value wins. */
  public ParameterTool mergeWith(ParameterTool other) {
    Map<String, String> merged = new LinkedHashMap<>(data);
    merged.putAll(other.data);
    ParameterTool result = new ParameterTool(merged);
    result.takeRequestsFrom(this, data.keySet());
    result.takeRequestsFrom(other, other.data.keySet());
    return result;
  }

  @Override
  protected Object clone() {
    return new ParameterTool(data);
  }

  /** Equal when both hold the same parameters. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterTool other && o.getClass() == getClass() && data.equals(other.data);
  }

  @Override
  public int hashCode() {
    return data.hashCode();
  }

  @Override
  public String toString() {
    return "ParameterTool" + data;
  }
}
