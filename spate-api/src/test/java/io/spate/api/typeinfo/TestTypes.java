package io.spate.api.typeinfo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Records, POJOs and enums that the type system tests derive types for. */
public final class TestTypes {

  private TestTypes() {}

  /** An enum, one of whose constants has a body (and so its own class). */
  public enum Status {
    NEW,
    PAID {
      @Override
      public String toString() {
        return "paid";
      }
    },
    SHIPPED
  }

  /** A flat record. */
  public record Bid(long auction, long bidder, long price, String channel) {}

  /** A record with optional, list and primitive components. */
  public record Item(String name, long price, Optional<String> note, List<Integer> tags) {}

  /** A POJO with public fields, getter/setter properties, a nested POJO and value equality. */
  public static class Customer {
    public String name;
    public List<String> emails;
    private int age;
    private boolean vip;
    private Address address;
    private transient String cache = "not serialized";

    public Customer() {}

    public Customer(String name, List<String> emails, int age, boolean vip, Address address) {
      this.name = name;
      this.emails = emails;
      this.age = age;
      this.vip = vip;
      this.address = address;
    }

    public int getAge() {
      return age;
    }

    public void setAge(int age) {
      this.age = age;
    }

    public boolean isVip() {
      return vip;
    }

    public void setVip(boolean vip) {
      this.vip = vip;
    }

    public Address getAddress() {
      return address;
    }

    public Customer setAddress(Address address) {
      this.address = address;
      return this;
    }

    public String cache() {
      return cache;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Customer c
          && Objects.equals(name, c.name)
          && Objects.equals(emails, c.emails)
          && age == c.age
          && vip == c.vip
          && Objects.equals(address, c.address);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, emails, age, vip, address);
    }

    @Override
    public String toString() {
      return "Customer(" + name + ", " + emails + ", " + age + ", " + vip + ", " + address + ")";
    }
  }

  /** A POJO with value equality. */
  public static class Address {
    public String street;
    public String city;
    public Integer zip;

    public Address() {}

    public Address(String street, String city, Integer zip) {
      this.street = street;
      this.city = city;
      this.zip = zip;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Address a
          && Objects.equals(street, a.street)
          && Objects.equals(city, a.city)
          && Objects.equals(zip, a.zip);
    }

    @Override
    public int hashCode() {
      return Objects.hash(street, city, zip);
    }

    @Override
    public String toString() {
      return "Address(" + street + ", " + city + ", " + zip + ")";
    }
  }

  /** A record that nests everything: enums, lists, maps, arrays, POJOs, optionals, java.time. */
  public record Order(
      long id,
      Status status,
      List<Item> items,
      Map<String, Double> attributes,
      int[] codes,
      String[] labels,
      Customer customer,
      Optional<Address> shipTo,
      Instant createdAt,
      BigDecimal total,
      LocalDate due,
      List<Map<String, Bid>> bidsByChannel,
      byte[] payload) {}

  /** A generic record, used with concrete type arguments. */
  public record Pair<A, B>(A first, B second) {}

  /** A generic POJO base class whose type argument a subclass fixes. */
  public static class Box<T> {
    public T value;
  }

  /** A POJO whose inherited field gets its type from the superclass's type argument. */
  public static class StringBox extends Box<String> {
    public int count;
  }

  /** A POJO without equals and hashCode, so it cannot be a key. */
  public static class Plain {
    public String text;
  }

  /** A record whose component is a POJO without equals. */
  public record Wrapper(String id, Plain plain) {}

  /** A record that is a valid key. */
  public record Key(String region, Status status, List<Integer> shards) {}

  /** A record with an array component, which makes it an invalid key. */
  public record ArrayHolder(String id, long[] values) {}

  /** A record that refers to itself. */
  public record Node(String label, Node next) {}

  /** A POJO that refers to itself through a list. */
  public static class Tree {
    public String label;
    public List<Tree> children;
  }

  /** Not a POJO: no no-arg constructor. */
  public static class Supplier {
    public String name;

    public Supplier(String name) {
      this.name = name;
    }
  }

  /** A record that reaches the non-POJO Supplier through a list. */
  public record Shipment(String id, List<LineItem> items) {}

  /** A POJO holding a Supplier. */
  public static class LineItem {
    public String sku;
    public Supplier supplier;
  }

  /** Not a POJO: a private field without accessors. */
  public static class Secretive {
    public String name;
    private String secret;

    public String getSecret() {
      return secret;
    }
  }

  /** Not a POJO: a public final field. */
  public static class Frozen {
    public final String name = "x";
  }

  /** A record whose component type is an unsupported interface. */
  public record WithRunnable(String id, Runnable task) {}

  /** A record with a raw list. */
  @SuppressWarnings("rawtypes")
  public record WithRawList(List values) {}

  /** A record with an Object component. */
  public record WithObject(Object anything) {}

  /** A record with an unsupported JDK class. */
  public record WithDate(java.util.Date when) {}

  /** A POJO with concrete collection classes as field types. */
  public static class Collections {
    public ArrayList<String> list;
    public HashMap<String, Integer> map;
  }

  /** A non-static inner class: not a POJO. */
  public class Inner {
    public String text;
  }
}
