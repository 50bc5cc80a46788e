package io.spate.bench.compat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides, for one public member of a Flink class, whether the mirroring Spate class has it: same name,
 * the same erased parameter types once Flink's classes are replaced by their Spate mirrors, and a return
 * type a caller can use the same way (the mapped type or a subtype; anything where Flink returns void,
 * unless the method is abstract and so written by users). Generic type arguments are not compared.
 */
public final class MemberComparison {

  private final SpateMirrors mirrors;
  private final ClassIndex spate;

  public MemberComparison(SpateMirrors mirrors) {
    this.mirrors = mirrors;
    this.spate = mirrors.spateClasses();
  }

  public MemberVerdict compare(MemberModel flink, ClassModel mirror) {
    List<MemberModel> sameName = spateMembers(mirror, flink);
    if (sameName.isEmpty()) {
      return MemberVerdict.missing(flink);
    }
    List<Optional<String>> mapped = flink.parameterTypes().stream().map(mirrors::mapType).toList();
    if (mapped.stream().allMatch(Optional::isPresent)) {
      List<String> parameters = mapped.stream().map(Optional::get).toList();
      for (MemberModel candidate : sameName) {
        if (candidate.parameterTypes().equals(parameters)) {
          List<String> problems = problemsOfMatch(flink, candidate);
          return problems.isEmpty()
              ? MemberVerdict.present(flink, parameters)
              : MemberVerdict.typedDifferently(flink, String.join("; ", problems));
        }
      }
    }
    return MemberVerdict.typedDifferently(flink, describeOverloads(flink, sameName));
  }

  private List<String> problemsOfMatch(MemberModel flink, MemberModel spateMember) {
    List<String> problems = new ArrayList<>();
    if (flink.isStatic() && !spateMember.isStatic()) {
      problems.add("static in Flink, an instance method in Spate");
    }
    if (flink.isConstructor()) {
      return problems;
    }
    String spateReturn = spateMember.returnType();
    Optional<String> mappedReturn = mirrors.mapType(flink.returnType());
    if (mappedReturn.isEmpty()) {
      problems.add("returns " + TypeNames.simple(spateReturn) + " where Flink's returns "
          + TypeNames.simple(flink.returnType()) + ", which Spate does not have");
    } else if (!returnCompatible(mappedReturn.get(), spateReturn, flink.isAbstract())) {
      problems.add("returns " + TypeNames.simple(spateReturn) + " where Flink's returns "
          + TypeNames.simple(flink.returnType()));
    }
    return problems;
  }

  private boolean returnCompatible(String flinkReturn, String spateReturn, boolean implementedByUsers) {
    if (flinkReturn.equals("void")) {
      return spateReturn.equals("void") || !implementedByUsers;
    }
    return spate.isSubtype(spateReturn, flinkReturn);
  }

  private String describeOverloads(MemberModel flink, List<MemberModel> sameName) {
    List<MemberModel> sorted = new ArrayList<>(sameName);
    sorted.sort(Comparator.comparingInt((MemberModel m) -> Math.abs(m.parameterTypes().size() - flink.parameterTypes().size()))
        .thenComparing(m -> m.parameterTypes().toString()));
    String spateForms = sorted.stream().map(m -> TypeNames.parameterList(m.parameterTypes())).distinct()
        .limit(3).collect(Collectors.joining(", "));
    List<String> unmirrored = flink.parameterTypes().stream().filter(t -> mirrors.mapType(t).isEmpty())
        .map(TypeNames::simple).distinct().toList();
    String because = unmirrored.isEmpty() ? "" : " (Spate has no " + String.join(", ", unmirrored) + ")";
    return "Spate takes " + spateForms + (sorted.size() > 3 ? ", ..." : "") + because;
  }

  /** The public, non-internal members of that name a program can reach through the Spate class. */
  private List<MemberModel> spateMembers(ClassModel mirror, MemberModel flink) {
    List<MemberModel> found = new ArrayList<>();
    if (flink.isConstructor()) {
      for (MemberModel member : mirror.members()) {
        if (member.isConstructor() && usable(member)) {
          found.add(member);
        }
      }
      return found;
    }
    for (ClassModel type : spate.selfAndSupertypes(mirror)) {
      for (MemberModel member : type.members()) {
        boolean inheritedInterfaceStatic = member.isStatic() && type.isInterface() && type != mirror;
        if (member.name().equals(flink.name()) && usable(member) && !inheritedInterfaceStatic) {
          found.add(member);
        }
      }
    }
    return found;
  }

  private static boolean usable(MemberModel member) {
    return member.isPublic() && !member.isSynthetic() && !member.isInternal();
  }
}
