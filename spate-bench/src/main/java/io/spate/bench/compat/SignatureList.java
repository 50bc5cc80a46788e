package io.spate.bench.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The Spate signatures the report found present, one a line ({@code class member parameterType...}, binary
 * names, {@code <init>} for a constructor), which a test of the default build loads by reflection.
 */
public final class SignatureList {

  private SignatureList() {}

  public static String render(List<ClassResult> results, String header) {
    TreeSet<String> lines = new TreeSet<>();
    for (ClassResult result : results) {
      if (result.mirror().isEmpty()) {
        continue;
      }
      for (MemberVerdict verdict : result.verdicts()) {
        if (verdict.status() == MemberVerdict.Status.PRESENT) {
          List<String> words = new ArrayList<>();
          words.add(result.mirror().get().binaryName());
          words.add(verdict.flinkMember().name());
          words.addAll(verdict.spateParameterTypes());
          lines.add(String.join(" ", words));
        }
      }
    }
    StringBuilder text = new StringBuilder();
    header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
    lines.forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }
}
