package io.spate.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Serialized once, copied per subtask: what is copied, what is shared, and what cannot travel. */
class UserCodeTest {

  private static final ObjectInputFilter ALLOW_ALL = info -> ObjectInputFilter.Status.ALLOWED;

  /** A function with an instance field that each subtask must own. */
  static final class Counting implements Serializable {
    final List<Integer> seen = new ArrayList<>();
    Object capture;
  }

  /** Something a function may capture that cannot be serialized. */
  static final class Handle {}

  /** Fails to serialize itself. */
  static final class Broken implements Serializable {
    private void writeObject(ObjectOutputStream out) throws IOException {
      throw new IOException("no bytes for you");
    }
  }

  @Test
  void everyCopyOwnsItsInstanceFieldsAndStartsFromTheSerializedState() {
    Counting original = new Counting();
    original.seen.add(7);
    UserCode code = UserCode.serialize("operator 'count'", original, "second");
    original.seen.add(8); // after the graph was made: not part of the copies

    Object[] first = code.copy(getClass().getClassLoader(), ALLOW_ALL);
    Object[] second = code.copy(getClass().getClassLoader(), ALLOW_ALL);

    assertThat(first).hasSize(2);
    assertThat(first[1]).isEqualTo("second");
    Counting a = (Counting) first[0];
    Counting b = (Counting) second[0];
    assertThat(a).isNotSameAs(b).isNotSameAs(original);
    assertThat(a.seen).containsExactly(7);
    a.seen.add(1);
    assertThat(b.seen).containsExactly(7);
  }

  @Test
  void aCapturedObjectThatIsNotSerializableIsSharedByReference() {
    Counting original = new Counting();
    Handle handle = new Handle();
    original.capture = handle;
    UserCode code = UserCode.serialize("operator 'count'", original);

    Counting a = (Counting) code.copy(getClass().getClassLoader(), ALLOW_ALL)[0];
    Counting b = (Counting) code.copy(getClass().getClassLoader(), ALLOW_ALL)[0];

    assertThat(a).isNotSameAs(b);
    assertThat(a.capture).isSameAs(handle);
    assertThat(b.capture).isSameAs(handle);
  }

  @Test
  void codeThatSharesAnObjectCannotLeaveItsProcess() {
    Counting original = new Counting();
    original.capture = new Handle();
    UserCode code = UserCode.serialize("operator 'count'", original);

    assertThatThrownBy(() -> travel(code))
        .isInstanceOf(NotSerializableException.class)
        .hasMessageContaining("operator 'count'")
        .hasMessageContaining(Handle.class.getName());
  }

  @Test
  void codeFromAnotherProcessIsReadThroughTheFilter() throws Exception {
    Counting original = new Counting();
    original.seen.add(3);
    UserCode travelled = travel(UserCode.serialize("operator 'count'", original));

    Counting copy = (Counting) travelled.copy(getClass().getClassLoader(), ALLOW_ALL)[0];
    assertThat(copy.seen).containsExactly(3);

    ObjectInputFilter noCounting = info -> info.serialClass() == Counting.class
        ? ObjectInputFilter.Status.REJECTED : ObjectInputFilter.Status.UNDECIDED;
    assertThatThrownBy(() -> travelled.copy(getClass().getClassLoader(), noCounting))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("operator 'count'");
    // the process that made the code does not filter its own bytes
    UserCode local = UserCode.serialize("operator 'count'", original);
    assertThat(((Counting) local.copy(getClass().getClassLoader(), noCounting)[0]).seen).containsExactly(3);
  }

  @Test
  void anObjectThatCannotBeSerializedFailsNamingTheOperator() {
    assertThatThrownBy(() -> UserCode.serialize("operator 'broken'", new Broken()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("operator 'broken'")
        .hasMessageContaining("no bytes for you");
  }

  private static UserCode travel(UserCode code) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(code);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (UserCode) in.readObject();
    }
  }
}
