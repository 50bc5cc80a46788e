package io.spate.runtime.operators.iteration;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Carries the records an iteration's tail sends back to its head, within one TaskExecutor: first
 * in, first out, with a bounded number of records in memory and a local spill file for the rest.
 *
 * <p>Why a spill file rather than a bounded queue the tail waits on: the loop is a cycle (head,
 * body, tail, channel, head). A full channel that made the tail wait would stop the body, whose
 * input from the head would then fill, so the head could never drain the channel: a deadlock. So
 * {@link #offer} never waits and never refuses: when memory is full the record goes to disk, and
 * memory use stays bounded. Once records are on disk, later ones follow them there until the
 * head has read the file, so that order is kept. The tail and the head run on different worker
 * threads; each call takes the channel's lock once, and the head takes records in batches.
 *
 * <p>A record offered after the head ended would never be read: {@link #offer} then fails rather
 * than drop it.
 */
public final class FeedbackChannel {

  private final String iterationName;
  private final int memoryCapacity;
  private final Object[] values;
  private final long[] timestamps;
  private final Path spillDirectory;
  private final Supplier<TypeSerializer<Object>> serializers;
  private int first;
  private int size;
  private TypeSerializer<Object> serializer;
  private Path spillFile;
  private SpillOutput spillOut;
  private SpillInput spillIn;
  private long spilled;
  private long unspilled;
  private long totalSpilled;
  private Runnable wake;
  private boolean headEnded;
  private boolean disposed;

  /**
   * A channel of iteration {@code iterationName} that keeps up to {@code memoryCapacity} records in
   * memory and spills the rest to a file in {@code spillDirectory}, written with a serializer from
   * {@code serializers} (asked for at the first spill).
   */
  public FeedbackChannel(String iterationName, int memoryCapacity, Path spillDirectory,
      Supplier<TypeSerializer<Object>> serializers) {
    if (memoryCapacity < 1) {
      throw new IllegalArgumentException("memoryCapacity must be positive, got " + memoryCapacity);
    }
    this.iterationName = iterationName;
    this.memoryCapacity = memoryCapacity;
    this.values = new Object[memoryCapacity];
    this.timestamps = new long[memoryCapacity];
    this.spillDirectory = spillDirectory;
    this.serializers = serializers;
  }

  /** Runs {@code wake} whenever records arrive in an empty channel, so that a waiting head looks again. */
  public synchronized void setWake(Runnable wake) {
    this.wake = wake;
  }

  /**
   * Adds a record with its timestamp ({@code Long.MIN_VALUE} for none); never waits.
   *
   * @throws IllegalStateException if the head already ended, since the record would be lost
   */
  public void offer(Object value, long timestamp) {
    Runnable toWake;
    synchronized (this) {
      if (headEnded) {
        throw new IllegalStateException("A record came back to the head of iteration " + iterationName
            + " after the head ended, and would be lost: the head's maxWaitTimeMillis is shorter than a trip"
            + " round the loop; raise it, or use iterate() (0: the head never ends).");
      }
      boolean wasEmpty = isEmpty();
      if (spilled > unspilled || size == memoryCapacity) {
        spill(value, timestamp);
      } else {
        int slot = (first + size) % memoryCapacity;
        values[slot] = value;
        timestamps[slot] = timestamp;
        size++;
      }
      toWake = wasEmpty ? wake : null;
    }
    if (toWake != null) {
      toWake.run();
    }
  }

  /**
   * Moves up to {@code max} records, oldest first, into {@code valuesOut} and {@code timestampsOut}
   * (each at least {@code max} long); returns how many.
   */
  public synchronized int poll(Object[] valuesOut, long[] timestampsOut, int max) {
    int n = 0;
    while (n < max && size > 0) {
      valuesOut[n] = values[first];
      timestampsOut[n] = timestamps[first];
      values[first] = null;
      first = (first + 1) % memoryCapacity;
      size--;
      n++;
    }
    if (n < max && spilled > unspilled) {
      n = readSpilled(valuesOut, timestampsOut, n, max);
    }
    return n;
  }

  /** Whether no record waits in the channel. */
  public synchronized boolean isEmpty() {
    return size == 0 && spilled == unspilled;
  }

  /** How many records went to the spill file so far (for tests and metrics). */
  public synchronized long totalSpilled() {
    return totalSpilled;
  }

  /**
   * Ends the head if no record waits: from then on {@link #offer} fails. Returns whether the head
   * ended; checked and done under one lock, so that no record slips in between.
   */
  public synchronized boolean endHeadIfEmpty() {
    if (isEmpty()) {
      headEnded = true;
    }
    return headEnded;
  }

  /** The head stopped (cancelled or failed): later records fail the tail rather than vanish. */
  public synchronized void endHead() {
    headEnded = true;
  }

  /** Drops what the channel holds and deletes its spill file; called when neither end uses it any more. */
  public synchronized void dispose() {
    if (disposed) {
      return;
    }
    disposed = true;
    headEnded = true;
    java.util.Arrays.fill(values, null);
    size = 0;
    closeSpill();
  }

  private void spill(Object value, long timestamp) {
    try {
      if (spillOut == null) {
        if (serializer == null) {
          serializer = serializers.get();
        }
        Files.createDirectories(spillDirectory);
        spillFile = Files.createTempFile(spillDirectory, "spate-feedback-", ".spill");
        spillOut = new SpillOutput(new BufferedOutputStream(Files.newOutputStream(spillFile), 1 << 16));
        spillIn = new SpillInput(new BufferedInputStream(Files.newInputStream(spillFile), 1 << 16));
      }
      spillOut.writeLong(timestamp);
      serializer.serialize(value, spillOut);
      spilled++;
      totalSpilled++;
    } catch (IOException e) {
      throw new UncheckedIOException("Iteration " + iterationName + " cannot spill its feedback to "
          + (spillFile != null ? spillFile : spillDirectory) + ": " + e.getMessage(), e);
    }
  }

  private int readSpilled(Object[] valuesOut, long[] timestampsOut, int n, int max) {
    try {
      spillOut.flush();
      while (n < max && unspilled < spilled) {
        timestampsOut[n] = spillIn.readLong();
        valuesOut[n] = serializer.deserialize(spillIn);
        unspilled++;
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Iteration " + iterationName + " cannot read its spilled feedback from "
          + spillFile + ": " + e.getMessage(), e);
    }
    if (unspilled == spilled) {
      // Read to the end: start afresh, so that the file does not grow for as long as the job runs.
      closeSpill();
      spilled = 0;
      unspilled = 0;
    }
    return n;
  }

  private void closeSpill() {
    try {
      if (spillOut != null) {
        spillOut.close();
      }
      if (spillIn != null) {
        spillIn.close();
      }
      if (spillFile != null) {
        Files.deleteIfExists(spillFile);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Iteration " + iterationName + " cannot delete its spill file " + spillFile
          + ": " + e.getMessage(), e);
    } finally {
      spillOut = null;
      spillIn = null;
      spillFile = null;
    }
  }

  private static final class SpillOutput extends DataOutputStream implements DataOutputView {
    SpillOutput(OutputStream out) {
      super(out);
    }
  }

  private static final class SpillInput extends DataInputStream implements DataInputView {
    SpillInput(InputStream in) {
      super(in);
    }
  }
}
