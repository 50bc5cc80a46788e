package io.spate.api.functions.sink;

import io.spate.api.annotation.Public;
import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.CheckpointListener;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import java.io.IOException;
import java.time.Clock;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A legacy sink that writes exactly once through transactions of an external system: records go into
 * the open transaction, which is pre-committed when a checkpoint's barrier passes and committed when
 * that checkpoint completes; after a failure the transactions the restored checkpoint holds are
 * committed again ({@link #recoverAndCommit}) and the one that was open is aborted. At the end of the
 * input the open transaction is pre-committed ({@link #finish}); with checkpointing on it belongs to
 * the task's final checkpoint, taken after that, and is committed when that completes; without, the
 * runtime commits it at once (as a completion of {@link #END_OF_INPUT}).
 *
 * <p>{@link #commit} and {@link #recoverAndCommit} must be idempotent: a transaction may be committed
 * again after a restore.
 *
 * @param <IN> the record type
 * @param <TXN> the transaction handle; it must be serializable by the transaction serializer, as it is
 *     part of the checkpoint
 * @param <CONTEXT> a context of the whole sink kept across transactions, or {@code Void}
 */
@Public
public abstract class TwoPhaseCommitSinkFunction<IN, TXN, CONTEXT> extends RichSinkFunction<IN>
    implements CheckpointedFunction, CheckpointListener {

  private static final long serialVersionUID = 1L;

  /**
   * The checkpoint id under which the transaction pre-committed at the end of the input waits for the
   * next checkpoint, which takes it over; a completion of this id commits everything pending.
   */
  public static final long END_OF_INPUT = Long.MAX_VALUE;

  private static final Logger LOG = LoggerFactory.getLogger(TwoPhaseCommitSinkFunction.class);

  /** The pre-committed transactions by the id of the checkpoint that pre-committed them, oldest first. */
  protected final LinkedHashMap<Long, TransactionHolder<TXN>> pendingCommitTransactions = new LinkedHashMap<>();

  /** The context of the sink, from {@link #initializeUserContext()} or restored. */
  protected transient Optional<CONTEXT> userContext;

  /** The checkpointed state of this sink instance. */
  protected transient ListState<State<TXN, CONTEXT>> state;

  private final StateSerializer<TXN, CONTEXT> stateSerializer;
  private final Clock clock;
  private transient TransactionHolder<TXN> currentTransactionHolder;
  private transient boolean finished;
  private long transactionTimeout = Long.MAX_VALUE;
  private boolean ignoreFailuresAfterTransactionTimeout;
  private double transactionTimeoutWarningRatio = -1;

  /** A sink whose transactions and context go into checkpoints through these serializers. */
  public TwoPhaseCommitSinkFunction(TypeSerializer<TXN> transactionSerializer, TypeSerializer<CONTEXT> contextSerializer) {
    this(transactionSerializer, contextSerializer, Clock.systemUTC());
  }

  TwoPhaseCommitSinkFunction(TypeSerializer<TXN> transactionSerializer, TypeSerializer<CONTEXT> contextSerializer,
      Clock clock) {
    this.stateSerializer = new StateSerializer<>(
        Objects.requireNonNull(transactionSerializer, "transactionSerializer"),
        Objects.requireNonNull(contextSerializer, "contextSerializer"));
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  // ---------------------------------------------------------------- what a subclass implements

  /** Creates the sink's context when it starts without state; the default has none. */
  protected Optional<CONTEXT> initializeUserContext() {
    return Optional.empty();
  }

  /** The sink's context. */
  protected Optional<CONTEXT> getUserContext() {
    return userContext;
  }

  /** The open transaction, or null before {@code initializeState} and after {@code close}. */
  protected TXN currentTransaction() {
    return currentTransactionHolder == null ? null : currentTransactionHolder.handle;
  }

  /** The pre-committed transactions not yet committed, by checkpoint id, oldest first. */
  protected Stream<Map.Entry<Long, TXN>> pendingTransactions() {
    return pendingCommitTransactions.entrySet().stream()
        .map(entry -> new AbstractMap.SimpleEntry<>(entry.getKey(), entry.getValue().handle));
  }

  /** Writes {@code value} into {@code transaction}. */
  protected abstract void invoke(TXN transaction, IN value, Context context) throws Exception;

  /** Opens a new transaction. */
  protected abstract TXN beginTransaction() throws Exception;

  /** Flushes {@code transaction} so that a later {@link #commit} cannot fail for want of data; no new writes follow. */
  protected abstract void preCommit(TXN transaction) throws Exception;

  /** Makes a pre-committed transaction's writes visible; must be idempotent. */
  protected abstract void commit(TXN transaction);

  /** Commits a transaction restored from a checkpoint; the default calls {@link #commit}. */
  protected void recoverAndCommit(TXN transaction) {
    commit(transaction);
  }

  /** Discards {@code transaction}. */
  protected abstract void abort(TXN transaction);

  /** Aborts the transaction that was open when the restored checkpoint was taken; the default calls {@link #abort}. */
  protected void recoverAndAbort(TXN transaction) {
    abort(transaction);
  }

  /** Called after a restore with every transaction recovered; the default does nothing. */
  protected void finishRecoveringContext(Collection<TXN> handledTransactions) {}

  /** Called at the end of input with the open transaction, before it is pre-committed; the default does nothing. */
  protected void finishProcessing(TXN transaction) {}

  // ---------------------------------------------------------------- the sink and its checkpoints

  /** Does nothing: records arrive through {@link #invoke(Object, Context)}. */
  @Override
  public final void invoke(IN value) throws Exception {}

  @Override
  public final void invoke(IN value, Context context) throws Exception {
    TXN transaction = currentTransaction();
    if (transaction == null) {
      throw new IllegalStateException("Two-phase commit sink " + name()
          + " has no open transaction: it was invoked before initializeState or after close");
    }
    invoke(transaction, value, context);
  }

  /**
   * Ends the input: pre-commits the open transaction, which then waits under {@link #END_OF_INPUT} for
   * the next checkpoint (the task's final one) to take it over and commit it; no new one begins.
   */
  @Override
  public final void finish() throws Exception {
    finished = true;
    TransactionHolder<TXN> last = currentTransactionHolder;
    if (last == null) {
      return;
    }
    finishProcessing(last.handle);
    preCommit(last.handle);
    pendingCommitTransactions.put(END_OF_INPUT, last);
    currentTransactionHolder = null;
  }

  @Override
  public final void notifyCheckpointComplete(long checkpointId) throws Exception {
    RuntimeException firstError = null;
    Iterator<Map.Entry<Long, TransactionHolder<TXN>>> pending = pendingCommitTransactions.entrySet().iterator();
    while (pending.hasNext()) {
      Map.Entry<Long, TransactionHolder<TXN>> entry = pending.next();
      if (entry.getKey() > checkpointId) {
        continue;
      }
      TransactionHolder<TXN> holder = entry.getValue();
      warnIfCloseToTimeout(holder);
      try {
        commit(holder.handle);
      } catch (RuntimeException e) {
        if (!failureIgnoredAfterTimeout(holder, e) && firstError == null) {
          firstError = e;
        }
      }
      pending.remove();
    }
    if (firstError != null) {
      throw new IllegalStateException("Two-phase commit sink " + name()
          + " could not commit the transactions of checkpoint " + checkpointId, firstError);
    }
  }

  /** Does nothing: the aborted checkpoint's transaction stays pending and the next completed checkpoint commits it. */
  @Override
  public void notifyCheckpointAborted(long checkpointId) {}

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    long checkpointId = context.getCheckpointId();
    if (currentTransactionHolder != null) {
      preCommit(currentTransactionHolder.handle);
      pendingCommitTransactions.put(checkpointId, currentTransactionHolder);
    }
    TransactionHolder<TXN> endOfInput = pendingCommitTransactions.remove(END_OF_INPUT);
    if (endOfInput != null) {
      pendingCommitTransactions.put(checkpointId, endOfInput);
    }
    currentTransactionHolder = finished ? null : beginTransactionInternal();
    state.update(List.of(new State<>(currentTransactionHolder, new ArrayList<>(pendingCommitTransactions.values()),
        userContext)));
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("state", stateSerializer));
    boolean recoveredContext = false;
    if (context.isRestored()) {
      for (State<TXN, CONTEXT> restored : state.get()) {
        List<TXN> handled = new ArrayList<>();
        for (TransactionHolder<TXN> pending : restored.getPendingCommitTransactions()) {
          recoverAndCommitInternal(pending);
          handled.add(pending.handle);
        }
        if (restored.getPendingTransaction() != null) {
          recoverAndAbort(restored.getPendingTransaction().handle);
          handled.add(restored.getPendingTransaction().handle);
        }
        if (restored.getContext().isPresent()) {
          userContext = restored.getContext();
          finishRecoveringContext(handled);
          recoveredContext = true;
        }
      }
    }
    if (!recoveredContext) {
      userContext = initializeUserContext();
    }
    pendingCommitTransactions.clear();
    currentTransactionHolder = beginTransactionInternal();
  }

  /** Aborts the open transaction. */
  @Override
  public void close() throws Exception {
    super.close();
    if (currentTransactionHolder != null) {
      abort(currentTransactionHolder.handle);
    }
    currentTransactionHolder = null;
  }

  // ---------------------------------------------------------------- transaction timeouts

  /**
   * Sets how long the external system keeps a transaction open, in milliseconds; with {@link
   * #ignoreFailuresAfterTransactionTimeout()} a commit that fails after that long is logged, not thrown.
   */
  protected TwoPhaseCommitSinkFunction<IN, TXN, CONTEXT> setTransactionTimeout(long transactionTimeout) {
    if (transactionTimeout < 0) {
      throw new IllegalArgumentException("transactionTimeout must not be negative, got " + transactionTimeout);
    }
    this.transactionTimeout = transactionTimeout;
    return this;
  }

  /** Logs, rather than fails on, a commit that fails once the transaction has outlived the timeout. */
  protected TwoPhaseCommitSinkFunction<IN, TXN, CONTEXT> ignoreFailuresAfterTransactionTimeout() {
    this.ignoreFailuresAfterTransactionTimeout = true;
    return this;
  }

  /** Logs a warning when a transaction is committed after more than {@code warningRatio} of the timeout. */
  protected TwoPhaseCommitSinkFunction<IN, TXN, CONTEXT> enableTransactionTimeoutWarnings(double warningRatio) {
    if (!(warningRatio >= 0 && warningRatio <= 1)) {
      throw new IllegalArgumentException("warningRatio must be in [0, 1], got " + warningRatio);
    }
    this.transactionTimeoutWarningRatio = warningRatio;
    return this;
  }

  private void recoverAndCommitInternal(TransactionHolder<TXN> holder) {
    try {
      recoverAndCommit(holder.handle);
    } catch (RuntimeException e) {
      if (!failureIgnoredAfterTimeout(holder, e)) {
        throw e;
      }
    }
  }

  private boolean failureIgnoredAfterTimeout(TransactionHolder<TXN> holder, RuntimeException e) {
    long elapsed = holder.elapsedTime(clock);
    if (ignoreFailuresAfterTransactionTimeout && elapsed > transactionTimeout) {
      LOG.error("{} - committing transaction {} failed {} ms after it began, past the timeout of {} ms; ignored",
          name(), holder, elapsed, transactionTimeout, e);
      return true;
    }
    return false;
  }

  private void warnIfCloseToTimeout(TransactionHolder<TXN> holder) {
    if (transactionTimeoutWarningRatio < 0 || transactionTimeout == Long.MAX_VALUE) {
      return;
    }
    long elapsed = holder.elapsedTime(clock);
    if (elapsed > transactionTimeoutWarningRatio * transactionTimeout) {
      LOG.warn("{} - transaction {} is committed {} ms after it began, close to the timeout of {} ms",
          name(), holder, elapsed, transactionTimeout);
    }
  }

  private TransactionHolder<TXN> beginTransactionInternal() throws Exception {
    return new TransactionHolder<>(beginTransaction(), clock.millis());
  }

  private String name() {
    try {
      return getRuntimeContext().getTaskNameWithSubtasks();
    } catch (IllegalStateException notOpened) {
      return getClass().getSimpleName();
    }
  }

  // ---------------------------------------------------------------- checkpointed state

  /**
   * A transaction handle with the time it began.
   *
   * @param <TXN> the transaction handle
   */
  public static final class TransactionHolder<TXN> {
    private final TXN handle;
    private final long transactionStartTime;

    /** Holds {@code handle}, begun at {@code transactionStartTime} (epoch milliseconds). */
    public TransactionHolder(TXN handle, long transactionStartTime) {
      this.handle = handle;
      this.transactionStartTime = transactionStartTime;
    }

    long elapsedTime(Clock clock) {
      return clock.millis() - transactionStartTime;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TransactionHolder<?> other && transactionStartTime == other.transactionStartTime
          && Objects.equals(handle, other.handle);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(handle) + Long.hashCode(transactionStartTime);
    }

    @Override
    public String toString() {
      return "TransactionHolder{handle=" + handle + ", transactionStartTime=" + transactionStartTime + '}';
    }
  }

  /**
   * What a checkpoint holds of a two-phase commit sink: the transaction open after it, the pre-committed
   * ones, and the sink's context.
   *
   * @param <TXN> the transaction handle
   * @param <CONTEXT> the sink's context
   */
  public static final class State<TXN, CONTEXT> {
    protected TransactionHolder<TXN> pendingTransaction;
    protected List<TransactionHolder<TXN>> pendingCommitTransactions = new ArrayList<>();
    protected Optional<CONTEXT> context = Optional.empty();

    /** An empty state, for a serializer to fill. */
    public State() {}

    /** A state of these parts. */
    public State(TransactionHolder<TXN> pendingTransaction, List<TransactionHolder<TXN>> pendingCommitTransactions,
        Optional<CONTEXT> context) {
      this.pendingTransaction = pendingTransaction;
      this.pendingCommitTransactions = Objects.requireNonNull(pendingCommitTransactions, "pendingCommitTransactions");
      this.context = Objects.requireNonNull(context, "context");
    }

    public TransactionHolder<TXN> getPendingTransaction() {
      return pendingTransaction;
    }

    public void setPendingTransaction(TransactionHolder<TXN> pendingTransaction) {
      this.pendingTransaction = pendingTransaction;
    }

    public List<TransactionHolder<TXN>> getPendingCommitTransactions() {
      return pendingCommitTransactions;
    }

    public void setPendingCommitTransactions(List<TransactionHolder<TXN>> pendingCommitTransactions) {
      this.pendingCommitTransactions = pendingCommitTransactions;
    }

    public Optional<CONTEXT> getContext() {
      return context;
    }

    public void setContext(Optional<CONTEXT> context) {
      this.context = context;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof State<?, ?> other && Objects.equals(pendingTransaction, other.pendingTransaction)
          && Objects.equals(pendingCommitTransactions, other.pendingCommitTransactions)
          && Objects.equals(context, other.context);
    }

    @Override
    public int hashCode() {
      return Objects.hash(pendingTransaction, pendingCommitTransactions, context);
    }

    @Override
    public String toString() {
      return "State{pendingTransaction=" + pendingTransaction + ", pendingCommitTransactions="
          + pendingCommitTransactions + ", context=" + context + '}';
    }
  }

  /**
   * Writes a {@link State} with the serializers of the transaction handle and the context.
   *
   * @param <TXN> the transaction handle
   * @param <CONTEXT> the sink's context
   */
  public static final class StateSerializer<TXN, CONTEXT> extends TypeSerializer<State<TXN, CONTEXT>> {
    private static final long serialVersionUID = 1L;
    private final TypeSerializer<TXN> transactionSerializer;
    private final TypeSerializer<CONTEXT> contextSerializer;

    /** Writes states with these serializers. */
    public StateSerializer(TypeSerializer<TXN> transactionSerializer, TypeSerializer<CONTEXT> contextSerializer) {
      this.transactionSerializer = Objects.requireNonNull(transactionSerializer, "transactionSerializer");
      this.contextSerializer = Objects.requireNonNull(contextSerializer, "contextSerializer");
    }

    @Override
    public TypeSerializer<State<TXN, CONTEXT>> duplicate() {
      TypeSerializer<TXN> transactions = transactionSerializer.duplicate();
      TypeSerializer<CONTEXT> contexts = contextSerializer.duplicate();
      return transactions == transactionSerializer && contexts == contextSerializer
          ? this : new StateSerializer<>(transactions, contexts);
    }

    @Override
    public State<TXN, CONTEXT> createInstance() {
      return new State<>();
    }

    @Override
    public State<TXN, CONTEXT> copy(State<TXN, CONTEXT> from) {
      List<TransactionHolder<TXN>> pending = new ArrayList<>(from.pendingCommitTransactions.size());
      for (TransactionHolder<TXN> holder : from.pendingCommitTransactions) {
        pending.add(copy(holder));
      }
      return new State<>(from.pendingTransaction == null ? null : copy(from.pendingTransaction), pending,
          from.context.map(contextSerializer::copy));
    }

    private TransactionHolder<TXN> copy(TransactionHolder<TXN> holder) {
      return new TransactionHolder<>(transactionSerializer.copy(holder.handle), holder.transactionStartTime);
    }

    @Override
    public void serialize(State<TXN, CONTEXT> value, DataOutputView target) throws IOException {
      target.writeBoolean(value.pendingTransaction != null);
      if (value.pendingTransaction != null) {
        writeHolder(value.pendingTransaction, target);
      }
      target.writeInt(value.pendingCommitTransactions.size());
      for (TransactionHolder<TXN> holder : value.pendingCommitTransactions) {
        writeHolder(holder, target);
      }
      target.writeBoolean(value.context.isPresent());
      if (value.context.isPresent()) {
        contextSerializer.serialize(value.context.get(), target);
      }
    }

    private void writeHolder(TransactionHolder<TXN> holder, DataOutputView target) throws IOException {
      transactionSerializer.serialize(holder.handle, target);
      target.writeLong(holder.transactionStartTime);
    }

    @Override
    public State<TXN, CONTEXT> deserialize(DataInputView source) throws IOException {
      TransactionHolder<TXN> open = source.readBoolean() ? readHolder(source) : null;
      int pendingCount = source.readInt();
      if (pendingCount < 0) {
        throw new IOException("Corrupt two-phase commit sink state: " + pendingCount + " pending transactions");
      }
      List<TransactionHolder<TXN>> pending = new ArrayList<>(Math.min(pendingCount, 1024));
      for (int i = 0; i < pendingCount; i++) {
        pending.add(readHolder(source));
      }
      Optional<CONTEXT> context = source.readBoolean()
          ? Optional.of(contextSerializer.deserialize(source)) : Optional.empty();
      return new State<>(open, pending, context);
    }

    private TransactionHolder<TXN> readHolder(DataInputView source) throws IOException {
      TXN handle = transactionSerializer.deserialize(source);
      return new TransactionHolder<>(handle, source.readLong());
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof StateSerializer<?, ?> other && transactionSerializer.equals(other.transactionSerializer)
          && contextSerializer.equals(other.contextSerializer);
    }

    @Override
    public int hashCode() {
      return 31 * transactionSerializer.hashCode() + contextSerializer.hashCode();
    }
  }
}
