package io.spate.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.windowing.assigners.EventTimeSessionWindows;
import io.spate.api.windowing.assigners.MergingWindowAssigner;
import io.spate.api.windowing.assigners.SlidingEventTimeWindows;
import io.spate.api.windowing.assigners.TumblingEventTimeWindows;
import io.spate.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Window assignment against simple reference models. */
class WindowAssignmentPropertiesTest {

  private static final long RANGE = 1L << 50;

  @Property
  void tumblingAssignsExactlyTheOneAlignedWindowContainingTheTimestamp(
      @ForAll @LongRange(min = -RANGE, max = RANGE) long timestamp,
      @ForAll @LongRange(min = 1, max = 1_000_000) long size,
      @ForAll @LongRange(min = -1_000_000, max = 1_000_000) long rawOffset) {
    long offset = rawOffset % size;
    Collection<TimeWindow> windows =
        TumblingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(offset)).assignWindows(null, timestamp, null);

    assertThat(windows).hasSize(1);
    TimeWindow w = windows.iterator().next();
    assertThat(w.getEnd() - w.getStart()).isEqualTo(size);
    assertThat(timestamp).isBetween(w.getStart(), w.maxTimestamp());
    assertThat(Math.floorMod(w.getStart() - offset, size)).isZero();
  }

  @Property
  void tumblingGivesTheSameWindowAsAFreshAssignerWhateverTheOrder(
      @ForAll @Size(max = 30) List<@LongRange(min = -100_000, max = 100_000) Long> timestamps,
      @ForAll @LongRange(min = 1, max = 5_000) long size) {
    TumblingEventTimeWindows reused = TumblingEventTimeWindows.of(Duration.ofMillis(size));
    for (long ts : timestamps) {
      assertThat(reused.assignWindows(null, ts, null))
          .isEqualTo(TumblingEventTimeWindows.of(Duration.ofMillis(size)).assignWindows(null, ts, null));
    }
  }

  @Property
  void slidingAssignsSizeBySlideAlignedWindowsEachContainingTheTimestamp(
      @ForAll @LongRange(min = -RANGE, max = RANGE) long timestamp,
      @ForAll @LongRange(min = 1, max = 10_000) long slide,
      @ForAll @LongRange(min = 1, max = 20) long factor,
      @ForAll @LongRange(min = -10_000, max = 10_000) long rawOffset) {
    long size = slide * factor;
    long offset = rawOffset % slide;
    SlidingEventTimeWindows assigner =
        SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide), Duration.ofMillis(offset));
    Collection<TimeWindow> windows = assigner.assignWindows(null, timestamp, null);

    assertThat(windows).hasSize((int) factor).doesNotHaveDuplicates();
    for (TimeWindow w : windows) {
      assertThat(w.getEnd() - w.getStart()).isEqualTo(size);
      assertThat(timestamp).isBetween(w.getStart(), w.maxTimestamp());
      assertThat(Math.floorMod(w.getStart() - offset, slide)).isZero();
    }
  }

  @Property
  void slidingWithAnUnevenSlideAssignsEveryContainingWindow(
      @ForAll @LongRange(min = -100_000, max = 100_000) long timestamp,
      @ForAll @LongRange(min = 1, max = 50) long slide,
      @ForAll @LongRange(min = 1, max = 200) long size) {
    Assume.that(slide <= size);
    Collection<TimeWindow> windows =
        SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide)).assignWindows(null, timestamp, null);
    Set<TimeWindow> expected = new HashSet<>();
    for (long start = Math.floorDiv(timestamp - size, slide) * slide; start <= timestamp; start += slide) {
      if (start + size > timestamp) {
        expected.add(new TimeWindow(start, start + size));
      }
    }
    assertThat(new HashSet<>(windows)).isEqualTo(expected);
  }

  @Property
  void aReusedSlidingAssignerGivesEveryContainingWindowWhateverTheOrder(
      @ForAll @Size(max = 40) List<@LongRange(min = -1_000, max = 1_000) Long> timestamps,
      @ForAll @LongRange(min = 1, max = 50) long slide,
      @ForAll @LongRange(min = 1, max = 200) long size,
      @ForAll @LongRange(min = -49, max = 49) long rawOffset) {
    Assume.that(slide <= size);
    long offset = rawOffset % slide;
    SlidingEventTimeWindows reused =
        SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide), Duration.ofMillis(offset));
    for (long ts : timestamps) {
      Set<TimeWindow> expected = new HashSet<>();
      for (long start = Math.floorDiv(ts - size - offset, slide) * slide + offset; start <= ts; start += slide) {
        if (start + size > ts) {
          expected.add(new TimeWindow(start, start + size));
        }
      }
      assertThat(new HashSet<>(reused.assignWindows(null, ts, null))).as("windows of %s", ts).isEqualTo(expected);
    }
  }

  @Property
  void sessionMergingOfOutOfOrderTimestampsMatchesSortAndSplit(
      @ForAll @Size(min = 1, max = 40) List<@LongRange(min = -5_000, max = 5_000) Long> timestamps,
      @ForAll @LongRange(min = 1, max = 500) long gap) {
    EventTimeSessionWindows assigner = EventTimeSessionWindows.withGap(Duration.ofMillis(gap));
    // the operator's view: live windows, each new window merged into them as it arrives
    List<TimeWindow> live = new ArrayList<>();
    for (long ts : timestamps) {
      live.addAll(assigner.assignWindows(null, ts, null));
      live = merged(assigner, live);
    }

    assertThat(new HashSet<>(live)).isEqualTo(referenceSessions(timestamps, gap));
  }

  private static List<TimeWindow> merged(MergingWindowAssigner<Object, TimeWindow> assigner, List<TimeWindow> windows) {
    Map<TimeWindow, TimeWindow> replacedBy = new HashMap<>();
    assigner.mergeWindows(windows, (toBeMerged, result) -> toBeMerged.forEach(w -> replacedBy.put(w, result)));
    Set<TimeWindow> out = new HashSet<>();
    for (TimeWindow w : windows) {
      out.add(replacedBy.getOrDefault(w, w));
    }
    return new ArrayList<>(out);
  }

  private static Set<TimeWindow> referenceSessions(List<Long> timestamps, long gap) {
    List<Long> sorted = new ArrayList<>(timestamps);
    sorted.sort(null);
    Set<TimeWindow> sessions = new HashSet<>();
    long start = sorted.get(0);
    long end = start + gap;
    for (long ts : sorted) {
      if (ts > end) { // windows that touch ([a, b) and [b, c)) still merge
        sessions.add(new TimeWindow(start, end));
        start = ts;
      }
      end = Math.max(end, ts + gap);
    }
    sessions.add(new TimeWindow(start, end));
    return sessions;
  }
}
