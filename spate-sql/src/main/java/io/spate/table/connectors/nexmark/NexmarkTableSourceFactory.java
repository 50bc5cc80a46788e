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
import io.spate.table.connector.source.abilities.SupportsProjectionPushDown;
import io.spate.table.connector.source.abilities.SupportsWatermarkPushDown;
import io.spate.table.factories.DynamicTableSourceFactory;
import io.spate.table.factories.FactoryUtil;
import io.spate.table.runtime.expr.LastTimestamp;
import io.spate.table.runtime.source.MappedSource;
import io.spate.table.types.logical.LogicalTypeRoot;
import io.spate.table.types.logical.RowType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * The {@code nexmark} connector: Spate's Nexmark generator as a table with the Nexmark project's
 * columns, {@code event_type INT} (0 person, 1 auction, 2 bid) and one nested {@code ROW} per event
 * kind ({@code person}, {@code auction}, {@code bid}; NULL for the other kinds), with the options of
 * the Nexmark project's SQL tables.
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
      implements ScanTableSource, SupportsProjectionPushDown, SupportsWatermarkPushDown {
    private final NexmarkConfiguration configuration;
    private EventFields fields = EventFields.ALL;

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
    public void applyProjection(int[][] projectedFields) {
      fields = EventFields.of(projectedFields);
    }

    @Override
    public void applyWatermark(WatermarkStrategy<Row> watermarkStrategy) {
      // The planner runs this scan's SourceProvider with the strategy, over the rows made in the reader.
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext scanContext) {
      return SourceProvider.of(new MappedSource<>(new NexmarkSource(configuration), new EventToRow(fields)));
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
   * Which fields of the table's rows {@link EventToRow} fills: a bit per field of each nested row
   * ({@code person}, {@code auction}, {@code bid}) and whether {@code event_type}; the others stay NULL.
   */
  record EventFields(boolean eventType, long person, long auction, long bid) implements java.io.Serializable {
    static final EventFields ALL = new EventFields(true, -1L, -1L, -1L);

    /** The fields of {@code paths}, as {@code SupportsProjectionPushDown#applyProjection} gives them. */
    static EventFields of(int[][] paths) {
      boolean eventType = false;
      long[] nested = new long[4];
      for (int[] path : paths) {
        if (path[0] == 0) {
          eventType = true;
        } else {
          nested[path[0]] |= path.length == 1 ? -1L : 1L << path[1];
        }
      }
      return new EventFields(eventType, nested[1], nested[2], nested[3]);
    }
  }

  /**
   * An event as a row of the Nexmark project's columns, with the fields of {@link EventFields} filled.
   * The rows are filled in place rather than made by {@code Row.of}, which copies its argument array in
   * case the caller changes it later: nothing else ever holds these arrays, so the copy was a second
   * array per row and nested row for nothing. Every event still gets rows of its own, since operators
   * downstream keep rows (mini-batch buffers, heap state of joins and aggregates) and a reused row
   * would change under them; the times are immutable, so consecutive events of one millisecond share one.
   */
  static final class EventToRow implements MapFunction<Event, Row> {
    private static final long serialVersionUID = 1L;

    private final boolean eventType;
    private final long personFields;
    private final long auctionFields;
    private final long bidFields;
    private transient LastTimestamp times;

    EventToRow(EventFields fields) {
      this.eventType = fields.eventType();
      this.personFields = fields.person();
      this.auctionFields = fields.auction();
      this.bidFields = fields.bid();
    }

    @Override
    public Row map(Event event) {
      Person p = event.person();
      Auction a = event.auction();
      Bid b = event.bid();
      Row row = new Row(RowKind.INSERT, 4);
      if (eventType) {
        row.setField(0, event.type().ordinal());
      }
      row.setField(1, p == null || personFields == 0 ? null : person(p));
      row.setField(2, a == null || auctionFields == 0 ? null : auction(a));
      row.setField(3, b == null || bidFields == 0 ? null : bid(b));
      return row;
    }

    private Row person(Person p) {
      long f = personFields;
      Row row = new Row(RowKind.INSERT, 8);
      if (reads(f, 0)) {
        row.setField(0, p.id());
      }
      if (reads(f, 1)) {
        row.setField(1, p.name());
      }
      if (reads(f, 2)) {
        row.setField(2, p.emailAddress());
      }
      if (reads(f, 3)) {
        row.setField(3, p.creditCard());
      }
      if (reads(f, 4)) {
        row.setField(4, p.city());
      }
      if (reads(f, 5)) {
        row.setField(5, p.state());
      }
      if (reads(f, 6)) {
        row.setField(6, time(p.dateTime()));
      }
      if (reads(f, 7)) {
        row.setField(7, p.extra());
      }
      return row;
    }

    private Row auction(Auction a) {
      long f = auctionFields;
      Row row = new Row(RowKind.INSERT, 10);
      if (reads(f, 0)) {
        row.setField(0, a.id());
      }
      if (reads(f, 1)) {
        row.setField(1, a.itemName());
      }
      if (reads(f, 2)) {
        row.setField(2, a.description());
      }
      if (reads(f, 3)) {
        row.setField(3, a.initialBid());
      }
      if (reads(f, 4)) {
        row.setField(4, a.reserve());
      }
      if (reads(f, 5)) {
        row.setField(5, time(a.dateTime()));
      }
      if (reads(f, 6)) {
        row.setField(6, time(a.expires()));
      }
      if (reads(f, 7)) {
        row.setField(7, a.seller());
      }
      if (reads(f, 8)) {
        row.setField(8, a.category());
      }
      if (reads(f, 9)) {
        row.setField(9, a.extra());
      }
      return row;
    }

    private Row bid(Bid b) {
      long f = bidFields;
      Row row = new Row(RowKind.INSERT, 7);
      if (reads(f, 0)) {
        row.setField(0, b.auction());
      }
      if (reads(f, 1)) {
        row.setField(1, b.bidder());
      }
      if (reads(f, 2)) {
        row.setField(2, b.price());
      }
      if (reads(f, 3)) {
        row.setField(3, b.channel());
      }
      if (reads(f, 4)) {
        row.setField(4, b.url());
      }
      if (reads(f, 5)) {
        row.setField(5, time(b.dateTime()));
      }
      if (reads(f, 6)) {
        row.setField(6, b.extra());
      }
      return row;
    }

    private static boolean reads(long fields, int field) {
      return (fields & (1L << field)) != 0;
    }

    private LocalDateTime time(long epochMillis) {
      if (times == null) {
        times = new LastTimestamp();
      }
      return times.toLocalDateTime(epochMillis);
    }
  }
}
