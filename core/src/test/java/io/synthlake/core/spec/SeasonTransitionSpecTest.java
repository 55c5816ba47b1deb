package io.synthlake.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.generate.TableSetLayout;
import io.synthlake.core.generate.TableSetRun;
import io.synthlake.core.generate.TableSetSampler;
import io.synthlake.core.model.Seasonality;
import io.synthlake.core.model.StateTransitions;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seasons and transitions in table-set specs: a categorical column's {@code first} and {@code
 * transitions} compiled onto the model's Markov chain (one matrix per component), a number column's
 * {@code season} onto its seasonality; the set's file keeps both; generated histories start where
 * {@code first} says, never go back along a forward-only chain, keep the written shares, and move
 * with the week by the shift written; rows do not depend on the block order or the chunks skipped;
 * one-line errors naming the field. Seeds are fixed.
 */
class SeasonTransitionSpecTest {
  private static final String SOURCE = "set.yaml";
  private static final long ACCOUNTS = 9_000;
  private static final double MICROS_PER_DAY = 86_400_000_000.0;

  private static final String SPEC =
      """
      tables:
        - name: accounts
          rows: 9000
          columns:
            - {name: account_id, type: long, key: {style: sequence}}
            - {name: segment, type: string, distribution: {type: categories, weights: {retail: 0.7, business: 0.3}}}
        - name: events
          parent: {column: account_id, table: accounts}
          count: {type: constant, value: 20}
          sequence:
            order: ts
            start: {type: time-range, start: 2025-01-01T00:00:00Z, end: 2025-01-08T00:00:00Z}
            gap: {type: exponential, rate: 1}
            gap-unit: days
          columns:
            - {name: ts, type: timestamp}
            - name: status
              type: string
              distribution: {type: categories, weights: {opened: 0.2, active: 0.6, closed: 0.2}}
              first: {opened: 1}
              transitions:
                opened: {opened: 0.3, active: 0.7}
                active: {active: 0.85, closed: 0.15}
                closed: {closed: 1}
            - name: amount
              type: double
              ar: [0.5]
              season: {week: {saturday: 0.8, sunday: 0.8}}
              given: accounts.segment
              distributions:
                retail: {type: normal, mean: 100, sd: 20}
                business: {type: normal, mean: 100, sd: 20}
      """;

  private static TableSet set;
  private static Map<String, CollectingSink[]> generated;

  @BeforeAll
  static void generate() {
    set = SpecCompiler.compileSet(SPEC, SOURCE).build(5, "accounts", ACCOUNTS).set();
    generated = TableSetRun.generate(set, 5, "accounts", ACCOUNTS, false);
  }

  private static CollectingSink column(Map<String, CollectingSink[]> rows, String name) {
    int index = set.table("events").columns().indexOf(name);
    assertThat(index).as(name).isNotNegative();
    return rows.get("events")[index];
  }

  @Test
  void compilesOntoTheChainAndTheSeason() {
    TableSet.Sequence sequence = set.table("events").sequence();
    StateTransitions chain = sequence.transitions().get("status");
    // One matrix per component: the table follows accounts.segment, so it has two.
    assertThat(chain.componentCount()).isEqualTo(2);
    for (int k = 0; k < 2; k++) {
      double[][] matrix = chain.matrix(k);
      // States: null, opened, active, closed; then the first row's.
      assertThat(matrix[0]).containsExactly(new double[] {0, 0.2, 0.6, 0.2}, within(1e-12));
      assertThat(matrix[1]).containsExactly(new double[] {0, 0.3, 0.7, 0}, within(1e-12));
      assertThat(matrix[2]).containsExactly(new double[] {0, 0, 0.85, 0.15}, within(1e-12));
      assertThat(matrix[3]).containsExactly(new double[] {0, 0, 0, 1}, within(1e-12));
      assertThat(matrix[4]).containsExactly(new double[] {0, 1, 0, 0}, within(1e-12));
    }

    Seasonality season = sequence.seasons().get("amount");
    assertThat(season.week()).containsExactly(0, 0, 0, 0, 0, 0.8, 0.8);
    assertThat(season.knots()).isEmpty();
    // The week's shifts vary by 0.1306 around their mean; the draw keeps the rest of the spread.
    double mean = 1.6 / 7;
    double variance = (5 * mean * mean + 2 * (0.8 - mean) * (0.8 - mean)) / 7;
    assertThat(season.scale()).isCloseTo(Math.sqrt(1 - variance), within(1e-12));
    assertThat(sequence.processes().keySet()).containsExactly("amount");

    TableSet read = TableSetJson.fromJson(TableSetJson.toJson(set), "set.json");
    assertThat(read.table("events").sequence().transitions()).isEqualTo(sequence.transitions());
    assertThat(read.table("events").sequence().seasons()).isEqualTo(sequence.seasons());
  }

  /**
   * 9,000 histories of 20 rows. The first row is always opened and the chain never goes back (exact
   * checks). About 12,900 rows follow an opened one, so the share moving on to active has a
   * standard error near 0.004: the bound of 0.03 is seven of them. Some 60,000 follow an active
   * one: the share closing has a standard error near 0.0015, bound 0.012, eight of them. Together a
   * false-failure rate below 1e-10 for a fresh seed.
   */
  @Test
  void historiesStartOpenedNeverGoBackAndKeepTheShares() {
    CollectingSink entity = column(generated, "account_id");
    CollectingSink status = column(generated, "status");
    List<String> states = List.of("opened", "active", "closed");
    long[][] moves = new long[3][3];
    assertThat(status.size()).isEqualTo(180_000);
    for (int r = 0; r < status.size(); r++) {
      int state = states.indexOf(status.string(r));
      assertThat(state).as("row %d", r).isNotNegative();
      boolean first = r == 0 || entity.longValue(r) != entity.longValue(r - 1);
      if (first) {
        assertThat(status.string(r)).as("row %d", r).isEqualTo("opened");
      } else {
        int before = states.indexOf(status.string(r - 1));
        assertThat(state).as("row %d", r).isGreaterThanOrEqualTo(before);
        moves[before][state]++;
      }
    }

    long fromOpened = moves[0][0] + moves[0][1];
    long fromActive = moves[1][1] + moves[1][2];
    assertThat(fromOpened).isGreaterThan(10_000);
    assertThat((double) moves[0][1] / fromOpened).isCloseTo(0.7, within(0.03));
    assertThat((double) moves[1][2] / fromActive).isCloseTo(0.15, within(0.012));
    assertThat(moves[2][0] + moves[2][1]).isZero();
  }

  /**
   * Amounts are normal(100, 20), so a weekend shift of 0.8 spreads raises Saturday's mean by about
   * 16 over Wednesday's. About 25,700 rows fall on each day; with the AR coefficient 0.5 (rows of a
   * history a day apart on average, so neighbours are correlated) the difference of the two means
   * has a standard error below 0.4: the bound of 2 is five of them, and the overall spread's bound
   * of 0.6 (about 3%) is over five of its own: a false-failure rate below 1e-5 for a fresh seed.
   */
  @Test
  void amountsMoveWithTheWeekByTheShiftWritten() {
    CollectingSink ts = column(generated, "ts");
    CollectingSink amount = column(generated, "amount");
    double[] sums = new double[7];
    long[] counts = new long[7];
    double sum = 0;
    double squares = 0;
    for (int r = 0; r < amount.size(); r++) {
      int day = Seasonality.dayOfWeek(ts.longValue(r) / MICROS_PER_DAY);
      sums[day] += amount.doubleValue(r);
      counts[day]++;
      sum += amount.doubleValue(r);
      squares += amount.doubleValue(r) * amount.doubleValue(r);
    }

    double saturday = sums[5] / counts[5];
    double wednesday = sums[2] / counts[2];
    assertThat(counts[5]).isGreaterThan(20_000);
    assertThat(saturday - wednesday).isCloseTo(16, within(2.0));
    assertThat(sums[6] / counts[6] - wednesday).isCloseTo(16, within(2.0));
    double mean = sum / amount.size();
    double sd = Math.sqrt(squares / amount.size() - mean * mean);
    // The week moves the mean by 0.8 · 2/7 spreads over all rows; the spread stays about 20.
    assertThat(mean).isCloseTo(100 + 20 * 1.6 / 7, within(1.0));
    assertThat(sd).isCloseTo(20, within(0.6));
  }

  @Test
  void rowsAreTheSameWhateverTheBlockOrderOrTheChunksSkipped() {
    Map<String, CollectingSink[]> reversed =
        TableSetRun.generate(set, 5, "accounts", ACCOUNTS, true);
    List<String> names = set.table("events").columns();
    for (String name : names) {
      CollectingSink a = column(generated, name);
      CollectingSink b = column(reversed, name);
      for (int r = 0; r < a.size(); r++) {
        assertThat(b.value(r)).as("%s row %d", name, r).isEqualTo(a.value(r));
      }
    }

    // A task that writes chunk 7 of root block 1 alone draws the chunks before it, unread.
    TableSetSampler sampler = TableSetSampler.of(set, 5);
    TableSetLayout layout = TableSetRun.layout(sampler, "accounts", ACCOUNTS);
    long[] before = layout.rowsBefore("accounts", 1);
    TableSetSampler.Walker walker = sampler.newWalker("events");
    long blockRows = walker.start(1, layout.rootRows("accounts"), before, layout.tableRows());
    assertThat(blockRows).isGreaterThan(8L * TableSampler.BLOCK_ROWS);
    CollectingSink[] chunk = new CollectingSink[names.size()];
    for (int c = 0; c < chunk.length; c++) {
      chunk[c] = new CollectingSink(TableSampler.BLOCK_ROWS);
    }

    walker.write(7, TableSampler.BLOCK_ROWS, chunk);
    int offset = Math.toIntExact(before[set.indexOf("events")] + 7L * TableSampler.BLOCK_ROWS);
    for (int c = 0; c < chunk.length; c++) {
      CollectingSink whole = column(generated, names.get(c));
      for (int r = 0; r < TableSampler.BLOCK_ROWS; r++) {
        assertThat(chunk[c].value(r))
            .as("%s row %d", names.get(c), offset + r)
            .isEqualTo(whole.value(offset + r));
      }
    }
  }

  /** A year's and a day's cycle and a trend compile to their harmonics and knots. */
  @Test
  void dayYearAndTrendCompileToHarmonicsAndKnots() {
    String spec =
        SPEC.replace(
            "season: {week: {saturday: 0.8, sunday: 0.8}}",
            "season: {day: {peak-hour: 18, amplitude: 0.6}, year: {peak-day: 1, amplitude: 0.4},"
                + " trend: {at: [2025-01-01T00:00:00Z, 2025-03-01T00:00:00Z], shift: [0, 0.5]}}");
    Seasonality season =
        SpecCompiler.compileSet(spec, SOURCE)
            .build(5, "accounts", 100)
            .set()
            .table("events")
            .sequence()
            .seasons()
            .get("amount");
    // 18:00 is three quarters of the day: cos 0, sin -1.
    assertThat(season.dayCos()[0]).isCloseTo(0, within(1e-12));
    assertThat(season.daySin()[0]).isCloseTo(-0.6, within(1e-12));
    assertThat(season.yearCos()).containsExactly(0.4);
    assertThat(season.knots()).containsExactly(1735689600e6, 1740787200e6);
    assertThat(season.levels()).containsExactly(0, 0.5);
    // Variances 0.18 (day), 0.08 (year) and 0.5² / 12 (a straight trend).
    assertThat(season.scale()).isCloseTo(Math.sqrt(1 - 0.18 - 0.08 - 0.25 / 12), within(1e-12));
    // The mean peaks at 18:00 UTC.
    double evening = season.mean(1735689600e6 + 18 * 3600e6, LogicalType.TIMESTAMP);
    double morning = season.mean(1735689600e6 + 6 * 3600e6, LogicalType.TIMESTAMP);
    // Besides the day's 1.2, the year and the trend move on a little in twelve hours.
    assertThat(evening - morning).isCloseTo(1.2, within(0.01));
  }

  /** conf/account-lifecycle.yaml compiles, and its histories open and never come back. */
  @Test
  void theLifecycleExampleOpensAndNeverComesBackFromClosed() throws IOException {
    String text = Files.readString(Path.of("..", "conf", "account-lifecycle.yaml"));
    TableSet lifecycle =
        SpecCompiler.compileSet(text, "conf/account-lifecycle.yaml")
            .build(3, "accounts", 500)
            .set();
    assertThat(lifecycle.table("events").sequence().seasons().get("amount").describe())
        .isEqualTo("year, week, day");
    Map<String, CollectingSink[]> rows = TableSetRun.generate(lifecycle, 3, "accounts", 500, false);
    List<String> names = lifecycle.table("events").columns();
    CollectingSink account = rows.get("events")[names.indexOf("account_id")];
    CollectingSink status = rows.get("events")[names.indexOf("status")];
    assertThat(status.size()).isGreaterThan(10_000);
    for (int r = 0; r < status.size(); r++) {
      boolean first = r == 0 || account.longValue(r) != account.longValue(r - 1);
      if (first) {
        assertThat(status.string(r)).as("row %d", r).isEqualTo("opened");
      } else if (status.string(r - 1).equals("closed")) {
        assertThat(status.string(r)).as("row %d", r).isEqualTo("closed");
      }
    }
  }

  private static void assertError(String yaml, String message) {
    assertThatThrownBy(() -> SpecCompiler.compileSet(yaml, SOURCE).build(1, "accounts", 100))
        .hasMessage(SOURCE + ": " + message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  private static String with(String from, String to) {
    assertThat(SPEC).contains(from);
    return SPEC.replace(from, to);
  }

  @Test
  void transitionErrorsNameTheField() {
    assertError(
        with("closed: {closed: 1}", "closed: {clsed: 1}"),
        "tables[1].columns[1].transitions.closed.clsed: 'clsed' is not a category of status; its "
            + "categories are opened, active, closed");
    assertError(
        with("closed: {closed: 1}", "closd: {closed: 1}"),
        "tables[1].columns[1].transitions.closd: 'closd' is not a category of status; its "
            + "categories are opened, active, closed");
    assertError(
        with("active: {active: 0.85, closed: 0.15}", "active: {active: 0.85, closed: -0.15}"),
        "tables[1].columns[1].transitions.active.closed: must be a weight >= 0, got -0.15");
    assertError(
        with("closed: {closed: 1}", "closed: {closed: 0}"),
        "tables[1].columns[1].transitions.closed: its weights sum to 0, so no category could come "
            + "next; give at least one a positive weight");
    assertError(
        with("first: {opened: 1}", "first: {opened: 1}\n        ar: [0.5]"),
        "tables[1].columns[1].transitions: cannot be used together with ar: a categorical column "
            + "moves from state to state by its transitions, a number column by its ar; remove one "
            + "of them");
    assertError(
        with("ar: [0.5]", "transitions: {a: {b: 1}}"),
        "tables[1].columns[2].transitions: only a column with a categories distribution, such as "
            + "{type: categories, weights: {opened: 0.2, active: 0.7, closed: 0.1}}, moves by "
            + "transitions; a number column takes ar or season instead");
    assertError(
        with(
            "{name: segment, type: string, distribution:",
            "{name: segment, type: string, first: {retail: 1}, distribution:"),
        "tables[0].columns[1].first: runs along the rows of an entity's history, but accounts is "
            + "no sequence; give the table a sequence: {order, start, gap} (docs/spec-format.md "
            + "section 11.9)");
    String components =
        with(
                "    columns:\n      - {name: ts",
                "    components:\n"
                    + "      - {weight: 0.5}\n"
                    + "      - weight: 0.5\n"
                    + "        distributions:\n"
                    + "          status: {type: categories, weights: {opened: 0.5, active: 0.5}}\n"
                    + "    columns:\n      - {name: ts")
            .replace("given: accounts.segment", "distribution: {type: normal, mean: 100, sd: 20}")
            .replace(
                "distributions:\n          retail: {type: normal, mean: 100, sd: 20}\n"
                    + "          business: {type: normal, mean: 100, sd: 20}\n",
                "");
    assertError(
        components,
        "tables[1].columns[1].transitions.active.closed: 'closed' has no weight in status's "
            + "distribution in mixture component 1, so no row can hold it; give it a positive "
            + "weight there (the weights only fill the rows the transitions leave out)");
  }

  @Test
  void seasonErrorsNameTheField() {
    assertError(
        with("{week: {saturday: 0.8, sunday: 0.8}}", "{week: [0, 0, 0, 0, 0, 0.8]}"),
        "tables[1].columns[2].season.week: an array of shifts needs one per day, Monday first, got "
            + "6; or map day names to shifts, such as {saturday: 0.5, sunday: 0.5}");
    assertError(
        with("{week: {saturday: 0.8, sunday: 0.8}}", "{week: {saturdy: 0.8}}"),
        "tables[1].columns[2].season.week.saturdy: is not a day of the week; use monday, tuesday, "
            + "wednesday, thursday, friday, saturday or sunday");
    assertError(
        with("{week: {saturday: 0.8, sunday: 0.8}}", "{week: {saturday: 5}}"),
        "tables[1].columns[2].season.week.saturday: must be a shift from -3.0 to 3.0 spreads of "
            + "the column, got 5.0");
    assertError(
        with("{week: {saturday: 0.8, sunday: 0.8}}", "{day: {peak-hour: 25, amplitude: 1}}"),
        "tables[1].columns[2].season.day.peak-hour: must be an hour of the day from 0 up to 24 "
            + "(UTC for a timestamp order), got 25.0");
    assertError(
        with("{week: {saturday: 0.8, sunday: 0.8}}", "{monthly: 1}"),
        "tables[1].columns[2].season.monthly: is not a known field here; known fields are week, "
            + "day, year, trend");
    assertError(
        with(
            "{week: {saturday: 0.8, sunday: 0.8}}",
            "{trend: {at: [2025-02-01T00:00:00Z, 2025-01-01T00:00:00Z], shift: [0, 1]}}"),
        "tables[1].columns[2].season.trend.at[1]: the times of a trend must increase; sort them");
    assertError(
        with(
            "first: {opened: 1}",
            "first: {opened: 1}\n        season: {week: [0, 0, 0, 0, 0, 1, 1]}"),
        "tables[1].columns[1].season: only a number column with a distribution moves with the "
            + "seasons; this one is a key, an expression, a combination, a fitted, categorical or "
            + "date column");
    String dates =
        with("{name: ts, type: timestamp}", "{name: ts, type: date}")
            .replace(
                "start: {type: time-range, start: 2025-01-01T00:00:00Z, end: 2025-01-08T00:00:00Z}",
                "start: {type: uniform, min: 2025-01-01, max: 2025-01-08}");
    assertError(
        dates.replace(
            "{week: {saturday: 0.8, sunday: 0.8}}", "{day: {peak-hour: 18, amplitude: 1}}"),
        "tables[1].columns[2].season.day: a daily cycle needs a timestamp order, but events is "
            + "ordered by ts, a date, which has no time of day; use week or year");
    String numbers =
        with("{name: ts, type: timestamp}", "{name: ts, type: long}")
            .replace(
                "start: {type: time-range, start: 2025-01-01T00:00:00Z, end: 2025-01-08T00:00:00Z}",
                "start: {type: constant, value: 0}")
            .replace("      gap-unit: days\n", "");
    assertError(
        numbers,
        "tables[1].columns[2].season.week: a calendar cycle needs a date or timestamp order, but "
            + "events is ordered by ts, a long; a number order takes a trend only");
  }
}
