package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterToolTest {

  /**
   * A map of parameters built from generated parts: keys k0, k1, ...; values that are numbers
   * (negative ones too), text that does not start with '-' (empty too), or none (a flag).
   */
  private static Map<String, String> parameters(List<String> texts, List<Long> numbers, List<Integer> kinds) {
    Map<String, String> map = new LinkedHashMap<>();
    int n = Math.min(texts.size(), Math.min(numbers.size(), kinds.size()));
    for (int i = 0; i < n; i++) {
      String text = texts.get(i);
      String value = switch (kinds.get(i)) {
        case 0 -> Long.toString(numbers.get(i));
        case 1 -> text.startsWith("-") ? "x" + text : text;
        default -> AbstractParameterTool.NO_VALUE_KEY;
      };
      map.put("k" + i, value);
    }
    return map;
  }

  /** {@code map} as command-line arguments, each key with one or two dashes as {@code doubleDash} says. */
  private static String[] args(Map<String, String> map, List<Boolean> doubleDash) {
    List<String> args = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> e : map.entrySet()) {
      args.add((doubleDash.get(i++ % doubleDash.size()) ? "--" : "-") + e.getKey());
      if (!e.getValue().equals(AbstractParameterTool.NO_VALUE_KEY)) {
        args.add(e.getValue());
      }
    }
    return args.toArray(String[]::new);
  }

  @Test
  void argumentsBuiltFromAMapParseBackToIt() {
    qt().withExamples(300)
        .forAll(lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 8)).ofSizeBetween(0, 8),
            lists().of(longs().all()).ofSize(8),
            lists().of(integers().between(0, 2)).ofSize(8),
            lists().of(booleans().all()).ofSize(8))
        .checkAssert((texts, numbers, kinds, doubleDash) -> {
          Map<String, String> map = parameters(texts, numbers, kinds);
          ParameterTool tool = ParameterTool.fromArgs(args(map, doubleDash));
          assertThat(tool.toMap()).isEqualTo(map);
          assertThat(tool.getNumberOfParameters()).isEqualTo(map.size());
          assertThat(tool.getUnrequestedParameters()).isEqualTo(map.keySet());
          map.forEach((key, value) -> {
            assertThat(tool.has(key)).isTrue();
            assertThat(tool.get(key)).isEqualTo(value);
          });
          assertThat(tool.getUnrequestedParameters()).isEmpty();
        });
  }

  @Test
  void numbersReadBackAsTheTypesAskedFor() {
    qt().withExamples(300).forAll(longs().all(), integers().all()).checkAssert((l, i) -> {
      ParameterTool tool = ParameterTool.fromArgs(new String[] {"--long", Long.toString(l), "-int", Integer.toString(i),
          "--double", Double.toString(l / 7.0)});
      assertThat(tool.getLong("long")).isEqualTo(l);
      assertThat(tool.getInt("int")).isEqualTo(i);
      assertThat(tool.getLong("int", 0L)).isEqualTo((long) i);
      assertThat(tool.getDouble("double")).isEqualTo(l / 7.0);
    });
  }

  @Test
  void aSerializedToolIsEqualToTheOriginalAndHashesAlike() {
    qt().withExamples(100)
        .forAll(lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 8)).ofSizeBetween(0, 8),
            lists().of(longs().all()).ofSize(8), lists().of(integers().between(0, 2)).ofSize(8))
        .checkAssert((texts, numbers, kinds) -> {
          ParameterTool tool = ParameterTool.fromMap(parameters(texts, numbers, kinds));
          ParameterTool copy = roundTrip(tool);
          assertThat(copy).isEqualTo(tool).hasSameHashCodeAs(tool).isNotSameAs(tool);
          assertThat(copy.toMap()).isEqualTo(tool.toMap());
          assertThat(copy.getUnrequestedParameters()).isEqualTo(tool.getUnrequestedParameters());
          assertThat(copy.clone()).isEqualTo(tool);
        });
  }

  private static <T> T roundTrip(T value) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        @SuppressWarnings("unchecked")
        T read = (T) in.readObject();
        return read;
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void flagsNegativeNumbersAndRepeatedKeys() {
    ParameterTool tool = ParameterTool.fromArgs(
        new String[] {"--verbose", "--offset", "-5", "-ratio", "-0.5e3", "--input", "a", "--input", "b", "--last"});
    assertThat(tool.has("verbose")).isTrue();
    assertThat(tool.get("verbose")).isEqualTo(AbstractParameterTool.NO_VALUE_KEY);
    assertThat(tool.getBoolean("verbose")).isTrue();
    assertThat(tool.getInt("offset")).isEqualTo(-5);
    assertThat(tool.getDouble("ratio")).isEqualTo(-500.0);
    assertThat(tool.get("input")).isEqualTo("b");
    assertThat(tool.has("last")).isTrue();
    assertThat(tool.getNumberOfParameters()).isEqualTo(5);
  }

  @Test
  void defaultsApplyOnlyToAbsentKeys() {
    ParameterTool tool = ParameterTool.fromArgs(new String[] {"--port", "9000", "--debug", "FALSE"});
    assertThat(tool.getInt("port", 1)).isEqualTo(9000);
    assertThat(tool.getInt("missing", 7)).isEqualTo(7);
    assertThat(tool.getLong("missing", 7L)).isEqualTo(7L);
    assertThat(tool.getFloat("missing", 1.5f)).isEqualTo(1.5f);
    assertThat(tool.getDouble("missing", 2.5)).isEqualTo(2.5);
    assertThat(tool.getShort("missing", (short) 3)).isEqualTo((short) 3);
    assertThat(tool.getByte("missing", (byte) 4)).isEqualTo((byte) 4);
    assertThat(tool.getBoolean("missing", true)).isTrue();
    assertThat(tool.getBoolean("debug", true)).isFalse();
    assertThat(tool.get("missing", "fallback")).isEqualTo("fallback");
    assertThat(tool.get("missing")).isNull();
    assertThat(tool.has("missing")).isFalse();
  }

  @Test
  void argumentsThatAreNeitherKeysNorValuesAreRefusedNamingThem() {
    assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"input.txt"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'input.txt'")
        .hasMessageContaining("argument 1");
    assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"--a", "1", "2"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'2'").hasMessageContaining("argument 3");
    assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"--"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a key");
    assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"-x", "-"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argument 2");
  }

  @Test
  void aMissingRequiredKeyOrABadValueIsAnErrorNamingTheKey() {
    ParameterTool tool = ParameterTool.fromArgs(new String[] {"--port", "80a", "--big", "4000000000", "--flag",
        "--yes", "yes"});
    assertThatThrownBy(() -> tool.getRequired("host")).hasMessageContaining("'host'");
    assertThatThrownBy(() -> tool.getInt("host")).hasMessageContaining("'host'");
    assertThatThrownBy(() -> tool.getInt("port")).isInstanceOf(NumberFormatException.class)
        .hasMessage("Parameter 'port' has '80a', which is not an int.");
    assertThatThrownBy(() -> tool.getInt("port", 1)).isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("'port'");
    assertThatThrownBy(() -> tool.getInt("big")).isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("'big'").hasMessageContaining("4000000000");
    assertThat(tool.getLong("big")).isEqualTo(4_000_000_000L);
    assertThatThrownBy(() -> tool.getShort("big")).hasMessageContaining("not a short");
    assertThatThrownBy(() -> tool.getByte("port")).hasMessageContaining("not a byte");
    assertThatThrownBy(() -> tool.getDouble("flag")).isInstanceOf(NumberFormatException.class)
        .hasMessage("Parameter 'flag' has no value, which is not a double.");
    assertThatThrownBy(() -> tool.getBoolean("yes")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'yes'").hasMessageContaining("true or false");
  }

  @Test
  void mergingKeepsTheOtherToolsValueAndWhatWasRequested() {
    ParameterTool first = ParameterTool.fromMap(Map.of("a", "1", "b", "2"));
    ParameterTool second = ParameterTool.fromMap(Map.of("b", "3", "c", "4"));
    first.get("a");
    second.get("c");
    ParameterTool merged = first.mergeWith(second);
    assertThat(merged.toMap()).isEqualTo(Map.of("a", "1", "b", "3", "c", "4"));
    assertThat(merged.getUnrequestedParameters()).containsExactly("b");
  }

  @Test
  void propertiesFilesStreamsAndMapsGiveTheSameParameters(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("job.properties");
    Files.writeString(file, "input=/data/in\nparallelism = 4\n# a comment\n", StandardCharsets.UTF_8);
    Map<String, String> expected = Map.of("input", "/data/in", "parallelism", "4");
    assertThat(ParameterTool.fromPropertiesFile(file.toString()).toMap()).isEqualTo(expected);
    assertThat(ParameterTool.fromPropertiesFile(file.toFile()).toMap()).isEqualTo(expected);
    try (var in = Files.newInputStream(file)) {
      assertThat(ParameterTool.fromPropertiesFile(in).toMap()).isEqualTo(expected);
    }
    ParameterTool tool = ParameterTool.fromMap(expected);
    assertThat(tool.getConfiguration().toMap()).isEqualTo(expected);
    Properties properties = tool.getProperties();
    assertThat(properties).containsEntry("input", "/data/in").containsEntry("parallelism", "4").hasSize(2);
    File missing = dir.resolve("missing.properties").toFile();
    assertThatThrownBy(() -> ParameterTool.fromPropertiesFile(missing)).isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining(missing.getAbsolutePath());
  }

  @Test
  void thePropertiesFileListsEveryKeyReadWithItsDefault(@TempDir Path dir) throws IOException {
    ParameterTool tool = ParameterTool.fromArgs(new String[] {"--input", "in.txt"});
    tool.getRequired("input");
    tool.getInt("parallelism", 4);
    tool.get("output");
    Path file = dir.resolve("template.properties");
    tool.createPropertiesFile(file.toString());
    assertThat(ParameterTool.fromPropertiesFile(file.toFile()).toMap()).isEqualTo(
        Map.of("input", AbstractParameterTool.DEFAULT_UNDEFINED, "parallelism", "4"));
    assertThatThrownBy(() -> tool.createPropertiesFile(file.toString())).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toAbsolutePath().toString());
    tool.get("output", "out.txt");
    tool.createPropertiesFile(file.toString(), true);
    assertThat(ParameterTool.fromPropertiesFile(file.toFile()).get("output")).isEqualTo("out.txt");
  }

  @Test
  void systemPropertiesAreParameters() {
    System.setProperty("parameter-tool-test.key", "value");
    try {
      assertThat(ParameterTool.fromSystemProperties().get("parameter-tool-test.key")).isEqualTo("value");
    } finally {
      System.clearProperty("parameter-tool-test.key");
    }
  }

  @Test
  void theToolIsTheJobsGlobalParameters() {
    ExecutionConfig config = new ExecutionConfig(new io.spate.api.configuration.Configuration());
    assertThat(config.getGlobalJobParameters().toMap()).isEmpty();
    ParameterTool tool = ParameterTool.fromArgs(new String[] {"--a", "1"});
    config.setGlobalJobParameters(tool);
    assertThat(config.getGlobalJobParameters()).isSameAs(tool);
    assertThat(config.getGlobalJobParameters().toMap()).isEqualTo(Map.of("a", "1"));
    assertThatThrownBy(() -> config.setGlobalJobParameters(null)).isInstanceOf(NullPointerException.class);
    assertThat(new ExecutionConfig.GlobalJobParameters()).isEqualTo(new ExecutionConfig.GlobalJobParameters())
        .isNotEqualTo(tool);
  }
}
