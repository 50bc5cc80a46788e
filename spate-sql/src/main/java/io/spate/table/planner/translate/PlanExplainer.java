package io.spate.table.planner.translate;

import io.spate.api.annotation.Internal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.externalize.RelWriterImpl;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.util.Pair;

/** The text of a plan for {@code EXPLAIN}: a node per line, with the changes each emits if asked. */
@Internal
public final class PlanExplainer {

  private PlanExplainer() {}

  /** {@code plan} as text; with a {@code changelog}, every node shows its {@code changelogMode}. */
  public static String explain(RelNode plan, ChangelogInference changelog) {
    return explain(plan, changelog, scan -> Map.of());
  }

  /**
   * {@code plan} as text; with a {@code changelog}, every node shows its {@code changelogMode}, and a
   * scan what was pushed into its source ({@code project=[...]}, {@code watermark=[...]}, by {@code pushed}).
   */
  public static String explain(RelNode plan, ChangelogInference changelog,
      Function<TableScan, Map<String, String>> pushed) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    plan.explain(new RelWriterImpl(out, SqlExplainLevel.EXPPLAN_ATTRIBUTES, false) {
      @Override
      protected void explain_(RelNode node, List<Pair<String, Object>> values) {
        Map<String, String> intoSource = node instanceof TableScan scan ? pushed.apply(scan) : Map.of();
        if (!intoSource.isEmpty()) {
          values = new ArrayList<>(values);
          for (Map.Entry<String, String> entry : intoSource.entrySet()) {
            values.add(Pair.of(entry.getKey(), entry.getValue()));
          }
        }
        String level = SplitDistinctAggregation.levelOf(node);
        if (level != null) {
          values = new ArrayList<>(values);
          values.add(Pair.of("partialFinalType", level));
        }
        if (changelog == null) {
          super.explain_(node, values);
          return;
        }
        List<Pair<String, Object>> withMode = new ArrayList<>(values);
        String mode = changelog.modeOf(node).toString();
        withMode.add(Pair.of("changelogMode", mode.substring(1, mode.length() - 1)));
        super.explain_(node, withMode);
      }
    });
    out.flush();
    return text.toString();
  }
}
