package io.spate.table.connectors.nexmark;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.configuration.ConfigOption;
import io.spate.api.configuration.ConfigOptions;
import io.spate.api.configuration.ReadableConfig;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.functions.MapFunction;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkSource;
import io.spate.connectors.nexmark.Person;
import io.spate.table.api.ValidationException;
import io.spate.table.connector.ChangelogMode;
import io.spate.table.connector.source.DynamicTableSource;
import io.spate.table.connector.source.ScanTableSource;
import io.spate.table.connector.source.SourceProvider;
import io.spate.table.connector.source.abilities.SupportsFilterPushDown;
import io.spate.table.connector.source.abilities.SupportsProjectionPushDown;
import io.spate.table.connector.source.abilities.SupportsWatermarkPushDown;
import io.spate.table.expressions.CallExpression;
import io.spate.table.expressions.FieldReferenceExpression;
import io.spate.table.expressions.ResolvedExpression;
import io.spate.table.expressions.ValueLiteralExpression;
import io.spate.table.factories.DynamicTableSourceFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.functions.BuiltInFunctionDefinitions;
import io.spate.table.functions.FunctionDefinition;
import io.spate.table.runtime.expr.LastTimestamp;
import io.spate.table.runtime.source.MappedSource;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.DataType;
import io.spate.table.types.logical.RowType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The {@code nexmark} connector: Spate's Nexmark generator as a table with the Nexmark project's
 * columns, {@code event_type INT} (0 person, 1 auction, 2 bid) and one nested {@code ROW} per event
 * kind ({@code person}, {@code auction}, {@code bid}; NULL for the other kinds), with the options of
 * the Nexmark project's SQL tables. It gives only the fields a query reads and skips the kinds of events
 * its filters on {@code event_type} reject.
 */
@PublicEvolving
public final class NexmarkTableSourceFactory implements DynamicTableSourceFactory {

  /** Events per second at the start. */
  public static final ConfigOption<Double> FIRST_EVENT_RATE = ConfigOptions.key("first-event.rate").doubleType()
      .defaultValue(10_000_000d).withDescription("Events per second (with next-event.rate: the same value).");

  /** Events per second later; Spate's generator keeps one rate, so it must equal first-event.rate. */
  public static final ConfigOption<Double> NEXT_EVENT_RATE = ConfigOptions.key("next-event.rate").doubleType()
      .noDefaultValue().withDescription("Events per second later; must equal first-event.rate.");

  /** The number of events; 0 or unset: unbounded. */
  public static final ConfigOption<Long> EVENTS_NUM = ConfigOptions.key("events.num").longType().defaultValue(0L)
      .withDescription("How many events to generate; 0 runs for ever.");

  /** Persons per epoch of events. */
  public static final ConfigOption<Integer> PERSON_PROPORTION = ConfigOptions.key("person.proportion").intType()
      .defaultValue(1).withDescription("Persons among every person + auction + bid proportion events.");

  /** Auctions per epoch of events. */
  public static final ConfigOption<Integer> AUCTION_PROPORTION = ConfigOptions.key("auction.proportion").intType()
      .defaultValue(3).withDescription("Auctions among every person + auction + bid proportion events.");

  /** Bids per epoch of events. */
  public static final ConfigOption<Integer> BID_PROPORTION = ConfigOptions.key("bid.proportion").intType()
      .defaultValue(46).withDescription("Bids among every person + auction + bid proportion events.");

  /** Whether to hold the rate; without it the generator runs as fast as the job takes events. */
  public static final ConfigOption<Boolean> RATE_LIMITED = ConfigOptions.key("rate-limited").booleanType()
      .defaultValue(false).withDescription("Hold the event rate in wall-clock time.");

  /** The seed of the generator's random choices; equal seeds give equal events. */
  public static final ConfigOption<Long> SEED = ConfigOptions.key("seed").longType().defaultValue(0L)
      .withDescription("The seed of the generator's random choices.");

  private static final List<String> COLUMNS = List.of("event_type", "person", "auction", "bid");

  @Override
  public String factoryIdentifier() {
    return "nexmark";
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of();
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(FIRST_EVENT_RATE, NEXT_EVENT_RATE, EVENTS_NUM, PERSON_PROPORTION, AUCTION_PROPORTION,
        BID_PROPORTION, RATE_LIMITED, SEED);
  }

  @Override
  public DynamicTableSource createDynamicTableSource(Context context) {
    FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
    helper.validate();
    ReadableConfig options = helper.getOptions();
    String table = context.getObjectIdentifier().asSummaryString();
    RowType rowType = context.getCatalogTable().getPhysicalRowType();
    if (!rowType.getFieldNames().equals(COLUMNS)
        || rowType.getTypeAt(0).getTypeRoot() != LogicalTypeRoot.INTEGER
        || rowType.getFields().stream().skip(1).anyMatch(f -> f.getType().getTypeRoot() != LogicalTypeRoot.ROW)) {
      throw new ValidationException("The nexmark table " + table + " must have the physical columns event_type INT,"
          + " person ROW<...>, auction ROW<...> and bid ROW<...>, in that order, as the Nexmark project declares"
          + " them; it has " + rowType.asSummaryString());
    }
    checkRow(rowType, 1, 8, table);
    checkRow(rowType, 2, 10, table);
    checkRow(rowType, 3, 7, table);
    double rate = options.get(FIRST_EVENT_RATE);
    options.getOptional(NEXT_EVENT_RATE).ifPresent(next -> {
      if (next.doubleValue() != rate) {
        throw new ValidationException("Table " + table + ": Spate's Nexmark generator keeps one rate, so"
            + " next-event.rate (" + next + ") must equal first-event.rate (" + rate + ")");
      }
    });
    long events = options.get(EVENTS_NUM);
    NexmarkConfiguration.Builder builder = NexmarkConfiguration.builder()
        .seed(options.get(SEED))
        .eventsPerSecond(rate)
        .rateLimited(options.get(RATE_LIMITED))
        .proportions(options.get(PERSON_PROPORTION), options.get(AUCTION_PROPORTION), options.get(BID_PROPORTION));
    NexmarkConfiguration configuration = (events > 0 ? builder.events(events) : builder.unbounded()).build();
    return new NexmarkTableSource(configuration);
  }

  /**
   * The generator's events as rows, of all fields or of those a query reads ({@link #applyProjection}),
   * made in the source's reader, which also stamps them and makes the table's watermarks ({@link
   * #applyWatermark}).
   */
  private static final class NexmarkTableSource
      implements ScanTableSource, SupportsProjectionPushDown, SupportsWatermarkPushDown, SupportsFilterPushDown {
    private final NexmarkConfiguration configuration;
    private EventFields fields = EventFields.ALL;
    private int eventTypes = EventTypes.ALL;

    NexmarkTableSource(NexmarkConfiguration configuration) {
      this.configuration = configuration;
    }

    @Override
    public ChangelogMode getChangelogMode() {
      return ChangelogMode.insertOnly();
    }

    @Override
    public boolean supportsNestedProjection() {
      return true;
    }

    @Override
    public void applyProjection(int[][] projectedFields, DataType producedDataType) {
      fields = EventFields.of(projectedFields);
    }

    @Override
    public Result applyFilters(List<ResolvedExpression> filters) {
      List<ResolvedExpression> accepted = new ArrayList<>();
      List<ResolvedExpression> remaining = new ArrayList<>();
      for (ResolvedExpression filter : filters) {
        int types = EventTypes.of(filter);
        if (types != EventTypes.ALL) {
          accepted.add(filter);
          eventTypes &= types;
        }
        if (types == EventTypes.ALL || !EventTypes.exact(filter)) {
          remaining.add(filter);
        }
      }
      return Result.of(accepted, remaining);
    }

    @Override
    public void applyWatermark(WatermarkStrategy<Row> watermarkStrategy) {
      // The planner runs this scan's SourceProvider with the strategy, over the rows made in the reader.
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext scanContext) {
      return SourceProvider.of(new MappedSource<>(new NexmarkSource(configuration), new EventToRow(fields, eventTypes)));
    }

    @Override
    public String asSummaryString() {
      return "nexmark";
    }
  }

  private static void checkRow(RowType rowType, int column, int fields, String table) {
    int count = ((RowType) rowType.getTypeAt(column)).getFieldCount();
    if (count != fields) {
      throw new ValidationException("The nexmark table " + table + ": column " + rowType.getFieldNames().get(column)
          + " must be a ROW of " + fields + " fields, as the Nexmark project declares it, not " + count);
    }
  }

  /**
   * The kinds of events a filter over the table's columns can keep, as a bit per {@code event_type} (bit
   * 0 persons, 1 auctions, 2 bids): the filter's tests of {@code event_type} against numbers, combined by
   * {@code AND}, {@code OR} and {@code NOT}; any other test may keep every kind.
   */
  static final class EventTypes {
    static final int ALL = 0b111;

    private EventTypes() {}

    /** The kinds of events {@code filter} can keep. */
    static int of(ResolvedExpression filter) {
      if (!(filter instanceof CallExpression call)) {
        return ALL;
      }
      FunctionDefinition function = call.getFunctionDefinition();
      List<ResolvedExpression> args = call.getResolvedChildren();
      if (function == BuiltInFunctionDefinitions.AND) {
        return args.stream().mapToInt(EventTypes::of).reduce(ALL, (a, b) -> a & b);
      }
      if (function == BuiltInFunctionDefinitions.OR) {
        return args.stream().mapToInt(EventTypes::of).reduce(0, (a, b) -> a | b);
      }
      if (function == BuiltInFunctionDefinitions.NOT) {
        return exact(args.get(0)) ? ALL & ~of(args.get(0)) : ALL;
      }
      Integer type = comparedType(call);
      if (type == null) {
        return ALL;
      }
      int bit = type >= 0 && type <= 2 ? 1 << type : 0;
      // A comparison with NULL keeps no row.
      return type == Integer.MIN_VALUE ? 0 : function == BuiltInFunctionDefinitions.EQUALS ? bit : ALL & ~bit;
    }

    /** Whether the rows of {@link #of} are exactly those {@code filter} keeps: it tests nothing but event_type. */
    static boolean exact(ResolvedExpression filter) {
      if (!(filter instanceof CallExpression call)) {
        return false;
      }
      FunctionDefinition function = call.getFunctionDefinition();
      if (function == BuiltInFunctionDefinitions.AND || function == BuiltInFunctionDefinitions.OR
          || function == BuiltInFunctionDefinitions.NOT) {
        return call.getResolvedChildren().stream().allMatch(EventTypes::exact);
      }
      return comparedType(call) != null;
    }

    /**
     * The number {@code call} compares {@code event_type} with by {@code =} or {@code <>} (MIN_VALUE for
     * NULL), or null if it is no such comparison.
     */
    private static Integer comparedType(CallExpression call) {
      FunctionDefinition function = call.getFunctionDefinition();
      if (function != BuiltInFunctionDefinitions.EQUALS && function != BuiltInFunctionDefinitions.NOT_EQUALS) {
        return null;
      }
      List<ResolvedExpression> args = call.getResolvedChildren();
      ValueLiteralExpression literal = null;
      boolean eventType = false;
      for (ResolvedExpression arg : args) {
        if (arg instanceof FieldReferenceExpression field && field.getFieldIndex() == 0) {
          eventType = true;
        } else if (arg instanceof ValueLiteralExpression value) {
          literal = value;
        }
      }
      if (!eventType || literal == null) {
        return null;
      }
      if (literal.isNull()) {
        return Integer.MIN_VALUE;
      }
      // A number that is no INT cannot equal an event_type; such a test is left to the planner.
      return literal.getValueAs(Integer.class).orElse(null);
    }
  }

  /**
   * Where {@link EventToRow} puts each field of an event in its rows, as a projection ({@code
   * SupportsProjectionPushDown#applyProjection}) lays them out: the position of {@code event_type}, of
   * each nested column given whole, and of each field of {@code person}, {@code auction} and {@code bid}
   * given on its own; -1 where the rows leave it out.
   */
  record EventFields(int arity, int eventType, int[] whole, int[] person, int[] auction, int[] bid)
      implements java.io.Serializable {
    /** The table's own rows: the four columns, each nested row whole. */
    static final EventFields ALL = of(new int[][] {{0}, {1}, {2}, {3}});

    /** The layout of the rows of projection {@code paths}. */
    static EventFields of(int[][] paths) {
      int eventType = -1;
      int[] whole = {-1, -1, -1, -1};
      int[][] nested = {null, filled(8), filled(10), filled(7)};
      for (int at = 0; at < paths.length; at++) {
        int[] path = paths[at];
        if (path[0] == 0) {
          eventType = at;
        } else if (path.length == 1) {
          whole[path[0]] = at;
        } else {
          nested[path[0]][path[1]] = at;
        }
      }
      return new EventFields(paths.length, eventType, whole, nested[1], nested[2], nested[3]);
    }

    private static int[] filled(int fields) {
      int[] positions = new int[fields];
      java.util.Arrays.fill(positions, -1);
      return positions;
    }
  }

  /**
   * An event as a row of the fields of {@link EventFields}, the Nexmark project's columns unless a
   * projection left some out; null (no row) for an event whose kind no pushed filter keeps. The rows
   * are filled in place rather than made by {@code Row.of}, which copies its argument array in case the
   * caller changes it later: nothing else ever holds these arrays, so the copy was a second array per
   * row for nothing. Every event still gets a row of its own, since operators downstream keep rows
   * (mini-batch buffers, heap state of joins and aggregates) and a reused row would change under them;
   * the times are immutable, so consecutive events of one millisecond share one.
   */
  static final class EventToRow implements MapFunction<Event, Row> {
    private static final long serialVersionUID = 1L;

    // A nested row given whole holds every field at its own position.
    private static final int[] WHOLE_PERSON = IntStream.range(0, 8).toArray();
    private static final int[] WHOLE_AUCTION = IntStream.range(0, 10).toArray();
    private static final int[] WHOLE_BID = IntStream.range(0, 7).toArray();
    private final int arity;
    private final int keptTypes;
    private final int eventType;
    private final int personWhole;
    private final int auctionWhole;
    private final int bidWhole;
    private final int[] person;
    private final int[] auction;
    private final int[] bid;
    private transient LastTimestamp times;

    EventToRow(EventFields fields) {
      this(fields, EventTypes.ALL);
    }

    /** Rows of {@code fields} of the events of {@code keptTypes} (a bit per {@code event_type}); null for others. */
    EventToRow(EventFields fields, int keptTypes) {
      this.keptTypes = keptTypes;
      this.arity = fields.arity();
      this.eventType = fields.eventType();
      this.personWhole = fields.whole()[1];
      this.auctionWhole = fields.whole()[2];
      this.bidWhole = fields.whole()[3];
      this.person = fields.person();
      this.auction = fields.auction();
      this.bid = fields.bid();
    }

    @Override
    public Row map(Event event) {
      int type = event.type().ordinal();
      if ((keptTypes & (1 << type)) == 0) {
        return null;
      }
      Row row = new Row(RowKind.INSERT, arity);
      if (eventType >= 0) {
        row.setField(eventType, type);
      }
      Person p = event.person();
      if (p != null) {
        if (personWhole >= 0) {
          row.setField(personWhole, person(p, new Row(RowKind.INSERT, 8), WHOLE_PERSON));
        } else {
          person(p, row, person);
        }
      }
      Auction a = event.auction();
      if (a != null) {
        if (auctionWhole >= 0) {
          row.setField(auctionWhole, auction(a, new Row(RowKind.INSERT, 10), WHOLE_AUCTION));
        } else {
          auction(a, row, auction);
        }
      }
      Bid b = event.bid();
      if (b != null) {
        if (bidWhole >= 0) {
          row.setField(bidWhole, bid(b, new Row(RowKind.INSERT, 7), WHOLE_BID));
        } else {
          bid(b, row, bid);
        }
      }
      return row;
    }

    private Row person(Person p, Row row, int[] at) {
      if (at[0] >= 0) {
        row.setField(at[0], p.id());
      }
      if (at[1] >= 0) {
        row.setField(at[1], p.name());
      }
      if (at[2] >= 0) {
        row.setField(at[2], p.emailAddress());
      }
      if (at[3] >= 0) {
        row.setField(at[3], p.creditCard());
      }
      if (at[4] >= 0) {
        row.setField(at[4], p.city());
      }
      if (at[5] >= 0) {
        row.setField(at[5], p.state());
      }
      if (at[6] >= 0) {
        row.setField(at[6], time(p.dateTime()));
      }
      if (at[7] >= 0) {
        row.setField(at[7], p.extra());
      }
      return row;
    }

    private Row auction(Auction a, Row row, int[] at) {
      if (at[0] >= 0) {
        row.setField(at[0], a.id());
      }
      if (at[1] >= 0) {
        row.setField(at[1], a.itemName());
      }
      if (at[2] >= 0) {
        row.setField(at[2], a.description());
      }
      if (at[3] >= 0) {
        row.setField(at[3], a.initialBid());
      }
      if (at[4] >= 0) {
        row.setField(at[4], a.reserve());
      }
      if (at[5] >= 0) {
        row.setField(at[5], time(a.dateTime()));
      }
      if (at[6] >= 0) {
        row.setField(at[6], time(a.expires()));
      }
      if (at[7] >= 0) {
        row.setField(at[7], a.seller());
      }
      if (at[8] >= 0) {
        row.setField(at[8], a.category());
      }
      if (at[9] >= 0) {
        row.setField(at[9], a.extra());
      }
      return row;
    }

    private Row bid(Bid b, Row row, int[] at) {
      if (at[0] >= 0) {
        row.setField(at[0], b.auction());
      }
      if (at[1] >= 0) {
        row.setField(at[1], b.bidder());
      }
      if (at[2] >= 0) {
        row.setField(at[2], b.price());
      }
      if (at[3] >= 0) {
        row.setField(at[3], b.channel());
      }
      if (at[4] >= 0) {
        row.setField(at[4], b.url());
      }
      if (at[5] >= 0) {
        row.setField(at[5], time(b.dateTime()));
      }
      if (at[6] >= 0) {
        row.setField(at[6], b.extra());
      }
      return row;
    }

    private LocalDateTime time(long epochMillis) {
      if (times == null) {
        times = new LastTimestamp();
      }
      return times.toLocalDateTime(epochMillis);
    }
  }
}
