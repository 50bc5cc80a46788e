package io.spate.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.BasicValueGenerators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** The file sink's writer states survive serialization, and truncated bytes are rejected. */
class FileSinkSerializerProperties {

  private final FileSink<String> sink = FileSink.forRows("/out", RowEncoder.<String>toStringEncoder()).build();

  private static Gen<FileSink.WriterState> states() {
    Gen<String> paths = BasicValueGenerators.strings(1, 40);
    Gen<Long> nonNegative = SourceDSL.longs().between(0, Long.MAX_VALUE);
    Gen<FileSink.WriterState> counters = SourceDSL.integers().between(-1, 1000)
        .zip(nonNegative, (subtask, next) -> new FileSink.WriterState(subtask, next, null, null, 0));
    Gen<FileSink.WriterState> singleFiles = paths.zip(paths, nonNegative,
        (inProgress, target, length) -> new FileSink.WriterState(-1, 0, inProgress, target, length));
    return Generate.oneOf(counters, singleFiles);
  }

  @Test
  void writerStatesRoundTrip() {
    var serializer = sink.getWriterStateSerializer();
    qt().forAll(states()).checkAssert(state -> {
      try {
        assertThat(serializer.deserialize(serializer.getVersion(), serializer.serialize(state))).isEqualTo(state);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  @Test
  void truncatedWriterStatesAreRejected() {
    var serializer = sink.getWriterStateSerializer();
    qt().forAll(states()).checkAssert(state -> {
      byte[] bytes;
      try {
        bytes = serializer.serialize(state);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
      assertThatThrownBy(() -> serializer.deserialize(serializer.getVersion(), truncated))
          .isInstanceOf(IOException.class);
    });
  }
}
