package io.spate.table.types.logical.utils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RandomLogicalTypes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LogicalTypeParserProperties {

  @Test
  void theSerializableStringParsesBackToAnEqualType() {
    qt().withExamples(2000).forAll(RandomLogicalTypes.typesWithIntervals(3)).checkAssert(type ->
        assertThat(LogicalTypeParser.parse(type.asSerializableString()))
            .as(type.asSerializableString())
            .isEqualTo(type)
            .extracting(LogicalType::isNullable).isEqualTo(type.isNullable()));
  }

  @Test
  void typesSurviveJavaSerialization() {
    qt().withExamples(200).forAll(RandomLogicalTypes.typesWithIntervals(3)).checkAssert(type -> {
      try {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
          out.writeObject(type);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
          Object copy = in.readObject();
          assertThat(copy).isEqualTo(type);
          assertThat(((LogicalType) copy).asSummaryString()).isEqualTo(type.asSummaryString());
        }
      } catch (IOException | ClassNotFoundException e) {
        throw new AssertionError(type.asSerializableString() + " does not survive serialization", e);
      }
    });
  }

  @Test
  void keywordsAreCaseInsensitive() {
    qt().withExamples(300).forAll(RandomLogicalTypes.typesWithIntervals(2))
        .assuming(type -> !type.asSerializableString().contains("`"))
        .checkAssert(type -> assertThat(LogicalTypeParser.parse(type.asSerializableString().toLowerCase(Locale.ROOT)))
            .isEqualTo(type));
  }

  @Test
  void printingIsStableAcrossARoundTrip() {
    qt().withExamples(500).forAll(RandomLogicalTypes.typesWithIntervals(3)).checkAssert(type -> {
      String printed = type.asSerializableString();
      assertThat(LogicalTypeParser.parse(printed).asSerializableString()).isEqualTo(printed);
    });
  }
}
