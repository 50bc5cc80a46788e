package io.spate.api.functions.source.datagen;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.CheckpointedFunction;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.functions.OpenContext;
import io.spate.api.functions.source.RichParallelSourceFunction;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The legacy parallel source of older Flink programs that emits what a {@link DataGenerator}
 * produces, at most {@code rowsPerSecond} records per second over all its instances, until the
 * generator runs out or {@code numberOfRows} records (split over the instances) were emitted. The
 * generator's state is checkpointed with the source, and so is the record being handed over when a
 * checkpoint comes (Java-serialized), which a restored source emits first: Spate's hand-over gives the
 * checkpoint lock up while it waits for room, so a checkpoint can fall between taking a record from
 * the generator and emitting it.
 *
 * @param <T> the record type
 */
@PublicEvolving
public class DataGeneratorSource<T> extends RichParallelSourceFunction<T> implements CheckpointedFunction {

  private static final long serialVersionUID = 1L;

  private final DataGenerator<T> generator;
  private final long rowsPerSecond;
  private final Long numberOfRows;

  private transient long rowsOfThisInstance;
  private transient long emitted;
  private volatile boolean running = true;
  // The record being handed over: taken from the generator but maybe not yet emitted when a checkpoint comes,
  // since a full hand-over gives the checkpoint lock up while it waits. Written and read under that lock.
  private transient T pending;
  private transient ListState<byte[]> pendingState;
  private transient List<T> restoredPending;

  /** A source of everything {@code generator} produces, as fast as it is taken. */
  public DataGeneratorSource(DataGenerator<T> generator) {
    this(generator, Long.MAX_VALUE, null);
  }

  /**
   * A source of what {@code generator} produces, at most {@code rowsPerSecond} records per second over
   * all instances, ending after {@code numberOfRows} records (null: when the generator runs out).
   */
  public DataGeneratorSource(DataGenerator<T> generator, long rowsPerSecond, Long numberOfRows) {
    this.generator = Objects.requireNonNull(generator, "DataGeneratorSource: the generator must not be null.");
    if (rowsPerSecond < 1) {
      throw new IllegalArgumentException("DataGeneratorSource: rowsPerSecond must be at least 1, got " + rowsPerSecond + ".");
    }
    if (numberOfRows != null && numberOfRows < 0) {
      throw new IllegalArgumentException("DataGeneratorSource: numberOfRows must not be negative, got " + numberOfRows + ".");
    }
    this.rowsPerSecond = rowsPerSecond;
    this.numberOfRows = numberOfRows;
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    if (numberOfRows != null) {
      int parallelism = getRuntimeContext().getNumberOfParallelSubtasks();
      int index = getRuntimeContext().getIndexOfThisSubtask();
      rowsOfThisInstance = numberOfRows / parallelism + (numberOfRows % parallelism > index ? 1 : 0);
    }
  }

  /** Opens the generator, which registers (and after a failure restores) its state. */
  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    @SuppressWarnings("unchecked")
    TypeInformation<byte[]> bytes = (TypeInformation<byte[]>) Types.PRIMITIVE_ARRAY(Types.BYTE);
    pendingState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>(PENDING_STATE, bytes));
    restoredPending = new ArrayList<>();
    if (context.isRestored()) {
      for (byte[] record : pendingState.get()) {
        restoredPending.add(readPending(record));
      }
    }
    generator.open("DataGenerator", context, getRuntimeContext());
  }

  /**
   * Takes the generator's state into the checkpoint, and the record the source was handing over when
   * the checkpoint came, which a restored source emits first.
   */
  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    List<byte[]> inFlight = new ArrayList<>();
    for (T record : restoredPending) {
      inFlight.add(writePending(record));
    }
    if (pending != null) {
      inFlight.add(writePending(pending));
    }
    pendingState.update(inFlight);
    generator.snapshotState(context);
  }

  private static final String PENDING_STATE = "DataGeneratorSource-pending-record";

  private byte[] writePending(T record) throws IOException {
    if (!(record instanceof Serializable)) {
      throw new IOException("DataGeneratorSource: a checkpoint came while the record " + record + " of "
          + record.getClass().getName() + " was being handed over, and it must be Serializable to be checkpointed.");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
      objects.writeObject(record);
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private T readPending(byte[] data) throws IOException {
    ClassLoader loader = getRuntimeContext().getUserCodeClassLoader();
    try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(data)) {
      @Override
      protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        return Class.forName(desc.getName(), false, loader);
      }
    }) {
      return (T) objects.readObject();
    } catch (ClassNotFoundException | RuntimeException e) {
      throw new IOException("DataGeneratorSource: the record it was handing over at the checkpoint cannot be read"
          + " back: " + e, e);
    }
  }

  @Override
  public void run(SourceContext<T> ctx) throws Exception {
    double perInstancePerSecond = (double) rowsPerSecond / getRuntimeContext().getNumberOfParallelSubtasks();
    long secondStart = System.nanoTime();
    synchronized (ctx.getCheckpointLock()) {
      while (!restoredPending.isEmpty()) {
        emit(ctx, restoredPending.remove(0));
      }
    }
    while (running) {
      for (long i = 0; i < perInstancePerSecond; i++) {
        if (!running || !generator.hasNext() || (numberOfRows != null && emitted >= rowsOfThisInstance)) {
          return;
        }
        synchronized (ctx.getCheckpointLock()) {
          emit(ctx, generator.next());
        }
      }
      // The rate is kept per second: the records of a second go out at once, then the source waits out the second.
      secondStart += TimeUnit.SECONDS.toNanos(1);
      long wait;
      while (running && (wait = secondStart - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
      }
    }
  }

  /** Hands {@code record} over; the caller holds the checkpoint lock. */
  private void emit(SourceContext<T> ctx, T record) {
    pending = record;
    ctx.collect(record);
    pending = null;
    emitted++;
  }

  @Override
  public void close() throws Exception {
    running = false;
    super.close();
  }

  @Override
  public void cancel() {
    running = false;
  }
}
