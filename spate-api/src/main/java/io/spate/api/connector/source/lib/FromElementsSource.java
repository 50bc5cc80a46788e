package io.spate.api.connector.source.lib;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.connector.source.Boundedness;
import io.spate.api.connector.source.ReaderOutput;
import io.spate.api.connector.source.SimpleVersionedSerializer;
import io.spate.api.connector.source.Source;
import io.spate.api.connector.source.SourceReader;
import io.spate.api.connector.source.SourceReaderContext;
import io.spate.api.connector.source.SourceSplit;
import io.spate.api.connector.source.SplitEnumerator;
import io.spate.api.connector.source.SplitEnumeratorContext;
import io.spate.api.connector.source.VersionedSerializer;
import io.spate.api.serialization.DataInputDeserializer;
import io.spate.api.serialization.DataOutputSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.typeinfo.ResultTypeQueryable;
import io.spate.api.typeinfo.TypeInformation;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A bounded, non-parallel source of a fixed list of elements, emitted in order. The elements live
 * in the source; its one split only holds the position of the next element, so checkpoints stay
 * small however many elements there are.
 *
 * @param <T> the element type
 */
@PublicEvolving
public final class FromElementsSource<T>
    implements Source<T, FromElementsSource.ElementsSplit, List<FromElementsSource.ElementsSplit>>,
        ResultTypeQueryable<T> {

  private static final long serialVersionUID = 1L;

  /** Elements emitted per {@code pollNext} call. */
  private static final int BATCH_SIZE = 256;

  // Written through the type's serializer (see writeObject), so elements need not be Serializable.
  private transient List<T> elements;
  private final TypeInformation<T> type;

  /** A source of {@code elements} (no nulls), whose type is {@code type}. */
  public FromElementsSource(List<T> elements, TypeInformation<T> type) {
    Objects.requireNonNull(elements, "elements");
    this.type = Objects.requireNonNull(type, "type");
    for (int i = 0; i < elements.size(); i++) {
      if (elements.get(i) == null) {
        throw new IllegalArgumentException(
            "FromElementsSource: element " + i + " is null; a stream cannot hold null records");
      }
    }
    this.elements = Collections.unmodifiableList(new ArrayList<>(elements));
  }

  /** The elements, in order. */
  public List<T> getElements() {
    return elements;
  }

  @Override
  public Boundedness getBoundedness() {
    return Boundedness.BOUNDED;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }

  @Override
  public SourceReader<T, ElementsSplit> createReader(SourceReaderContext readerContext) {
    return new Reader<>(readerContext, elements);
  }

  @Override
  public SplitEnumerator<ElementsSplit, List<ElementsSplit>> createEnumerator(
      SplitEnumeratorContext<ElementsSplit> enumContext) {
    List<ElementsSplit> splits =
        elements.isEmpty() ? List.of() : List.of(new ElementsSplit(0, elements.size()));
    return new StaticSplitEnumerator<>(enumContext, splits);
  }

  @Override
  public SplitEnumerator<ElementsSplit, List<ElementsSplit>> restoreEnumerator(
      SplitEnumeratorContext<ElementsSplit> enumContext, List<ElementsSplit> checkpoint) {
    return new StaticSplitEnumerator<>(enumContext, checkpoint);
  }

  @Override
  public SimpleVersionedSerializer<ElementsSplit> getSplitSerializer() {
    return SPLIT_SERIALIZER;
  }

  @Override
  public SimpleVersionedSerializer<List<ElementsSplit>> getEnumeratorCheckpointSerializer() {
    return new SplitListSerializer<>(SPLIT_SERIALIZER);
  }

  @Override
  public String toString() {
    return "FromElementsSource(" + elements.size() + " elements of " + type + ")";
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    TypeSerializer<T> serializer = type.createSerializer();
    DataOutputSerializer bytes = new DataOutputSerializer(64 + 16 * elements.size());
    for (T element : elements) {
      serializer.serialize(element, bytes);
    }
    out.writeInt(elements.size());
    out.writeInt(bytes.length());
    out.write(bytes.getSharedBuffer(), 0, bytes.length());
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    int size = in.readInt();
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    TypeSerializer<T> serializer = type.createSerializer();
    DataInputDeserializer view = new DataInputDeserializer(bytes);
    List<T> read = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      read.add(serializer.deserialize(view));
    }
    elements = Collections.unmodifiableList(read);
  }

  /**
   * The one split of a {@link FromElementsSource}: the index of the next element to emit, and the
   * number of elements, which tells a restore whether the checkpoint fits the source.
   *
   * @param position the index of the next element
   * @param size the number of elements of the source
   */
  public record ElementsSplit(int position, int size) implements SourceSplit {

    /** Checks that the position lies within the elements. */
    public ElementsSplit {
      if (position < 0 || size < 0 || position > size) {
        throw new IllegalArgumentException(
            "An elements split needs 0 <= position <= size, but has position " + position
                + " and size " + size);
      }
    }

    @Override
    public String splitId() {
      return "elements";
    }
  }

  private static final SimpleVersionedSerializer<ElementsSplit> SPLIT_SERIALIZER =
      new VersionedSerializer<>("elements split", 1) {
        @Override
        protected void write(ElementsSplit split, DataOutputSerializer out) throws IOException {
          out.writeInt(split.position());
          out.writeInt(split.size());
        }

        @Override
        protected ElementsSplit read(DataInputDeserializer in) throws IOException {
          return new ElementsSplit(in.readInt(), in.readInt());
        }
      };

  /** Emits the elements from the split's position on. */
  private static final class Reader<T> extends SequentialSplitReader<T, ElementsSplit> {

    private final List<T> elements;
    private int position;

    Reader(SourceReaderContext context, List<T> elements) {
      super(context);
      this.elements = elements;
    }

    @Override
    protected void openSplit(ElementsSplit split) {
      if (split.size() != elements.size()) {
        throw new IllegalStateException(
            "FromElementsSource: the checkpoint was taken from " + split.size()
                + " elements, but the source now has " + elements.size()
                + "; a changed element list cannot resume from it");
      }
      position = split.position();
    }

    @Override
    protected SplitProgress readSplit(ReaderOutput<T> output) {
      int size = elements.size();
      int end = size - position > BATCH_SIZE ? position + BATCH_SIZE : size;
      for (int i = position; i < end; i++) {
        output.collect(elements.get(i));
      }
      position = end;
      return end == size ? SplitProgress.FINISHED : SplitProgress.MORE;
    }

    @Override
    protected ElementsSplit currentSplitState() {
      return new ElementsSplit(position, elements.size());
    }
  }
}
