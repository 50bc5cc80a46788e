package io.spate.api.typeinfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.typeinfo.TestTypes.Address;
import io.spate.api.typeinfo.TestTypes.Bid;
import io.spate.api.typeinfo.TestTypes.Customer;
import io.spate.api.typeinfo.TestTypes.Pair;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldAccessorTest {

  record Auction(String name, Bid bid, Customer seller) {}

  private static final TypeInformation<Bid> BIDS = TypeInformation.of(Bid.class);
  private static final TypeInformation<Auction> AUCTIONS = TypeInformation.of(Auction.class);

  @Test
  void recordComponentsByNameAndPosition() {
    Bid bid = new Bid(1, 2, 30, "web");
    FieldAccessor<Bid, Long> price = BIDS.fieldAccessor("price");
    assertThat(price.get(bid)).isEqualTo(30L);
    assertThat(price.getFieldType()).isEqualTo(Types.LONG);
    Bid raised = price.set(bid, 45L);
    assertThat(raised).isEqualTo(new Bid(1, 2, 45, "web"));
    assertThat(bid.price()).as("records are rebuilt, not changed").isEqualTo(30);

    FieldAccessor<Bid, String> channel = BIDS.fieldAccessor(3);
    assertThat(channel.get(bid)).isEqualTo("web");
    assertThat(channel.set(bid, null)).isEqualTo(new Bid(1, 2, 30, null));
    assertThatThrownBy(() -> price.set(bid, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("primitive long");
  }

  @Test
  void nestedPathsThroughRecordsAndPojos() {
    Customer seller = new Customer("ann", List.of(), 40, false, new Address("Main St", "Oslo", 1234));
    Auction auction = new Auction("lamp", new Bid(1, 2, 30, "web"), seller);

    FieldAccessor<Auction, Long> bidPrice = AUCTIONS.fieldAccessor("bid.price");
    assertThat(bidPrice.get(auction)).isEqualTo(30L);
    assertThat(bidPrice.getFieldType()).isEqualTo(Types.LONG);
    Auction updated = bidPrice.set(auction, 99L);
    assertThat(updated.bid().price()).isEqualTo(99);
    assertThat(updated.name()).isEqualTo("lamp");
    assertThat(auction.bid().price()).isEqualTo(30);

    FieldAccessor<Auction, String> city = AUCTIONS.fieldAccessor("seller.address.city");
    assertThat(city.get(auction)).isEqualTo("Oslo");
    Auction moved = city.set(auction, "Bergen");
    assertThat(moved.seller().getAddress().city).isEqualTo("Bergen");
    assertThat(moved.seller()).as("POJOs are updated in place").isSameAs(seller);

    Auction noSeller = new Auction("x", null, null);
    assertThat(city.get(noSeller)).isNull();
    assertThatThrownBy(() -> city.set(noSeller, "Bergen"))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("'seller' is null");
  }

  @Test
  void pojoFieldsThroughPublicFieldsAndGettersAndSetters() {
    TypeInformation<Customer> customers = TypeInformation.of(Customer.class);
    Customer customer = new Customer("bo", List.of("a@b"), 30, true, null);
    FieldAccessor<Customer, Integer> age = customers.fieldAccessor("age");
    FieldAccessor<Customer, String> name = customers.fieldAccessor("name");
    FieldAccessor<Customer, Boolean> vip = customers.fieldAccessor("vip");
    assertThat(age.get(customer)).isEqualTo(30);
    assertThat(name.get(customer)).isEqualTo("bo");
    assertThat(vip.get(customer)).isTrue();
    assertThat(age.set(customer, 31)).isSameAs(customer);
    name.set(customer, "bob");
    vip.set(customer, false);
    assertThat(customer.getAge()).isEqualTo(31);
    assertThat(customer.name).isEqualTo("bob");
    assertThat(customer.isVip()).isFalse();
    assertThatThrownBy(() -> customers.fieldAccessor(0))
        .hasMessageContaining("is a POJO, whose fields have no positions")
        .hasMessageContaining("address, age, emails, name, vip");
  }

  @Test
  void unknownFieldsNameTheAvailableOnes() {
    assertThatThrownBy(() -> BIDS.fieldAccessor("prize"))
        .isInstanceOf(InvalidTypesException.class)
        .hasMessage("Type " + Bid.class.getName()
            + " has no field 'prize'; its fields are: auction, bidder, price, channel");
    assertThatThrownBy(() -> AUCTIONS.fieldAccessor("bid.prize"))
        .hasMessageContaining("Cannot resolve the field expression 'bid.prize'")
        .hasMessageContaining("its fields are: auction, bidder, price, channel");
    assertThatThrownBy(() -> AUCTIONS.fieldAccessor("name.length"))
        .hasMessageContaining("Type String has no fields");
    assertThatThrownBy(() -> BIDS.fieldAccessor(4))
        .hasMessageContaining("no component at position 4")
        .hasMessageContaining("[auction, bidder, price, channel]");
  }

  @Test
  void basicTypesAreTheirOwnFieldAndArraysAreIndexed() {
    FieldAccessor<String, String> self = Types.STRING.fieldAccessor(0);
    assertThat(self.get("x")).isEqualTo("x");
    assertThat(self.set("x", "y")).isEqualTo("y");
    assertThat(Types.LONG.<Long>fieldAccessor("*").get(5L)).isEqualTo(5L);
    assertThatThrownBy(() -> Types.LONG.fieldAccessor(1)).hasMessageContaining("use position 0");

    int[] ints = {1, 2, 3};
    FieldAccessor<int[], Integer> second = TypeInformation.of(int[].class).fieldAccessor(1);
    assertThat(second.get(ints)).isEqualTo(2);
    assertThat(second.set(ints, 20)).isSameAs(ints);
    assertThat(ints).containsExactly(1, 20, 3);
    assertThat(second.getFieldType()).isEqualTo(Types.INT);

    Bid[] bids = {new Bid(1, 1, 1, "a"), new Bid(2, 2, 2, "b")};
    FieldAccessor<Bid[], Long> price = Types.OBJECT_ARRAY(BIDS).fieldAccessor("1.price");
    assertThat(price.get(bids)).isEqualTo(2L);
    price.set(bids, 7L);
    assertThat(bids[1].price()).isEqualTo(7);
  }

  @Test
  void genericRecordFieldsHaveTheirBoundTypes() {
    TypeInformation<Pair<String, Long>> pairs = new TypeHint<Pair<String, Long>>() {}.getTypeInfo();
    FieldAccessor<Pair<String, Long>, Long> second = pairs.fieldAccessor("second");
    assertThat(second.getFieldType()).isEqualTo(Types.LONG);
    assertThat(second.set(new Pair<>("a", 1L), 2L)).isEqualTo(new Pair<>("a", 2L));
  }
}
