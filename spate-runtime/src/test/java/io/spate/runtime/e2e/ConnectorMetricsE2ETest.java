package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.connector.sink.Sink;
import io.spate.api.connector.sink.SinkWriter;
import io.spate.api.connector.sink.WriterInitContext;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.util.List;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.lib.NumberSequenceSource;
import io.spate.api.connector.source.lib.NumberSequenceSplit;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.metrics.Counter;
import io.spate.api.metrics.Gauge;
import io.spate.api.metrics.groups.SinkWriterMetricGroup;
import io.spate.api.metrics.groups.SourceReaderMetricGroup;
import io.spate.runtime.metrics.RecordingReporter;
import io.spate.runtime.metrics.RecordingReporterFactory;
import io.spate.testing.Await;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The source and sink metrics of FLIP-33, counted by a reader and a writer of a running job. */
class ConnectorMetricsE2ETest {

  private static final long EVENT_TIME_BEHIND_MS = 60_000;

  /** A writer that counts each number as one record of 8 bytes sent, and every 100th as an error. */
  static final class CountingSink implements Sink<Long> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<Long> createWriter(WriterInitContext context) {
      SinkWriterMetricGroup metrics = context.metricGroup();
      Counter sent = metrics.getNumRecordsSendCounter();
      Counter bytes = metrics.getNumBytesSendCounter();
      Counter errors = metrics.getNumRecordsSendErrorsCounter();
      metrics.setCurrentSendTimeGauge(() -> 7L);
      return new SinkWriter<>() {
        @Override
        public void write(Long element, Context ctx) {
          if (element % 100 == 0) {
            errors.inc();
          } else {
            sent.inc();
            bytes.inc(8);
          }
        }

        @Override
        public void flush(boolean endOfInput) {}
      };
    }
  }

  @Test
  void theSourceReportsItsLagsErrorsAndPendingRecordsAndTheSinkWhatItSent() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
    String id = RecordingReporterFactory.configure(env.getConfiguration(), "rec");
    env.getConfig().setAutoWatermarkInterval(Duration.ofMillis(20));
    env.fromSource(new PendingReportingSource(), WatermarkStrategy.<Long>forMonotonousTimestamps()
            .withTimestampAssigner((value, previous) -> System.currentTimeMillis() - EVENT_TIME_BEHIND_MS),
            "numbers")
        .sinkTo(new CountingSink()).name("counted");
    JobClient client = env.executeAsync("connector metrics");
    RecordingReporter reporter = RecordingReporter.withId(id);
    try {
      Await.until(Duration.ofSeconds(60), "the sink to have sent 1000 records",
          () -> value(reporter, "counted", "numRecordsSend") >= 1000 && value(reporter, "numbers", "watermarkLag") > 0);
      assertThat(value(reporter, "numbers", "currentEmitEventTimeLag"))
          .isBetween(EVENT_TIME_BEHIND_MS, EVENT_TIME_BEHIND_MS + 30_000);
      assertThat(value(reporter, "numbers", "watermarkLag")).isBetween(EVENT_TIME_BEHIND_MS, EVENT_TIME_BEHIND_MS + 30_000);
      assertThat(value(reporter, "numbers", "pendingRecords")).isEqualTo(42);
      assertThat(value(reporter, "numbers", "numRecordsInErrors")).isEqualTo(3);
      value(reporter, "numbers", "sourceIdleTime"); // the first reading notes the records so far
      assertThat(value(reporter, "numbers", "sourceIdleTime")).as("an unthrottled source is never idle long")
          .isLessThan(5_000);
      long sent = value(reporter, "counted", "numRecordsSend");
      long errors = value(reporter, "counted", "numRecordsSendErrors");
      assertThat(errors).isPositive();
      assertThat(value(reporter, "counted", "numBytesSend")).isGreaterThanOrEqualTo(8 * sent);
      assertThat(value(reporter, "counted", "numRecordsOutErrors")).isGreaterThanOrEqualTo(errors);
      assertThat(value(reporter, "counted", "currentSendTime")).isEqualTo(7);
    } finally {
      client.cancel().get(30, TimeUnit.SECONDS);
    }
  }

  /** An endless number source whose reader reports 42 pending records and three records it could not read. */
  static final class PendingReportingSource
      implements Source<Long, NumberSequenceSplit, List<NumberSequenceSplit>>, ResultTypeQueryable<Long> {
    private static final long serialVersionUID = 1L;
    private final NumberSequenceSource numbers = new NumberSequenceSource(0, Long.MAX_VALUE);

    @Override
    public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext context) throws Exception {
      SourceReaderMetricGroup metrics = context.metricGroup();
      metrics.setPendingRecordsGauge(() -> 42L);
      metrics.getNumRecordsInErrorsCounter().inc(3);
      return numbers.createReader(context);
    }

    @Override
    public Boundedness getBoundedness() {
      return numbers.getBoundedness();
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> createEnumerator(
        SplitEnumeratorContext<NumberSequenceSplit> context) throws Exception {
      return numbers.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<NumberSequenceSplit, List<NumberSequenceSplit>> restoreEnumerator(
        SplitEnumeratorContext<NumberSequenceSplit> context, List<NumberSequenceSplit> checkpoint) throws Exception {
      return numbers.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<NumberSequenceSplit> getSplitSerializer() {
      return numbers.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<List<NumberSequenceSplit>> getEnumeratorCheckpointSerializer() {
      return numbers.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<Long> getProducedType() {
      return Types.LONG;
    }
  }

  /** The value of metric {@code name} of the operator named {@code operator}. */
  private static long value(RecordingReporter reporter, String operator, String name) {
    return reporter.added.stream()
        .filter(s -> s.name().equals(name) && s.variables().getOrDefault("<operator_name>", "").contains(operator))
        .mapToLong(s -> s.metric() instanceof Counter c ? c.getCount()
            : ((Number) ((Gauge<?>) s.metric()).getValue()).longValue())
        .findFirst().orElse(-1);
  }
}
