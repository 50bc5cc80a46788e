package io.spate.connectors.file;

import java.io.Serializable;
import java.util.Objects;

/**
 * The names of a {@link FileSink}'s part files: {@code <prefix>-<subtask>-<n><suffix>}, by default
 * {@code part-<subtask>-<n>}.
 */
public class OutputFileConfig implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String partPrefix;
  private final String partSuffix;

  /** Part files named {@code <partPrefix>-<subtask>-<n><partSuffix>}. */
  public OutputFileConfig(String partPrefix, String partSuffix) {
    this.partPrefix = Objects.requireNonNull(partPrefix, "partPrefix");
    this.partSuffix = Objects.requireNonNull(partSuffix, "partSuffix");
    if (partPrefix.isEmpty() || partPrefix.startsWith(".") || partPrefix.contains("/")
        || partSuffix.contains("/")) {
      throw new IllegalArgumentException("OutputFileConfig: the part prefix must be a non-empty file name that "
          + "does not start with '.' (hidden files are in progress), and neither prefix nor suffix may contain '/'"
          + ", but they are '" + partPrefix + "' and '" + partSuffix + "'");
    }
  }

  /** Starts from the defaults, prefix {@code part} and no suffix. */
  public static OutputFileConfigBuilder builder() {
    return new OutputFileConfigBuilder();
  }

  /** The start of each part file's name. */
  public String getPartPrefix() {
    return partPrefix;
  }

  /** The end of each part file's name. */
  public String getPartSuffix() {
    return partSuffix;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OutputFileConfig that
        && partPrefix.equals(that.partPrefix) && partSuffix.equals(that.partSuffix);
  }

  @Override
  public int hashCode() {
    return partPrefix.hashCode() * 31 + partSuffix.hashCode();
  }

  @Override
  public String toString() {
    return "OutputFileConfig(" + partPrefix + "-<subtask>-<n>" + partSuffix + ")";
  }

  /** Builds an {@link OutputFileConfig}. */
  public static class OutputFileConfigBuilder {

    private String partPrefix = "part";
    private String partSuffix = "";

    private OutputFileConfigBuilder() {}

    /** The start of each part file's name. */
    public OutputFileConfigBuilder withPartPrefix(String prefix) {
      this.partPrefix = prefix;
      return this;
    }

    /** The end of each part file's name, such as {@code .csv}. */
    public OutputFileConfigBuilder withPartSuffix(String suffix) {
      this.partSuffix = suffix;
      return this;
    }

    /** The configuration. */
    public OutputFileConfig build() {
      return new OutputFileConfig(partPrefix, partSuffix);
    }
  }
}
