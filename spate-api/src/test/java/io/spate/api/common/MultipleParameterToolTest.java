package io.spate.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipleParameterToolTest {

  @Test
  void everyValueOfARepeatedKeyIsKeptInOrder() {
    // Each generated number n gives key "k<n mod 4>" the value n: keys repeat, in any order.
    qt().withExamples(300).forAll(lists().of(integers().between(-1000, 1000)).ofSizeBetween(0, 12))
        .checkAssert(numbers -> {
          Map<String, List<String>> expected = new LinkedHashMap<>();
          List<String> args = new ArrayList<>();
          for (int n : numbers) {
            String key = "k" + Math.floorMod(n, 4);
            expected.computeIfAbsent(key, k -> new ArrayList<>()).add(Integer.toString(n));
            args.add("--" + key);
            args.add(Integer.toString(n));
          }
          MultipleParameterTool tool = MultipleParameterTool.fromArgs(args.toArray(String[]::new));
          assertThat(tool.getNumberOfParameters()).isEqualTo(expected.size());
          assertThat(tool.toMultiMap()).isEqualTo(expected);
          expected.forEach((key, values) -> {
            assertThat(tool.getMultiParameter(key)).containsExactlyElementsOf(values);
            assertThat(tool.toMap()).containsEntry(key, values.get(values.size() - 1));
          });
          assertThat(MultipleParameterTool.fromMultiMap(new LinkedHashMap<>(expected))).isEqualTo(tool)
              .hasSameHashCodeAs(tool);
        });
  }

  @Test
  void singleValueGettersRefuseAKeyWithSeveralValues() {
    MultipleParameterTool tool =
        MultipleParameterTool.fromArgs(new String[] {"--input", "a", "--input", "b", "--port", "80", "--v"});
    assertThatThrownBy(() -> tool.get("input")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'input'").hasMessageContaining("[a, b]");
    assertThat(tool.getInt("port")).isEqualTo(80);
    assertThat(tool.has("v")).isTrue();
    assertThat(tool.getBoolean("v")).isTrue();
    assertThat(tool.getMultiParameter("missing")).isNull();
    assertThatThrownBy(() -> tool.getMultiParameterRequired("missing")).hasMessageContaining("'missing'");
    assertThat(tool.getMultiParameterRequired("input")).containsExactly("a", "b");
    assertThat(tool.getUnrequestedParameters()).isEmpty();
  }

  @Test
  void mergingAppendsTheOtherToolsValues() {
    MultipleParameterTool first = MultipleParameterTool.fromArgs(new String[] {"--input", "a", "--x", "1"});
    MultipleParameterTool second = MultipleParameterTool.fromArgs(new String[] {"--input", "b", "--y", "2"});
    first.getMultiParameter("x");
    MultipleParameterTool merged = first.mergeWith(second);
    Collection<String> inputs = merged.getMultiParameter("input");
    assertThat(inputs).containsExactly("a", "b");
    assertThat(merged.toMap()).isEqualTo(Map.of("input", "b", "x", "1", "y", "2"));
    assertThat(merged.getUnrequestedParameters()).containsExactly("y");
  }

  @Test
  void nullKeysOrValuesAreRefused() {
    Map<String, Collection<String>> withNull = new LinkedHashMap<>();
    withNull.put("a", null);
    assertThatThrownBy(() -> MultipleParameterTool.fromMultiMap(withNull))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a = null");
  }
}
