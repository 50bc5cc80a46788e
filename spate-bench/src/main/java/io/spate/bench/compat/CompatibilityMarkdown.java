package io.spate.bench.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes docs/flink-compatibility.md from the comparison's results. */
public final class CompatibilityMarkdown {

  private final String sources;
  private final String regenerateCommands;

  /**
   * @param sources what was read, e.g. "flink-core-1.20.5.jar, ..."
   * @param regenerateCommands the shell lines that regenerate the page, one per line
   */
  public CompatibilityMarkdown(String sources, String regenerateCommands) {
    this.sources = sources;
    this.regenerateCommands = regenerateCommands;
  }

  public String render(List<ClassResult> results) {
    StringBuilder page = new StringBuilder();
    page.append("# Compatibility with Apache Flink's DataStream API\n\n");
    page.append("<!-- Generated: do not edit. The reasons for classes Spate does not mirror are in"
        + " spate-bench/src/flink/resources/compat-reasons.properties. -->\n\n");
    page.append("This page is generated from the class files of ").append(sources).append(" and Spate's own jars. ")
        .append("Regenerate it (and the signature list and the `spate port` mapping written with it) from the repository root:\n\n")
        .append("```bash\n").append(regenerateCommands).append("\n```\n\n");
    page.append("A Flink class is in scope when it is public (and so are the classes around it), neither anonymous nor"
        + " synthetic, and not marked `@Internal`. Spate mirrors it when a public, non-internal Spate class has the same"
        + " name after the package (`Outer.Inner` for a nested class); when several do, the one whose package shares most"
        + " words with Flink's is chosen, and the choice is listed below. A Flink class that compat-reasons.properties"
        + " names by itself (not by its package) is not mirrored whatever Spate's names: the reason says why Spate's class"
        + " of that name does not stand for it. A public constructor or method of the Flink class"
        + " is present when the Spate class has one (declared or inherited) of the same name whose parameter types are"
        + " Flink's with each Flink class replaced by its Spate mirror, and whose return type is that of Flink with the"
        + " same replacement, or a subtype of it. Generic type arguments are not compared; `equals`, `hashCode` and"
        + " `toString` are left out, as every class has them. How to port a program: [porting-from-flink.md](porting-from-flink.md).\n\n");
    appendCoverage(page, results);
    appendGaps(page, results);
    appendChoices(page, results);
    appendUnmirrored(page, results);
    return page.toString();
  }

  private void appendCoverage(StringBuilder page, List<ClassResult> results) {
    Totals all = new Totals();
    Map<String, Totals> byPackage = new TreeMap<>();
    for (ClassResult result : results) {
      all.add(result);
      byPackage.computeIfAbsent(result.flinkClass().packageName(), p -> new Totals()).add(result);
    }
    page.append("## Coverage\n\n");
    page.append(String.format(Locale.ROOT, "**%d of the %d public constructors and methods (%s) of the %d Flink classes"
            + " Spate mirrors are present.** Of %d Flink classes in scope, Spate mirrors %d; %d are not mirrored, %d of"
            + " them with a reason and %d \"not yet\".\n\n",
        all.present, all.members, percent(all.present, all.members), all.mirrored, all.classes, all.mirrored,
        all.classes - all.mirrored, all.withReason, all.classes - all.mirrored - all.withReason));
    page.append("| package | classes | mirrored | their members | present | typed differently | missing | coverage |\n");
    page.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    byPackage.forEach((packageName, totals) -> page.append(String.format(Locale.ROOT,
        "| `%s` | %d | %d | %d | %d | %d | %d | %s |\n", packageName, totals.classes, totals.mirrored, totals.members,
        totals.present, totals.typedDifferently, totals.members - totals.present - totals.typedDifferently,
        percent(totals.present, totals.members))));
    page.append('\n');
  }

  private void appendGaps(StringBuilder page, List<ClassResult> results) {
    page.append("## What mirrored classes lack\n\n");
    page.append("Each mirrored class with a constructor or method Spate lacks or types differently, by Flink package.\n");
    String currentPackage = null;
    for (ClassResult result : results) {
      if (result.mirror().isEmpty() || result.count(MemberVerdict.Status.PRESENT) == result.verdicts().size()) {
        continue;
      }
      ClassModel flinkClass = result.flinkClass();
      if (!flinkClass.packageName().equals(currentPackage)) {
        currentPackage = flinkClass.packageName();
        page.append("\n### `").append(currentPackage).append("`\n");
      }
      page.append(String.format(Locale.ROOT, "\n#### %s → `%s` (%d of %d present)\n\n", flinkClass.simpleKey(),
          result.mirror().get().canonicalName(), result.count(MemberVerdict.Status.PRESENT), result.verdicts().size()));
      page.append("| Flink member | in Spate |\n|---|---|\n");
      Map<String, Long> sameLooking = result.verdicts().stream().collect(
          Collectors.groupingBy(v -> TypeNames.signature(flinkClass, v.flinkMember()), Collectors.counting()));
      for (MemberVerdict verdict : result.verdicts()) {
        if (verdict.status() == MemberVerdict.Status.PRESENT) {
          continue;
        }
        String signature = TypeNames.signature(flinkClass, verdict.flinkMember());
        // Overloads whose parameter types share simple names (two Sink interfaces, say) are told apart by package.
        if (sameLooking.get(signature) > 1) {
          signature = TypeNames.qualifiedSignature(flinkClass, verdict.flinkMember());
        }
        String member = (verdict.flinkMember().isStatic() ? "static " : "") + signature;
        String state = verdict.status() == MemberVerdict.Status.MISSING ? "missing" : "typed differently: " + verdict.how();
        page.append("| `").append(member).append("` | ").append(state).append(" |\n");
      }
    }
    page.append('\n');
  }

  private void appendChoices(StringBuilder page, List<ClassResult> results) {
    List<ClassResult> choices = results.stream().filter(r -> !r.passedOver().isEmpty()).toList();
    page.append("## Where several Spate classes share a Flink class's name\n\n");
    if (choices.isEmpty()) {
      page.append("None.\n\n");
      return;
    }
    page.append("| Flink class | Spate class chosen | also named so |\n|---|---|---|\n");
    for (ClassResult result : choices) {
      List<String> others = new ArrayList<>();
      result.passedOver().forEach(other -> others.add("`" + other.canonicalName() + "`"));
      page.append("| `").append(result.flinkClass().canonicalName()).append("` | `")
          .append(result.mirror().get().canonicalName()).append("` | ").append(String.join(", ", others)).append(" |\n");
    }
    page.append('\n');
  }

  private void appendUnmirrored(StringBuilder page, List<ClassResult> results) {
    page.append("## Flink classes Spate does not mirror\n\n");
    page.append("The reason comes from spate-bench/src/flink/resources/compat-reasons.properties; \"not yet\" means"
        + " none was written: Spate may gain the class.\n");
    String currentPackage = null;
    for (ClassResult result : results) {
      if (result.mirror().isPresent()) {
        continue;
      }
      ClassModel flinkClass = result.flinkClass();
      if (!flinkClass.packageName().equals(currentPackage)) {
        currentPackage = flinkClass.packageName();
        page.append("\n### `").append(currentPackage).append("`\n\n| class | reason |\n|---|---|\n");
      }
      page.append("| ").append(flinkClass.simpleKey()).append(" | ").append(result.reasonNotMirrored().orElse("not yet"))
          .append(" |\n");
    }
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  /** Counts over a set of results. */
  private static final class Totals {
    long classes;
    long mirrored;
    long withReason;
    long members;
    long present;
    long typedDifferently;

    void add(ClassResult result) {
      classes++;
      if (result.mirror().isPresent()) {
        mirrored++;
        members += result.verdicts().size();
        present += result.count(MemberVerdict.Status.PRESENT);
        typedDifferently += result.count(MemberVerdict.Status.TYPED_DIFFERENTLY);
      } else if (!result.reasonNotMirrored().orElse("not yet").equals("not yet")) {
        withReason++;
      }
    }
  }
}
