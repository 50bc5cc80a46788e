package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The file sink's writer states survive serialization, and truncated bytes are rejected. */
class FileSinkSerializerProperties {

  private final FileSink<String> sink = FileSink.forRows("/out", RowEncoder.<String>toStringEncoder()).build();

  @Provide
  Arbitrary<FileSink.WriterState> states() {
    Arbitrary<String> paths = Arbitraries.strings().ofMinLength(1).ofMaxLength(40);
    Arbitrary<FileSink.WriterState> counters = Combinators.combine(
        Arbitraries.integers().between(-1, 1000), Arbitraries.longs().greaterOrEqual(0))
        .as((subtask, next) -> new FileSink.WriterState(subtask, next, null, null, 0));
    Arbitrary<FileSink.WriterState> singleFiles = Combinators.combine(paths, paths, Arbitraries.longs().greaterOrEqual(0))
        .as((inProgress, target, length) -> new FileSink.WriterState(-1, 0, inProgress, target, length));
    return Arbitraries.oneOf(counters, singleFiles);
  }

  @Property
  void writerStatesRoundTrip(@ForAll("states") FileSink.WriterState state) throws IOException {
    var serializer = sink.getWriterStateSerializer();
    assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state))).isEqualTo(state);
  }

  @Property
  void truncatedWriterStatesAreRejected(@ForAll("states") FileSink.WriterState state) throws IOException {
    var serializer = sink.getWriterStateSerializer();
    byte[] bytes = serializer.serialize(state);
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
    assertThatThrownBy(() -> serializer.deserialize(serializer.getVersion(), truncated))
        .isInstanceOf(IOException.class);
  }
}
