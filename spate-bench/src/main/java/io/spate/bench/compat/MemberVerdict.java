package io.spate.bench.compat;

import java.util.List;

/**
 * What Spate has of one public Flink constructor or method: the same member ({@link Status#PRESENT}, with
 * the Spate parameter types it was found with), one of that name typed otherwise, or none.
 */
public record MemberVerdict(MemberModel flinkMember, Status status, String how, List<String> spateParameterTypes) {

  /** How a Flink member fares in Spate. */
  public enum Status {
    PRESENT,
    TYPED_DIFFERENTLY,
    MISSING
  }

  public MemberVerdict {
    spateParameterTypes = List.copyOf(spateParameterTypes);
  }

  static MemberVerdict present(MemberModel flinkMember, List<String> spateParameterTypes) {
    return new MemberVerdict(flinkMember, Status.PRESENT, "", spateParameterTypes);
  }

  static MemberVerdict typedDifferently(MemberModel flinkMember, String how) {
    return new MemberVerdict(flinkMember, Status.TYPED_DIFFERENTLY, how, List.of());
  }

  static MemberVerdict missing(MemberModel flinkMember) {
    return new MemberVerdict(flinkMember, Status.MISSING, "", List.of());
  }
}
