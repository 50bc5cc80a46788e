package io.spate.api.typeinfo;

import io.spate.api.typeinfo.TestTypes.Address;
import io.spate.api.typeinfo.TestTypes.Bid;
import io.spate.api.typeinfo.TestTypes.Customer;
import io.spate.api.typeinfo.TestTypes.Item;
import io.spate.api.typeinfo.TestTypes.Order;
import io.spate.api.typeinfo.TestTypes.Status;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of the test types, with nulls injected wherever a field may hold one. */
final class TestArbitraries {

  private TestArbitraries() {}

  static Arbitrary<String> strings() {
    return Arbitraries.strings().ofMaxLength(12);
  }

  static Arbitrary<String> nullableStrings() {
    return strings().injectNull(0.15);
  }

  static Arbitrary<Status> statuses() {
    return Arbitraries.of(Status.class);
  }

  static Arbitrary<Bid> bids() {
    return Combinators.combine(
            Arbitraries.longs(), Arbitraries.longs(), Arbitraries.longs(), nullableStrings())
        .as(Bid::new);
  }

  static Arbitrary<Item> items() {
    return Combinators.combine(
            nullableStrings(),
            Arbitraries.longs(),
            strings().optional(),
            Arbitraries.integers().injectNull(0.1).list().ofMaxSize(5))
        .as(Item::new);
  }

  static Arbitrary<Address> addresses() {
    return Combinators.combine(
            nullableStrings(), strings(), Arbitraries.integers().between(0, 99999).injectNull(0.2))
        .as(Address::new);
  }

  static Arbitrary<Customer> customers() {
    return Combinators.combine(
            nullableStrings(),
            strings().list().ofMaxSize(3).injectNull(0.2),
            Arbitraries.integers().between(0, 120),
            Arbitraries.of(true, false),
            addresses().injectNull(0.2))
        .as(Customer::new);
  }

  static Arbitrary<Order> orders() {
    Arbitrary<Instant> instants =
        Combinators.combine(
                Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999))
            .as(Instant::ofEpochSecond);
    Arbitrary<BigDecimal> decimals =
        Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(-5, 10))
            .as(BigDecimal::valueOf);
    Arbitrary<LocalDate> dates =
        Arbitraries.longs().between(-1_000_000, 1_000_000).map(LocalDate::ofEpochDay);
    Arbitrary<Map<String, Double>> attributes =
        Arbitraries.maps(strings(), Arbitraries.doubles().injectNull(0.1)).ofMaxSize(5);
    Arbitrary<List<Map<String, Bid>>> bidsByChannel =
        Arbitraries.maps(strings(), bids().injectNull(0.1)).ofMaxSize(3).list().ofMaxSize(3);
    List<Arbitrary<Object>> parts =
        List.of(
            Arbitraries.longs().asGeneric(),
            statuses().injectNull(0.1).asGeneric(),
            items().list().ofMaxSize(4).asGeneric(),
            attributes.injectNull(0.1).asGeneric(),
            Arbitraries.integers().array(int[].class).ofMaxSize(6).injectNull(0.1).asGeneric(),
            nullableStrings().array(String[].class).ofMaxSize(4).asGeneric(),
            customers().injectNull(0.1).asGeneric(),
            addresses().optional().asGeneric(),
            instants.asGeneric(),
            decimals.injectNull(0.1).asGeneric(),
            dates.asGeneric(),
            bidsByChannel.asGeneric(),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(10).injectNull(0.1).asGeneric());
    return Combinators.combine(parts).as(TestArbitraries::order);
  }

  @SuppressWarnings("unchecked")
  private static Order order(List<Object> v) {
    return new Order(
        (Long) v.get(0),
        (Status) v.get(1),
        (List<Item>) v.get(2),
        (Map<String, Double>) v.get(3),
        (int[]) v.get(4),
        (String[]) v.get(5),
        (Customer) v.get(6),
        (Optional<Address>) v.get(7),
        (Instant) v.get(8),
        (BigDecimal) v.get(9),
        (LocalDate) v.get(10),
        (List<Map<String, Bid>>) v.get(11),
        (byte[]) v.get(12));
  }
}
