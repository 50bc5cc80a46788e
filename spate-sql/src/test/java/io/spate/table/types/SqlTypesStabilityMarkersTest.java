package io.spate.table.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.annotation.Internal;
import io.spate.api.annotation.Public;
import io.spate.api.annotation.PublicEvolving;
import io.spate.table.api.DataTypes;
import io.spate.table.api.ValidationException;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.planner.calcite.SpateTypeSystem;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the SQL type system says how stable it is, as spate-api's types do, and each of its
 * packages says what it holds.
 */
class SqlTypesStabilityMarkersTest {

  /** The packages of the type system, searched with their subpackages. */
  private static final List<String> PACKAGES = List.of("io.spate.table.types", "io.spate.table.utils");

  @Test
  void everyPublicTopLevelTypeHasExactlyOneMarker() throws IOException, URISyntaxException {
    List<Class<?>> types = new ArrayList<>(typesOf(PACKAGES));
    assertThat(types).as("the type system's classes").hasSizeGreaterThan(30).contains(DataType.class);
    types.addAll(List.of(
        DataTypes.class, DataTypes.Field.class, ValidationException.class, SpateTypeFactory.class,
        SpateTypeSystem.class));
    List<String> unmarked = types.stream()
        .filter(type -> Modifier.isPublic(type.getModifiers()))
        .filter(type -> markers(type) != 1)
        .map(Class::getName)
        .collect(Collectors.toList());
    assertThat(unmarked).as("public types without exactly one of @Public, @PublicEvolving, @Internal").isEmpty();
  }

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    Path sources = Path.of("src", "main", "java");
    for (String name : List.of("io.spate.table.types", "io.spate.table.types.logical",
        "io.spate.table.types.logical.utils", "io.spate.table.types.utils", "io.spate.table.utils",
        "io.spate.table.api", "io.spate.table.planner.calcite")) {
      assertThat(sources.resolve(name.replace('.', '/')).resolve("package-info.java")).as(name).exists();
    }
  }

  private static int markers(Class<?> type) {
    int count = 0;
    count += type.isAnnotationPresent(Public.class) ? 1 : 0;
    count += type.isAnnotationPresent(PublicEvolving.class) ? 1 : 0;
    count += type.isAnnotationPresent(Internal.class) ? 1 : 0;
    return count;
  }

  private static List<Class<?>> typesOf(List<String> packages) throws IOException, URISyntaxException {
    Path root = Path.of(DataType.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> types = new ArrayList<>();
    for (String packageName : packages) {
      Path directory = root.resolve(packageName.replace('.', '/'));
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList())) {
          String relative = root.relativize(file).toString();
          String className = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
          if (!className.contains("$") && !className.endsWith("package-info")) {
            types.add(load(className));
          }
        }
      }
    }
    return types;
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, SqlTypesStabilityMarkersTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
