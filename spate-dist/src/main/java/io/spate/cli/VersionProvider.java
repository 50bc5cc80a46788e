package io.spate.cli;

import io.spate.runtime.SpateVersion;
import picocli.CommandLine.IVersionProvider;

/** Tells Spate's version (as the build recorded it, see {@link SpateVersion}) and the Java it runs on. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {
      "spate " + version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  /** Spate's version, such as {@code 0.1.0-SNAPSHOT}: the build's record, else the jar manifest's. */
  static String version() {
    String recorded = SpateVersion.get();
    if (!"unknown".equals(recorded)) {
      return recorded;
    }
    String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
    return fromManifest != null ? fromManifest : "unknown";
  }
}
