package io.spate.bench.nexmark;

import io.spate.api.datastream.DataStream;
import io.spate.api.functions.Collector;
import io.spate.api.functions.KeyedCoProcessFunction;
import io.spate.api.functions.OpenContext;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.Person;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Nexmark q3, local item suggestion: auctions of category 10 whose seller lives in Oregon, Idaho or
 * California, with the seller's name, city and state. An unbounded inner join on the seller: every
 * person is kept in state for as long as the job runs, as in the SQL join (those of other states too,
 * so that their auctions are dropped at once instead of waiting forever).
 */
public final class Q3 implements NexmarkQuery<Q3.Row> {

  static final long CATEGORY = 10;
  static final Set<String> STATES = Set.of("OR", "ID", "CA");

  /** A suggested auction with its seller. */
  public record Row(String name, String city, String state, long auction) {
    static Row of(Person p, Auction a) {
      return new Row(p.name(), p.city(), p.state(), a.id());
    }
  }

  static boolean localSeller(Person p) {
    return STATES.contains(p.state());
  }

  @Override
  public String name() {
    return "q3";
  }

  @Override
  public DataStream<Row> build(DataStream<Event> events) {
    DataStream<Person> sellers = EventStreams.persons(events);
    DataStream<Auction> auctions = EventStreams.auctions(events).filter(a -> a.category() == CATEGORY)
        .name("q3 category");
    return sellers.connect(auctions).keyBy(Person::id, Auction::seller)
        .process(new SellerJoin()).returns(Row.class).name("q3");
  }

  @Override
  public void baseline(Iterable<Event> events, Consumer<? super Row> out) {
    Map<Long, Person> sellers = new HashMap<>();
    Map<Long, List<Auction>> waiting = new HashMap<>();
    for (Event event : events) {
      if (event.person() != null) {
        Person p = event.person();
        sellers.put(p.id(), p);
        List<Auction> auctions = waiting.remove(p.id());
        if (auctions != null && localSeller(p)) {
          auctions.forEach(a -> out.accept(Row.of(p, a)));
        }
      } else if (event.auction() != null && event.auction().category() == CATEGORY) {
        Auction a = event.auction();
        Person p = sellers.get(a.seller());
        if (p == null) {
          waiting.computeIfAbsent(a.seller(), s -> new ArrayList<>()).add(a);
        } else if (localSeller(p)) {
          out.accept(Row.of(p, a));
        }
      }
    }
  }

  /** Joins auctions to their seller, whichever comes first. */
  static final class SellerJoin extends KeyedCoProcessFunction<Long, Person, Auction, Row> {
    private transient ValueState<Person> seller;
    private transient ListState<Auction> waiting;

    @Override
    public void open(OpenContext openContext) {
      seller = getRuntimeContext().getState(new ValueStateDescriptor<>("seller", Person.class));
      waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting", Auction.class));
    }

    @Override
    public void processElement1(Person p, Context ctx, Collector<Row> out) throws Exception {
      seller.update(p);
      if (localSeller(p)) {
        for (Auction a : waiting.get()) {
          out.collect(Row.of(p, a));
        }
      }
      waiting.clear();
    }

    @Override
    public void processElement2(Auction a, Context ctx, Collector<Row> out) throws Exception {
      Person p = seller.value();
      if (p == null) {
        waiting.add(a);
      } else if (localSeller(p)) {
        out.collect(Row.of(p, a));
      }
    }
  }
}
