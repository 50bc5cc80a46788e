package io.spate.runtime.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.InvalidProgramException;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.SerializerConfig;
import io.spate.api.serialization.SimpleTypeSerializerSnapshot;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.serialization.schema.SimpleStringSchema;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The snippets of the custom-types, generic-types and schema sections of docs/types.md, compiled and
 * run; DocsSnippetsTest checks that each snippet still occurs here word for word.
 */
class TypeSerializersDocTest {

  /** A point whose type information and serializer are written by hand, as for Flink. */
  public static final class Point {
    final int x;
    final int y;

    public Point(int x, int y) {
      this.x = x;
      this.y = y;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Point p && p.x == x && p.y == y;
    }

    @Override
    public int hashCode() {
      return Objects.hash(x, y);
    }
  }

  public static final class PointTypeInfo extends TypeInformation<Point> {
    @Override public boolean isBasicType() { return false; }
    @Override public boolean isTupleType() { return false; }
    @Override public int getArity() { return 2; }
    @Override public int getTotalFields() { return 2; }
    @Override public Class<Point> getTypeClass() { return Point.class; }
    @Override public boolean isKeyType() { return true; }
    @Override public TypeSerializer<Point> createSerializer(SerializerConfig config) { return new PointSerializer(); }
    @Override public String toString() { return "Point"; }
    @Override public boolean equals(Object obj) { return obj instanceof PointTypeInfo; }
    @Override public int hashCode() { return 1; }
    @Override public boolean canEqual(Object obj) { return obj instanceof PointTypeInfo; }
  }

  public static final class PointSerializer extends TypeSerializer<Point> {
    @Override public boolean isImmutableType() { return true; }
    @Override public TypeSerializer<Point> duplicate() { return this; }
    @Override public Point createInstance() { return new Point(0, 0); }
    @Override public Point copy(Point from) { return from; }
    @Override public Point copy(Point from, Point reuse) { return from; }
    @Override public int getLength() { return 8; }
    @Override public void serialize(Point p, DataOutputView out) throws IOException { out.writeInt(p.x); out.writeInt(p.y); }
    @Override public Point deserialize(DataInputView in) throws IOException { return new Point(in.readInt(), in.readInt()); }
    @Override public Point deserialize(Point reuse, DataInputView in) throws IOException { return deserialize(in); }
    @Override public void copy(DataInputView in, DataOutputView out) throws IOException { out.writeLong(in.readLong()); }
    @Override public boolean equals(Object obj) { return obj instanceof PointSerializer; }
    @Override public int hashCode() { return 2; }
    @Override public TypeSerializerSnapshot<Point> snapshotConfiguration() { return new PointSerializerSnapshot(); }
  }

  public static final class PointSerializerSnapshot extends SimpleTypeSerializerSnapshot<Point> {
    public PointSerializerSnapshot() {
      super(PointSerializer::new);
    }
  }

  /** A value class that only Java serialization can write. */
  public static final class Note implements Serializable {
    final String text;

    public Note(String text) {
      this.text = text;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Note n && n.text.equals(text);
    }

    @Override
    public int hashCode() {
      return text.hashCode();
    }
  }

  @Test
  void customTypeInformation() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<Integer> numbers = env.fromElements(1, 2, 3);
    DataStream<Point> points = numbers
        .map(n -> new Point(n, n * n))
        .returns(new PointTypeInfo());                 // type information written as for Flink
    assertThat(E2eSupport.collect(points)).containsExactlyInAnyOrder(new Point(1, 1), new Point(2, 4), new Point(3, 9));
  }

  @Test
  void genericTypes() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<Note> notes = env.fromData(List.of(new Note("a")), Types.GENERIC(Note.class));   // Note implements Serializable
    assertThat(E2eSupport.collect(notes)).containsExactly(new Note("a"));

    env.fromData(List.of(new Note("b")), Types.GENERIC(Note.class)).discard();
    env.getConfig().getSerializerConfig().setGenericTypes(false);   // now a job with a generic type fails before it runs
    assertThatThrownBy(() -> env.execute("notes"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("Generic types have been disabled");
  }

  @Test
  void schemas() throws Exception {
    SimpleStringSchema schema = new SimpleStringSchema();   // UTF-8
    byte[] message = schema.serialize("grüezi");
    String text = schema.deserialize(message);
    assertThat(text).isEqualTo("grüezi");
    assertThat(message).hasSize(7);
  }
}
