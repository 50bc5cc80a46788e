package io.spate.table.connectors.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.api.types.Row;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkGenerator;
import io.spate.table.connectors.nexmark.NexmarkTableSourceFactory.EventFields;
import io.spate.table.connectors.nexmark.NexmarkTableSourceFactory.EventToRow;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pushed projection gives, field by field in the order of its paths, the full rows' values at those paths. */
class EventToRowPropertyTest {

  /** The number of fields of event_type, person, auction and bid. */
  private static final int[] WIDTHS = {1, 8, 10, 7};

  private static final List<Event> EVENTS = events();

  private static List<Event> events() {
    List<Event> events = new ArrayList<>();
    new NexmarkGenerator(NexmarkConfiguration.builder().events(500).build()).iterator(0, 500)
        .forEachRemaining(events::add);
    return events;
  }

  @Test
  void allFieldsGiveTheEventsValues() {
    EventToRow toRow = new EventToRow(EventFields.ALL);
    for (Event event : EVENTS) {
      Row row = toRow.map(event);
      assertThat(row.getField(0)).isEqualTo(event.type().ordinal());
      if (event.bid() != null) {
        Row bid = (Row) row.getField(3);
        assertThat(bid.getField(0)).isEqualTo(event.bid().auction());
        assertThat(bid.getField(2)).isEqualTo(event.bid().price());
        assertThat(bid.getField(5)).isEqualTo(
            LocalDateTime.ofInstant(Instant.ofEpochMilli(event.bid().dateTime()), ZoneOffset.UTC));
        assertThat(bid.getField(6)).isEqualTo(event.bid().extra());
      }
      if (event.person() != null) {
        assertThat(((Row) row.getField(1)).getField(6)).isEqualTo(
            LocalDateTime.ofInstant(Instant.ofEpochMilli(event.person().dateTime()), ZoneOffset.UTC));
      }
      if (event.auction() != null) {
        assertThat(((Row) row.getField(2)).getField(6)).isEqualTo(
            LocalDateTime.ofInstant(Instant.ofEpochMilli(event.auction().expires()), ZoneOffset.UTC));
      }
    }
  }

  @Test
  void aProjectionGivesTheValuesAtItsPathsInOrder() {
    // Bits 0..25: event_type, then the nested fields in order; a whole nested column where all its bits are set.
    qt().withFixedSeed(20261128L).withExamples(200).forAll(longs().between(0, (1L << 26) - 1)).checkAssert(mask -> {
      int[][] paths = paths(mask);
      EventToRow full = new EventToRow(EventFields.ALL);
      EventToRow projected = new EventToRow(EventFields.of(paths));
      for (Event event : EVENTS) {
        Row all = full.map(event);
        Row row = projected.map(event);
        assertThat(row.getArity()).isEqualTo(paths.length);
        for (int at = 0; at < paths.length; at++) {
          int[] path = paths[at];
          Object expected = path.length == 1 ? all.getField(path[0]) : value(all, path[0], path[1]);
          assertThat(row.getField(at)).as("field %d (path %s) of %s", at, java.util.Arrays.toString(path), event)
              .isEqualTo(expected);
        }
      }
    });
  }

  /** The paths of {@code mask}'s fields, a whole column where its every field is set. */
  private static int[][] paths(long mask) {
    List<int[]> paths = new ArrayList<>();
    int bit = 0;
    for (int column = 0; column < 4; column++) {
      long columnBits = ((1L << WIDTHS[column]) - 1) << bit;
      if ((mask & columnBits) == columnBits) {
        paths.add(new int[] {column});
      } else {
        for (int field = 0; field < WIDTHS[column]; field++) {
          if ((mask & (1L << (bit + field))) != 0) {
            paths.add(new int[] {column, field});
          }
        }
      }
      bit += WIDTHS[column];
    }
    return paths.toArray(new int[0][]);
  }

  private static Object value(Row row, int column, int field) {
    if (column == 0) {
      return row.getField(0);
    }
    Row nested = (Row) row.getField(column);
    return nested == null ? null : nested.getField(field);
  }
}
