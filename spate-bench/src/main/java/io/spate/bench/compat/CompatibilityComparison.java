package io.spate.bench.compat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares Flink's public classes with Spate's: which have a mirror, and for those, which public
 * constructors and methods Spate has (see {@link MemberComparison}). Classes marked {@code @Internal},
 * anonymous, synthetic and non-public ones (or nested in non-public ones) are left out, and so are a
 * class's members marked {@code @Internal}, synthetic or inherited from {@code Object}.
 */
public final class CompatibilityComparison {

  private final ClassIndex flink;
  private final SpateMirrors mirrors;
  private final ReasonPatterns reasons;
  private final MemberComparison members;

  public CompatibilityComparison(ClassIndex flink, SpateMirrors mirrors, ReasonPatterns reasons) {
    this.flink = flink;
    this.mirrors = mirrors;
    this.reasons = reasons;
    this.members = new MemberComparison(mirrors);
  }

  /** True for the Flink classes the report covers. */
  public boolean inScope(ClassModel model) {
    return !model.isInternal() && !model.isAnonymousOrSynthetic() && flink.isVisibleOutside(model)
        && !enclosedByInternal(model);
  }

  /** The results for every class in scope, sorted by binary name. */
  public List<ClassResult> compareAll() {
    List<ClassResult> results = new ArrayList<>();
    flink.all().stream().filter(this::inScope).sorted(Comparator.comparing(ClassModel::binaryName))
        .forEach(model -> results.add(compare(model)));
    return results;
  }

  public ClassResult compare(ClassModel flinkClass) {
    List<ClassModel> candidates = mirrors.candidates(flinkClass.binaryName());
    if (candidates.isEmpty()) {
      return new ClassResult(flinkClass, Optional.empty(), List.of(), List.of(),
          Optional.of(reasons.reasonFor(flinkClass.binaryName()).orElse("not yet")));
    }
    ClassModel mirror = candidates.get(0);
    Map<String, MemberVerdict> verdicts = new LinkedHashMap<>();
    for (MemberModel member : flinkClass.members()) {
      if (member.isPublic() && !member.isSynthetic() && !member.isInternal() && !member.overridesObjectMethod()) {
        verdicts.putIfAbsent(member.name() + member.parameterTypes(), members.compare(member, mirror));
      }
    }
    return new ClassResult(flinkClass, Optional.of(mirror), candidates.subList(1, candidates.size()),
        new ArrayList<>(verdicts.values()), Optional.empty());
  }

  private boolean enclosedByInternal(ClassModel model) {
    String outer = model.outerName();
    while (outer != null) {
      Optional<ClassModel> enclosing = flink.find(outer);
      if (enclosing.isEmpty()) {
        return false;
      }
      if (enclosing.get().isInternal()) {
        return true;
      }
      outer = enclosing.get().outerName();
    }
    return false;
  }
}
