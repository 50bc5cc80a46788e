package io.spate.api;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the package structure of spate-api (docs/architecture.md): no package cycles, and every
 * package imports only packages listed before it in {@link #LAYERS}, apart from the edges in {@link
 * #ALLOWED_EDGES}, each of which says why it stays.
 */
class ApiArchitectureTest {

  private static final String API = "io.spate.api";

  /**
   * spate-api's packages, bottom to top (relative to io.spate.api): a package may import only the
   * packages above it in this list. A new package must be added here.
   */
  static final List<String> LAYERS = List.of(
      "annotation",
      "util",
      "fs",
      "types",
      "tuple",
      "windowing.time",
      "metrics",
      "metrics.reporter",
      "metrics.groups",
      "eventtime",
      "serialization",
      "accumulators",
      "typeinfo",
      "configuration",
      "state",
      "checkpoint",
      "common",
      "functions",
      "serialization.schema",
      "functions.async",
      "windowing.windows",
      "functions.windowing",
      "windowing.triggers",
      "windowing.evictors",
      "windowing.assigners",
      "datastream.aggregation",
      "connector.source",
      "connector.source.lib",
      "functions.source",
      "functions.source.datagen",
      "connector.sink",
      "functions.sink",
      "connector.sink.lib",
      "operators.state",
      "operators",
      "operators.builtin",
      "operators.builtin.windowing",
      "dag",
      "execution",
      "datastream");

  /**
   * The imports that run against {@link #LAYERS} and stay: each is a public signature a Flink user
   * relies on. {@code origin} is a class or a whole package, {@code target} a class (with its nested
   * classes).
   */
  static final List<AllowedEdge> ALLOWED_EDGES = List.of(
      new AllowedEdge("io.spate.api.configuration", "io.spate.api.checkpoint.CheckpointingMode",
          "CheckpointingOptions.CHECKPOINTING_MODE is typed by the enum that enableCheckpointing and"
              + " CheckpointConfig take, as Flink's option is"),
      new AllowedEdge("io.spate.api.configuration", "io.spate.api.checkpoint.ExternalizedCheckpointRetention",
          "CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION is typed by the enum that"
              + " CheckpointConfig.setExternalizedCheckpointRetention takes"),
      new AllowedEdge("io.spate.api.configuration", "io.spate.api.common.RuntimeExecutionMode",
          "CoreOptions.RUNTIME_MODE is typed by the enum that setRuntimeMode takes, and Flink's"
              + " CheckpointingOptions.isCheckpointingEnabled reads it (a batch job never checkpoints)"),
      new AllowedEdge("io.spate.api.configuration", "io.spate.api.common.ExecutionConfig",
          "Flink's Configuration is an ExecutionConfig.GlobalJobParameters (setGlobalJobParameters(conf)), and"
              + " PipelineOptions.CLOSURE_CLEANER_LEVEL is typed by ExecutionConfig.ClosureCleanerLevel"),
      new AllowedEdge("io.spate.api.state.ReducingStateDescriptor", "io.spate.api.functions.ReduceFunction",
          "Flink's constructor ReducingStateDescriptor(name, ReduceFunction, type)"),
      new AllowedEdge("io.spate.api.state.AggregatingStateDescriptor", "io.spate.api.functions.AggregateFunction",
          "Flink's constructor AggregatingStateDescriptor(name, AggregateFunction, type)"),
      new AllowedEdge("io.spate.api.typeinfo.TypeInformationOverrides", "io.spate.api.configuration.Configuration",
          "the ExecutionConfig handed to an older createSerializer(ExecutionConfig) override is made from a"
              + " Configuration"),
      new AllowedEdge("io.spate.api.typeinfo", "io.spate.api.common.ExecutionConfig",
          "Flink's deprecated TypeInformation.createSerializer(ExecutionConfig) and"
              + " PojoTypeInfo.createPojoSerializer(ExecutionConfig), which older type information overrides"),
      new AllowedEdge("io.spate.api.typeinfo.TypeExtractor", "io.spate.api.functions.Function",
          "Flink's static TypeExtractor methods that take the function (getMapReturnTypes(MapFunction, ...) and the like)"),
      new AllowedEdge("io.spate.api.typeinfo.TypeExtractor", "io.spate.api.functions.MapFunction",
          "Flink's static TypeExtractor methods that take the function (getMapReturnTypes(MapFunction, ...) and the like)"),
      new AllowedEdge("io.spate.api.typeinfo.TypeExtractor", "io.spate.api.functions.FlatMapFunction",
          "Flink's static TypeExtractor methods that take the function (getMapReturnTypes(MapFunction, ...) and the like)"),
      new AllowedEdge("io.spate.api.typeinfo.TypeExtractor", "io.spate.api.functions.AggregateFunction",
          "Flink's static TypeExtractor methods that take the function (getMapReturnTypes(MapFunction, ...) and the like)"),
      new AllowedEdge("io.spate.api.typeinfo.TypeExtractor", "io.spate.api.functions.JoinFunction",
          "Flink's static TypeExtractor methods that take the function (getMapReturnTypes(MapFunction, ...) and the like)"),
      new AllowedEdge("io.spate.api.typeinfo.TypeExtractor", "io.spate.api.functions.FlatJoinFunction",
          "Flink's static TypeExtractor methods that take the function (getMapReturnTypes(MapFunction, ...) and the like)"),
      new AllowedEdge("io.spate.api.typeinfo.TypeExtractor", "io.spate.api.functions.CoGroupFunction",
          "Flink's static TypeExtractor methods that take the function (getMapReturnTypes(MapFunction, ...) and the like)"),
      new AllowedEdge("io.spate.api.typeinfo.TypeExtractor", "io.spate.api.functions.KeySelector",
          "Flink's static TypeExtractor methods that take the function (getMapReturnTypes(MapFunction, ...) and the like)"),
      new AllowedEdge("io.spate.api.typeinfo.TypeExtractor", "io.spate.api.functions.Partitioner",
          "Flink's static TypeExtractor methods that take the function (getMapReturnTypes(MapFunction, ...) and the like)"),
      new AllowedEdge("io.spate.api.windowing.windows.TimeWindow",
          "io.spate.api.windowing.assigners.MergingWindowAssigner",
          "Flink's static TimeWindow.mergeWindows(Collection<TimeWindow>,"
              + " MergingWindowAssigner.MergeCallback<TimeWindow>), which custom merging assigners call"),
      new AllowedEdge("io.spate.api.windowing.assigners.WindowAssigner",
          "io.spate.api.datastream.StreamExecutionEnvironment",
          "Flink's WindowAssigner.getDefaultTrigger(StreamExecutionEnvironment), which custom assigners override"),
      // Flink's core.fs and util classes that read and write their binary form, and take file paths.
      new AllowedEdge("io.spate.api.fs.Path", "io.spate.api.serialization.IOReadableWritable",
          "Flink's Path implements IOReadableWritable"),
      new AllowedEdge("io.spate.api.fs.Path", "io.spate.api.serialization.DataInputView",
          "Flink's Path.read(DataInputView) and Path.deserializeFromDataInputView(DataInputView)"),
      new AllowedEdge("io.spate.api.fs.Path", "io.spate.api.serialization.DataOutputView",
          "Flink's Path.write(DataOutputView) and Path.serializeToDataOutputView(Path, DataOutputView)"),
      new AllowedEdge("io.spate.api.util.StringUtils", "io.spate.api.serialization.DataInputView",
          "Flink's StringUtils.readString(DataInputView) and readNullableString(DataInputView)"),
      new AllowedEdge("io.spate.api.util.StringUtils", "io.spate.api.serialization.DataOutputView",
          "Flink's StringUtils.writeString(String, DataOutputView) and writeNullableString"),
      new AllowedEdge("io.spate.api.util.TimeUtils", "io.spate.api.windowing.time.Time",
          "Flink's TimeUtils.toDuration(Time)"),
      new AllowedEdge("io.spate.api.util.FileUtils", "io.spate.api.fs.Path",
          "Flink's FileUtils.copy, compressDirectory, expandDirectory and absolutizePath take core.fs.Path"),
      new AllowedEdge("io.spate.api.util.FileUtils", "io.spate.api.fs.FileSystem",
          "FileUtils.absolutizePath resolves against the path's file system, as Flink's does"),
      new AllowedEdge("io.spate.api.util.FileUtils", "io.spate.api.fs.LocalFileSystem",
          "FileUtils' core.fs.Path methods work on local files, the only file system Spate has"),
      new AllowedEdge("io.spate.api.state.StateDescriptor", "io.spate.api.common.ExecutionConfig",
          "Flink's StateDescriptor.initializeSerializerUnlessSet(ExecutionConfig)"),
      new AllowedEdge("io.spate.api.state.MapStateDescriptor", "io.spate.api.common.ExecutionConfig",
          "MapStateDescriptor overrides Flink's initializeSerializerUnlessSet(ExecutionConfig)"));

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(API);
  }

  @Test
  void packagesHaveNoCycles() {
    SliceRule rule = slices().matching(API + ".(**)").namingSlices("$1").should().beFreeOfCycles()
        .as("no import cycles between spate-api's packages");
    for (AllowedEdge edge : ALLOWED_EDGES) {
      rule = rule.ignoreDependency(edge.originPredicate(), edge.targetPredicate());
    }
    rule.check(classes);
  }

  @Test
  void packagesImportOnlyTheLayersBelowThem() {
    LayeredArchitecture architecture = layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .ensureAllClassesAreContainedInArchitecture();
    for (String layer : LAYERS) {
      architecture = architecture.layer(layer).definedBy(API + "." + layer);
    }
    List<String> below = new ArrayList<>();
    for (String layer : LAYERS) {
      architecture = below.isEmpty()
          ? architecture.whereLayer(layer).mayNotAccessAnyLayer()
          : architecture.whereLayer(layer).mayOnlyAccessLayers(below.toArray(String[]::new));
      below.add(layer);
    }
    for (AllowedEdge edge : ALLOWED_EDGES) {
      architecture = architecture.ignoreDependency(edge.originPredicate(), edge.targetPredicate());
    }
    architecture.as("spate-api's packages import only packages below them (docs/architecture.md)")
        .check(classes);
  }

  /** An allowed edge that no class uses any more must be deleted, so the list never hides a new import. */
  @Test
  void everyAllowedEdgeIsStillUsed() {
    for (AllowedEdge edge : ALLOWED_EDGES) {
      boolean used = classes.stream()
          .filter(edge.originPredicate())
          .flatMap(origin -> origin.getDirectDependenciesFromSelf().stream())
          .anyMatch(dependency -> edge.targetPredicate().test(dependency.getTargetClass()));
      assertThat(used)
          .as("allowed edge %s -> %s is no longer used; remove it from ALLOWED_EDGES", edge.origin(), edge.target())
          .isTrue();
    }
  }

  /** One import that runs against the layer order and stays, with the reason. */
  record AllowedEdge(String origin, String target, String reason) {

    DescribedPredicate<JavaClass> originPredicate() {
      return DescribedPredicate.describe(origin + " (" + reason + ")",
          c -> c.getPackageName().equals(origin) || topLevel(c).getName().equals(origin));
    }

    DescribedPredicate<JavaClass> targetPredicate() {
      return DescribedPredicate.describe(target, c -> topLevel(c).getName().equals(target));
    }

    private static JavaClass topLevel(JavaClass c) {
      JavaClass current = c;
      while (current.getEnclosingClass().isPresent()) {
        current = current.getEnclosingClass().get();
      }
      return current;
    }
  }
}
