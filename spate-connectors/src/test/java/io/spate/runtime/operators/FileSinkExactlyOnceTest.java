package io.spate.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.connectors.file.DefaultRollingPolicy;
import io.spate.connectors.file.FileSink;
import io.spate.connectors.file.RowEncoder;
import io.spate.runtime.state.snapshot.OperatorSubtaskState;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink through the sink writer operator: failures and restores leave every record in a finished file once. */
class FileSinkExactlyOnceTest {

  @TempDir Path dir;

  private FileSink<String> sink() {
    return FileSink.forRows(dir, RowEncoder.<String>toStringEncoder()).build();
  }

  private static void write(OneInputTestHarness<String, Object> harness, int from, int to) throws Exception {
    for (int i = from; i <= to; i++) {
      harness.processElement("r" + i);
    }
  }

  private List<String> finishedFiles() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
    }
  }

  private List<String> finishedRecords() throws IOException {
    List<String> records = new ArrayList<>();
    for (String name : finishedFiles()) {
      records.addAll(Files.readAllLines(dir.resolve(name)));
    }
    return records;
  }

  private static List<String> records(int from, int to) {
    List<String> records = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      records.add("r" + i);
    }
    return records;
  }

  @Test
  void aCrashAfterACheckpointThenARestoreFinishesEveryRecordOnce() throws Exception {
    var first = TestHarnesses.forSink(sink());
    write(first, 1, 5);
    OperatorSubtaskState checkpoint1 = first.snapshot(1, 0);
    write(first, 6, 8);
    // The process dies: no notification, no close. Its open part stays behind, hidden.
    assertThat(finishedFiles()).isEmpty();

    try (var second = TestHarnesses.forSink(sink()).initializeState(checkpoint1, 1)) {
      second.open();
      assertThat(finishedRecords()).containsExactlyElementsOf(records(1, 5));
      write(second, 6, 10); // the sources replay from checkpoint 1
      second.snapshot(2, 0);
      assertThat(finishedRecords()).containsExactlyElementsOf(records(1, 5));
      second.notifyOfCompletedCheckpoint(2);
    }
    assertThat(finishedRecords()).containsExactlyElementsOf(records(1, 10));
    assertThat(finishedFiles()).containsExactly("part-0-0", "part-0-2");
  }

  @Test
  void theFilesOfACheckpointThatNeverCompletedAreNeverFinished() throws Exception {
    OperatorSubtaskState checkpoint1;
    try (var first = TestHarnesses.forSink(sink())) {
      write(first, 1, 3);
      checkpoint1 = first.snapshot(1, 0);
      first.notifyOfCompletedCheckpoint(1);
      write(first, 4, 6);
      first.snapshot(2, 0); // checkpoint 2 fails to complete: its pending part must not appear
      write(first, 7, 7);
    } // a failure that closes the operator
    try (var second = TestHarnesses.forSink(sink()).initializeState(checkpoint1, 1)) {
      write(second, 4, 9);
      second.snapshot(3, 0);
      second.notifyOfCompletedCheckpoint(3);
    }
    assertThat(finishedRecords()).containsExactlyElementsOf(records(1, 9));
    assertThat(finishedFiles()).containsExactly("part-0-0", "part-0-2");
    try (Stream<Path> files = Files.list(dir)) {
      // The pending part of checkpoint 2 stays hidden; the closed attempt's open part was removed.
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")))
          .singleElement().asString().startsWith(".part-0-1.inprogress.");
    }
  }

  @Test
  void aRestoreAtALowerParallelismCommitsThePartsOfEveryOldSubtask() throws Exception {
    List<OperatorSubtaskState> states = new ArrayList<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      var harness = TestHarnesses.forSink(sink()).setSubtask(subtask, 3, 128);
      write(harness, subtask * 10, subtask * 10 + 4);
      states.add(harness.snapshot(4, 0));
      write(harness, 100 + subtask, 100 + subtask); // lost with the failure
    }
    List<OperatorSubtaskState> assigned = TestHarnesses.repartition(states, 2, 128);
    List<OneInputTestHarness<String, Object>> restored = new ArrayList<>();
    for (int subtask = 0; subtask < 2; subtask++) {
      var harness = TestHarnesses.forSink(sink()).setSubtask(subtask, 2, 128).initializeState(assigned.get(subtask), 4);
      harness.open();
      restored.add(harness);
    }
    List<String> expected = new ArrayList<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      expected.addAll(records(subtask * 10, subtask * 10 + 4));
    }
    assertThat(finishedRecords()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(finishedFiles()).containsExactly("part-0-0", "part-1-0", "part-2-0");

    // New parts skip the numbers that the old subtasks used, hidden leftovers included.
    for (var harness : restored) {
      write(harness, 200, 200);
      harness.snapshot(5, 0);
      harness.notifyOfCompletedCheckpoint(5);
      harness.close();
    }
    assertThat(finishedFiles()).containsExactly("part-0-0", "part-0-2", "part-1-0", "part-1-2", "part-2-0");
  }

  @Test
  void partsRollOnTheTasksProcessingTimeClock() throws Exception {
    FileSink<String> sink = FileSink.forRows(dir, RowEncoder.<String>toStringEncoder())
        .withRollingPolicy(DefaultRollingPolicy.builder().withRolloverInterval(Duration.ofSeconds(10)).build())
        .build();
    try (var harness = TestHarnesses.forSink(sink)) {
      harness.setProcessingTime(1_000);
      write(harness, 1, 2);
      harness.setProcessingTime(11_000);
      write(harness, 3, 3);
      harness.snapshot(1, 0);
      harness.notifyOfCompletedCheckpoint(1);
    }
    assertThat(finishedFiles()).containsExactly("part-0-0", "part-0-1");
    assertThat(Files.readAllLines(dir.resolve("part-0-0"))).containsExactly("r1", "r2");
    assertThat(Files.readAllLines(dir.resolve("part-0-1"))).containsExactly("r3");
  }

  @Test
  void aSingleFileSurvivesAFailureAndIsCommittedAtTheEndOfInput() throws Exception {
    Path file = dir.resolve("out.txt");
    FileSink<String> sink = FileSink.forRows(file, RowEncoder.<String>toStringEncoder()).toSingleFile().build();
    var first = TestHarnesses.forSink(sink);
    write(first, 1, 3);
    OperatorSubtaskState checkpoint1 = first.snapshot(1, 0);
    first.notifyOfCompletedCheckpoint(1);
    write(first, 4, 5);
    first.close();
    try (var second = TestHarnesses.forSink(sink).initializeState(checkpoint1, 1)) {
      write(second, 4, 6);
      assertThat(file).doesNotExist();
      second.endInput();
    }
    assertThat(Files.readAllLines(file)).containsExactlyElementsOf(records(1, 6));
  }
}
