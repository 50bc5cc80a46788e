package io.spate.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.connectors.formats.json.JsonDeserializationSchema;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.connectors.kafka.testing.KafkaTestBroker;
import io.spate.examples.UsageException;
import io.spate.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@code spate example fraud-detection} against a real Kafka broker and a real PostgreSQL server:
 * it generates transactions into Kafka, then reads them back in a bounded job. The alerts in the
 * Kafka topic (read committed) and in the table must be exactly those a plain reading of the rule over
 * the generated transactions finds, each once.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS) // a broker and a database start, and two jobs run
class FraudDetectionTest {

  private static final int TRANSACTIONS = 20_000;
  private static final int ACCOUNTS = 50;

  private static KafkaTestBroker kafka;
  private static PostgresTestDatabase postgres;

  @BeforeAll
  static void startBrokerAndDatabase() {
    kafka = KafkaTestBroker.start();
    postgres = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void alertsEverySmallTransactionFollowedAtOnceByALargeOneExactlyOnceInKafkaAndInPostgres() throws Exception {
    FraudDetection.run(new String[] {
        "--bootstrap-servers", kafka.bootstrapServers(), "--jdbc-url", postgres.url(), "--jdbc-user", postgres.user(),
        "--transactions-topic", "card-transactions", "--alerts-topic", "card-alerts", "--partitions", "3",
        "--generate", Integer.toString(TRANSACTIONS), "--accounts", Integer.toString(ACCOUNTS), "--seed", "7",
        "--mode", "bounded", "--parallelism", "2", "--checkpoint-interval", "100"});

    List<Transaction> input = read("card-transactions", Transaction.class);
    Instant start = input.stream().filter(t -> t.id() == 0).findFirst().orElseThrow().time();
    assertThat(Duration.between(start, Instant.now())).as("generated times end at the present")
        .isBetween(TransactionGenerator.SPACING.multipliedBy(TRANSACTIONS - 1),
            TransactionGenerator.SPACING.multipliedBy(TRANSACTIONS - 1).plusMinutes(10));
    TransactionGenerator generator = new TransactionGenerator(7, ACCOUNTS, start);
    assertThat(input).containsExactlyInAnyOrderElementsOf(
        LongStream.range(0, TRANSACTIONS).mapToObj(generator::transaction).toList());

    List<Alert> expected = expectedAlerts(input);
    assertThat(expected).as("the generated transactions hold alerts").hasSizeGreaterThan(20);

    // A committed transaction's markers reach the partitions shortly after the commit returns.
    Await.untilPasses(Duration.ofSeconds(30), "the committed alerts in Kafka",
        () -> assertThat(read("card-alerts", Alert.class)).containsExactlyInAnyOrderElementsOf(expected));

    List<Alert> inPostgres = postgres.query("SELECT transaction_id, account, small_amount_cents, large_amount_cents,"
        + " small_time, large_time FROM " + FraudDetection.TABLE).stream()
        .map(row -> new Alert(((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue(),
            ((Number) row.get(2)).longValue(), ((Number) row.get(3)).longValue(),
            ((Timestamp) row.get(4)).toInstant(), ((Timestamp) row.get(5)).toInstant()))
        .toList();
    assertThat(inPostgres).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void wrongArgumentsNameTheOption() {
    assertThatThrownBy(() -> FraudDetection.run(new String[] {
        "--bootstrap-servers", "127.0.0.1:9", "--jdbc-url", postgres.url(), "--generate", "5000001"}))
        .isInstanceOf(UsageException.class).hasMessageContaining("--generate").hasMessageContaining("retention");
    assertThatThrownBy(() -> FraudDetection.run(new String[] {"--bootstrap-servers", "127.0.0.1:9"}))
        .isInstanceOf(UsageException.class).hasMessageContaining("--jdbc-url");
    assertThatThrownBy(() -> FraudDetection.run(new String[] {
        "--bootstrap-servers", "127.0.0.1:9", "--jdbc-url", "jdbc:mysql://127.0.0.1/db"}))
        .isInstanceOf(UsageException.class).hasMessageContaining("PostgreSQL");
    assertThatThrownBy(() -> FraudDetection.run(new String[] {
        "--bootstrap-servers", "127.0.0.1:9", "--jdbc-url", postgres.url(), "--mode", "batch"}))
        .isInstanceOf(UsageException.class).hasMessageContaining("--mode");
  }

  /**
   * The rule read plainly: in each account's transactions, in id (and so time) order, a transaction under
   * 100 cents followed by one over 50,000 cents at most a minute later.
   */
  private static List<Alert> expectedAlerts(List<Transaction> transactions) {
    Map<Long, List<Transaction>> byAccount = new TreeMap<>();
    transactions.stream().sorted(Comparator.comparingLong(Transaction::id))
        .forEach(t -> byAccount.computeIfAbsent(t.account(), a -> new ArrayList<>()).add(t));
    List<Alert> alerts = new ArrayList<>();
    for (List<Transaction> account : byAccount.values()) {
      for (int i = 1; i < account.size(); i++) {
        Transaction previous = account.get(i - 1);
        Transaction next = account.get(i);
        if (previous.amountCents() < 100 && next.amountCents() > 50_000
            && Duration.between(previous.time(), next.time()).compareTo(Duration.ofMinutes(1)) <= 0) {
          alerts.add(new Alert(next.id(), next.account(), previous.amountCents(), next.amountCents(),
              previous.time(), next.time()));
        }
      }
    }
    return alerts;
  }

  private static <T> List<T> read(String topic, Class<T> type) {
    JsonDeserializationSchema<T> json = new JsonDeserializationSchema<>(type);
    json.open(null);
    List<T> values = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : kafka.readAll(topic, "read_committed")) {
      try {
        values.add(json.deserialize(record.value()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return values;
  }
}
