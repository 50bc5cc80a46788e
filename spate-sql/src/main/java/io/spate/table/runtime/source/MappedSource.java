package io.spate.table.runtime.source;

import io.spate.api.annotation.Internal;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.InputStatus;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceEvent;
import io.spate.api.connector.source.SourceOutput;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.eventtime.Watermark;
import io.spate.api.functions.MapFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A source whose reader converts each record of another source ({@code mapper}), or drops it, before
 * handing it on: the same splits, enumerator and checkpoints, and one step less per record than a map
 * after the source.
 * Because the records are converted inside the reader, a watermark strategy given with this source sees
 * the converted records.
 *
 * @param <I> the records of the wrapped source
 * @param <O> the records this source produces
 * @param <S> the split type
 * @param <E> the enumerator's checkpoint type
 */
@Internal
public final class MappedSource<I, O, S extends SourceSplit, E> implements Source<O, S, E> {

  private static final long serialVersionUID = 1L;

  private final Source<I, S, E> source;
  private final MapFunction<I, O> mapper;

  /** {@code source}'s records converted by {@code mapper}, which drops a record by returning null for it. */
  public MappedSource(Source<I, S, E> source, MapFunction<I, O> mapper) {
    this.source = Objects.requireNonNull(source, "source");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  @Override
  public Boundedness getBoundedness() {
    return source.getBoundedness();
  }

  @Override
  public SourceReader<O, S> createReader(SourceReaderContext readerContext) throws Exception {
    return new Reader<>(source.createReader(readerContext), mapper);
  }

  @Override
  public SplitEnumerator<S, E> createEnumerator(SplitEnumeratorContext<S> enumContext) throws Exception {
    return source.createEnumerator(enumContext);
  }

  @Override
  public SplitEnumerator<S, E> restoreEnumerator(SplitEnumeratorContext<S> enumContext, E checkpoint)
      throws Exception {
    return source.restoreEnumerator(enumContext, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<S> getSplitSerializer() {
    return source.getSplitSerializer();
  }

  @Override
  public SimpleVersionedSerializer<E> getEnumeratorCheckpointSerializer() {
    return source.getEnumeratorCheckpointSerializer();
  }

  @Override
  public String toString() {
    return "MappedSource(" + source + ")";
  }

  /** Reads with the wrapped reader into an output that converts each record. */
  private static final class Reader<I, O, S extends SourceSplit> implements SourceReader<O, S> {
    private final SourceReader<I, S> reader;
    private final MapFunction<I, O> mapper;
    private final Map<String, Output<I, O>> splitOutputs = new HashMap<>();
    private ReaderOutput<O> target;
    private ConvertingReaderOutput<I, O> output;

    Reader(SourceReader<I, S> reader, MapFunction<I, O> mapper) {
      this.reader = reader;
      this.mapper = mapper;
    }

    @Override
    public void start() {
      reader.start();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<O> out) throws Exception {
      if (out != target) { // the runtime passes the same output every time; wrap it once
        target = out;
        splitOutputs.clear();
        output = new ConvertingReaderOutput<>(out, mapper, splitOutputs);
      }
      return reader.pollNext(output);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
      return reader.isAvailable();
    }

    @Override
    public void addSplits(List<S> splits) {
      reader.addSplits(splits);
    }

    @Override
    public void notifyNoMoreSplits() {
      reader.notifyNoMoreSplits();
    }

    @Override
    public List<S> snapshotState(long checkpointId) {
      return reader.snapshotState(checkpointId);
    }

    @Override
    public void handleSourceEvents(SourceEvent sourceEvent) {
      reader.handleSourceEvents(sourceEvent);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
      reader.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void close() throws Exception {
      reader.close();
    }
  }

  /** Converts each record on its way to an output of converted records. */
  private static class Output<I, O> implements SourceOutput<I> {
    private final SourceOutput<O> out;
    private final MapFunction<I, O> mapper;

    Output(SourceOutput<O> out, MapFunction<I, O> mapper) {
      this.out = out;
      this.mapper = mapper;
    }

    @Override
    public final void collect(I record) {
      O converted = convert(record);
      if (converted != null) {
        out.collect(converted);
      }
    }

    @Override
    public final void collect(I record, long timestamp) {
      O converted = convert(record);
      if (converted != null) {
        out.collect(converted, timestamp);
      }
    }

    private O convert(I record) {
      try {
        return mapper.map(record);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("Cannot convert the record " + record + " of the source", e);
      }
    }

    @Override
    public final void emitWatermark(Watermark watermark) {
      out.emitWatermark(watermark);
    }

    @Override
    public final void markIdle() {
      out.markIdle();
    }

    @Override
    public final void markActive() {
      out.markActive();
    }
  }

  /** The reader's output, which also hands out converting outputs of single splits. */
  private static final class ConvertingReaderOutput<I, O> extends Output<I, O> implements ReaderOutput<I> {
    private final ReaderOutput<O> readerOutput;
    private final MapFunction<I, O> mapper;
    private final Map<String, Output<I, O>> splitOutputs;

    ConvertingReaderOutput(ReaderOutput<O> out, MapFunction<I, O> mapper, Map<String, Output<I, O>> splitOutputs) {
      super(out, mapper);
      this.readerOutput = out;
      this.mapper = mapper;
      this.splitOutputs = splitOutputs;
    }

    @Override
    public SourceOutput<I> createOutputForSplit(String splitId) {
      return splitOutputs.computeIfAbsent(splitId, id -> new Output<>(readerOutput.createOutputForSplit(id), mapper));
    }

    @Override
    public void releaseOutputForSplit(String splitId) {
      splitOutputs.remove(splitId);
      readerOutput.releaseOutputForSplit(splitId);
    }
  }
}
