package io.spate.api.typeinfo;

import static io.spate.api.serialization.SerializationTesting.bytesOf;
import static io.spate.api.serialization.SnapshotTesting.deserializeAll;
import static io.spate.api.serialization.SnapshotTesting.snapshotRoundTrip;
import static io.spate.api.serialization.BasicValueGenerators.lists;
import static io.spate.api.serialization.BasicValueGenerators.nullable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.serialization.ListSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.typeinfo.TestTypes.Customer;
import io.spate.api.typeinfo.TestTypes.Order;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The law of serializer snapshots for unchanged classes: the serializer restored from a snapshot
 * reads what the original wrote as an equal value, and writes it back to the same bytes.
 */
class SerializerSnapshotPropertyTest {

  private static final TypeSerializer<Order> ORDERS = TypeInformation.of(Order.class).createSerializer();
  private static final TypeSerializer<Order> RESTORED_ORDERS = restore(ORDERS);
  private static final TypeSerializer<List<Customer>> CUSTOMERS =
      new ListSerializer<>(TypeInformation.of(Customer.class).createSerializer());
  private static final TypeSerializer<List<Customer>> RESTORED_CUSTOMERS = restore(CUSTOMERS);

  private static <T> TypeSerializer<T> restore(TypeSerializer<T> serializer) {
    TypeSerializerSnapshot<T> snapshot = snapshotRoundTrip(serializer);
    assertThat(snapshot.resolveSchemaCompatibility(serializer).isCompatibleAsIs()).isTrue();
    return snapshot.restoreSerializer();
  }

  @Test
  void restoredSerializersReadAndRewriteNestedRecords() {
    qt().withExamples(150).forAll(TestTypeGenerators.orders())
        .checkAssert(SerializerSnapshotPropertyTest::restoredOrdersReadAndRewrite);
  }

  private static void restoredOrdersReadAndRewrite(Order order) {
    byte[] bytes = bytesOf(ORDERS, order);

    Order read = deserializeAll(RESTORED_ORDERS, bytes);

    assertThat(read).usingRecursiveComparison().isEqualTo(order);
    assertThat(bytesOf(RESTORED_ORDERS, read)).isEqualTo(bytes);
  }

  @Test
  void restoredSerializersReadAndRewritePojos() {
    qt().withExamples(100).forAll(lists(nullable(TestTypeGenerators.customers(), 10), 0, 4))
        .checkAssert(SerializerSnapshotPropertyTest::restoredCustomersReadAndRewrite);
  }

  private static void restoredCustomersReadAndRewrite(List<Customer> customers) {
    byte[] bytes = bytesOf(CUSTOMERS, customers);

    List<Customer> read = deserializeAll(RESTORED_CUSTOMERS, bytes);

    assertThat(read).isEqualTo(customers);
    assertThat(bytesOf(RESTORED_CUSTOMERS, read)).isEqualTo(bytes);
  }
}
