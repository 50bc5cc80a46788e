package io.spate.bench.compat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Compares Apache Flink's DataStream-facing classes (from Flink's jars on this JVM's class path) with
 * Spate's (from the modules' target/classes) and writes docs/flink-compatibility.md, the list of present
 * signatures that spate-dist's FlinkSignaturesTest checks, and the mapping {@code spate port} rewrites
 * imports with. Argument: the repository root.
 */
public final class FlinkCompatibilityGenerator {

  static final String REGENERATE = "mvn -B -o -q -Pflink -pl spate-bench -am clean process-classes -DskipTests\n"
      + "java -cp \"spate-bench/target/classes:$(cat spate-bench/target/flink-classpath.txt)\""
      + " io.spate.bench.compat.FlinkCompatibilityGenerator .";

  /** Spate's modules whose classes may mirror Flink's, in order of preference when names tie. */
  static final List<String> SPATE_MODULES = List.of("spate-api", "spate-connectors", "spate-state-rocksdb", "spate-runtime");

  /** The report's scope: a jar's name prefix and the class-file path prefixes read from it. */
  private record Scope(String jarPrefix, List<String> pathPrefixes) {}

  private static final List<Scope> REPORT_SCOPE = List.of(
      new Scope("flink-streaming-java-", List.of("org/apache/flink/streaming/api/")),
      new Scope("flink-core-", List.of("org/apache/flink/api/common/", "org/apache/flink/api/java/",
          "org/apache/flink/configuration/", "org/apache/flink/core/fs/", "org/apache/flink/types/",
          "org/apache/flink/util/")),
      new Scope("flink-connector-files-", List.of("org/apache/flink/connector/file/")));

  private FlinkCompatibilityGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: FlinkCompatibilityGenerator <repository root>");
      System.exit(2);
    }
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    List<File> flinkJars = flinkJarsOnClassPath();

    List<ClassModel> spateModels = new ArrayList<>();
    for (String module : SPATE_MODULES) {
      Path classes = root.resolve(module).resolve("target/classes");
      if (!Files.isDirectory(classes)) {
        throw new IllegalStateException(classes + " does not exist: build first with " + REGENERATE.lines().findFirst().get());
      }
      spateModels.addAll(readDirectory(classes, module));
    }
    Path reasonsFile = root.resolve("spate-bench/src/flink/resources/compat-reasons.properties");
    ReasonPatterns reasons;
    try (Reader reader = Files.newBufferedReader(reasonsFile, StandardCharsets.UTF_8)) {
      reasons = ReasonPatterns.read(reader);
    }
    SpateMirrors mirrors = new SpateMirrors(new ClassIndex(spateModels), SPATE_MODULES, reasons::namesClass);

    List<ClassModel> reportModels = new ArrayList<>();
    List<ClassModel> allFlinkModels = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (File jar : flinkJars) {
      List<ClassModel> models = readJar(jar);
      allFlinkModels.addAll(models);
      for (Scope scope : REPORT_SCOPE) {
        if (jar.getName().startsWith(scope.jarPrefix())) {
          sources.add(jar.getName());
          models.stream().filter(m -> scope.pathPrefixes().stream()
              .anyMatch(p -> m.binaryName().replace('.', '/').startsWith(p))).forEach(reportModels::add);
        }
      }
    }
    if (sources.size() < REPORT_SCOPE.size()) {
      throw new IllegalStateException("Flink's jars are not all on the class path (found " + sources + "): run with"
          + " the class path of spate-bench's flink profile, as in: " + REGENERATE.replace('\n', ' '));
    }

    List<ClassResult> results = new CompatibilityComparison(new ClassIndex(reportModels), mirrors, reasons).compareAll();

    String sourceList = String.join(", ", sources.stream().sorted().toList());
    write(root.resolve("docs/flink-compatibility.md"), new CompatibilityMarkdown(sourceList, REGENERATE).render(results));
    String header = "Generated with docs/flink-compatibility.md from " + sourceList + "; do not edit. Regenerate with:\n"
        + REGENERATE;
    write(root.resolve("spate-dist/src/test/resources/flink-compat/present-signatures.txt"),
        SignatureList.render(results, header + "\nEach line: Spate class, member (<init> for a constructor), parameter types."));
    ClassIndex allFlink = new ClassIndex(allFlinkModels);
    List<ClassModel> portable = allFlinkModels.stream().filter(allFlink::isVisibleOutside).toList();
    write(root.resolve("spate-dist/src/main/resources/io/spate/cli/flink-port-mapping.properties"),
        PortMapping.render(portable, mirrors, header.replace("docs/flink-compatibility.md", "docs/flink-compatibility.md,"
            + " from every Flink jar of the flink profile,")));
    long present = results.stream().mapToLong(r -> r.count(MemberVerdict.Status.PRESENT)).sum();
    long members = results.stream().filter(r -> r.mirror().isPresent()).mapToLong(r -> r.verdicts().size()).sum();
    System.out.printf("%d Flink classes in scope, %d mirrored; %d of %d members present%n", results.size(),
        results.stream().filter(r -> r.mirror().isPresent()).count(), present, members);
  }

  private static List<File> flinkJarsOnClassPath() {
    List<File> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      File file = new File(entry);
      if (file.getName().startsWith("flink-") && !file.getName().startsWith("flink-shaded") && file.getName().endsWith(".jar")) {
        jars.add(file);
      }
    }
    return jars;
  }

  private static List<ClassModel> readJar(File jar) throws IOException {
    List<ClassModel> models = new ArrayList<>();
    try (JarFile file = new JarFile(jar)) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
          try (InputStream in = file.getInputStream(entry)) {
            models.add(ClassFileReader.read(in.readAllBytes(), jar.getName()));
          }
        }
      }
    }
    return models;
  }

  private static List<ClassModel> readDirectory(Path classes, String module) throws IOException {
    try (Stream<Path> files = Files.walk(classes)) {
      return files.filter(f -> f.toString().endsWith(".class")).map(f -> {
        try {
          return ClassFileReader.read(Files.readAllBytes(f), module);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    System.out.println("wrote " + file);
  }
}
