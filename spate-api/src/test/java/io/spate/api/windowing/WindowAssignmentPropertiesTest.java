package io.spate.api.windowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

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
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Window assignment against simple reference models. */
class WindowAssignmentPropertiesTest {

  private static final long RANGE = 1L << 50;

  private static Gen<Long> longs(long min, long max) {
    return SourceDSL.longs().between(min, max);
  }

  private static Gen<List<Long>> lists(long min, long max, int minSize, int maxSize) {
    return SourceDSL.lists().of(longs(min, max)).ofSizeBetween(minSize, maxSize);
  }

  @Test
  void tumblingAssignsExactlyTheOneAlignedWindowContainingTheTimestamp() {
    qt().forAll(longs(-RANGE, RANGE), longs(1, 1_000_000), longs(-1_000_000, 1_000_000))
        .checkAssert(WindowAssignmentPropertiesTest::tumblingAssignsTheAlignedWindow);
  }

  private static void tumblingAssignsTheAlignedWindow(long timestamp, long size, long rawOffset) {
    long offset = rawOffset % size;
    Collection<TimeWindow> windows =
        TumblingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(offset)).assignWindows(null, timestamp, null);

    assertThat(windows).hasSize(1);
    TimeWindow w = windows.iterator().next();
    assertThat(w.getEnd() - w.getStart()).isEqualTo(size);
    assertThat(timestamp).isBetween(w.getStart(), w.maxTimestamp());
    assertThat(Math.floorMod(w.getStart() - offset, size)).isZero();
  }

  @Test
  void tumblingGivesTheSameWindowAsAFreshAssignerWhateverTheOrder() {
    qt().forAll(lists(-100_000, 100_000, 0, 30), longs(1, 5_000))
        .checkAssert(WindowAssignmentPropertiesTest::tumblingReusedIsLikeFresh);
  }

  private static void tumblingReusedIsLikeFresh(List<Long> timestamps, long size) {
    TumblingEventTimeWindows reused = TumblingEventTimeWindows.of(Duration.ofMillis(size));
    for (long ts : timestamps) {
      assertThat(reused.assignWindows(null, ts, null))
          .isEqualTo(TumblingEventTimeWindows.of(Duration.ofMillis(size)).assignWindows(null, ts, null));
    }
  }

  @Test
  void slidingAssignsSizeBySlideAlignedWindowsEachContainingTheTimestamp() {
    qt().forAll(longs(-RANGE, RANGE), longs(1, 10_000), longs(1, 20), longs(-10_000, 10_000))
        .checkAssert(WindowAssignmentPropertiesTest::slidingAssignsAlignedWindows);
  }

  private static void slidingAssignsAlignedWindows(long timestamp, long slide, long factor, long rawOffset) {
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

  @Test
  void slidingWithAnUnevenSlideAssignsEveryContainingWindow() {
    qt().forAll(longs(-100_000, 100_000), longs(1, 50), longs(1, 200))
        .assuming((timestamp, slide, size) -> slide <= size)
        .checkAssert(WindowAssignmentPropertiesTest::slidingAssignsEveryContainingWindow);
  }

  private static void slidingAssignsEveryContainingWindow(long timestamp, long slide, long size) {
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

  @Test
  void aReusedSlidingAssignerGivesEveryContainingWindowWhateverTheOrder() {
    qt().forAll(lists(-1_000, 1_000, 0, 40), longs(1, 50), longs(1, 200), longs(-49, 49))
        .assuming((timestamps, slide, size, rawOffset) -> slide <= size)
        .checkAssert(WindowAssignmentPropertiesTest::reusedSlidingGivesEveryContainingWindow);
  }

  private static void reusedSlidingGivesEveryContainingWindow(
      List<Long> timestamps, long slide, long size, long rawOffset) {
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

  @Test
  void sessionMergingOfOutOfOrderTimestampsMatchesSortAndSplit() {
    qt().forAll(lists(-5_000, 5_000, 1, 40), longs(1, 500))
        .checkAssert(WindowAssignmentPropertiesTest::sessionMergingMatchesSortAndSplit);
  }

  private static void sessionMergingMatchesSortAndSplit(List<Long> timestamps, long gap) {
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
