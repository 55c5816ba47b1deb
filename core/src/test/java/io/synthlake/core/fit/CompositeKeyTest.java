package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.fit.TableSetFitter.Input;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.TableSetRun;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Orders, their lines keyed by (order id, line number), and shipments that reference a line by that
 * composite key. The line number is generated, 1 to n within each order, so the composite key stays
 * unique and every shipment's pair joins a line.
 */
class CompositeKeyTest {
  private static final DataType LONGS = DataType.of(LogicalType.LONG);
  private static final DataType INTS = DataType.of(LogicalType.INT);

  private static List<Input> inputs;
  private static TableSet set;
  private static Map<String, CollectingSink[]> generated;

  @BeforeAll
  static void fitAndGenerate() {
    inputs = inputs(1, 4000);
    set =
        TableSetFitter.fit(
                inputs,
                List.of(
                    new Relation("lines", "order_id", "orders", "id"),
                    Relation.parse("shipments.order_id,line=lines.order_id,line_no", "test")),
                OrphanPolicy.FAIL,
                new KMeans(3))
            .set();
    generated = TableSetRun.generate(set, 4, "orders", 6000, false);
  }

  /**
   * Orders with 0 to 5 lines numbered from {@code start}; each line has 0 to 2 shipments. Parsed
   * into three inputs whose samples are the whole tables.
   */
  private static List<Input> inputs(int start, int orders) {
    SplittableRandom random = new SplittableRandom(8);
    List<double[]> lines = new ArrayList<>(); // order, line, amount
    List<double[]> shipments = new ArrayList<>(); // order, line, weight
    double[] ids = new double[orders];
    double[] totals = new double[orders];
    for (int o = 0; o < orders; o++) {
      ids[o] = 100 + o;
      totals[o] = 50 + 400 * random.nextDouble();
      int count = random.nextInt(6);
      for (int l = 0; l < count; l++) {
        lines.add(new double[] {ids[o], start + l, totals[o] / count});
        for (int s = random.nextInt(3); s > 0; s--) {
          shipments.add(new double[] {ids[o], start + l, 1 + 5 * random.nextDouble()});
        }
      }
    }

    FitSettings settings = FitSettings.builder().seed(2).build();
    return List.of(
        new Input(
            "orders",
            Samples.table(Samples.numbers("id", LONGS, ids), Samples.doubles("total", totals)),
            orders,
            settings),
        new Input("lines", three("order_id", "line_no", "amount", lines), lines.size(), settings),
        new Input(
            "shipments",
            three("order_id", "line", "weight", shipments),
            shipments.size(),
            settings));
  }

  private static SampleTable three(String key, String line, String value, List<double[]> rows) {
    double[][] columns = new double[3][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < 3; c++) {
        columns[c][r] = rows.get(r)[c];
      }
    }

    return Samples.table(
        Samples.numbers(key, LONGS, columns[0]),
        Samples.numbers(line, INTS, columns[1]),
        Samples.doubles(value, columns[2]));
  }

  @Test
  void theLineNumberIsAnOrdinalAndTheShipmentsKeyIsComposite() {
    assertThat(set.table("lines").ordinal()).isEqualTo(new TableSet.Ordinal("line_no", INTS, 1));
    assertThat(set.table("lines").model().columnNames()).doesNotContain("line_no");
    assertThat(set.table("lines").columns()).containsExactly("order_id", "line_no", "amount");
    TableSet.ForeignKey key = set.table("shipments").parentKey();
    assertThat(key.columns()).containsExactly("order_id", "line");
    assertThat(key.parentKeys()).containsExactly("order_id", "line_no");
    assertThat(set.type("shipments", "line")).isEqualTo(INTS);
    assertThat(set.type("shipments", "order_id")).isEqualTo(LONGS);
  }

  @Test
  void linesAreNumberedFromOneWithinEachOrderAndShipmentsJoinThem() {
    CollectingSink[] lines = generated.get("lines");
    Map<Object, List<Double>> numbers = new HashMap<>();
    Set<List<Object>> lineKeys = new HashSet<>();
    for (int r = 0; r < lines[0].size(); r++) {
      numbers.computeIfAbsent(lines[0].value(r), k -> new ArrayList<>()).add(lines[1].number(r));
      assertThat(lineKeys.add(List.of(lines[0].value(r), lines[1].value(r)))).isTrue();
    }

    assertThat(numbers).isNotEmpty();
    for (List<Double> each : numbers.values()) {
      for (int i = 0; i < each.size(); i++) {
        assertThat(each.get(i)).isEqualTo(i + 1.0);
      }
    }

    CollectingSink[] shipments = generated.get("shipments");
    assertThat(shipments[0].size()).isPositive();
    for (int r = 0; r < shipments[0].size(); r++) {
      assertThat(lineKeys).contains(List.of(shipments[0].value(r), shipments[1].value(r)));
    }
  }

  @Test
  void rowsDoNotDependOnTheOrderRootBlocksAreVisitedIn() {
    Map<String, CollectingSink[]> reversed = TableSetRun.generate(set, 4, "orders", 6000, true);
    for (String table : set.names()) {
      for (int c = 0; c < generated.get(table).length; c++) {
        for (int r = 0; r < generated.get(table)[c].size(); r++) {
          assertThat(reversed.get(table)[c].value(r)).isEqualTo(generated.get(table)[c].value(r));
        }
      }
    }
  }

  @Test
  void roundTripsThroughTheFile() {
    String json = TableSetJson.toJson(set);
    assertThat(json).contains("\"ordinal\"").contains("\"keys\" : [ \"order_id\", \"line_no\" ]");
    assertThat(TableSetJson.toJson(TableSetJson.fromJson(json, "orders.json"))).isEqualTo(json);
  }

  @Test
  void anOrdinalIsFoundUnaskedAndMayStartAtZero() {
    TableSet plain =
        TableSetFitter.fit(
                inputs(0, 1000).subList(0, 2),
                List.of(new Relation("lines", "order_id", "orders", "id")),
                OrphanPolicy.FAIL,
                ScoreClusterer.single())
            .set();
    assertThat(plain.table("lines").ordinal()).isEqualTo(new TableSet.Ordinal("line_no", INTS, 0));
  }

  @Test
  void compositeKeysThatCannotBeGeneratedAreRefused() {
    Relation toLines = new Relation("lines", "order_id", "orders", "id");
    assertThatThrownBy(
            () ->
                TableSetFitter.fit(
                    inputs,
                    List.of(
                        toLines,
                        Relation.parse("shipments.line,order_id=lines.line_no,order_id", "test")),
                    OrphanPolicy.FAIL,
                    ScoreClusterer.single()))
        .hasMessageContaining(
            "a composite key is supported as the parent's own foreign key to its parent followed "
                + "by a column numbering its rows");
    List<Input> gaps = new ArrayList<>(inputs);
    SampleTable lines = inputs.get(1).sample();
    double[] numbers = new double[lines.rows()];
    for (int r = 0; r < numbers.length; r++) {
      numbers[r] = 2 * lines.columns().get(1).number(r);
    }

    gaps.set(
        1,
        new Input(
            "lines",
            Samples.table(
                lines.columns().get(0),
                Samples.numbers("line_no", INTS, numbers),
                lines.columns().get(2)),
            lines.rows(),
            FitSettings.defaults()));
    assertThatThrownBy(
            () ->
                TableSetFitter.fit(
                    gaps,
                    List.of(
                        toLines,
                        Relation.parse("shipments.order_id,line=lines.order_id,line_no", "test")),
                    OrphanPolicy.DROP,
                    ScoreClusterer.single()))
        .hasMessageContaining(
            "table 'lines': column 'line_no' is part of a composite key, so it must number the rows "
                + "within each parent");
    assertThatThrownBy(() -> Relation.parse("shipments.order_id,line=lines.order_id", "--relation"))
        .hasMessageContaining(
            "--relation: 'shipments.order_id,line=lines.order_id' pairs 2 columns with 1 keys");
  }
}
