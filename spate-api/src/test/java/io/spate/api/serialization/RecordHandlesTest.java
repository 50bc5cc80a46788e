package io.spate.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading record components through their accessors, and constructing records. */
class RecordHandlesTest {

  /** A public record with components of every kind that reading boxes or passes through. */
  public record Mixed(long id, int count, double price, boolean flag, char letter, String name, List<String> tags) {}

  private record Hidden(long bidder, long auction) {}

  /** A record whose accessor fails. */
  public record Failing(long value) {
    @Override
    public long value() {
      throw new IllegalStateException("accessor of " + value + " failed");
    }
  }

  @Test
  void readsEveryComponentBoxedInDeclarationOrder() {
    Mixed mixed = new Mixed(Long.MAX_VALUE, -3, 2.5, true, 'x', null, List.of("a"));
    RecordHandles handles = RecordHandles.of(Mixed.class);
    assertThat(handles.arity()).isEqualTo(7);
    Object[] read = new Object[handles.arity()];
    for (int i = 0; i < read.length; i++) {
      read[i] = handles.get(mixed, i);
    }
    assertThat(read).containsExactly(Long.MAX_VALUE, -3, 2.5, true, 'x', null, List.of("a"));
    assertThat(handles.construct(read)).isEqualTo(mixed);
  }

  @Test
  void readsAPrivateRecordAndALocalOne() {
    record Local(String key, int n) {}
    assertThat(RecordHandles.of(Hidden.class).get(new Hidden(7, 9), 1)).isEqualTo(9L);
    assertThat(RecordHandles.of(Local.class).get(new Local("k", 4), 0)).isEqualTo("k");
  }

  @Test
  void anAccessorsOwnExceptionReachesTheCaller() {
    assertThatThrownBy(() -> RecordHandles.of(Failing.class).get(new Failing(5), 0))
        .isInstanceOf(IllegalStateException.class).hasMessage("accessor of 5 failed");
  }

  @Test
  void aValueOfAnotherClassIsRefused() {
    assertThatThrownBy(() -> RecordHandles.of(Hidden.class).get(new Mixed(1, 1, 1, true, 'a', "", List.of()), 0))
        .isInstanceOf(ClassCastException.class);
  }
}
