package io.spate.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Spate's version, as the build wrote it into the runtime's resources. */
public final class SpateVersion {

  private static final String RESOURCE = "spate-version.properties";

  private SpateVersion() {}

  /** The version, such as {@code 0.1.0-SNAPSHOT}, or {@code unknown} when the build did not record it. */
  public static String get() {
    try (InputStream in = SpateVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.startsWith("${")) {
          return version;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    return "unknown";
  }
}
