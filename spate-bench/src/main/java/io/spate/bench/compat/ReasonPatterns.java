package io.spate.bench.compat;

import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Why Spate does not mirror a Flink class, from a hand-written properties file whose keys are a class
 * ({@code org.apache.flink.util.IOUtils}, nested classes with dots), a package ({@code org.apache.flink.core.io.*})
 * or a package and everything under it ({@code org.apache.flink.api.common.operators.**}). The most specific
 * key wins: the class, then its package, then the longest package tree.
 */
public final class ReasonPatterns {

  private final Map<String, String> reasons;

  public ReasonPatterns(Map<String, String> reasons) {
    for (String key : reasons.keySet()) {
      String body = key.endsWith(".**") ? key.substring(0, key.length() - 3)
          : key.endsWith(".*") ? key.substring(0, key.length() - 2) : key;
      if (body.isEmpty() || body.contains("*") || !body.matches("[A-Za-z0-9_$.]+")) {
        throw new IllegalArgumentException("reason key '" + key + "' is neither a class name, 'package.*' nor"
            + " 'package.**'");
      }
    }
    this.reasons = new LinkedHashMap<>(reasons);
  }

  /** Reads the properties file; a malformed key is an error naming it. */
  public static ReasonPatterns read(Reader reader) throws IOException {
    Properties properties = new Properties();
    properties.load(reader);
    Map<String, String> reasons = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      reasons.put(key, properties.getProperty(key).strip());
    }
    return new ReasonPatterns(reasons);
  }

  /**
   * Whether a key names the class of that binary name itself (not its package): such a class is not
   * mirrored even where Spate has a class of its name, which the reason says why it does not stand for.
   */
  public boolean namesClass(String binaryName) {
    return reasons.containsKey(binaryName.replace('$', '.'));
  }

  /** The reason for the class of that binary name, if a key covers it. */
  public Optional<String> reasonFor(String binaryName) {
    String canonical = binaryName.replace('$', '.');
    String topLevel = binaryName.contains("$") ? binaryName.substring(0, binaryName.indexOf('$')) : binaryName;
    if (reasons.containsKey(canonical)) {
      return Optional.of(reasons.get(canonical));
    }
    if (reasons.containsKey(topLevel)) {
      return Optional.of(reasons.get(topLevel));
    }
    String packageName = topLevel.contains(".") ? topLevel.substring(0, topLevel.lastIndexOf('.')) : "";
    if (reasons.containsKey(packageName + ".*")) {
      return Optional.of(reasons.get(packageName + ".*"));
    }
    for (String tree = packageName; !tree.isEmpty(); tree = tree.contains(".") ? tree.substring(0, tree.lastIndexOf('.')) : "") {
      if (reasons.containsKey(tree + ".**")) {
        return Optional.of(reasons.get(tree + ".**"));
      }
    }
    return Optional.empty();
  }
}
