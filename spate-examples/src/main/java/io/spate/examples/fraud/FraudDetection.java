package io.spate.examples.fraud;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.SerializableFunction;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import io.spate.connectors.base.DeliveryGuarantee;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.connectors.formats.json.JsonDeserializationSchema;
import io.spate.connectors.formats.json.JsonSerializationSchema;
import io.spate.connectors.jdbc.JdbcConnectionOptions;
import io.spate.connectors.jdbc.JdbcExecutionOptions;
import io.spate.connectors.jdbc.JdbcSink;
import io.spate.connectors.kafka.sink.KafkaRecordSerializationSchema;
import io.spate.connectors.kafka.sink.KafkaSink;
import io.spate.connectors.kafka.sink.KafkaSinkBuilder;
import io.spate.connectors.kafka.source.KafkaSource;
import io.spate.connectors.kafka.source.KafkaSourceBuilder;
import io.spate.connectors.kafka.source.enumerator.initializer.OffsetsInitializer;
import io.spate.examples.ExampleArgs;
import io.spate.examples.ExampleProgram;
import io.spate.examples.UsageException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The fraud-detection example: reads card transactions from Kafka, keeps the last small transaction
 * of each account in keyed state (dropped by an event-time timer once it is too old to matter), and
 * writes an alert for every small transaction followed at once by a large one, to a Kafka topic
 * (exactly once, in Kafka transactions) and to a PostgreSQL table (upserts: at least once, and
 * idempotent). It can first fill the input topic with generated transactions.
 */
public final class FraudDetection {

  static final String USAGE = String.join(System.lineSeparator(),
      "Usage: fraud-detection --bootstrap-servers <host:port> --jdbc-url <url> [options]",
      "Reads card transactions (JSON) from Kafka and writes an alert for every transaction under $1.00",
      "followed on the same account by one over $500.00 within a minute: to a Kafka topic, exactly once,",
      "and to the PostgreSQL table fraud_alerts. Creates the topics and the table if they do not exist.",
      "  --bootstrap-servers <list>   the Kafka brokers to connect to (required)",
      "  --jdbc-url <url>             the PostgreSQL database, jdbc:postgresql://host:port/db (required)",
      "  --jdbc-user <name>           the database user (default: none)",
      "  --jdbc-password <secret>     the database user's password (default: none)",
      "  --transactions-topic <name>  the topic transactions are read from (default: transactions)",
      "  --alerts-topic <name>        the topic alerts are written to (default: alerts)",
      "  --partitions <n>             partitions of the topics the example creates (default: 4)",
      "  --generate <n>               first write this many generated transactions to the input topic,",
      "                               100 ms apart and ending now (at most 5,000,000)",
      "  --accounts <n>               accounts the generated transactions are spread over (default: 100)",
      "  --seed <n>                   seed of the generated transactions (default: 42)",
      "  --mode <streaming|bounded>   streaming runs until Ctrl-C; bounded reads what the input topic",
      "                               holds when the job starts, then ends (default: streaming)",
      "  --checkpoint-interval <ms>   how often alerts are committed (default: 1000)",
      "  --parallelism <n>            parallelism of the job (default: the number of cores)");

  /** The table the alerts go to; {@link #createTableIfAbsent} creates it. */
  public static final String TABLE = "fraud_alerts";

  private FraudDetection() {}

  /**
   * The example's settings.
   *
   * @param bootstrapServers the Kafka brokers
   * @param jdbcUrl the PostgreSQL database's JDBC URL
   * @param jdbcUser the database user, or null
   * @param jdbcPassword the database user's password, or null
   * @param transactionsTopic the input topic
   * @param alertsTopic the output topic
   * @param partitions partitions of the topics the example creates
   * @param generate how many transactions to generate first; 0 for none
   * @param accounts accounts the generated transactions are spread over
   * @param seed seed of the generated transactions
   * @param bounded whether the job ends once it read what the input topic held at its start
   * @param checkpointIntervalMillis the checkpoint interval
   * @param parallelism parallelism of the job; 0 for the environment's default
   */
  public record Settings(String bootstrapServers, String jdbcUrl, String jdbcUser, String jdbcPassword,
      String transactionsTopic, String alertsTopic, int partitions, long generate, int accounts, long seed,
      boolean bounded, long checkpointIntervalMillis, int parallelism) implements Serializable {

    /** The settings from the command line. */
    public static Settings parse(String[] args) throws UsageException {
      ExampleArgs options = ExampleArgs.parse(args, USAGE, "--bootstrap-servers", "--jdbc-url", "--jdbc-user",
          "--jdbc-password", "--transactions-topic", "--alerts-topic", "--partitions", "--generate", "--accounts",
          "--seed", "--mode", "--checkpoint-interval", "--parallelism");
      String jdbcUrl = options.required("--jdbc-url");
      if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw UsageException.wrongArguments("Option '--jdbc-url' must be a PostgreSQL JDBC URL"
            + " (jdbc:postgresql://host:port/database), but was '" + jdbcUrl + "'.", USAGE);
      }
      String transactions = options.get("--transactions-topic", "transactions");
      String alerts = options.get("--alerts-topic", "alerts");
      if (transactions.equals(alerts)) {
        throw UsageException.wrongArguments("The transactions and alerts topics must differ, but both were '"
            + alerts + "'.", USAGE);
      }
      return new Settings(
          options.required("--bootstrap-servers"), jdbcUrl,
          options.get("--jdbc-user", null), options.get("--jdbc-password", null),
          transactions, alerts,
          options.getInt("--partitions", 4, 1),
          generated(options),
          options.getInt("--accounts", 100, 1),
          options.getLong("--seed", 42, Long.MIN_VALUE),
          options.getChoice("--mode", "streaming", "streaming", "bounded").equals("bounded"),
          options.getLong("--checkpoint-interval", 1000, 10),
          options.getInt("--parallelism", 0, 1));
    }
  }

  /** The most transactions {@code --generate} writes: 100 ms apart, they reach back about 5.8 days. */
  static final long MAX_GENERATED = 5_000_000;

  private static long generated(ExampleArgs options) throws UsageException {
    long count = options.getLong("--generate", 0, 0);
    if (count > MAX_GENERATED) {
      throw UsageException.wrongArguments("Option '--generate' must be at most " + MAX_GENERATED + ", but was "
          + count + ": generated transactions are " + TransactionGenerator.SPACING.toMillis() + " ms apart and end"
          + " now, and more would reach back beyond Kafka's default retention of 7 days.", USAGE);
    }
    return count;
  }

  /** Runs the example; see {@link #USAGE}. */
  public static void main(String[] args) throws Exception {
    ExampleProgram.runAsMain(FraudDetection::run, args);
  }

  /** Runs the example with command-line arguments; wrong ones throw {@link UsageException}. */
  public static void run(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    FraudSetup.createTopicsIfAbsent(settings);
    FraudSetup.createTableIfAbsent(settings);
    if (settings.generate() > 0) {
      System.err.printf(Locale.ROOT, "Fraud detection: writing %,d generated transactions to '%s'.%n",
          settings.generate(), settings.transactionsTopic());
      StreamExecutionEnvironment generation = StreamExecutionEnvironment.getExecutionEnvironment();
      writeGeneratedTransactions(generation, settings);
      generation.execute("Fraud detection: generate transactions");
    }
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (settings.parallelism() > 0) {
      env.setParallelism(settings.parallelism());
    }
    env.enableCheckpointing(settings.checkpointIntervalMillis());
    DataStream<Alert> alerts = alerts(transactions(env, settings), FraudRule.DEFAULT);
    alerts.sinkTo(kafkaAlerts(settings)).name("Alerts to Kafka");
    alerts.sinkTo(postgresAlerts(settings)).name("Alerts to PostgreSQL");
    alerts.print();
    System.err.printf(Locale.ROOT, "Fraud detection: reading '%s'%s, alerts to '%s' and table %s.%s%n",
        settings.transactionsTopic(), settings.bounded() ? " up to its current end" : "", settings.alertsTopic(),
        TABLE, settings.bounded() ? "" : " Press Ctrl-C to stop.");
    env.execute("Fraud detection");
  }

  /** The transactions of the input topic, with their times as event time. */
  public static DataStream<Transaction> transactions(StreamExecutionEnvironment env, Settings settings) {
    KafkaSourceBuilder<Transaction> source = KafkaSource.<Transaction>builder()
        .setBootstrapServers(settings.bootstrapServers())
        .setTopics(settings.transactionsTopic())
        .setGroupId("spate-fraud-detection")
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setValueOnlyDeserializer(new JsonDeserializationSchema<>(Transaction.class))
        .setProperty("isolation.level", "read_committed");
    if (settings.bounded()) {
      source.setBounded(OffsetsInitializer.latest());
    }
    // Each account's transactions are in one partition, in order: per-partition watermarks never pass
    // a transaction still to come, so the detector's timers never drop state that a pair still needs.
    WatermarkStrategy<Transaction> watermarks = WatermarkStrategy.<Transaction>forMonotonousTimestamps()
        .withTimestampAssigner((transaction, kafkaTime) -> transaction.time().toEpochMilli());
    return env.fromSource(source.build(), watermarks, "Transactions");
  }

  /** The alerts of {@code rule} over {@code transactions}, keyed by account. */
  public static DataStream<Alert> alerts(DataStream<Transaction> transactions, FraudRule rule) {
    return transactions
        .keyBy(Transaction::account, Types.LONG)
        .process(new FraudDetector(rule), TypeInformation.of(Alert.class))
        .name("Fraud detector");
  }

  /** Alerts as JSON, keyed by account, in one Kafka transaction per checkpoint. */
  static KafkaSink<Alert> kafkaAlerts(Settings settings) {
    return jsonByAccount(settings.alertsTopic(), Alert::account, settings)
        .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
        .setTransactionalIdPrefix("spate-fraud-detection-" + settings.alertsTopic())
        .build();
  }

  /** A sink builder writing records to {@code topic} as JSON, keyed by the decimal account number. */
  private static <T> KafkaSinkBuilder<T> jsonByAccount(String topic, SerializableFunction<T, Long> account,
      Settings settings) {
    return KafkaSink.<T>builder()
        .setBootstrapServers(settings.bootstrapServers())
        .setRecordSerializer(KafkaRecordSerializationSchema.<T>builder()
            .setTopic(topic)
            .setKeySerializationSchema((T record) -> Long.toString(account.apply(record)).getBytes(StandardCharsets.UTF_8))
            .setValueSerializationSchema(new JsonSerializationSchema<T>())
            .build());
  }

  /** Alerts as rows of {@link #TABLE}; an alert written again after a failure finds its row and leaves it. */
  static io.spate.api.connector.sink.Sink<Alert> postgresAlerts(Settings settings) {
    return JdbcSink.sink(
        "INSERT INTO " + TABLE + " (transaction_id, account, small_amount_cents, large_amount_cents, small_time,"
            + " large_time) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (transaction_id) DO NOTHING",
        (statement, alert) -> {
          statement.setLong(1, alert.transactionId());
          statement.setLong(2, alert.account());
          statement.setLong(3, alert.smallAmountCents());
          statement.setLong(4, alert.largeAmountCents());
          statement.setObject(5, alert.smallTime().atOffset(ZoneOffset.UTC));
          statement.setObject(6, alert.largeTime().atOffset(ZoneOffset.UTC));
        },
        JdbcExecutionOptions.builder().withBatchSize(500).withBatchIntervalMs(200).withMaxRetries(3).build(),
        FraudSetup.connectionOptions(settings));
  }

  /**
   * Writes {@code settings.generate()} generated transactions to the input topic, keyed by account, from
   * one subtask so that each account's transactions land in time order.
   */
  static void writeGeneratedTransactions(StreamExecutionEnvironment env, Settings settings) {
    DataGeneratorSource<Transaction> generated = new DataGeneratorSource<>(
        new TransactionGenerator(settings.seed(), settings.accounts(),
            TransactionGenerator.startEndingAt(Instant.now().truncatedTo(ChronoUnit.MILLIS), settings.generate())),
        settings.generate(),
        RateLimiterStrategy.noOp(), TypeInformation.of(Transaction.class));
    env.fromSource(generated, WatermarkStrategy.noWatermarks(), "Generated transactions")
        .setParallelism(1)
        .sinkTo(jsonByAccount(settings.transactionsTopic(), Transaction::account, settings)
            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .build())
        .setParallelism(1)
        .name("Transactions to Kafka");
  }
}
