package io.spate.api.dag;

import io.spate.api.annotation.Internal;
import io.spate.api.common.OutputTag;
import java.util.List;

/**
 * Selects the side output of an operator named by an {@link OutputTag}.
 *
 * @param <T> the side output's type
 */
@Internal
public final class SideOutputTransformation<T> extends Transformation<T> {

  private final Transformation<?> input;
  private final OutputTag<T> tag;

  /** Creates the node. */
  public SideOutputTransformation(int id, Transformation<?> input, OutputTag<T> tag) {
    super(id, "SideOutput:" + tag.getId(), tag.getTypeInfo(), input.getParallelism());
    this.input = input;
    this.tag = tag;
  }

  /** The operator whose side output this is. */
  public Transformation<?> getInput() {
    return input;
  }

  /** The tag naming the side output. */
  public OutputTag<T> getOutputTag() {
    return tag;
  }

  @Override
  public List<Transformation<?>> getInputs() {
    return List.of(input);
  }
}
