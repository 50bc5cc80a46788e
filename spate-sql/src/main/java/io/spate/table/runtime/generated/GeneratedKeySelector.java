package io.spate.table.runtime.generated;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.KeySelector;
import io.spate.api.types.Row;

/**
 * A key selector whose key a generated class computes ({@link GeneratedKey}): the key row the
 * interpreted {@code ExprKeyProjection} gives, without interpreted expressions per row.
 *
 * <p>Nothing opens a key selector, so the class is compiled (or taken from the cache of
 * {@link GeneratedClasses}) when the first key is asked for, with the thread's context class loader,
 * which a task sets to the job's user-code class loader while it runs.
 */
@Internal
public final class GeneratedKeySelector implements KeySelector<Row, Row> {

  private static final long serialVersionUID = 1L;

  private final GeneratedCalcCode code;
  // Two threads that race here each make an instance; either computes the same keys, and the
  // generated class's fields are final, so an instance is safely published through this field.
  private transient GeneratedKey key;

  /** The key selector running {@code code}, the source of a {@link GeneratedKey}. */
  public GeneratedKeySelector(GeneratedCalcCode code) {
    this.code = code;
  }

  /** The generated code this selector runs. */
  public GeneratedCalcCode code() {
    return code;
  }

  @Override
  public Row getKey(Row value) {
    GeneratedKey generated = key;
    if (generated == null) {
      generated = code.newInstanceInCurrentThread(GeneratedKey.class);
      key = generated;
    }
    return generated.key(value);
  }
}
