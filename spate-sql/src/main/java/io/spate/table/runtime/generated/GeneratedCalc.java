package io.spate.table.runtime.generated;

import io.spate.api.annotation.Internal;
import io.spate.api.types.Row;

/**
 * The filter and projections of one SQL calc as one generated method: what a class that the planner
 * generates and {@link GeneratedClasses} compiles implements.
 */
@Internal
public interface GeneratedCalc {

  /**
   * The projected row for {@code input} (with the input's change kind), {@code input} itself when the
   * calc only filters, or null when the condition is not true.
   */
  Row process(Row input);
}
