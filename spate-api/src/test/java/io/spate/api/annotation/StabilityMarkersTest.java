package io.spate.api.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.annotation.fixtures.DoublyMarkedType;
import io.spate.api.annotation.fixtures.InternalPart;
import io.spate.api.annotation.fixtures.LeakingFacade;
import io.spate.api.annotation.fixtures.UnmarkedType;
import io.spate.api.datastream.DataStream;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public type of spate-api says how stable it is, every package says what it holds, and the
 * {@link Public} API does not hand out {@link Internal} types. The second half runs each rule on
 * fixtures that break it, so that a rule that stopped seeing violations would fail here.
 */
class StabilityMarkersTest {

  /**
   * Members of {@link Public} types that name an {@link Internal} type and stay so, each with the
   * reason; written as the rule reports them, before the colon.
   */
  private static final Map<String, String> ALLOWED_INTERNAL_IN_PUBLIC_SIGNATURES = Map.of();

  /** Packages whose every type is internal: the graph the API builds and the operators behind its methods. */
  private static final List<String> INTERNAL_PACKAGES =
      List.of("io.spate.api.dag", "io.spate.api.operators.builtin");

  private static List<Class<?>> apiClasses;

  @BeforeAll
  static void loadApiClasses() throws IOException, URISyntaxException {
    Path classesRoot = Path.of(DataStream.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    apiClasses = StabilityMarkerRules.compiledClasses(classesRoot);
    // A wrong root would make every rule below pass on nothing.
    assertThat(apiClasses).as("classes of spate-api under %s", classesRoot)
        .contains(DataStream.class, Public.class)
        .hasSizeGreaterThan(300);
  }

  @Test
  void everyPublicTopLevelTypeHasExactlyOneMarker() {
    assertThat(StabilityMarkerRules.typesWithoutExactlyOneMarker(apiClasses)).isEmpty();
  }

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    assertThat(StabilityMarkerRules.packagesWithoutPackageInfo(Path.of("src", "main", "java"))).isEmpty();
  }

  @Test
  void publicSignaturesNameNoInternalTypeUnlessAllowed() {
    Set<String> violations = StabilityMarkerRules.publicSignaturesNamingInternalTypes(apiClasses);
    Set<String> unexplained = new TreeSet<>();
    Set<String> reported = new TreeSet<>();
    for (String violation : violations) {
      String member = violation.substring(0, violation.indexOf(": "));
      reported.add(member);
      if (!ALLOWED_INTERNAL_IN_PUBLIC_SIGNATURES.containsKey(member)) {
        unexplained.add(violation);
      }
    }
    assertThat(unexplained)
        .as("mark the member @Internal, or the named type @PublicEvolving or @Public, or add the member "
            + "with a reason to ALLOWED_INTERNAL_IN_PUBLIC_SIGNATURES")
        .isEmpty();
    assertThat(ALLOWED_INTERNAL_IN_PUBLIC_SIGNATURES.keySet())
        .as("allowed members that no longer name an internal type")
        .isSubsetOf(reported);
  }

  @Test
  void graphInternalsAndBuiltInOperatorsAreInternal() {
    for (Class<?> type : apiClasses) {
      if (type.getEnclosingClass() == null && Modifier.isPublic(type.getModifiers())
          && INTERNAL_PACKAGES.contains(type.getPackageName())) {
        assertThat(type.isAnnotationPresent(Internal.class)).as("%s is @Internal", type.getName()).isTrue();
      }
    }
  }

  @Test
  void markerRuleReportsUnmarkedAndDoublyMarkedTypesOnly() {
    Class<?> hidden = classNamed("io.spate.api.annotation.fixtures.HiddenType");
    assertThat(StabilityMarkerRules.typesWithoutExactlyOneMarker(
            List.of(UnmarkedType.class, DoublyMarkedType.class, InternalPart.class, LeakingFacade.class,
                LeakingFacade.Nested.class, hidden)))
        .containsExactly(
            DoublyMarkedType.class.getName() + ": more than one stability marker [Public, Internal]",
            UnmarkedType.class.getName() + ": no stability marker (@Public, @PublicEvolving or @Internal)");
  }

  @Test
  void packageInfoRuleReportsEachPackageWithoutOne(@TempDir Path sources) throws IOException {
    write(sources.resolve("a/package-info.java"), "package a;");
    write(sources.resolve("a/A.java"), "package a; public class A {}");
    write(sources.resolve("a/b/B.java"), "package a.b; public class B {}");
    write(sources.resolve("a/b/c/C.java"), "package a.b.c; public class C {}");
    write(sources.resolve("a/d/notes.txt"), "no sources here");
    assertThat(StabilityMarkerRules.packagesWithoutPackageInfo(sources))
        .containsExactlyInAnyOrder("a.b: no package-info.java", "a.b.c: no package-info.java");
  }

  @Test
  void signatureRuleFindsInternalTypesWhereverAPublicSignatureNamesThem() {
    String facade = LeakingFacade.class.getName();
    String internal = ": names @Internal " + InternalPart.class.getName();
    assertThat(StabilityMarkerRules.publicSignaturesNamingInternalTypes(List.of(
            LeakingFacade.class, LeakingFacade.Nested.class, LeakingFacade.Evolving.class,
            InternalPart.class, UnmarkedType.class)))
        .containsExactlyInAnyOrder(
            facade + "#<init>(InternalPart)" + internal,
            facade + "#leak()" + internal,
            facade + "#take(List)" + internal,
            facade + "#suppliers()" + internal,
            facade + "#bounded(InternalPart)" + internal,
            LeakingFacade.Nested.class.getName() + "#nestedLeak()" + internal);
  }

  @Test
  void rulesRefuseAMissingDirectoryInsteadOfFindingNothing(@TempDir Path dir) {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> StabilityMarkerRules.compiledClasses(missing))
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(
            () -> StabilityMarkerRules.packagesWithoutPackageInfo(missing))
        .hasMessageContaining(missing.toString());
  }

  private static Class<?> classNamed(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
