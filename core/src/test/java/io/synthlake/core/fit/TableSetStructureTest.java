package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.synthlake.core.fit.TableSetFitter.Input;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.TableSetRun;
import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.Derivation;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Customers, their orders and their monthly statements, fitted as a set: a customer's state
 * determines its region (a hierarchy), an order's total is its subtotal plus shipping and its
 * placing time peaks at noon and in the evening, a statement's charge is its fees plus interest.
 * The set keeps each structure in every generated row, writes it to the set file and reads it back,
 * and the fit settings' switches turn each off. Seeds are fixed, so each assertion is
 * deterministic.
 */
class TableSetStructureTest {
  private static final int CUSTOMERS = 400;
  private static final String[][] STATES = {
    {"WA", "West"},
    {"OR", "West"},
    {"CA", "West"},
    {"NV", "West"},
    {"TX", "South"},
    {"FL", "South"},
    {"GA", "South"},
    {"NY", "East"},
    {"MA", "East"},
    {"PA", "East"},
    {"IL", "Midwest"},
    {"OH", "Midwest"}
  };

  private static List<Input> inputs;
  private static final List<Relation> RELATIONS =
      List.of(
          new Relation("orders", "customer_id", "customers", "id"),
          new Relation("statements", "customer_id", "customers", "id"));
  private static final Map<String, String> ORDERS = Map.of("statements", "month");
  private static TableSet set;
  private static Map<String, CollectingSink[]> generated;
  private static Set<String> realPairs;

  @BeforeAll
  static void fitAndGenerate() {
    inputs = inputs(FitSettings.builder().seed(3).build());
    set = fit(UnaryOperator.identity());
    generated = TableSetRun.generate(set, 9, "customers", 3000, false);
  }

  /** The planted tables, each fitted with {@code settings}. */
  static List<Input> inputs(FitSettings settings) {
    SplittableRandom random = new SplittableRandom(17);
    DataType longs = DataType.of(LogicalType.LONG);
    double[] ids = new double[CUSTOMERS];
    String[] states = new String[CUSTOMERS];
    String[] regions = new String[CUSTOMERS];
    double[] incomes = new double[CUSTOMERS];
    realPairs = new HashSet<>();
    int[] orderCounts = new int[CUSTOMERS];
    int orders = 0;
    for (int c = 0; c < CUSTOMERS; c++) {
      String[] state = STATES[random.nextInt(STATES.length)];
      ids[c] = c + 1;
      states[c] = state[0];
      regions[c] = state[1];
      realPairs.add(state[0] + "/" + state[1]);
      incomes[c] = Math.round(30_000 + 60_000 * random.nextDouble());
      orderCounts[c] = 1 + random.nextInt(5);
      orders += orderCounts[c];
    }

    double[] orderIds = new double[orders];
    double[] orderCustomers = new double[orders];
    double[] subtotals = new double[orders];
    double[] shipping = new double[orders];
    double[] totals = new double[orders];
    double[] placed = new double[orders];
    LocalDate first = LocalDate.of(2024, 1, 1);
    for (int c = 0, o = 0; c < CUSTOMERS; c++) {
      for (int k = 0; k < orderCounts[c]; k++, o++) {
        orderIds[o] = o + 1;
        orderCustomers[o] = c + 1;
        subtotals[o] = Math.round(100 * Math.exp(3.5 + 0.6 * random.nextGaussian())) / 100.0;
        shipping[o] = Math.round(100 * (2 + 13 * random.nextDouble())) / 100.0;
        totals[o] = Math.round(100 * (subtotals[o] + shipping[o])) / 100.0;
        int hour =
            (int)
                Math.max(
                    6,
                    Math.min(
                        23,
                        Math.rint(
                            random.nextBoolean()
                                ? 12 + 1.2 * random.nextGaussian()
                                : 19 + 1.5 * random.nextGaussian())));
        Instant at =
            first
                .plusDays(random.nextInt(730))
                .atTime(hour, 5 * random.nextInt(12))
                .toInstant(ZoneOffset.UTC);
        placed[o] = at.getEpochSecond() * 1e6;
      }
    }

    int statements = CUSTOMERS * 6;
    double[] statementCustomers = new double[statements];
    double[] months = new double[statements];
    double[] fees = new double[statements];
    double[] interest = new double[statements];
    double[] charges = new double[statements];
    for (int c = 0, s = 0; c < CUSTOMERS; c++) {
      for (int m = 0; m < 6; m++, s++) {
        statementCustomers[s] = c + 1;
        months[s] = first.plusMonths(m).toEpochDay();
        fees[s] = Math.round(100 * (1 + 9 * random.nextDouble())) / 100.0;
        interest[s] = Math.round(100 * incomes[c] / 10_000 * random.nextDouble()) / 100.0;
        charges[s] = Math.round(100 * (fees[s] + interest[s])) / 100.0;
      }
    }

    return List.of(
        new Input(
            "customers",
            Samples.table(
                Samples.numbers("id", longs, ids),
                Samples.strings("state", states),
                Samples.strings("region", regions),
                Samples.doubles("income", incomes)),
            CUSTOMERS,
            settings),
        new Input(
            "orders",
            Samples.table(
                Samples.numbers("order_id", longs, orderIds),
                Samples.numbers("customer_id", longs, orderCustomers),
                Samples.doubles("subtotal", subtotals),
                Samples.doubles("shipping", shipping),
                Samples.doubles("total", totals),
                Samples.numbers("placed_at", DataType.of(LogicalType.TIMESTAMP), placed)),
            orders,
            settings),
        new Input(
            "statements",
            Samples.table(
                Samples.numbers("customer_id", longs, statementCustomers),
                Samples.numbers("month", DataType.of(LogicalType.DATE), months),
                Samples.doubles("fees", fees),
                Samples.doubles("interest", interest),
                Samples.doubles("charged", charges)),
            statements,
            settings));
  }

  /** The planted set fitted with settings changed by {@code change}. */
  static TableSet fit(UnaryOperator<FitSettings.Builder> change) {
    List<Input> changed =
        inputs.stream()
            .map(
                input ->
                    new Input(
                        input.name(),
                        input.sample(),
                        input.inputRows(),
                        change.apply(FitSettings.builder().seed(3)).build()))
            .toList();
    return TableSetFitter.fit(changed, RELATIONS, ORDERS, OrphanPolicy.FAIL, new KMeans(3)).set();
  }

  private static List<String> derivedTargets(TableModel model) {
    return model.derivations().stream().map(Derivation::target).toList();
  }

  private static boolean hasTimeOfDay(TableModel model, String column) {
    return ((NumericColumn) model.column(column)).timeOfDay() != null;
  }

  @Test
  void eachTableFindsItsStructureAmongItsOwnColumns() {
    List<ColumnGroup> groups = set.table("customers").model().groups();
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).members()).containsExactly("state", "region");
    assertThat(derivedTargets(set.table("orders").model())).containsExactly("total");
    assertThat(hasTimeOfDay(set.table("orders").model(), "placed_at")).isTrue();
    assertThat(derivedTargets(set.table("statements").model())).containsExactly("charged");
    // Hidden columns and keys take no part: the counts, starts and gaps stay plain columns.
    for (TableSet.Table table : set.tables()) {
      for (Derivation derivation : table.model().derivations()) {
        assertThat(derivation.inputs()).noneMatch(TableSet::isHidden);
        assertThat(derivation.inputs()).doesNotContain("id", "order_id", "customer_id");
      }
    }
  }

  @Test
  void everyGeneratedRowKeepsTheHierarchyAndTheSums() {
    CollectingSink[] customers = generated.get("customers");
    List<String> customerColumns = set.table("customers").columns();
    int state = customerColumns.indexOf("state");
    int region = customerColumns.indexOf("region");
    assertThat(customers[0].size()).isEqualTo(3000);
    for (int r = 0; r < customers[0].size(); r++) {
      assertThat(realPairs).contains(customers[state].value(r) + "/" + customers[region].value(r));
    }

    assertSums(
        generated.get("orders"), set.table("orders").columns(), "total", "subtotal", "shipping");
    assertSums(
        generated.get("statements"),
        set.table("statements").columns(),
        "charged",
        "fees",
        "interest");
  }

  private static void assertSums(
      CollectingSink[] table, List<String> columns, String sum, String a, String b) {
    CollectingSink total = table[columns.indexOf(sum)];
    assertThat(total.size()).isGreaterThan(1000);
    for (int r = 0; r < total.size(); r++) {
      double expected = table[columns.indexOf(a)].number(r) + table[columns.indexOf(b)].number(r);
      assertThat(total.number(r)).isCloseTo(expected, offset(0.0051));
    }
  }

  @Test
  void generatedOrdersArePlacedAtTheirHours() {
    CollectingSink placed =
        generated.get("orders")[set.table("orders").columns().indexOf("placed_at")];
    int night = 0;
    for (int r = 0; r < placed.size(); r++) {
      int hour =
          Instant.ofEpochSecond(Math.floorDiv(placed.longValue(r), 1_000_000L))
              .atZone(ZoneOffset.UTC)
              .getHour();
      night += hour < 6 ? 1 : 0;
    }

    // No real order is placed before 6:00; a timestamp drawn whole spreads a quarter of them there.
    assertThat((double) night / placed.size()).isLessThan(0.02);
  }

  @Test
  void theSetFileHoldsTheStructureAndGeneratesTheSameRows() {
    String json = TableSetJson.toJson(set);
    assertThat(json).contains("\"format-version\" : 4");
    TableSet read = TableSetJson.fromJson(json, "set.json");
    assertThat(TableSetJson.toJson(read)).isEqualTo(json);
    assertThat(read.table("customers").model().groups()).hasSize(1);
    assertThat(derivedTargets(read.table("orders").model())).containsExactly("total");
    assertThat(hasTimeOfDay(read.table("orders").model(), "placed_at")).isTrue();
    assertThat(fingerprint(TableSetRun.generate(read, 9, "customers", 3000, false)))
        .isEqualTo(fingerprint(generated));
  }

  @Test
  void theSwitchesTurnEachStructureOff() {
    TableSet plain = fit(b -> b.withoutGroups().withoutDerivedColumns().withoutTimeOfDay());
    for (TableSet.Table table : plain.tables()) {
      assertThat(table.model().groups()).isEmpty();
      assertThat(table.model().derivations()).isEmpty();
    }

    assertThat(hasTimeOfDay(plain.table("orders").model(), "placed_at")).isFalse();
    // A set without them is written as before, in version 3.
    assertThat(TableSetJson.toJson(plain)).contains("\"format-version\" : 3");
  }

  static long fingerprint(Map<String, CollectingSink[]> tables) {
    long hash = 17;
    for (CollectingSink[] table : tables.values()) {
      for (CollectingSink column : table) {
        hash = 31 * hash + column.size();
        for (int r = 0; r < column.size(); r++) {
          hash = 31 * hash + Objects.hashCode(column.value(r));
        }
      }
    }

    return hash;
  }
}
