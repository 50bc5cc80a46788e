package io.spate.api.typeinfo;

/**
 * An {@link InvalidTypesException} from type extraction that keeps the reason apart from the advice,
 * so that {@link MissingTypeInfo} can put the reason into its own sentence.
 */
final class ExtractionFailure extends InvalidTypesException {

  private static final long serialVersionUID = 1L;

  static final String DEFAULT_FIX =
      "Make it a record, or a POJO (a public class with a public no-arg constructor whose"
          + " non-static, non-transient fields are public or have a public getter and setter), or"
          + " give the type explicitly with `.returns(...)` using `Types` or a `TypeHint`";

  private final String reason;

  ExtractionFailure(String reason, String fix) {
    super(reason + ". " + fix + ".");
    this.reason = reason;
  }

  ExtractionFailure(String reason) {
    this(reason, DEFAULT_FIX);
  }

  /** What is wrong, without the advice. */
  String getReason() {
    return reason;
  }
}
