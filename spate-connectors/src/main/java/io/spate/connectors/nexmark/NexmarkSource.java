package io.spate.connectors.nexmark;

import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import java.util.List;
import java.util.Objects;

/**
 * A parallel source of the Nexmark events of a {@link NexmarkConfiguration}, bounded or unbounded,
 * each event stamped with its event time. Reader {@code i} of {@code p} generates the event numbers
 * congruent to {@code i} modulo {@code p}; the next number of each is checkpointed, so a restored job
 * resumes exactly where the checkpoint was taken. A rate-limited configuration is paced in wall-clock
 * time, the rate shared evenly by the readers, without blocking a worker thread.
 */
public final class NexmarkSource
    implements Source<Event, NexmarkSplit, List<NexmarkSplit>>, ResultTypeQueryable<Event> {

  private static final long serialVersionUID = 1L;

  private static final TypeInformation<Event> EVENT_TYPE = TypeInformation.of(Event.class);

  private final NexmarkConfiguration configuration;

  /** A source of the events of {@code configuration}. */
  public NexmarkSource(NexmarkConfiguration configuration) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
  }

  /** A builder of a source, with the options of {@link NexmarkConfiguration#builder()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The type information of {@link Event}, a record whose two unused components are null. */
  public static TypeInformation<Event> eventType() {
    return EVENT_TYPE;
  }

  /** The configuration of the generated events. */
  public NexmarkConfiguration configuration() {
    return configuration;
  }

  @Override
  public Boundedness getBoundedness() {
    return configuration.isUnbounded() ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
  }

  @Override
  public TypeInformation<Event> getProducedType() {
    return EVENT_TYPE;
  }

  @Override
  public SourceReader<Event, NexmarkSplit> createReader(SourceReaderContext readerContext) {
    return new NexmarkSourceReader(readerContext, new NexmarkGenerator(configuration), configuration.rateLimited());
  }

  @Override
  public SplitEnumerator<NexmarkSplit, List<NexmarkSplit>> createEnumerator(
      SplitEnumeratorContext<NexmarkSplit> enumContext) {
    return new NexmarkSplitEnumerator(enumContext,
        NexmarkSplit.cut(configuration.numEvents(), enumContext.currentParallelism()), configuration.rateLimited());
  }

  @Override
  public SplitEnumerator<NexmarkSplit, List<NexmarkSplit>> restoreEnumerator(
      SplitEnumeratorContext<NexmarkSplit> enumContext, List<NexmarkSplit> checkpoint) {
    return new NexmarkSplitEnumerator(enumContext, checkpoint, configuration.rateLimited());
  }

  @Override
  public SimpleVersionedSerializer<NexmarkSplit> getSplitSerializer() {
    return NexmarkSplit.serializer();
  }

  @Override
  public SimpleVersionedSerializer<List<NexmarkSplit>> getEnumeratorCheckpointSerializer() {
    return NexmarkSplit.listSerializer();
  }

  @Override
  public String toString() {
    return "NexmarkSource(" + configuration + ")";
  }

  /** Builds a {@link NexmarkSource}. */
  public static final class Builder extends NexmarkConfiguration.AbstractBuilder<Builder> {
    Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** The source; fails naming the first option whose value is out of range. */
    public NexmarkSource build() {
      return new NexmarkSource(configuration());
    }
  }
}
