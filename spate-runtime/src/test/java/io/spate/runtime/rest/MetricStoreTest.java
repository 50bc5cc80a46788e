package io.spate.runtime.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.runtime.metrics.dump.MetricDump;
import io.spate.runtime.metrics.dump.MetricDump.Entry;
import io.spate.runtime.metrics.dump.MetricDump.Scope;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the JobManager's metric store files fetched metrics under Flink's ids and what it keeps between fetches. */
class MetricStoreTest {

  private static Entry task(String job, String vertex, int subtask, String name, Serializable value) {
    return new Entry(Scope.TASK, job, vertex, subtask, null, name, value);
  }

  @Test
  void filesMetricsUnderFlinksIdsAndKeepsEndedSubtasksUntilTheJobIsGone() {
    MetricStore store = new MetricStore();
    MetricDump jm = new MetricDump(List.of(new Entry(Scope.JOB_MANAGER, null, null, -1, null, "Status.Up", 1L),
        new Entry(Scope.JOB, "j1", null, -1, null, "numRestarts", 0L)));
    MetricDump tm = new MetricDump(List.of(new Entry(Scope.TASK_MANAGER, null, null, -1, null, "Status.Heap", 7L),
        task("j1", "1", 0, "numRecordsIn", 5L),
        new Entry(Scope.OPERATOR, "j1", "1", 0, "My_Map", "numRecordsOut", 4L)));
    store.update(jm, Map.of("tm-1", tm), Set.of("j1"));

    assertThat(store.jobManager()).containsOnly(Map.entry("Status.Up", 1L));
    assertThat(store.job("j1")).containsOnly(Map.entry("numRestarts", 0L));
    assertThat(store.taskManager("tm-1")).containsOnly(Map.entry("Status.Heap", 7L));
    assertThat(store.vertex("j1", "1")).containsOnly(Map.entry("0.numRecordsIn", 5L),
        Map.entry("0.My_Map.numRecordsOut", 4L));
    assertThat(store.subtasks("j1", "1")).containsOnly(Map.entry(0, Map.of("numRecordsIn", 5L,
        "My_Map.numRecordsOut", 4L)));
    assertThat(store.taskManagerOf("j1", "1", 0)).isEqualTo("tm-1");

    // The subtask ended and the TaskManager went: its last values stay, the TaskManager's do not.
    store.update(MetricDump.EMPTY, Map.of("tm-2", new MetricDump(List.of(task("j1", "1", 1, "numRecordsIn", 3L)))),
        Set.of("j1"));
    assertThat(store.taskManager("tm-1")).isNull();
    assertThat(store.taskManagers()).containsOnlyKeys("tm-2");
    assertThat(store.vertex("j1", "1")).containsEntry("0.numRecordsIn", 5L).containsEntry("1.numRecordsIn", 3L);

    store.update(MetricDump.EMPTY, Map.of(), Set.of());
    assertThat(store.vertex("j1", "1")).isEmpty();
    assertThat(store.job("j1")).isEmpty();
  }

  @Test
  void aggregatesOnlyNumbersAndListsIdsWithoutGet() {
    List<Map<String, Serializable>> sources = List.of(Map.of("a", 1L, "b", "text"), Map.of("a", 3.5), Map.of("c", 2L));
    assertThat(MetricRoutes.aggregated(sources, null, List.of("min"))).extracting(m -> m.get("id"))
        .containsExactly("a", "b", "c");
    List<Map<String, Object>> answer = MetricRoutes.aggregated(sources, List.of("a", "b", "missing"),
        List.of("min", "max", "sum", "avg"));
    assertThat(answer).hasSize(1);
    assertThat(answer.get(0)).containsExactly(Map.entry("id", "a"), Map.entry("min", 1.0), Map.entry("max", 3.5),
        Map.entry("sum", 4.5), Map.entry("avg", 2.25));
    assertThat(MetricRoutes.values(Map.of("x", 1L, "y", 2.5), List.of("y", "z")))
        .containsExactly(Map.of("id", "y", "value", "2.5"));
  }
}
