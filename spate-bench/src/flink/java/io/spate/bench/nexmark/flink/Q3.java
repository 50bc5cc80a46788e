package io.spate.bench.nexmark.flink;

import io.spate.bench.nexmark.Q3.Row;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.Person;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/** Nexmark q3 on Flink: category-10 auctions of sellers in OR, ID or CA; an unbounded join on the seller. */
final class Q3 implements FlinkNexmarkQuery {

  static final Set<String> STATES = Set.of("OR", "ID", "CA");

  @Override
  public String name() {
    return "q3";
  }

  @Override
  public DataStream<?> build(DataStream<Event> events) {
    DataStream<Auction> auctions = FlinkEvents.auctions(events).filter(a -> a.category() == 10).name("q3 category");
    return FlinkEvents.persons(events).connect(auctions).keyBy(Person::id, Auction::seller)
        .process(new SellerJoin()).returns(Row.class).name("q3");
  }

  static Row row(Person p, Auction a) {
    return new Row(p.name(), p.city(), p.state(), a.id());
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
      if (STATES.contains(p.state())) {
        for (Auction a : waiting.get()) {
          out.collect(row(p, a));
        }
      }
      waiting.clear();
    }

    @Override
    public void processElement2(Auction a, Context ctx, Collector<Row> out) throws Exception {
      Person p = seller.value();
      if (p == null) {
        waiting.add(a);
      } else if (STATES.contains(p.state())) {
        out.collect(row(p, a));
      }
    }
  }
}
