package io.spate.bench.compat;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mapping {@code spate port} rewrites imports with: each Flink class Spate mirrors, as
 * {@code org.apache.flink.x.Outer.Inner=io.spate.y.Outer.Inner}, and each Flink package as
 * {@code org.apache.flink.x.*=io.spate.y.*,io.spate.z.*} (the packages of the mirrors of its classes).
 */
public final class PortMapping {

  private PortMapping() {}

  public static String render(Iterable<ClassModel> flinkClasses, SpateMirrors mirrors, String header) {
    Map<String, String> classes = new TreeMap<>();
    Map<String, TreeSet<String>> packages = new TreeMap<>();
    for (ClassModel flinkClass : flinkClasses) {
      if (flinkClass.isAnonymousOrSynthetic()) {
        continue;
      }
      mirrors.mirrorOf(flinkClass.binaryName()).ifPresent(mirror -> {
        classes.put(flinkClass.canonicalName(), mirror.canonicalName());
        if (flinkClass.outerName() == null) {
          packages.computeIfAbsent(flinkClass.packageName() + ".*", p -> new TreeSet<>()).add(mirror.packageName() + ".*");
        }
      });
    }
    StringBuilder text = new StringBuilder();
    header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
    classes.forEach((flink, spate) -> text.append(flink).append('=').append(spate).append('\n'));
    packages.forEach((flink, spate) -> text.append(flink).append('=').append(String.join(",", spate)).append('\n'));
    return text.toString();
  }
}
