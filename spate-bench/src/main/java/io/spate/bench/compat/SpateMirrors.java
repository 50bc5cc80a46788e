package io.spate.bench.compat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds the Spate class that mirrors a Flink class: a public, non-internal Spate class of the same name
 * after the package ({@code Outer.Inner} for nested classes). When several qualify, the one whose package
 * shares most segments with Flink's wins, then the module listed first, then the name. A Flink class
 * declared not mirrored has no mirror, whatever Spate's names.
 */
public final class SpateMirrors {

  private final ClassIndex spate;
  private final List<String> moduleOrder;
  private final Map<String, List<ClassModel>> byKey = new HashMap<>();
  private final Predicate<String> notMirrored;

  /**
   * @param spate Spate's classes
   * @param moduleOrder the origins of Spate's classes in order of preference, for ties of package similarity
   */
  public SpateMirrors(ClassIndex spate, List<String> moduleOrder) {
    this(spate, moduleOrder, flinkBinaryName -> false);
  }

  /**
   * @param spate Spate's classes
   * @param moduleOrder the origins of Spate's classes in order of preference, for ties of package similarity
   * @param notMirrored the Flink classes (by binary name) that no Spate class mirrors, whatever its name
   */
  public SpateMirrors(ClassIndex spate, List<String> moduleOrder, Predicate<String> notMirrored) {
    this.notMirrored = notMirrored;
    this.spate = spate;
    this.moduleOrder = List.copyOf(moduleOrder);
    for (ClassModel model : spate.all()) {
      if (!model.isAnonymousOrSynthetic() && !model.isInternal() && spate.isVisibleOutside(model)) {
        byKey.computeIfAbsent(model.simpleKey(), key -> new ArrayList<>()).add(model);
      }
    }
    byKey.values().forEach(candidates -> candidates.sort(Comparator.comparing(ClassModel::binaryName)));
  }

  /** The Spate class a program should use where it used the Flink class of that binary name. */
  public Optional<ClassModel> mirrorOf(String flinkBinaryName) {
    List<ClassModel> candidates = candidates(flinkBinaryName);
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
  }

  /** Every Spate class of the same name, the chosen one first. */
  public List<ClassModel> candidates(String flinkBinaryName) {
    if (notMirrored.test(flinkBinaryName)) {
      return List.of();
    }
    String key = flinkBinaryName.substring(flinkBinaryName.lastIndexOf('.') + 1).replace('$', '.');
    List<ClassModel> candidates = new ArrayList<>(byKey.getOrDefault(key, List.of()));
    Set<String> flinkSegments = segments(flinkBinaryName, "org.apache.flink.");
    candidates.sort(Comparator
        .comparingInt((ClassModel c) -> -sharedSegments(flinkSegments, segments(c.binaryName(), "io.spate.")))
        .thenComparingInt(c -> moduleRank(c.origin()))
        .thenComparing(ClassModel::binaryName));
    return candidates;
  }

  /** The Spate type a Flink type name maps to: itself unless it is a Flink class Spate mirrors. */
  public Optional<String> mapType(String typeName) {
    if (!typeName.startsWith("org.apache.flink.")) {
      return Optional.of(typeName);
    }
    int dimensions = 0;
    String element = typeName;
    while (element.endsWith("[]")) {
      element = element.substring(0, element.length() - 2);
      dimensions++;
    }
    String suffix = "[]".repeat(dimensions);
    return mirrorOf(element).map(mirror -> mirror.binaryName() + suffix);
  }

  public ClassIndex spateClasses() {
    return spate;
  }

  private int moduleRank(String origin) {
    int rank = moduleOrder.indexOf(origin);
    return rank < 0 ? moduleOrder.size() : rank;
  }

  private static Set<String> segments(String binaryName, String prefix) {
    String name = binaryName.startsWith(prefix) ? binaryName.substring(prefix.length()) : binaryName;
    int dot = name.lastIndexOf('.');
    return dot < 0 ? Set.of() : new HashSet<>(Arrays.asList(name.substring(0, dot).split("\\.")));
  }

  private static int sharedSegments(Set<String> a, Set<String> b) {
    int shared = 0;
    for (String segment : a) {
      if (b.contains(segment)) {
        shared++;
      }
    }
    return shared;
  }
}
