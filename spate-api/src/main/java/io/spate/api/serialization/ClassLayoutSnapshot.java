package io.spate.api.serialization;

import java.io.IOException;

/**
 * What the snapshots of POJO and record serializers share: the class name and its fields (or
 * components) in written order, each with its name, declared type and the snapshot of its serializer.
 *
 * @param <T> the serialized type
 */
abstract class ClassLayoutSnapshot<T> implements TypeSerializerSnapshot<T> {

  private final String kind;
  private final String member;
  /** The class's name, as written. */
  String className;
  /** The class as loaded when the snapshot was read or taken, or null if it is not on the class path. */
  Class<?> type;
  /** The fields or components in written order. */
  SnapshotFields members;

  /** For reading: {@code kind} ("POJO", "record") and {@code member} ("field", "component") name them in errors. */
  ClassLayoutSnapshot(String kind, String member) {
    this.kind = kind;
    this.member = member;
  }

  ClassLayoutSnapshot(String kind, String member, Class<T> type, SnapshotFields members) {
    this(kind, member);
    this.className = type.getName();
    this.type = type;
    this.members = members;
  }

  @Override
  public int getCurrentVersion() {
    return 1;
  }

  @Override
  public void writeSnapshot(DataOutputView out) throws IOException {
    out.writeUTF(className);
    members.write(out);
  }

  @Override
  public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
    if (readVersion != 1) {
      throw new IOException("Unknown version " + readVersion + " of a " + kind + " serializer snapshot");
    }
    try {
      className = in.readUTF();
    } catch (IOException e) {
      throw new IOException(
          "Corrupt " + kind + " serializer snapshot: cannot read the class name: " + e.getMessage(), e);
    }
    members = SnapshotFields.read(member, className, in, userClassLoader);
    type = UserClasses.loadOrNull(className, userClassLoader);
  }
}
