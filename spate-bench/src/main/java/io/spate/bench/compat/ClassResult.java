package io.spate.bench.compat;

import java.util.List;
import java.util.Optional;

/**
 * One Flink class in the report: the Spate class chosen to mirror it (and the others of the same name
 * passed over), the verdict on each of its public members, or, when Spate has no such class, the reason.
 */
public record ClassResult(
    ClassModel flinkClass,
    Optional<ClassModel> mirror,
    List<ClassModel> passedOver,
    List<MemberVerdict> verdicts,
    Optional<String> reasonNotMirrored) {

  public ClassResult {
    passedOver = List.copyOf(passedOver);
    verdicts = List.copyOf(verdicts);
  }

  public long count(MemberVerdict.Status status) {
    return verdicts.stream().filter(v -> v.status() == status).count();
  }
}
