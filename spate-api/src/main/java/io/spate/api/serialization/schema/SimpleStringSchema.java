package io.spate.api.serialization.schema;

import io.spate.api.annotation.Public;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.typeinfo.Types;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Reads each message as one string and writes each string as one message, in a charset (UTF-8
 * unless given). The stream never ends on a record.
 */
@Public
public class SimpleStringSchema implements DeserializationSchema<String>, SerializationSchema<String> {

  private static final long serialVersionUID = 1L;

  // Charset is not serializable: the schema writes its name instead (see writeObject).
  private transient Charset charset;

  /** A schema for UTF-8. */
  public SimpleStringSchema() {
    this(StandardCharsets.UTF_8);
  }

  /** A schema for {@code charset}. */
  public SimpleStringSchema(Charset charset) {
    this.charset = Objects.requireNonNull(charset, "charset");
  }

  /** The charset strings are read and written in. */
  public Charset getCharset() {
    return charset;
  }

  /** The message decoded in the charset. */
  @Override
  public String deserialize(byte[] message) {
    return new String(message, charset);
  }

  /** Always false: a string stream does not end on a record. */
  @Override
  public boolean isEndOfStream(String nextElement) {
    return false;
  }

  /** {@code element} encoded in the charset. */
  @Override
  public byte[] serialize(String element) {
    return element.getBytes(charset);
  }

  @Override
  public TypeInformation<String> getProducedType() {
    return Types.STRING;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    out.writeUTF(charset.name());
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    charset = Charset.forName(in.readUTF());
  }
}
