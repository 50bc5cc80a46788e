package io.spate.connectors.kafka.sink;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.ProducerIdAndEpoch;

/**
 * The only place where the sink reaches into kafka-clients' internals, which it needs for two things
 * the public API of kafka-clients 4.3.1 cannot do: commit a transaction that another producer
 * instance (of a failed run) began, and reuse a producer for another transactional id. The public
 * two-phase-commit API of KIP-939 is not in this client, and the broker's keep-prepared-transaction
 * mode needs a broker setting that is off by default.
 *
 * <p>How: a new producer with the transaction's {@code transactional.id} is given the producer id
 * and epoch that the checkpoint recorded and is put into the "in transaction" state without {@code
 * initTransactions()} (which would abort the transaction); its {@code commitTransaction()} then sends
 * the coordinator the commit for exactly that producer id and epoch. The broker checks both: a
 * transaction that was aborted or replaced in the meantime fails the commit with a fencing error
 * rather than committing something else; a transaction that is committed already answers success
 * again (also under transaction protocol v2, which bumps the epoch at each commit).
 *
 * <p>Reuse: a producer's transactional id is fixed when it is created, but nothing else in it
 * depends on the id; between transactions (its last one committed) the sink gives it a new id and
 * {@code initTransactions()} takes a producer id for that id, as for a new producer. Its per-partition
 * sequence numbers then belong to a stale producer id, which kafka-clients restarts at zero before
 * the next batch of each partition (as after an epoch bump).
 *
 * <p>Every use checks the fields and methods it needs and fails naming them and the client version,
 * should kafka-clients change.
 */
final class ProducerInternals {

  /** The client version whose internals this class was written and tested against. */
  static final String TESTED_CLIENT_VERSION = "4.3.1";

  private ProducerInternals() {}

  /** The producer id and epoch of {@code producer}'s current transaction. */
  static ProducerIdAndEpoch producerIdAndEpoch(KafkaProducer<?, ?> producer) {
    Object transactionManager = read(producer, KafkaProducer.class, "transactionManager");
    Object value = read(transactionManager, transactionManager.getClass(), "producerIdAndEpoch");
    if (!(value instanceof ProducerIdAndEpoch idAndEpoch)) {
      throw unexpected("TransactionManager.producerIdAndEpoch is " + value + ", not a ProducerIdAndEpoch", null);
    }
    return idAndEpoch;
  }

  /**
   * Makes {@code producer}, a new producer whose {@code transactional.id} is that of the transaction
   * and on which {@code initTransactions()} was not called, the owner of the ongoing transaction
   * {@code producerId}/{@code epoch}, so that {@code commitTransaction()} commits it. {@code topic}, a
   * topic the transaction wrote to, is looked up first: that connects the producer and tells it which
   * transaction protocol version the brokers use.
   */
  static void resumeTransaction(KafkaProducer<?, ?> producer, long producerId, short epoch, String topic) {
    producer.partitionsFor(topic);
    Object transactionManager = read(producer, KafkaProducer.class, "transactionManager");
    if (transactionManager == null) {
      throw new IllegalArgumentException("KafkaSink: cannot resume a transaction on a producer without transactional.id");
    }
    Class<?> type = transactionManager.getClass();
    invoke(transactionManager, type, "maybeUpdateTransactionV2Enabled", new Class<?>[] {boolean.class}, true);
    // The producer's own threads read these fields under the manager's lock.
    synchronized (transactionManager) {
      Object state = read(transactionManager, type, "currentState");
      if (state == null || !"UNINITIALIZED".equals(((Enum<?>) state).name())) {
        throw new IllegalStateException("KafkaSink: can resume a transaction only on a new producer, but this one's"
            + " transaction state is " + state);
      }
      write(transactionManager, type, "producerIdAndEpoch", new ProducerIdAndEpoch(producerId, epoch));
      write(transactionManager, type, "currentState", stateNamed(state, "IN_TRANSACTION"));
      write(transactionManager, type, "transactionStarted", true);
    }
  }

  /**
   * Makes {@code producer}, a transactional producer between transactions (its last transaction
   * committed or aborted, no error), a producer of {@code transactionalId} that has not called {@code
   * initTransactions()} yet: the next {@code initTransactions()} finds the coordinator of the new id
   * and takes a producer id for it. The old id keeps whatever the brokers hold for it.
   */
  static void reuseFor(KafkaProducer<?, ?> producer, String transactionalId) {
    Object transactionManager = read(producer, KafkaProducer.class, "transactionManager");
    if (transactionManager == null) {
      throw new IllegalArgumentException("KafkaSink: cannot reuse a producer without transactional.id");
    }
    Class<?> type = transactionManager.getClass();
    synchronized (transactionManager) {
      Object state = read(transactionManager, type, "currentState");
      if (state == null || !"READY".equals(((Enum<?>) state).name())) {
        throw new IllegalStateException("KafkaSink: can reuse a producer only between transactions, but this one's"
            + " transaction state is " + state);
      }
      write(transactionManager, type, "transactionalId", transactionalId);
      write(transactionManager, type, "transactionCoordinator", null);
      write(transactionManager, type, "producerIdAndEpoch", ProducerIdAndEpoch.NONE);
      write(transactionManager, type, "currentState", stateNamed(state, "UNINITIALIZED"));
    }
  }

  private static Object stateNamed(Object current, String name) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Object state = Enum.valueOf((Class) ((Enum<?>) current).getDeclaringClass(), name);
    return state;
  }

  private static Object read(Object target, Class<?> type, String name) {
    try {
      return field(type, name).get(target);
    } catch (IllegalAccessException | RuntimeException e) {
      throw unexpected("cannot read " + type.getSimpleName() + "." + name, e);
    }
  }

  private static void write(Object target, Class<?> type, String name, Object value) {
    try {
      field(type, name).set(target, value);
    } catch (IllegalAccessException | RuntimeException e) {
      throw unexpected("cannot set " + type.getSimpleName() + "." + name, e);
    }
  }

  private static Field field(Class<?> type, String name) {
    try {
      Field field = type.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) {
      throw unexpected(type.getName() + " has no field " + name, e);
    }
  }

  private static void invoke(Object target, Class<?> type, String name, Class<?>[] parameters, Object... args) {
    try {
      Method method = type.getDeclaredMethod(name, parameters);
      method.setAccessible(true);
      method.invoke(target, args);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw unexpected("cannot call " + type.getSimpleName() + "." + name, e);
    }
  }

  private static IllegalStateException unexpected(String what, Throwable cause) {
    return new IllegalStateException("KafkaSink: the internals of kafka-clients " + AppInfoParser.getVersion()
        + " are not those the sink needs to commit a transaction after a restart (" + what + "); it was written"
        + " for kafka-clients " + TESTED_CLIENT_VERSION + ". Use that version, or a delivery guarantee other than"
        + " EXACTLY_ONCE.", cause);
  }
}
