package io.spate.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the layers of spate-runtime's packages that docs/architecture.md describes: no package cycle,
 * and no class depending on a package of a layer above its own.
 */
class RuntimeArchitectureTest {

  /** Bottom first; a package may use its own layer (without cycles) and the layers below it. */
  static final List<Layer> LAYERS = List.of(
      new Layer("foundation", "", "rpc", "metrics..", "classloading..", "security..", "cluster..", "heartbeat.."),
      new Layer("vocabulary", "execution..", "checkpoint.barrier..", "timers..", "worker..", "state.keygroup.."),
      new Layer("transport", "rpc.remote..", "partition..", "network.."),
      new Layer("state", "state", "state.broadcast..", "state.heap..", "state.operator..", "state.serialization..",
          "state.snapshot..", "checkpoint.metadata..", "checkpoint.storage.."),
      new Layer("operators", "operators..", "source.."),
      new Layer("graph", "graph.."),
      new Layer("checkpoint coordination", "checkpoint"),
      new Layer("tasks", "tasks.."),
      new Layer("cluster components", "taskexecutor..", "resourcemanager..", "jobmaster..", "dispatcher..",
          "highavailability.."),
      new Layer("entry points", "config..", "rest..", "minicluster.."));

  private static final String ROOT = "io.spate.runtime";

  private static JavaClasses runtime;

  @BeforeAll
  static void importRuntime() {
    runtime = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void packagesFormNoCycle() {
    slices().matching("io.spate.runtime.(**)").should().beFreeOfCycles().check(runtime);
  }

  @Test
  void noPackageUsesALayerAboveItsOwn() {
    for (int i = 0; i < LAYERS.size() - 1; i++) {
      Layer layer = LAYERS.get(i);
      String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream()
          .flatMap(l -> Arrays.stream(l.packages())).toArray(String[]::new);
      noClasses().that().resideInAnyPackage(layer.packages())
          .should().dependOnClassesThat().resideInAnyPackage(above)
          .as("the " + layer.name() + " layer uses no layer above it")
          .because("docs/architecture.md orders spate-runtime's packages in layers")
          .check(runtime);
    }
  }

  @Test
  void everyRuntimePackageBelongsToExactlyOneLayer() {
    List<String> misplaced = new ArrayList<>();
    runtime.stream().map(JavaClass::getPackageName).distinct().sorted().forEach(pkg -> {
      List<String> layers = LAYERS.stream().filter(layer -> layer.contains(pkg)).map(Layer::name).toList();
      if (layers.size() != 1) {
        misplaced.add(pkg + " " + layers);
      }
    });
    assertThat(misplaced).as("packages of spate-runtime in no layer or in more than one").isEmpty();
  }

  /**
   * A named layer of packages given relative to {@code io.spate.runtime} ({@code ""} is that package,
   * {@code "x.."} is x and the packages below it).
   */
  record Layer(String name, String... relative) {
    String[] packages() {
      return Arrays.stream(relative).map(r -> r.isEmpty() ? ROOT : ROOT + "." + r).toArray(String[]::new);
    }

    boolean contains(String pkg) {
      return Arrays.stream(packages()).anyMatch(pattern -> PackageMatcher.of(pattern).matches(pkg));
    }
  }
}
