package io.synthlake.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.fit.Samples;
import io.synthlake.core.fit.TableFixtures;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.spec.SpecCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Edge-case rows: which rows, what they hold, and that nothing else changes. */
class EdgeCasesTest {
  /** Four full blocks and a partial fifth. */
  private static final int ROWS = 4 * TableSampler.BLOCK_ROWS + 1234;

  private static TableModel model;

  /** Airports in states (a group) and costs whose total is their sum (a derived column). */
  private static TableModel related;

  @BeforeAll
  static void fit() {
    model = TableFixtures.everyKind();
    SplittableRandom random = new SplittableRandom(5);
    int rows = 6000;
    String[] airport = new String[rows];
    String[] state = new String[rows];
    double[] repair = new double[rows];
    double[] other = new double[rows];
    double[] total = new double[rows];
    for (int row = 0; row < rows; row++) {
      int a = random.nextInt(48);
      airport[row] = "airport" + a;
      state[row] = "state" + a / 4;
      repair[row] = random.nextDouble() < 0.7 ? 0 : Math.rint(Math.exp(8 + random.nextGaussian()));
      other[row] = random.nextDouble() < 0.8 ? 0 : Math.rint(Math.exp(6 + random.nextGaussian()));
      total[row] = repair[row] + other[row];
    }

    related =
        Samples.fitSingle(
                Samples.strings("airport", airport),
                Samples.strings("state", state),
                Samples.ints("repair", repair),
                Samples.ints("other", other),
                Samples.ints("total", total))
            .model();
  }

  /** Rows and markers of one run: each block written with {@code skip} rows dropped first. */
  private record Run(CollectingSink[] columns, CollectingSink marker) {
    Object value(int column, int row) {
      return columns[column].value(row);
    }
  }

  /** Rows [firstRow, firstRow + rows) in pieces of at most {@code piece} rows, one writer each. */
  private static Run run(EdgeCases edgeCases, long seed, long firstRow, int rows, int piece) {
    return run(model, edgeCases, seed, firstRow, rows, piece);
  }

  private static Run run(
      TableModel model, EdgeCases edgeCases, long seed, long firstRow, int rows, int piece) {
    TableSampler sampler = TableSampler.of(model, seed).withEdgeCases(edgeCases);
    CollectingSink[] sinks = new CollectingSink[model.columns().size()];
    for (int i = 0; i < sinks.length; i++) {
      sinks[i] = new CollectingSink(rows, i % 2 == 0);
    }

    CollectingSink marker = edgeCases == null ? null : new CollectingSink(rows);
    long end = firstRow + rows;
    for (long row = firstRow; row < end; ) {
      TableSampler.BlockWriter writer = sampler.newBlockWriter();
      writer.markEdgeCases(marker);
      long block = row / TableSampler.BLOCK_ROWS;
      int skip = (int) (row - block * TableSampler.BLOCK_ROWS);
      int count = (int) Math.min(Math.min(TableSampler.BLOCK_ROWS - skip, piece), end - row);
      for (CollectingSink sink : sinks) {
        sink.offset(Math.toIntExact(row - firstRow));
      }

      if (marker != null) {
        marker.offset(Math.toIntExact(row - firstRow));
      }

      writer.write(block, skip, count, sinks);
      row += count;
    }

    return new Run(sinks, marker);
  }

  @Test
  void theShareOfFlaggedRowsIsTheShareAsked() {
    // 1,000,000 rows at 1%: 10,000 expected, standard deviation 99.5; ±500 (5 deviations) fails
    // a correct implementation with probability 6e-7.
    EdgeCases edgeCases = EdgeCases.of(0.01);
    long flagged =
        LongStream.range(0, 1_000_000).filter(row -> edgeCases.isEdgeCase(42, row)).count();

    assertThat(flagged).isBetween(9_500L, 10_500L);
    assertThat(LongStream.range(0, 10_000).filter(row -> EdgeCases.of(0).isEdgeCase(42, row)))
        .isEmpty();
    assertThat(LongStream.range(0, 10_000).filter(row -> EdgeCases.of(1).isEdgeCase(42, row)))
        .hasSize(10_000);
  }

  @Test
  void onlyFlaggedRowsChangeAndTheMarkerNamesThem() {
    Run plain = run(null, 42, 0, ROWS, TableSampler.BLOCK_ROWS);
    Run edges = run(EdgeCases.of(0.05), 42, 0, ROWS, TableSampler.BLOCK_ROWS);
    int flagged = 0;
    int changed = 0;
    for (int row = 0; row < ROWS; row++) {
      boolean edge = edges.marker().booleanValue(row);
      assertThat(edge).isEqualTo(EdgeCases.of(0.05).isEdgeCase(42, row));
      flagged += edge ? 1 : 0;
      for (int c = 0; c < model.columns().size(); c++) {
        boolean key = model.columns().get(c) instanceof KeyColumn;
        if (!edge || key) {
          assertThat(edges.value(c, row))
              .as("row %d column %d", row, c)
              .isEqualTo(plain.value(c, row));
        } else if (!java.util.Objects.equals(edges.value(c, row), plain.value(c, row))) {
          changed++;
        }
      }
    }

    // 17,618 rows at 5%: 881 expected, deviation 28.9; ±145 is five deviations.
    assertThat(flagged).isBetween(736, 1026);
    assertThat(changed).isGreaterThan(flagged * 5);
  }

  @Test
  void theSameRowsWhateverThePartitioningOrFirstRow() {
    EdgeCases edgeCases = EdgeCases.of(0.03).withZone(ZoneId.of("Europe/Berlin"));
    Run whole = run(edgeCases, 7, 0, ROWS, TableSampler.BLOCK_ROWS);
    Run pieces = run(edgeCases, 7, 0, ROWS, 1000);
    long first = 5_000;
    Run slice = run(edgeCases, 7, first, ROWS - 5_000, 777);
    for (int row = 0; row < ROWS; row++) {
      assertThat(pieces.marker().value(row)).isEqualTo(whole.marker().value(row));
      for (int c = 0; c < model.columns().size(); c++) {
        assertThat(pieces.value(c, row)).isEqualTo(whole.value(c, row));
        if (row >= first) {
          assertThat(slice.value(c, row - (int) first)).isEqualTo(whole.value(c, row));
        }
      }
    }
  }

  @Test
  void boundaryValuesAreValidForTheirTypesAndEachOneOccurs() {
    // Every row an edge case: each column's boundary values all occur in 17,618 rows.
    Run all = run(EdgeCases.of(1), 3, 0, ROWS, TableSampler.BLOCK_ROWS);
    long firstDay = LocalDate.of(1900, 1, 2).toEpochDay();
    long lastDay = LocalDate.of(9999, 12, 31).toEpochDay();
    for (int c = 0; c < model.columns().size(); c++) {
      ColumnModel column = model.columns().get(c);
      CollectingSink sink = all.columns()[c];
      Set<Object> seen = new HashSet<>();
      for (int row = 0; row < ROWS; row++) {
        Object value = sink.value(row);
        seen.add(value);
        if (value == null) {
          assertThat(column).isNotInstanceOf(KeyColumn.class);
          continue;
        }

        switch (column.type().logicalType()) {
          case INT ->
              assertThat((long) value)
                  .isBetween((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE);
          case DECIMAL ->
              assertThat(Math.abs((long) value))
                  .isLessThanOrEqualTo((long) Math.pow(10, column.type().precision()) - 1);
          case DATE -> assertThat((long) value).isBetween(firstDay, lastDay);
          case TIMESTAMP -> assertThat(year((long) value)).isBetween(1900, 9999);
          case STRING -> assertThat((String) value).isNotNull();
          case BOOLEAN -> assertThat(value).isInstanceOf(Boolean.class);
          default -> assertThat(value).isInstanceOf(Double.class);
        }
      }

      if (column instanceof KeyColumn) {
        continue;
      }

      assertThat(seen).as(column.name()).contains((Object) null);
      switch (column.type().logicalType()) {
        case INT ->
            assertThat(seen).contains((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, 0L);
        case DECIMAL -> assertThat(seen).contains(9_999_999_999L, -9_999_999_999L, 1L);
        case DOUBLE -> assertThat(seen).contains(Double.NaN, Double.POSITIVE_INFINITY, -0.0);
        case DATE ->
            assertThat(seen)
                .contains(
                    0L,
                    firstDay,
                    LocalDate.of(2024, 2, 29).toEpochDay(),
                    LocalDate.of(9999, 12, 30).toEpochDay());
        case STRING ->
            assertThat(seen).contains("", "x".repeat(EdgeValues.LONG_TEXT), "مرحبا بالعالم 123");
        default -> {}
      }
    }
  }

  @Test
  void keyColumnsStayUnique() {
    Run all = run(EdgeCases.of(1), 5, 0, ROWS, 999);
    for (int c = 0; c < model.columns().size(); c++) {
      if (model.columns().get(c) instanceof KeyColumn) {
        Set<Object> keys = new HashSet<>();
        for (int row = 0; row < ROWS; row++) {
          keys.add(all.value(c, row));
        }

        assertThat(keys).as(model.columns().get(c).name()).hasSize(ROWS);
      }
    }
  }

  @Test
  void chosenColumnsAloneChangeAndNotNullColumnsNeverTurnNull() {
    EdgeCases edgeCases =
        EdgeCases.of(1).withColumns(List.of("amount", "city")).withNotNull(List.of("city"));
    Run plain = run(null, 42, 0, 5000, TableSampler.BLOCK_ROWS);
    Run edges = run(edgeCases, 42, 0, 5000, TableSampler.BLOCK_ROWS);
    int city = model.columnNames().indexOf("city");
    int amount = model.columnNames().indexOf("amount");
    boolean amountNull = false;
    for (int row = 0; row < 5000; row++) {
      for (int c = 0; c < model.columns().size(); c++) {
        if (c != city && c != amount) {
          assertThat(edges.value(c, row)).isEqualTo(plain.value(c, row));
        }
      }

      assertThat(edges.value(city, row)).isNotNull();
      amountNull |= edges.value(amount, row) == null;
    }

    assertThat(amountNull).isTrue();
  }

  @Test
  void aDerivedColumnIsComputedFromItsInputsBoundaryValuesAndTakesNoneOfItsOwn() {
    assertThat(related.derivations()).hasSize(1);
    assertThat(related.derivations().get(0).formula()).isEqualTo("total = repair + other");
    Run all = run(related, EdgeCases.of(1), 9, 0, ROWS, 1000);
    int repair = related.columnNames().indexOf("repair");
    int other = related.columnNames().indexOf("other");
    int total = related.columnNames().indexOf("total");
    int sums = 0;
    int overflows = 0;
    long largest = 0;
    for (int row = 0; row < ROWS; row++) {
      Object a = all.value(repair, row);
      Object b = all.value(other, row);
      Object sum = all.value(total, row);
      if (a == null || b == null) {
        assertThat(sum).as("row %d", row).isNull();
      } else if ((long) a + (long) b > Integer.MAX_VALUE
          || (long) a + (long) b < Integer.MIN_VALUE) {
        // Beyond the INT column's range: null, not a wrapped-around number.
        assertThat(sum).as("row %d", row).isNull();
        overflows++;
      } else {
        assertThat(sum).as("row %d", row).isEqualTo((long) a + (long) b);
        sums++;
        largest = Math.max(largest, (long) sum);
      }
    }

    assertThat(sums).isGreaterThan(ROWS / 2);
    assertThat(overflows).isPositive();
    // Inputs' boundary values include the INT limits: totals go far beyond the fit's (tens of
    // thousands), unclipped.
    assertThat(largest).isGreaterThan(1_000_000_000L);
  }

  @Test
  void aDerivedColumnDeclaredNotNullKeepsItsInputsFromNullsAndStaysWithinItsType() {
    Run all = run(related, EdgeCases.of(1).withNotNull(List.of("total")), 9, 0, 5000, 4096);
    int repair = related.columnNames().indexOf("repair");
    int other = related.columnNames().indexOf("other");
    int total = related.columnNames().indexOf("total");
    for (int row = 0; row < 5000; row++) {
      assertThat(all.value(repair, row)).isNotNull();
      assertThat(all.value(other, row)).isNotNull();
      long sum = (long) all.value(repair, row) + (long) all.value(other, row);
      // Where the sum passes the INT limits, the total holds the nearest limit instead.
      assertThat((long) all.value(total, row))
          .as("row %d", row)
          .isEqualTo(Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sum)));
    }
  }

  @Test
  void aGroupsMembersTakeALearnedTupleOrAllNullsTogether() {
    assertThat(related.groups()).hasSize(1);
    assertThat(related.groups().get(0).members()).containsExactly("airport", "state");
    Run all = run(related, EdgeCases.of(1), 4, 0, ROWS, 1000);
    int airport = related.columnNames().indexOf("airport");
    int state = related.columnNames().indexOf("state");
    Set<String> seen = new HashSet<>();
    for (int row = 0; row < ROWS; row++) {
      String a = (String) all.value(airport, row);
      String s = (String) all.value(state, row);
      seen.add(a + "/" + s);
      if (a == null || s == null) {
        assertThat(a).as("row %d", row).isNull();
        assertThat(s).as("row %d", row).isNull();
      } else {
        assertThat(s).as("row %d", row).isEqualTo("state" + Integer.parseInt(a.substring(7)) / 4);
      }
    }

    // All nulls, and the rarest and commonest tuples.
    assertThat(seen).contains("null/null").hasSizeGreaterThanOrEqualTo(3);
    // A member declared not-null keeps its whole group from nulls.
    Run notNull = run(related, EdgeCases.of(1).withNotNull(List.of("state")), 4, 0, 5000, 4096);
    for (int row = 0; row < 5000; row++) {
      assertThat(notNull.value(airport, row)).isNotNull();
    }
  }

  @Test
  void aSetsTableTakesThemInItsOwnColumnsAndEveryKeyStillJoins() throws java.io.IOException {
    TableSet set =
        SpecCompiler.compileSet(
                Files.readString(Path.of("..", "conf", "banking-lake.yaml")), "banking-lake.yaml")
            .build(3, "customers", 300)
            .set();
    TableSetSampler plain = TableSetSampler.of(set, 8);
    TableSetSampler edges = plain.withEdgeCases("transactions", EdgeCases.of(0.2));
    TableSetLayout layout = TableSetRun.layout(plain, "customers", 300);
    List<String> columns = set.table("transactions").columns();
    CollectingSink[] before = TableSetRun.generate(plain, layout, "transactions", false);
    CollectingSink[] after = TableSetRun.generate(edges, layout, "transactions", true);
    long seed = TableSetSampler.tableSeed(8, "transactions");
    int flagged = 0;
    for (int row = 0; row < before[0].size(); row++) {
      boolean edge = edges.edgeCases("transactions").isEdgeCase(seed, row);
      flagged += edge ? 1 : 0;
      for (int c = 0; c < columns.size(); c++) {
        String column = columns.get(c);
        boolean own = set.table("transactions").model().columnNames().contains(column);
        boolean key = column.equals("transaction_id");
        if (!edge || !own || key) {
          // Keys, parent and foreign keys, and every row not flagged stay as without.
          assertThat(after[c].value(row))
              .as("%s row %d", column, row)
              .isEqualTo(before[c].value(row));
        }
      }
    }

    assertThat(flagged).isPositive();
    // The other tables are untouched.
    assertThat(TableSetRun.generate(edges, layout, "accounts", false)[1].value(0))
        .isEqualTo(TableSetRun.generate(plain, layout, "accounts", false)[1].value(0));
    assertThatThrownBy(
            () ->
                plain.withEdgeCases(
                    "transactions", EdgeCases.of(0.1).withColumns(List.of("merchant_id"))))
        .hasMessage(
            "edge-case columns: 'merchant_id' of table 'transactions' is a foreign key, which edge"
                + " cases leave alone so that the tables still join; leave it out");
  }

  @Test
  void timestampsMeetTheSessionZonesClockChanges() {
    ZoneId newYork = ZoneId.of("America/New_York");
    long springForward = micros(LocalDateTime.of(2024, 3, 10, 7, 0).toInstant(ZoneOffset.UTC));
    long fallBack = micros(LocalDateTime.of(2024, 11, 3, 6, 0).toInstant(ZoneOffset.UTC));
    long[] instants = EdgeValues.timestamps(newYork);
    long[] walls = EdgeValues.wallTimes(newYork);

    assertThat(instants)
        .contains(
            springForward - 1, springForward, fallBack - 1_800_000_000L, fallBack + 1_800_000_000L);
    // 02:30 on 10 March never happens in New York; 01:30 on 3 November happens twice.
    assertThat(walls)
        .contains(
            micros(LocalDateTime.of(2024, 3, 10, 2, 30).toInstant(ZoneOffset.UTC)),
            micros(LocalDateTime.of(2024, 11, 3, 1, 30).toInstant(ZoneOffset.UTC)));
    // UTC has no clock changes: only the calendar's edges.
    assertThat(EdgeValues.timestamps(ZoneOffset.UTC)).hasSize(7);
    assertThat(Arrays.stream(instants).mapToObj(EdgeCasesTest::year))
        .allMatch(y -> y >= 1900 && y <= 9999);
  }

  @Test
  void badSharesAndColumnsFailInOneLineNamingTheSetting() {
    assertThatThrownBy(() -> EdgeCases.of(1.5))
        .hasMessageContaining("GenerateOptions.withEdgeCases must be a share of rows in [0, 1]");
    assertThatThrownBy(() -> EdgeCases.of(Double.NaN)).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> EdgeCases.parseShare("lots", "option 'edge-cases'"))
        .hasMessage(
            "option 'edge-cases' must be a share of rows in [0, 1] such as 0.01, got 'lots'");
    assertThatThrownBy(() -> EdgeCases.parseShare("-0.1", "option 'edge-cases'"))
        .hasMessageContaining("got -0.1");
    assertThatThrownBy(
            () ->
                TableSampler.of(model, 1)
                    .withEdgeCases(EdgeCases.of(0.1).withColumns(List.of("nope"))))
        .hasMessageContaining("the model has no column 'nope'");
    String key =
        model.columns().stream()
            .filter(c -> c instanceof KeyColumn)
            .findFirst()
            .orElseThrow()
            .name();
    assertThatThrownBy(
            () ->
                TableSampler.of(model, 1)
                    .withEdgeCases(EdgeCases.of(0.1).withColumns(List.of(key))))
        .hasMessageContaining("'" + key + "' is a key column");
  }

  private static int year(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L))
        .atZone(ZoneOffset.UTC)
        .getYear();
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }
}
