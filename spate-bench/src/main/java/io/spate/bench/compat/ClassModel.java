package io.spate.bench.compat;

import java.util.List;

/**
 * A class or interface as its class file describes it: the part of it that the Flink compatibility
 * report compares. Names are binary names ({@code a.b.Outer$Inner}); {@code outerName} is null for a
 * top-level class; {@code origin} names the jar or module the class came from.
 */
public record ClassModel(
    String binaryName,
    String origin,
    boolean isPublic,
    boolean isInterface,
    boolean isInternal,
    boolean isSynthetic,
    String outerName,
    String superName,
    List<String> interfaces,
    List<MemberModel> members) {

  public ClassModel {
    interfaces = List.copyOf(interfaces);
    members = List.copyOf(members);
  }

  /** The package, {@code a.b} for {@code a.b.Outer$Inner}. */
  public String packageName() {
    int dot = binaryName.lastIndexOf('.');
    return dot < 0 ? "" : binaryName.substring(0, dot);
  }

  /** The name a program writes after the package: {@code Outer.Inner} for {@code a.b.Outer$Inner}. */
  public String simpleKey() {
    return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
  }

  /** The name used in source code and imports: {@code a.b.Outer.Inner}. */
  public String canonicalName() {
    return binaryName.replace('$', '.');
  }

  /** True for anonymous and local classes, whose names have a segment starting with a digit, and synthetic ones. */
  public boolean isAnonymousOrSynthetic() {
    if (isSynthetic) {
      return true;
    }
    String key = simpleKey();
    for (String segment : key.split("\\.")) {
      if (segment.isEmpty() || Character.isDigit(segment.charAt(0))) {
        return true;
      }
    }
    return key.equals("package-info") || key.equals("module-info");
  }
}
