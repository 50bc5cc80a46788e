package io.spate.bench.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompatibilityComparisonTest {

  private static MemberModel method(String name, String returnType, String... parameters) {
    return new MemberModel(name, List.of(parameters), returnType, true, false, false, false, false);
  }

  private static ClassModel flink(String name, boolean isPublic, boolean internal, String outer, MemberModel... members) {
    return new ClassModel(name, "flink-core-1.20.5.jar", isPublic, false, internal, false, outer, "java.lang.Object",
        List.of(), List.of(members));
  }

  private final ClassIndex flinkClasses = new ClassIndex(List.of(
      flink("org.apache.flink.util.Collector", true, false, null,
          method("collect", "void", "java.lang.Object"),
          method("close", "void"),
          method("toString", "java.lang.String"),
          new MemberModel("hidden", List.of(), "void", true, false, false, false, true)),
      flink("org.apache.flink.util.IOUtils", true, false, null),
      flink("org.apache.flink.util.Fresh", true, false, null),
      flink("org.apache.flink.util.Guts", true, true, null),
      flink("org.apache.flink.util.Guts$Nested", true, false, "org.apache.flink.util.Guts"),
      flink("org.apache.flink.util.Hidden", false, false, null),
      flink("org.apache.flink.util.Collector$1", true, false, "org.apache.flink.util.Collector")));
  private final SpateMirrors mirrors = new SpateMirrors(new ClassIndex(List.of(new ClassModel(
      "io.spate.api.functions.Collector", "spate-api", true, true, false, false, null, null, List.of(),
      List.of(method("collect", "void", "java.lang.Object"))))), List.of("spate-api"));
  private final CompatibilityComparison comparison = new CompatibilityComparison(flinkClasses, mirrors,
      new ReasonPatterns(Map.of("org.apache.flink.util.IOUtils", "a helper of Flink's own modules")));

  @Test
  void coversPublicNonInternalNamedClassesAndTheirOwnPublicMembers() {
    List<ClassResult> results = comparison.compareAll();

    assertThat(results).extracting(r -> r.flinkClass().binaryName()).containsExactly(
        "org.apache.flink.util.Collector", "org.apache.flink.util.Fresh", "org.apache.flink.util.IOUtils");
    ClassResult collector = results.get(0);
    assertThat(collector.mirror()).map(ClassModel::binaryName).hasValue("io.spate.api.functions.Collector");
    assertThat(collector.verdicts()).extracting(v -> v.flinkMember().name() + ":" + v.status())
        .containsExactly("collect:PRESENT", "close:MISSING");
    assertThat(results.get(1).reasonNotMirrored()).hasValue("not yet");
    assertThat(results.get(2).reasonNotMirrored()).hasValue("a helper of Flink's own modules");
  }

  @Test
  void theReportStatesCoverageGapsAndReasons() {
    String page = new CompatibilityMarkdown("flink-core-1.20.5.jar", "regenerate here").render(comparison.compareAll());

    assertThat(page).contains(
        "regenerate here",
        "**1 of the 2 public constructors and methods (50.0%) of the 1 Flink classes Spate mirrors are present.**"
            + " Of 3 Flink classes in scope, Spate mirrors 1; 2 are not mirrored, 1 of them with a reason and 1 \"not yet\".",
        "| `org.apache.flink.util` | 3 | 1 | 2 | 1 | 0 | 1 | 50.0% |",
        "#### Collector → `io.spate.api.functions.Collector` (1 of 2 present)",
        "| `close()` | missing |",
        "| Fresh | not yet |",
        "| IOUtils | a helper of Flink's own modules |");
  }

  @Test
  void overloadsThatLookAlikeWithoutPackagesAreShownWithThem() {
    ClassIndex withOverloads = new ClassIndex(List.of(flink("org.apache.flink.util.Collector", true, false, null,
        method("sinkTo", "void", "org.apache.flink.api.connector.sink.Sink"),
        method("sinkTo", "void", "org.apache.flink.api.connector.sink2.Sink"),
        method("close", "void"))));
    CompatibilityComparison overloads = new CompatibilityComparison(withOverloads, mirrors, new ReasonPatterns(Map.of()));

    String page = new CompatibilityMarkdown("jars", "regenerate").render(overloads.compareAll());

    assertThat(page).contains("| `sinkTo(org.apache.flink.api.connector.sink.Sink)` | missing |",
        "| `sinkTo(org.apache.flink.api.connector.sink2.Sink)` | missing |", "| `close()` | missing |");
  }

  @Test
  void theSignatureListAndThePortMappingNameSpatesClasses() {
    List<ClassResult> results = comparison.compareAll();

    assertThat(SignatureList.render(results, "header")).isEqualTo(
        "# header\nio.spate.api.functions.Collector collect java.lang.Object\n");
    assertThat(PortMapping.render(flinkClasses.all(), mirrors, "header")).isEqualTo("# header\n"
        + "org.apache.flink.util.Collector=io.spate.api.functions.Collector\n"
        + "org.apache.flink.util.*=io.spate.api.functions.*\n");
  }
}
