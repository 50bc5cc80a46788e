package io.spate.runtime.operators.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.spate.api.state.ValueState;
import io.spate.runtime.CheckedLaw;
import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.MergingWindowAssigner;
import io.spate.api.windowing.assigners.WindowAssigner.WindowAssignerContext;
import io.spate.api.windowing.triggers.EventTimeTrigger;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.runtime.ShrinkingLists;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session assigners' shortcut in {@link MergingWindowSet} (a new window merges with the live
 * windows it touches) behaves exactly like the general path, which asks the assigner to group all
 * live windows: same result windows, same kept state windows, same merges reported in the same
 * order, same live windows afterwards.
 */
class MergingWindowSetProperties {

  /**
   * Sessions with a 10 ms gap that merge like the built-in assigners, but are not one of them: the
   * merging window set takes its general path for them.
   */
  static final class GeneralSessions extends MergingWindowAssigner<Object, TimeWindow> {
    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
      return List.of(new TimeWindow(timestamp, timestamp + 10));
    }

    @Override
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
      return EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
      return true;
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
      TimeWindow.mergeWindows(windows, callback);
    }
  }

  /** Keyed value state for one key, in memory. */
  static final class OneKeyState implements ValueState<HashMap<TimeWindow, TimeWindow>> {
    HashMap<TimeWindow, TimeWindow> value;

    @Override
    public HashMap<TimeWindow, TimeWindow> value() {
      return value;
    }

    @Override
    public void update(HashMap<TimeWindow, TimeWindow> value) {
      this.value = value;
    }

    @Override
    public void clear() {
      value = null;
    }
  }

  @Test
  void theSessionShortcutMergesLikeTheGeneralPath() {
    qt().withExamples(500)
        .forAll(ShrinkingLists.of(integers().between(0, 400), 0, 40),
            ShrinkingLists.of(integers().between(1, 60), 0, 40))
        .checkAssert((starts, gaps) -> CheckedLaw.check(
            () -> theSessionShortcutMergesLikeTheGeneralPath(starts, gaps)));
  }

  private static void theSessionShortcutMergesLikeTheGeneralPath(List<Integer> starts, List<Integer> gaps)
      throws Exception {
    OneKeyState shortcutState = new OneKeyState();
    OneKeyState generalState = new OneKeyState();
    MergingWindowSet<TimeWindow> shortcut = new MergingWindowSet<>(
        EventTimeSessionWindows.withGap(Duration.ofMillis(1)), shortcutState);
    MergingWindowSet<TimeWindow> general = new MergingWindowSet<>(new GeneralSessions(), generalState);
    List<String> shortcutMerges = new ArrayList<>();
    List<String> generalMerges = new ArrayList<>();

    for (int i = 0; i < starts.size(); i++) {
      long start = starts.get(i);
      TimeWindow window = new TimeWindow(start, start + (gaps.isEmpty() ? 10 : gaps.get(i % gaps.size())));
      shortcut.load();
      general.load();
      TimeWindow a = shortcut.addWindow(window, (result, merged, kept, mergedState) ->
          shortcutMerges.add(result + " <- " + merged + " keep " + kept + " fold " + mergedState));
      TimeWindow b = general.addWindow(window, (result, merged, kept, mergedState) ->
          generalMerges.add(result + " <- " + merged + " keep " + kept + " fold " + mergedState));
      assertThat(a).isEqualTo(b);
      assertThat(shortcut.getStateWindow(a)).isEqualTo(general.getStateWindow(b));
      shortcut.persist();
      general.persist();
      assertThat(shortcutMerges).isEqualTo(generalMerges);
      assertThat(shortcutState.value).isEqualTo(generalState.value);
    }
  }
}
