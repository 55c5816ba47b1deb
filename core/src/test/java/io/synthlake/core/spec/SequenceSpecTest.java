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
import io.synthlake.core.model.RunningBalance;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sequences in table-set specs: conf/agent-transactions.yaml compiled onto the model's sequence
 * (order, AR processes, running balances) and generated in memory the way the Spark job generates
 * it; the balance rules in every row; AR coefficients measured back; the same rows whatever the
 * block order or the chunks skipped; one-line errors naming the field. Seeds are fixed.
 */
class SequenceSpecTest {
  private static final Path AGENTS = Path.of("..", "conf", "agent-transactions.yaml");
  private static final String SOURCE = "set.yaml";
  private static final long CUSTOMERS = 6_000;

  private static CompiledTableSet agents;
  private static TableSet set;
  private static Map<String, CollectingSink[]> generated;

  @BeforeAll
  static void generate() throws IOException {
    agents = SpecCompiler.compileSet(Files.readString(AGENTS), "conf/agent-transactions.yaml");
    set = agents.build(7, "customers", CUSTOMERS).set();
    generated = TableSetRun.generate(set, 7, "customers", CUSTOMERS, false);
  }

  private static CollectingSink column(
      TableSet set, Map<String, CollectingSink[]> rows, String table, String column) {
    int index = set.table(table).columns().indexOf(column);
    assertThat(index).as("%s.%s", table, column).isNotNegative();
    return rows.get(table)[index];
  }

  private static CollectingSink column(String table, String column) {
    return column(set, generated, table, column);
  }

  @Test
  void compilesOntoTheModelsSequence() {
    TableSetSpec built = agents.build(7, "customers", CUSTOMERS);
    assertThat(built.tables().get("transactions").columnOrder())
        .containsExactly(
            "transaction_id",
            "customer_id",
            "ts",
            "merchant_category",
            "amount",
            "deposit",
            "balance");
    TableSet.Sequence sequence = set.table("transactions").sequence();
    assertThat(sequence.order()).isEqualTo("ts");
    assertThat(sequence.orderType()).isEqualTo(DataType.parse("timestamp", "test"));
    assertThat(sequence.processes().keySet()).containsExactly("amount");
    assertThat(sequence.processes().get("amount").autocorrelations())
        .containsExactly(new double[] {0.3}, within(1e-12));
    assertThat(sequence.balances())
        .containsExactly(
            RunningBalance.of(
                "balance",
                DataType.parse("decimal(14,2)", "test"),
                "opening_balance",
                List.of("deposit"),
                List.of("amount"),
                0,
                RunningBalance.WhenBelow.DECLINE));
    assertThat(set.table("customers").model().columnNames())
        .contains(TableSet.startColumn("transactions"));
    assertThat(set.table("transactions").model().columnNames()).contains(TableSet.GAP_COLUMN);
    // The table-set file keeps the balances.
    TableSet read = TableSetJson.fromJson(TableSetJson.toJson(set), "set.json");
    assertThat(read.table("transactions").sequence().balances()).isEqualTo(sequence.balances());
  }

  @Test
  void theBalanceNeverGoesBelowZeroAndIsThePreviousOnePlusDepositLessAmount() {
    Map<Long, Long> opening = new HashMap<>();
    CollectingSink ids = column("customers", "customer_id");
    CollectingSink openings = column("customers", "opening_balance");
    for (int r = 0; r < ids.size(); r++) {
      opening.put(ids.longValue(r), openings.longValue(r));
    }

    CollectingSink customer = column("transactions", "customer_id");
    CollectingSink ts = column("transactions", "ts");
    CollectingSink amount = column("transactions", "amount");
    CollectingSink deposit = column("transactions", "deposit");
    CollectingSink balance = column("transactions", "balance");
    int rows = balance.size();
    assertThat(rows).isGreaterThan(200_000);
    int declined = 0;
    int deposits = 0;
    for (int r = 0; r < rows; r++) {
      boolean first = r == 0 || customer.longValue(r) != customer.longValue(r - 1);
      // Decimal columns arrive as unscaled values: cents, so the sums are exact.
      long before = first ? opening.get(customer.longValue(r)) : balance.longValue(r - 1);
      assertThat(balance.longValue(r)).as("row %d", r).isNotNegative();
      assertThat(balance.longValue(r))
          .as("row %d", r)
          .isEqualTo(before + deposit.longValue(r) - amount.longValue(r));
      if (!first) {
        assertThat(ts.longValue(r)).as("row %d", r).isGreaterThanOrEqualTo(ts.longValue(r - 1));
      }

      declined += amount.longValue(r) == 0 ? 1 : 0;
      deposits += deposit.longValue(r) > 0 ? 1 : 0;
    }

    // The rules bite (some purchases declined), but rarely; deposits come on one row in eighteen.
    assertThat(declined).isBetween(rows / 1000, rows / 5);
    assertThat((double) deposits / rows).isCloseTo(0.055, within(0.005));
  }

  @Test
  void rowsAreTheSameWhateverTheBlockOrderOrTheChunksSkipped() {
    Map<String, CollectingSink[]> reversed =
        TableSetRun.generate(set, 7, "customers", CUSTOMERS, true);
    for (String name : set.table("transactions").columns()) {
      CollectingSink a = column("transactions", name);
      CollectingSink b = column(set, reversed, "transactions", name);
      for (int r = 0; r < a.size(); r++) {
        assertThat(b.value(r)).as("%s row %d", name, r).isEqualTo(a.value(r));
      }
    }

    // A task that writes chunk 5 of root block 1 alone draws the chunks before it, unread.
    TableSetSampler sampler = TableSetSampler.of(set, 7);
    TableSetLayout layout = TableSetRun.layout(sampler, "customers", CUSTOMERS);
    long[] before = layout.rowsBefore("customers", 1);
    TableSetSampler.Walker walker = sampler.newWalker("transactions");
    long blockRows = walker.start(1, layout.rootRows("customers"), before, layout.tableRows());
    assertThat(blockRows).isGreaterThan(6L * TableSampler.BLOCK_ROWS);
    List<String> names = set.table("transactions").columns();
    CollectingSink[] chunk = new CollectingSink[names.size()];
    for (int c = 0; c < chunk.length; c++) {
      chunk[c] = new CollectingSink(TableSampler.BLOCK_ROWS);
    }

    walker.write(5, TableSampler.BLOCK_ROWS, chunk);
    int offset =
        Math.toIntExact(before[set.indexOf("transactions")] + 5L * TableSampler.BLOCK_ROWS);
    for (int c = 0; c < chunk.length; c++) {
      CollectingSink whole = column("transactions", names.get(c));
      for (int r = 0; r < TableSampler.BLOCK_ROWS; r++) {
        assertThat(chunk[c].value(r))
            .as("%s row %d", names.get(c), offset + r)
            .isEqualTo(whole.value(offset + r));
      }
    }
  }

  private static final String AR_SPEC =
      """
      tables:
        - name: e
          rows: 3000
          columns:
            - {name: id, type: long, key: {style: sequence}}
        - name: s
          parent: {column: e_id, table: e}
          count: {type: constant, value: 60}
          sequence:
            order: t
            start: {type: constant, value: 0}
            gap: {type: constant, value: 1}
          columns:
            - {name: t, type: long}
            - {name: x, type: double, ar: [0.6, 0.2], distribution: {type: normal, mean: 0, sd: 1}}
      """;

  /**
   * AR(2) with φ = (0.6, 0.2) has autocorrelations ρ1 = φ1 / (1 - φ2) = 0.75 and ρ2 = φ1 ρ1 + φ2 =
   * 0.65. Over 3,000 histories of 60 rows the pooled sample autocorrelations have standard errors
   * near 0.0019 (lag 1) and 0.0025 (lag 2) by Bartlett's formula; the bound of 0.02 is eight of
   * them, a false-failure rate below 1e-9 for a fresh seed. The standard normal marginal makes the
   * values the scores.
   */
  @Test
  void arCoefficientsGiveTheirAutocorrelations() {
    TableSet ar = SpecCompiler.compileSet(AR_SPEC, SOURCE).build(11, "e", 3000).set();
    Map<String, CollectingSink[]> rows = TableSetRun.generate(ar, 11, "e", 3000, false);
    CollectingSink x = column(ar, rows, "s", "x");
    CollectingSink entity = column(ar, rows, "s", "e_id");
    CollectingSink t = column(ar, rows, "s", "t");
    assertThat(x.size()).isEqualTo(180_000);
    double[] products = new double[3];
    long[] pairs = new long[3];
    for (int r = 0; r < x.size(); r++) {
      for (int lag = 0; lag <= 2 && lag <= r; lag++) {
        if (entity.longValue(r) == entity.longValue(r - lag)) {
          products[lag] += x.doubleValue(r) * x.doubleValue(r - lag);
          pairs[lag]++;
        }
      }

      boolean first = r == 0 || entity.longValue(r) != entity.longValue(r - 1);
      assertThat(t.longValue(r)).isEqualTo(first ? 0 : t.longValue(r - 1) + 1);
    }

    double variance = products[0] / pairs[0];
    assertThat(variance).isCloseTo(1, within(0.03));
    assertThat(products[1] / pairs[1] / variance).isCloseTo(0.75, within(0.02));
    assertThat(products[2] / pairs[2] / variance).isCloseTo(0.65, within(0.02));
  }

  private static final String CLIP_SPEC =
      """
      tables:
        - name: a
          rows: 500
          columns:
            - {name: id, type: long, key: {style: sequence}}
        - name: h
          parent: {column: a_id, table: a}
          count: {type: constant, value: 30}
          sequence:
            order: day
            start: {type: uniform, min: 2025-01-01, max: 2025-01-31}
            gap: {type: exponential, rate: 0.5}
          columns:
            - {name: day, type: date}
            - {name: spend, type: int, min: 0, distribution: {type: uniform, min: 0, max: 60}}
            - {name: fee, type: 'decimal(6,2)', min: 0, distribution: {type: uniform, min: 0, max: 5}}
            - {name: pay, type: int, min: 0, distribution: {type: uniform, min: 0, max: 50}}
            - name: cash
              type: 'decimal(10,2)'
              balance: {start: {type: uniform, min: 0, max: 100}, add: [pay], subtract: [spend, fee], floor: 10, when-below: clip}
      """;

  @Test
  void clipCutsTheSubtractedColumnsSoTheBalanceEndsAtTheFloor() {
    TableSet clip = SpecCompiler.compileSet(CLIP_SPEC, SOURCE).build(3, "a", 500).set();
    Map<String, CollectingSink[]> rows = TableSetRun.generate(clip, 3, "a", 500, false);
    CollectingSink entity = column(clip, rows, "h", "a_id");
    CollectingSink day = column(clip, rows, "h", "day");
    CollectingSink spend = column(clip, rows, "h", "spend");
    CollectingSink fee = column(clip, rows, "h", "fee");
    CollectingSink pay = column(clip, rows, "h", "pay");
    CollectingSink cash = column(clip, rows, "h", "cash");
    int atFloor = 0;
    for (int r = 0; r < cash.size(); r++) {
      assertThat(cash.longValue(r)).as("row %d", r).isGreaterThanOrEqualTo(1000);
      if (r > 0 && entity.longValue(r) == entity.longValue(r - 1)) {
        long moved = pay.longValue(r) * 100 - spend.longValue(r) * 100 - fee.longValue(r);
        assertThat(cash.longValue(r)).as("row %d", r).isEqualTo(cash.longValue(r - 1) + moved);
        assertThat(day.longValue(r)).isGreaterThanOrEqualTo(day.longValue(r - 1));
      }

      atFloor += cash.longValue(r) < 1100 ? 1 : 0;
    }

    // Spending outruns pay by 7.5 a day on average, so most histories reach the floor.
    assertThat(atFloor).isGreaterThan(cash.size() / 10);
  }

  private static String agentsWith(String from, String to) throws IOException {
    String text = Files.readString(AGENTS);
    assertThat(text).contains(from);
    return text.replace(from, to);
  }

  private static void assertError(String yaml, String message) {
    assertThatThrownBy(() -> SpecCompiler.compileSet(yaml, SOURCE).build(1, "customers", 100))
        .hasMessage(SOURCE + ": " + message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void errorsNameTheField() throws IOException {
    assertError(
        agentsWith("ar: [0.3]", "ar: [0.7, 0.5]"),
        "tables[1].columns[3].ar: coefficients [0.7, 0.5] make a non-stationary process (partial "
            + "autocorrelation at lag 1 is 1.400), whose values would grow without "
            + "bound; keep one coefficient below 1 in size, or several whose sum is below 1, such "
            + "as [0.6, 0.2]");
    assertError(
        agentsWith("order: ts", "order: time"),
        "tables[1].sequence.order: 'time' is not a column of transactions; list it in columns "
            + "with its name and type, such as {name: time, type: timestamp}");
    assertError(
        agentsWith("{name: ts, type: timestamp}", "{name: ts, type: timestamp, min: 0}"),
        "tables[1].columns[1].min: cannot be given here: this is the sequence's order column, "
            + "made from its start and gaps; give it only name and type");
    assertError(
        agentsWith("gap-unit: hours", "gap-unit: fortnights"),
        "tables[1].sequence.gap-unit: unknown unit 'fortnights' for a timestamp order; use "
            + "seconds, minutes, hours, days or weeks");
    assertError(
        agentsWith("      gap-unit: hours", "      gap-unit: hours\n      x: 1"),
        "tables[1].sequence.x: is not a known field here; known fields are order, start, gap, "
            + "gap-unit");
    assertError(
        agentsWith("gap: {type: log-normal, mu: 2.2, sigma: 1.1}", "gap: {type: poisson, mean: 3}"),
        "tables[1].sequence.gap.type: a poisson gap counts whole units of the order's own number "
            + "form (days for dates, microseconds for timestamps); with a gap-unit use a "
            + "continuous family, such as exponential or log-normal");
    assertError(
        agentsWith("sigma: 1.1}              #", "sigma: -1}              #"),
        "tables[1].sequence.gap.sigma: must be > 0, got -1.0");
    assertError(
        agentsWith("when-below: decline", "when-below: overdraw"),
        "tables[1].columns[5].balance.when-below: unknown rule 'overdraw'; use decline (the "
            + "row's subtracted columns become 0) or clip (they are cut to what the balance holds)");
    assertError(
        agentsWith("start: customers.opening_balance", "start: customers.segment"),
        "tables[1].columns[5].balance.start: customers.segment is not a number column of "
            + "customers with a distribution; a balance starts from such a column (not a key, an "
            + "expression, a combination member or a date)");
    assertError(
        agentsWith("subtract: [amount]", "subtract: [merchant_category]"),
        "tables[1].columns[5].balance.subtract[0]: 'merchant_category' is not a number column of "
            + "transactions with a distribution; a balance moves by such columns");
    assertError(
        agentsWith(
            "        min: 0\n        given: customers.segment\n        distributions:\n"
                + "          student: {type: histogram",
            "        given: customers.segment\n        distributions:\n"
                + "          student: {type: histogram"),
        "tables[1].columns[5].balance.add[0]: 'deposit' can be negative; give it min: 0 (or "
            + "more), so that balance goes up only by what it adds and down only by what it "
            + "subtracts");
    assertError(
        agentsWith(
            "    columns:\n      - {name: transaction_id",
            "    constraints: [{order: [deposit, amount]}]\n"
                + "    columns:\n      - {name: transaction_id"),
        "tables[1].constraints[0]: sorts deposit, which the sequence writes (its order, a balance "
            + "or a column a balance moves by); a sorted value would no longer match its balance");
  }

  @Test
  void errorsOfTablesThatAreNoSequence() throws IOException {
    assertError(
        agentsWith("    sequence:\n      order: ts\n", "    sequenc:\n      order: ts\n"),
        "tables[1].sequenc: is not a known field here; known fields are name, rows, parent, "
            + "count, foreign-keys, columns, dependence, components, constraints, rebalance, "
            + "sequence");
    String noSequence =
        """
        tables:
          - name: customers
            columns:
              - {name: id, type: long, key: {style: sequence}}
              - {name: x, type: double, ar: [0.5], distribution: {type: normal, mean: 0, sd: 1}}
        """;
    assertError(
        noSequence,
        "tables[0].columns[1].ar: runs along the rows of an entity's history, but customers is no "
            + "sequence; give the table a sequence: {order, start, gap} (docs/spec-format.md "
            + "section 11.9)");
    String rootSequence =
        """
        tables:
          - name: customers
            sequence: {order: t, start: {type: constant, value: 0}, gap: {type: constant, value: 1}}
            columns:
              - {name: id, type: long, key: {style: sequence}}
              - {name: t, type: long}
        """;
    assertError(
        rootSequence,
        "tables[0].sequence: orders a table's rows within their parent row (the entity whose "
            + "history they are), but customers has no parent; give it a parent and a count (the "
            + "length of each history)");
  }
}
