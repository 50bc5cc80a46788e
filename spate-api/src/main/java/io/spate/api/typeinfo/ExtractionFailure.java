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
  private final String returnsExample;

  ExtractionFailure(String reason, String fix) {
    this(reason, fix, null);
  }

  /**
   * A failure whose {@link MissingTypeInfo} gives {@code returnsExample} (such as {@code
   * `.returns(Types.ROW(...))`}) instead of its general example; null for the general one.
   */
  ExtractionFailure(String reason, String fix, String returnsExample) {
    super(reason + ". " + fix + ".");
    this.reason = reason;
    this.returnsExample = returnsExample;
  }

  ExtractionFailure(String reason) {
    this(reason, DEFAULT_FIX);
  }

  /** What is wrong, without the advice. */
  String getReason() {
    return reason;
  }

  /** The example of {@code .returns(...)} that fits this failure, or null for the general one. */
  String getReturnsExample() {
    return returnsExample;
  }
}
