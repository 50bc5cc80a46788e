package io.spate.runtime.jobmaster;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobStatus;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.failover.PipelinedRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceCoordinatorsTest {

  // What the enumerators did, in order; the tests run on one thread.
  private static final List<String> EVENTS = new ArrayList<>();

  record NoSplit() implements SourceSplit {
    @Override
    public String splitId() {
      return "none";
    }
  }

  /** A source whose enumerator notes its start and close; with no name it cannot create one. */
  record NotingSource(String name) implements Source<Long, NoSplit, Void>, ResultTypeQueryable<Long> {
    @Override
    public Boundedness getBoundedness() {
      return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Long, NoSplit> createReader(SourceReaderContext readerContext) {
      throw new UnsupportedOperationException("the job never runs here");
    }

    @Override
    public SplitEnumerator<NoSplit, Void> createEnumerator(SplitEnumeratorContext<NoSplit> context) {
      if (name.isEmpty()) {
        throw new IllegalStateException("no enumerator here");
      }
      return new SplitEnumerator<>() {
        @Override
        public void start() {
          EVENTS.add("start " + name);
        }

        @Override
        public void handleSplitRequest(int subtaskId) {}

        @Override
        public void addSplitsBack(List<NoSplit> splits, int subtaskId) {}

        @Override
        public void addReader(int subtaskId) {}

        @Override
        public Void snapshotState(long checkpointId) {
          return null;
        }

        @Override
        public void close() {
          EVENTS.add("close " + name);
        }
      };
    }

    @Override
    public SplitEnumerator<NoSplit, Void> restoreEnumerator(SplitEnumeratorContext<NoSplit> context, Void checkpoint) {
      return createEnumerator(context);
    }

    @Override
    public SimpleVersionedSerializer<NoSplit> getSplitSerializer() {
      throw new UnsupportedOperationException("no checkpoints here");
    }

    @Override
    public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
      throw new UnsupportedOperationException("no checkpoints here");
    }

    @Override
    public TypeInformation<Long> getProducedType() {
      return Types.LONG;
    }
  }

  /** A running job whose failures are only noted. */
  private static final class RunningJob implements JobLifecycle {
    final List<Throwable> failures = new ArrayList<>();

    @Override
    public JobStatus status() {
      return JobStatus.RUNNING;
    }

    @Override
    public void restarting() {}

    @Override
    public void runningAgain() {}

    @Override
    public void stopByCancelling() {}

    @Override
    public void failJob(Throwable cause) {
      failures.add(cause);
    }

    @Override
    public void checkTerminal() {}
  }

  private static final MainThread INLINE = new MainThread() {
    @Override
    public void execute(Runnable action) {
      action.run();
    }

    @Override
    public void schedule(Runnable action, long delayMillis) {
      throw new AssertionError("nothing is scheduled here");
    }
  };

  private static JobGraph job(String... sourceNames) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
    for (String name : sourceNames) {
      env.fromSource(new NotingSource(name), WatermarkStrategy.noWatermarks(), "source " + name)
          .rebalance().map(x -> x + 1).discard();
    }
    return JobGraphGenerator.generate(env.getStreamGraph("sources"));
  }

  private static SourceCoordinators coordinators(JobGraph job, RunningJob lifecycle) {
    ExecutionGraph graph = new ExecutionGraph(job, 0);
    return new SourceCoordinators(job, INLINE, lifecycle, () -> graph, lifecycle::failJob);
  }

  @BeforeEach
  void forget() {
    EVENTS.clear();
  }

  @Test
  void aRegionRestartClosesAndStartsOnlyTheEnumeratorsOfItsSources() {
    JobGraph job = job("a", "b");
    RunningJob lifecycle = new RunningJob();
    SourceCoordinators sources = coordinators(job, lifecycle);
    assertThat(sources.start(null, null)).isTrue();
    assertThat(EVENTS).containsExactlyInAnyOrder("start a", "start b");
    PipelinedRegions regions = PipelinedRegions.of(job);
    int sourceA = job.vertices().stream().filter(vertex -> vertex.getName().contains("source a"))
        .findFirst().orElseThrow().getId();
    Set<Integer> regionOfA = regions.region(regions.regionOf(sourceA));

    sources.close(regionOfA);
    assertThat(sources.start(null, regionOfA)).isTrue();
    sources.closeAll();

    assertThat(EVENTS.subList(2, 4)).containsExactly("close a", "start a");
    assertThat(EVENTS.subList(4, EVENTS.size())).containsExactlyInAnyOrder("close a", "close b");
    assertThat(lifecycle.failures).isEmpty();
  }

  @Test
  void anEnumeratorThatCannotStartFailsTheJobNamingWhy() {
    JobGraph job = job("");
    RunningJob lifecycle = new RunningJob();

    boolean started = coordinators(job, lifecycle).start(null, null);

    assertThat(started).isFalse();
    assertThat(lifecycle.failures).singleElement().satisfies(failure -> {
      assertThat(failure).isInstanceOf(SubtaskFailure.class).hasMessage("Job 'sources' (" + job.jobId()
          + ") failed: a source's split enumerator could not start: java.lang.IllegalStateException: no enumerator"
          + " here");
      assertThat(failure.getCause()).hasMessage("no enumerator here");
    });
  }
}
