package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every constructor and method docs/flink-compatibility.md counts as present (listed in
 * flink-compat/present-signatures.txt, generated with it) still exists: a change that removes or retypes
 * one fails here, naming it, rather than silently lowering the coverage.
 */
class FlinkSignaturesTest {

  private static final String LIST = "/flink-compat/present-signatures.txt";

  @Test
  void everySignatureListedAsPresentExists() throws IOException {
    List<String> signatures = signatures();
    assertThat(signatures).as(LIST).hasSizeGreaterThan(100);

    List<String> gone = new ArrayList<>();
    for (String signature : signatures) {
      String problem = problemWith(signature);
      if (problem != null) {
        gone.add(signature + ": " + problem);
      }
    }
    assertThat(gone).as("signatures docs/flink-compatibility.md lists as present that Spate no longer has;"
        + " restore them, or regenerate the report as its header says if the change is meant").isEmpty();
  }

  /** What is wrong with one line of the list, or null when the member exists. */
  static String problemWith(String signature) {
    String[] words = signature.split(" ");
    ClassLoader loader = FlinkSignaturesTest.class.getClassLoader();
    try {
      Class<?> owner = Class.forName(words[0], false, loader);
      Class<?>[] parameters = new Class<?>[words.length - 2];
      for (int k = 2; k < words.length; k++) {
        parameters[k - 2] = type(words[k], loader);
      }
      if (words[1].equals("<init>")) {
        owner.getConstructor(parameters);
      } else {
        owner.getMethod(words[1], parameters);
      }
      return null;
    } catch (ClassNotFoundException e) {
      return "class " + e.getMessage() + " not found";
    } catch (NoSuchMethodException e) {
      return "no such public member";
    }
  }

  @Test
  void aMissingClassOrMemberIsNamed() {
    assertThat(problemWith("io.spate.api.datastream.DataStream map io.spate.api.functions.MapFunction")).isNull();
    assertThat(problemWith("io.spate.api.datastream.DataStream map java.lang.String"))
        .isEqualTo("no such public member");
    assertThat(problemWith("io.spate.api.datastream.DataStream <init> int[]")).isEqualTo("no such public member");
    assertThat(problemWith("io.spate.api.NoSuchClass run")).isEqualTo("class io.spate.api.NoSuchClass not found");
  }

  private static Class<?> type(String name, ClassLoader loader) throws ClassNotFoundException {
    if (name.endsWith("[]")) {
      return type(name.substring(0, name.length() - 2), loader).arrayType();
    }
    return switch (name) {
      case "boolean" -> boolean.class;
      case "byte" -> byte.class;
      case "char" -> char.class;
      case "short" -> short.class;
      case "int" -> int.class;
      case "long" -> long.class;
      case "float" -> float.class;
      case "double" -> double.class;
      default -> Class.forName(name, false, loader);
    };
  }

  private static List<String> signatures() throws IOException {
    try (InputStream in = FlinkSignaturesTest.class.getResourceAsStream(LIST)) {
      assertThat(in).as(LIST + " on the test class path").isNotNull();
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }
  }
}
