package io.spate.api.typeinfo;

import static io.spate.api.serialization.BasicValueGenerators.arrays;
import static io.spate.api.serialization.BasicValueGenerators.booleans;
import static io.spate.api.serialization.BasicValueGenerators.byteArrays;
import static io.spate.api.serialization.BasicValueGenerators.doubles;
import static io.spate.api.serialization.BasicValueGenerators.intArrays;
import static io.spate.api.serialization.BasicValueGenerators.ints;
import static io.spate.api.serialization.BasicValueGenerators.lists;
import static io.spate.api.serialization.BasicValueGenerators.longs;
import static io.spate.api.serialization.BasicValueGenerators.maps;
import static io.spate.api.serialization.BasicValueGenerators.nullable;
import static io.spate.api.serialization.BasicValueGenerators.optionals;

import io.spate.api.serialization.BasicValueGenerators;
import io.spate.api.typeinfo.TestTypes.Address;
import io.spate.api.typeinfo.TestTypes.Bid;
import io.spate.api.typeinfo.TestTypes.Customer;
import io.spate.api.typeinfo.TestTypes.Item;
import io.spate.api.typeinfo.TestTypes.Order;
import io.spate.api.typeinfo.TestTypes.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** QuickTheories generators of the test types, with nulls injected wherever a field may hold one. */
final class TestTypeGenerators {

  private TestTypeGenerators() {}

  static Gen<String> strings() {
    return BasicValueGenerators.strings(0, 12);
  }

  static Gen<String> nullableStrings() {
    return nullable(strings(), 15);
  }

  static Gen<Status> statuses() {
    return Generate.enumValues(Status.class);
  }

  static Gen<Bid> bids() {
    return longs().zip(longs(), longs(), nullableStrings(), Bid::new);
  }

  static Gen<Item> items() {
    return nullableStrings().zip(longs(), optionals(strings()), lists(nullable(ints(), 10), 0, 5), Item::new);
  }

  static Gen<Address> addresses() {
    return nullableStrings().zip(strings(), nullable(SourceDSL.integers().between(0, 99999), 20), Address::new);
  }

  static Gen<Customer> customers() {
    return nullableStrings().zip(
        nullable(lists(strings(), 0, 3), 20),
        SourceDSL.integers().between(0, 120),
        booleans(),
        nullable(addresses(), 20),
        Customer::new);
  }

  static Gen<Order> orders() {
    Gen<Instant> instants = SourceDSL.longs().between(-10_000_000_000L, 10_000_000_000L)
        .zip(SourceDSL.integers().between(0, 999_999_999), Instant::ofEpochSecond);
    Gen<BigDecimal> decimals = longs().zip(SourceDSL.integers().between(-5, 10), BigDecimal::valueOf);
    Gen<LocalDate> dates = SourceDSL.longs().between(-1_000_000, 1_000_000).map(LocalDate::ofEpochDay);
    Gen<Map<String, Double>> attributes = maps(strings(), nullable(doubles(), 10), 5);
    Gen<List<Map<String, Bid>>> bidsByChannel = lists(maps(strings(), nullable(bids(), 10), 3), 0, 3);
    // QuickTheories zips at most five generators: the thirteen components go in three groups.
    Gen<List<Object>> first = longs().zip(
        nullable(statuses(), 10), lists(items(), 0, 4), nullable(attributes, 10), nullable(intArrays(0, 6), 10),
        (id, status, items, attrs, codes) -> Arrays.asList(id, status, items, attrs, codes));
    Gen<List<Object>> second = arrays(nullableStrings(), String.class, 0, 4).zip(
        nullable(customers(), 10), optionals(addresses()), instants, nullable(decimals, 10),
        (labels, customer, shipTo, createdAt, total) -> Arrays.asList(labels, customer, shipTo, createdAt, total));
    Gen<List<Object>> third = dates.zip(bidsByChannel, nullable(byteArrays(0, 10), 10),
        (due, byChannel, payload) -> Arrays.asList(due, byChannel, payload));
    return first.zip(second, third, TestTypeGenerators::order).describedAs(TestTypeGenerators::describe);
  }

  /** An order as its toString() shows it, with the contents of its arrays rather than their identities. */
  private static String describe(Order o) {
    return "Order[id=" + o.id() + ", status=" + o.status() + ", items=" + o.items() + ", attributes=" + o.attributes()
        + ", codes=" + Arrays.toString(o.codes()) + ", labels=" + Arrays.toString(o.labels())
        + ", customer=" + o.customer() + ", shipTo=" + o.shipTo() + ", createdAt=" + o.createdAt()
        + ", total=" + o.total() + ", due=" + o.due() + ", bidsByChannel=" + o.bidsByChannel()
        + ", payload=" + Arrays.toString(o.payload()) + "]";
  }

  @SuppressWarnings("unchecked")
  private static Order order(List<Object> first, List<Object> second, List<Object> third) {
    return new Order(
        (Long) first.get(0),
        (Status) first.get(1),
        (List<Item>) first.get(2),
        (Map<String, Double>) first.get(3),
        (int[]) first.get(4),
        (String[]) second.get(0),
        (Customer) second.get(1),
        (Optional<Address>) second.get(2),
        (Instant) second.get(3),
        (BigDecimal) second.get(4),
        (LocalDate) third.get(0),
        (List<Map<String, Bid>>) third.get(1),
        (byte[]) third.get(2));
  }
}
