package io.spate.table.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The datagen connector's random intervals, as Flink's: a year-month interval is a number of months, by default
 * from 0 to 120000, a day-time interval a number of milliseconds, by default any; {@code fields.#.min} and
 * {@code fields.#.max} bound both, in those units.
 */
class DataGenIntervalColumnsE2ETest {

  @Test
  void randomIntervalsStayWithinTheirBoundsAndDefaults() throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.executeSql("CREATE TABLE spans (d INTERVAL DAY TO SECOND(3), p INTERVAL YEAR TO MONTH,"
        + " any_d INTERVAL SECOND(3) NOT NULL, any_p INTERVAL MONTH NOT NULL) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '200', 'fields.d.min' = '-1000', 'fields.d.max' = '60000',"
        + " 'fields.p.min' = '3', 'fields.p.max' = '5')");
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = tEnv.executeSql("SELECT d, p, any_d, any_p FROM spans").collect()) {
      it.forEachRemaining(rows::add);
    }
    assertThat(rows).hasSize(200);
    List<Integer> months = new ArrayList<>();
    for (Row row : rows) {
      Duration d = (Duration) row.getField(0);
      assertThat(d.toMillis()).isBetween(-1000L, 60_000L);
      Period p = (Period) row.getField(1);
      assertThat(p.toTotalMonths()).isBetween(3L, 5L);
      months.add((int) p.toTotalMonths());
      assertThat(row.getField(2)).isInstanceOf(Duration.class);
      assertThat(((Period) row.getField(3)).toTotalMonths()).isBetween(0L, 120_000L);
    }
    // 200 draws from three values: each of them comes up.
    assertThat(months).contains(3, 4, 5);
    assertThat(rows.stream().map(r -> r.getField(2)).distinct().count()).isGreaterThan(150);
  }
}
