package io.spate.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.common.JobClient;
import io.spate.api.common.JobStatus;
import io.spate.api.configuration.Configuration;
import io.spate.api.configuration.SavepointOptions;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.RichMapFunction;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.SimpleTypeSerializerSnapshot;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeInfo;
import io.spate.api.typeinfo.TypeInfoFactory;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.runtime.graph.JobGraph;
import io.spate.runtime.graph.JobGraphGenerator;
import io.spate.runtime.jobmaster.JobResult;
import io.spate.runtime.minicluster.MiniCluster;
import io.spate.runtime.minicluster.MiniClusterConfiguration;
import io.spate.testing.Await;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A custom TypeInformation and TypeSerializer written as a Flink program writes them (only Flink's
 * methods, a SimpleTypeSerializerSnapshot) carry a job's records (through returns), its keys (through
 * keyBy with the type) and its keyed state (through the class's @TypeInfo factory), and the state
 * written with them survives a savepoint: the restored job ends with the totals plain Java computes.
 */
class FlinkShapedTypeSavepointE2ETest {

  private static final long RECORDS = 20_000;
  private static final long WAIT_SECONDS = 30;
  private static final Duration WAIT = Duration.ofSeconds(WAIT_SECONDS);

  private static final Set<String> HELD = ConcurrentHashMap.newKeySet();
  private static final Map<String, AtomicLong> PROCESSED = new ConcurrentHashMap<>();
  private static final Map<String, Map<Payment, Payment>> LATEST = new ConcurrentHashMap<>();

  /** An amount paid to an account; its type is described by hand. */
  @TypeInfo(PaymentTypeInfoFactory.class)
  public static final class Payment {
    final String account;
    final long cents;

    public Payment(String account, long cents) {
      this.account = account;
      this.cents = cents;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Payment p && p.account.equals(account) && p.cents == cents;
    }

    @Override
    public int hashCode() {
      return Objects.hash(account, cents);
    }

    @Override
    public String toString() {
      return account + ":" + cents;
    }
  }

  /** Flink's abstract TypeInformation methods, and nothing of Spate's own. */
  public static final class PaymentTypeInfo extends TypeInformation<Payment> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
      return false;
    }

    @Override
    public boolean isTupleType() {
      return false;
    }

    @Override
    public int getArity() {
      return 2;
    }

    @Override
    public int getTotalFields() {
      return 2;
    }

    @Override
    public Class<Payment> getTypeClass() {
      return Payment.class;
    }

    @Override
    public boolean isKeyType() {
      return true;
    }

    @Override
    public TypeSerializer<Payment> createSerializer(SerializerConfig config) {
      return new PaymentSerializer();
    }

    @Override
    public String toString() {
      return "Payment";
    }

    @Override
    public boolean equals(Object obj) {
      return obj instanceof PaymentTypeInfo;
    }

    @Override
    public int hashCode() {
      return PaymentTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
      return obj instanceof PaymentTypeInfo;
    }
  }

  /** Found through the @TypeInfo annotation of Payment. */
  public static final class PaymentTypeInfoFactory extends TypeInfoFactory<Payment> {
    @Override
    public TypeInformation<Payment> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
      return new PaymentTypeInfo();
    }
  }

  /** Flink's abstract TypeSerializer methods, and nothing of Spate's own. */
  public static final class PaymentSerializer extends TypeSerializer<Payment> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
      return true;
    }

    @Override
    public TypeSerializer<Payment> duplicate() {
      return this;
    }

    @Override
    public Payment createInstance() {
      return new Payment("", 0);
    }

    @Override
    public Payment copy(Payment from) {
      return from;
    }

    @Override
    public Payment copy(Payment from, Payment reuse) {
      return from;
    }

    @Override
    public int getLength() {
      return -1;
    }

    @Override
    public void serialize(Payment record, DataOutputView target) throws IOException {
      target.writeUTF(record.account);
      target.writeLong(record.cents);
    }

    @Override
    public Payment deserialize(DataInputView source) throws IOException {
      return new Payment(source.readUTF(), source.readLong());
    }

    @Override
    public Payment deserialize(Payment reuse, DataInputView source) throws IOException {
      return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
      serialize(deserialize(source), target);
    }

    @Override
    public boolean equals(Object obj) {
      return obj instanceof PaymentSerializer;
    }

    @Override
    public int hashCode() {
      return PaymentSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<Payment> snapshotConfiguration() {
      return new PaymentSerializerSnapshot();
    }
  }

  /** The snapshot of a serializer without configuration. */
  public static final class PaymentSerializerSnapshot extends SimpleTypeSerializerSnapshot<Payment> {
    public PaymentSerializerSnapshot() {
      super(PaymentSerializer::new);
    }
  }

  @TempDir
  Path dir;

  private MiniCluster cluster;

  @BeforeEach
  void startCluster() {
    cluster = new MiniCluster(new MiniClusterConfiguration(2, 2, 1, 16, 64));
    cluster.start();
  }

  @AfterEach
  void stopCluster() {
    cluster.close();
  }

  static String account(long value) {
    return "acct-" + value % 11;
  }

  /** Turns a number into a payment, one per millisecond while its run is held. */
  static final class ToPayment extends RichMapFunction<Long, Payment> {
    private static final long serialVersionUID = 1L;
    private final String run;

    ToPayment(String run) {
      this.run = run;
    }

    @Override
    public Payment map(Long value) {
      if (HELD.contains(run)) {
        LockSupport.parkNanos(1_000_000);
      }
      return new Payment(account(value), value);
    }
  }

  /** Keeps each account's total as a Payment in value state. */
  static final class Total extends KeyedProcessFunction<Payment, Payment, Void> {
    private static final long serialVersionUID = 1L;
    private final String run;
    private transient ValueState<Payment> total;

    Total(String run) {
      this.run = run;
    }

    @Override
    public void open(OpenContext context) {
      total = getRuntimeContext().getState(new ValueStateDescriptor<>("total", Payment.class));
    }

    @Override
    public void processElement(Payment payment, Context ctx, Collector<Void> out) throws Exception {
      Payment current = total.value();
      Payment next = new Payment(payment.account, (current == null ? 0 : current.cents) + payment.cents);
      total.update(next);
      LATEST.computeIfAbsent(run, r -> new ConcurrentHashMap<>()).put(ctx.getCurrentKey(), next);
      PROCESSED.computeIfAbsent(run, r -> new AtomicLong()).incrementAndGet();
    }
  }

  private static JobGraph job(String run, Configuration conf) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.fromSequence(0, RECORDS - 1).uid("numbers")
        .map(new ToPayment(run)).returns(new PaymentTypeInfo()).uid("payments")
        .keyBy(p -> new Payment(p.account, 0), new PaymentTypeInfo())
        .process(new Total(run)).uid("totals")
        .discard();
    return JobGraphGenerator.generate(env.getStreamGraph(run));
  }

  @Test
  void stateWrittenWithAFlinkShapedSerializerIsRestoredFromASavepoint() throws Exception {
    HELD.add("first");
    JobClient first = cluster.submitJob(job("first", new Configuration())).get(WAIT_SECONDS, TimeUnit.SECONDS);
    Await.until(WAIT, "payments are summed", () -> PROCESSED.containsKey("first") && PROCESSED.get("first").get() > 300);
    String savepoint = UnreadableStateRecoveryE2ETest.savepointOnceAllTasksRun(first, dir.resolve("savepoints").toString());
    first.cancel().get(WAIT_SECONDS, TimeUnit.SECONDS);
    HELD.remove("first");
    assertThat(PROCESSED.get("first").get()).as("records before the savepoint").isLessThan(RECORDS);

    Configuration restore = new Configuration();
    restore.set(SavepointOptions.SAVEPOINT_PATH, savepoint);
    JobGraph second = job("second", restore);
    cluster.submitJob(second).get(WAIT_SECONDS, TimeUnit.SECONDS);
    JobResult result = cluster.getDispatcherGateway().requestJobResult(second.jobId()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(result.status()).isEqualTo(JobStatus.FINISHED);

    Map<Payment, Payment> expected = new HashMap<>();
    for (long value = 0; value < RECORDS; value++) {
      Payment key = new Payment(account(value), 0);
      expected.merge(key, new Payment(key.account, value), (a, b) -> new Payment(a.account, a.cents + b.cents));
    }
    // The restored run went on from the savepoint's totals: it processed only the rest of the input.
    assertThat(PROCESSED.get("second").get()).isLessThan(RECORDS);
    assertThat(LATEST.get("second")).isEqualTo(expected);
  }
}
