package io.spate.runtime.network.remote;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.configuration.Configuration;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.common.JobStatus;
import io.spate.api.typeinfo.Types;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.metrics.RecordingReporter;
import io.spate.runtime.metrics.RecordingReporterFactory;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.runtime.taskexecutor.DataPlaneSettings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The tasks' {@code numBytesIn} and {@code numBytesOut} count what crossed the network: every byte a
 * producer's channels sent is a byte a consumer's channels received, and in-process channels, which
 * hand records over unserialized, count none.
 */
class NetworkBytesMetricsTest {

  private static final long RECORDS = 10_000;

  @Test
  void bytesWrittenToTheNetworkAreTheBytesReadFromIt() throws Exception {
    RecordingReporter reporter = run(DataPlaneSettings.loopback(), "over-the-network");
    long out = reporter.sumOfTaskCounters("numBytesOut");
    long in = reporter.sumOfTaskCounters("numBytesIn");
    // One TaskExecutor per subtask: each source subtask sends every other record of its half (give or
    // take the one its round robin starts with) to the map subtask on the other TaskExecutor, 8 bytes a long.
    assertThat(out).isGreaterThanOrEqualTo(8 * (RECORDS / 2 - 2));
    assertThat(in).isEqualTo(out);
  }

  @Test
  void inProcessChannelsCountNoBytes() throws Exception {
    RecordingReporter reporter = run(null, "in-process");
    assertThat(reporter.sumOfTaskCounters("numRecordsIn")).isEqualTo(RECORDS);
    assertThat(reporter.sumOfTaskCounters("numBytesOut")).isZero();
    assertThat(reporter.sumOfTaskCounters("numBytesIn")).isZero();
  }

  private static RecordingReporter run(DataPlaneSettings dataPlane, String name) throws Exception {
    Configuration metrics = new Configuration();
    String id = RecordingReporterFactory.configure(metrics, "rec");
    try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(2, 1, 2, 16, 256), dataPlane)
        .reportingMetricsWith(metrics)) {
      cluster.start();
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      env.fromSequence(1, RECORDS).rebalance().map(x -> x).returns(Types.LONG).discard();
      var client = cluster.submitJob(JobGraphGenerator.generate(env.getStreamGraph(name))).get(30, TimeUnit.SECONDS);
      JobResult result = cluster.getDispatcherGateway().requestJobResult(client.getJobID()).get(60, TimeUnit.SECONDS);
      assertThat(result.status()).as("the job ended: %s", result.failure()).isEqualTo(JobStatus.FINISHED);
    }
    return RecordingReporter.withId(id);
  }
}
