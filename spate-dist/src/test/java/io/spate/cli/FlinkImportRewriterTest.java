package io.spate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class FlinkImportRewriterTest {

  private final FlinkImportMapping mapping = new FlinkImportMapping(
      Map.of(
          "org.apache.flink.streaming.api.datastream.DataStream", "io.spate.api.datastream.DataStream",
          "org.apache.flink.api.common.typeinfo.Types", "io.spate.api.typeinfo.Types",
          "org.apache.flink.api.common.ExecutionConfig", "io.spate.api.common.ExecutionConfig",
          "org.apache.flink.api.common.ExecutionConfig.GlobalJobParameters",
          "io.spate.api.common.ExecutionConfig.GlobalJobParameters"),
      Map.of(
          "org.apache.flink.api.common.functions", List.of("io.spate.api.functions"),
          "org.apache.flink.api.common.state", List.of("io.spate.api.state", "io.spate.api.checkpoint")));
  private final FlinkImportRewriter rewriter = new FlinkImportRewriter(mapping);

  @Test
  void rewritesImportsOfEveryKind() {
    String source = String.join("\n",
        "package demo;",
        "import org.apache.flink.streaming.api.datastream.DataStream;",
        "import org.apache.flink.api.common.ExecutionConfig.GlobalJobParameters;",
        "import static org.apache.flink.api.common.typeinfo.Types.STRING;",
        "import static org.apache.flink.api.common.typeinfo.Types.*;",
        "import org.apache.flink.api.common.ExecutionConfig.*;",
        "import org.apache.flink.api.common.functions.*;",
        "import org.apache.flink.api.common.state.*;",
        "");

    FlinkImportRewriter.Result result = rewriter.rewrite(source);

    assertThat(result.unmapped()).isEmpty();
    assertThat(result.text()).isEqualTo(String.join("\n",
        "package demo;",
        "import io.spate.api.datastream.DataStream;",
        "import io.spate.api.common.ExecutionConfig.GlobalJobParameters;",
        "import static io.spate.api.typeinfo.Types.STRING;",
        "import static io.spate.api.typeinfo.Types.*;",
        "import io.spate.api.common.ExecutionConfig.*;",
        "import io.spate.api.functions.*;",
        "import io.spate.api.state.*; import io.spate.api.checkpoint.*;",
        ""));
  }

  @Test
  void rewritesQualifiedNamesInCodeButNotInCommentsLiteralsOrPackageDeclarations() {
    String source = String.join("\n",
        "package org.apache.flink.streaming.api.datastream;",
        "/* org.apache.flink.streaming.api.datastream.DataStream */",
        "class A { // org.apache.flink.api.common.typeinfo.Types",
        "  Object t = org.apache.flink.api.common.typeinfo.Types.STRING;",
        "  String s = \"org.apache.flink.api.common.typeinfo.Types\" + 'o';",
        "  String block = \"\"\"",
        "      org.apache.flink.api.common.typeinfo.Types \\\"\"\" still text",
        "      \"\"\";",
        "  @org.apache.flink.api.common.ExecutionConfig.GlobalJobParameters Object x;",
        "  Object y = my.org.apache.flink.api.common.typeinfo.Types.STRING;",
        "}");

    FlinkImportRewriter.Result result = rewriter.rewrite(source);

    assertThat(result.text()).isEqualTo(source
        .replace("Object t = org.apache.flink.api.common.typeinfo.Types", "Object t = io.spate.api.typeinfo.Types")
        .replace("@org.apache.flink.api.common.ExecutionConfig.GlobalJobParameters",
            "@io.spate.api.common.ExecutionConfig.GlobalJobParameters"));
    assertThat(result.unmapped()).isEmpty();
  }

  @Test
  void reportsWhatItCannotMapWithItsLine() {
    String source = String.join("\n",
        "import org.apache.flink.api.java.ExecutionEnvironment;",
        "",
        "import static org.apache.flink.util.Preconditions.checkNotNull;",
        "import org.apache.flink.api.java.*;",
        "class B { Object o = org.apache.flink.api.java.tuple.Tuple2.of(1, 2); }");

    FlinkImportRewriter.Result result = rewriter.rewrite(source);

    assertThat(result.text()).isEqualTo(source);
    assertThat(result.unmapped()).containsExactly(
        new FlinkImportRewriter.Unmapped(1, "org.apache.flink.api.java.ExecutionEnvironment"),
        new FlinkImportRewriter.Unmapped(3, "org.apache.flink.util.Preconditions.checkNotNull"),
        new FlinkImportRewriter.Unmapped(4, "org.apache.flink.api.java.*"),
        new FlinkImportRewriter.Unmapped(5, "org.apache.flink.api.java.tuple.Tuple2"));
  }

  @Test
  void rewritingIsIdempotentKeepsLinesAndTouchesOnlyLinesNamingFlink() {
    qt().withExamples(300)
        .forAll(SourceDSL.lists().of(fragments()).ofSizeBetween(0, 30))
        .checkAssert(fragments -> {
          String source = String.join("", fragments);
          FlinkImportRewriter.Result once = rewriter.rewrite(source);
          FlinkImportRewriter.Result twice = rewriter.rewrite(once.text());

          assertThat(twice.text()).isEqualTo(once.text());
          assertThat(twice.unmapped()).isEqualTo(once.unmapped());
          List<String> before = source.lines().toList();
          List<String> after = once.text().lines().toList();
          assertThat(after).hasSameSizeAs(before);
          for (int k = 0; k < before.size(); k++) {
            if (!before.get(k).contains("org.apache.flink.")) {
              assertThat(after.get(k)).isEqualTo(before.get(k));
            }
          }
        });
  }

  /** Pieces of Java source, Flink names among them, that glue into files of any shape (unbalanced comments too). */
  private static Gen<String> fragments() {
    return SourceDSL.arbitrary().pick(List.of(
        "import org.apache.flink.streaming.api.datastream.DataStream;\n",
        "import org.apache.flink.api.common.state.*;\n",
        "import static org.apache.flink.api.common.typeinfo.Types.INT;\n",
        "import org.apache.flink.api.java.Unknown;\n",
        "org.apache.flink.api.common.ExecutionConfig.GlobalJobParameters p;\n",
        "x = org.apache.flink.api.common.typeinfo.Types.LONG;",
        "\"org.apache.flink.api.common.typeinfo.Types\"",
        "// org.apache.flink.streaming.api.datastream.DataStream\n",
        "/* ", " */", "\"", "'", "\"\"\"", "\\", "\n", " ", "class C {", "}", "import", "static", "org.apache.flink.",
        "io.spate.api.typeinfo.Types", "package org.apache.flink.x;\n"));
  }
}
