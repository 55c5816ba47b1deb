package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.synthlake.core.fit.TableFixtures;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.marginal.HistogramMarginal;
import io.synthlake.core.marginal.ParametricMarginal;
import io.synthlake.core.math.Stats;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.spec.Spec;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.core.types.ColumnKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped banking spec, the model JSON of spec models, and the export → edit → generate path.
 * Statistical checks use fixed seeds at α = 0.001 (KS, chi-square) or a 0.03 bound on correlations
 * near 0 (over 6 standard errors).
 */
class SpecRoundTripTest {
  /** Tests run in core/. */
  static final Path BANKING = Path.of("..", "conf", "banking.yaml");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static TableModel banking;

  @BeforeAll
  static void readBanking() throws IOException {
    banking =
        SpecCompiler.read(Files.readString(BANKING), BANKING.toString(), 42, 1_000_000).model();
  }

  private static ParametricMarginal parametric(TableModel model, String column, int component) {
    return (ParametricMarginal)
        ((NumericColumn) model.column(column)).components().get(component).marginal();
  }

  @Test
  void theBankingSpecParses() {
    assertThat(banking.columns())
        .extracting(ColumnModel::name)
        .containsExactly(
            "customer_id",
            "transaction_id",
            "timestamp",
            "amount",
            "balance",
            "merchant_category",
            "city",
            "is_fraud");
    GaussianCopulaMixture dependence = (GaussianCopulaMixture) banking.dependence();
    assertThat(dependence.weights()).containsExactly(0.99, 0.01);

    // rows / 10 with a million rows.
    NumericColumn customer = (NumericColumn) banking.column("customer_id");
    assertThat(customer.kind()).isEqualTo(ColumnKind.INTEGER);
    assertThat(customer.format().min()).isEqualTo(1.0);
    assertThat(customer.format().max()).isEqualTo(100_000.0);
    assertThat(((KeyColumn) banking.column("transaction_id")).style())
        .isEqualTo(KeyColumn.Style.UUID);

    // The fraud component overrides the amount and keeps the bounds; the balance is the same in
    // both components.
    for (int k = 0; k < 2; k++) {
      ParametricMarginal amount = parametric(banking, "amount", k);
      assertThat(amount.family()).isEqualTo(ParametricMarginal.Family.LOG_NORMAL);
      assertThat(amount.parameters())
          .containsExactly(k == 0 ? new double[] {3.4, 1.0} : new double[] {5.6, 1.1});
      assertThat(amount.lower()).isEqualTo(0.01);
      assertThat(amount.upper()).isEqualTo(50_000.0);
      assertThat(parametric(banking, "balance", k).parameters()).containsExactly(7.6, 1.4);
      assertThat(((NumericColumn) banking.column("timestamp")).components().get(k).marginal())
          .isInstanceOf(HistogramMarginal.class);
      // amount and balance are copula columns 2 and 3 (keys have none).
      assertThat(dependence.correlation(k)[2][3]).isEqualTo(0.35);
      assertThat(dependence.correlation(k)[0][2]).isZero();
    }

    assertThat(((NumericColumn) banking.column("amount")).format().decimals()).isEqualTo(2);
    CategoricalColumn fraud = (CategoricalColumn) banking.column("is_fraud");
    assertThat(fraud.kind()).isEqualTo(ColumnKind.BOOLEAN);
    assertThat(fraud.categories()).containsExactly("false", "true");
    assertThat(fraud.probabilities(0)).containsExactly(1.0, 0.0);
    assertThat(fraud.probabilities(1)).containsExactly(0.0, 1.0);
    assertThat(((CategoricalColumn) banking.column("city")).categories()).hasSizeBetween(100, 2000);
    assertThat(banking.properties())
        .containsEntry("description", "banking transactions with 1% fraud");
  }

  @Test
  void theBankingSpecNeedsItsRowCount() throws IOException {
    assertThatThrownBy(
            () -> SpecCompiler.read(Files.readString(BANKING), "conf/banking.yaml", 42, 0))
        .hasMessage(
            "conf/banking.yaml: columns[0].distribution.max: 'rows / 10' depends on the row count, which is known only when generating");
  }

  @Test
  void specModelsRoundTripThroughModelJson() {
    String json = ModelJson.toJson(banking);
    TableModel read = ModelJson.fromJson(json, "banking.json");

    assertThat(ModelJson.toJson(read)).isEqualTo(json);
    assertThat(json)
        .contains(
            "\"family\" : \"parametric\"",
            "\"distribution\" : \"log-normal\"",
            "\"family\" : \"histogram\"",
            "\"style\" : \"uuid\"",
            "\"min\" : 0.01",
            "\"max\" : 50000.0");
    assertThat(parametric(read, "amount", 1).parameters()).containsExactly(5.6, 1.1);
    assertThat(parametric(read, "amount", 1).upper()).isEqualTo(50_000.0);
  }

  @Test
  void everyParametricFamilyAndRandomKeysRoundTrip() {
    Spec spec =
        SpecCompiler.read(
            """
        columns:
          - {name: id, type: long, key: {style: random}}
          - {name: c, type: double, distribution: {type: constant, value: 2.5}}
          - {name: u, type: double, distribution: {type: uniform, min: -1, max: 3}}
          - {name: n, type: double, min: 0, distribution: {type: normal, mean: 1, sd: 2}}
          - {name: l, type: double, distribution: {type: log-normal, mu: 1, sigma: 0.5}}
          - {name: e, type: double, max: 10, distribution: {type: exponential, rate: 0.5}}
          - {name: p, type: int, distribution: {type: poisson, mean: 3.5}}
          - {name: z, type: int, distribution: {type: zipf, n: 50, exponent: 1.2}}
          - {name: h, type: double, distribution: {type: histogram, edges: [0, 1, 5], weights: [3, 1]}}
          - {name: g, type: double, distribution: {type: gaussian-mixture, weights: [0.5, 0.5], means: [0, 5], deviations: [1, 1]}}
        """,
            "families.yaml",
            1,
            0);
    String json = ModelJson.toJson(spec.model());
    TableModel read = ModelJson.fromJson(json, "families.json");

    assertThat(ModelJson.toJson(read)).isEqualTo(json);
    assertThat(json)
        .contains(
            "\"style\" : \"random\"",
            "\"distribution\" : \"constant\"",
            "\"distribution\" : \"zipf\"",
            "\"distribution\" : \"poisson\"",
            "\"distribution\" : \"exponential\"");
    // The same rows from the model read back.
    Generated original = Generated.of(spec.model(), 5, 5000);
    Generated again = Generated.of(read, 5, 5000);
    for (int row = 0; row < 5000; row++) {
      assertThat(again.row(row)).as("row %d", row).isEqualTo(original.row(row));
    }
  }

  @Test
  void anExportedSpecReadsBackToTheSameModel() {
    for (TableModel model : List.of(banking, TableFixtures.everyKind())) {
      String yaml = SpecWriter.toYaml(model);
      TableModel read = SpecCompiler.read(yaml, "export.yaml", 42, 1_000_000).model();

      assertThat(ModelJson.toJson(read)).isEqualTo(ModelJson.toJson(model));
      assertThat(yaml)
          .contains("format-version: " + ModelJson.versionFor(model))
          .doesNotStartWith("{");
    }
  }

  private static int indexOf(ArrayNode columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).get("name").asText().equals(name)) {
        return i;
      }
    }

    throw new AssertionError("no column " + name);
  }

  private static List<String> copulaColumns(TableModel model) {
    List<String> names = new ArrayList<>();
    // A timestamp's time of day has a copula column of its own, listed after it.
    names.addAll(model.copulaNames());
    return names;
  }

  @Test
  void anEditedExportReplacesDropsAndAddsColumns() throws IOException {
    TableModel fitted = TableFixtures.everyKind();
    ObjectNode root = (ObjectNode) YAML.readTree(SpecWriter.toYaml(fitted));
    ArrayNode columns = (ArrayNode) root.get("columns");
    ObjectNode price = YAML.createObjectNode().put("name", "price").put("type", "decimal(10,2)");
    price.putObject("distribution").put("type", "uniform").put("min", 5).put("max", 6);
    columns.set(indexOf(columns, "price"), price);
    columns.remove(indexOf(columns, "score"));
    ObjectNode extra = columns.addObject().put("name", "extra").put("type", "double");
    extra.putObject("distribution").put("type", "normal").put("mean", 0).put("sd", 1);

    TableModel edited =
        SpecCompiler.read(YAML.writeValueAsString(root), "edited.yaml", 3, 0).model();

    // The replaced column has the new distribution in every one of the three fitted components.
    NumericColumn newPrice = (NumericColumn) edited.column("price");
    assertThat(newPrice.components()).hasSize(TableFixtures.COMPONENTS);
    for (NumericDistribution component : newPrice.components()) {
      ParametricMarginal marginal = (ParametricMarginal) component.marginal();
      assertThat(marginal.family()).isEqualTo(ParametricMarginal.Family.UNIFORM);
      assertThat(marginal.parameters()).containsExactly(5.0, 6.0);
      assertThat(component.nullShare()).isZero();
    }

    assertThat(newPrice.format().min()).isEqualTo(5.0);
    assertThat(newPrice.format().max()).isEqualTo(6.0);
    assertThatThrownBy(() -> edited.column("score"))
        .hasMessageContaining("the model has no column 'score'");

    // The dependence keeps the fitted correlations of the remaining columns, drops score and makes
    // extra independent.
    List<String> fittedNames = copulaColumns(fitted);
    List<String> editedNames = copulaColumns(edited);
    assertThat(editedNames).doesNotContain("score").endsWith("extra").hasSize(fittedNames.size());
    GaussianCopulaMixture before = (GaussianCopulaMixture) fitted.dependence();
    GaussianCopulaMixture after = (GaussianCopulaMixture) edited.dependence();
    assertThat(after.weights()).containsExactly(before.weights());
    double largest = 0;
    for (int k = 0; k < TableFixtures.COMPONENTS; k++) {
      double[][] correlation = after.correlation(k);
      for (int a = 0; a < editedNames.size(); a++) {
        for (int b = 0; b < editedNames.size(); b++) {
          boolean extraPair =
              editedNames.get(a).equals("extra") || editedNames.get(b).equals("extra");
          double expected =
              a == b
                  ? 1
                  : extraPair
                      ? 0
                      : before
                          .correlation(k)[fittedNames.indexOf(editedNames.get(a))][
                          fittedNames.indexOf(editedNames.get(b))];
          assertThat(correlation[a][b])
              .as("component %d, %s ~ %s", k, editedNames.get(a), editedNames.get(b))
              .isEqualTo(expected);
          largest = Math.max(largest, a == b || extraPair ? 0 : Math.abs(expected));
        }
      }
    }

    assertThat(largest).as("the fixture has correlated columns to keep").isGreaterThan(0.1);

    // Generated rows: price uniform on [5, 6] in cents, extra standard normal and uncorrelated with
    // the other columns.
    int n = 20_000;
    Generated rows = Generated.of(edited, 9, n);
    long[] deciles = new long[10];
    for (int r = 0; r < n; r++) {
      long cents = rows.column("price").longValue(r);
      assertThat(cents).as("row %d", r).isBetween(500L, 600L);
      deciles[(int) Math.min(9, (cents - 500) / 10)]++;
    }

    // Rounding to cents moves half a cent of the first decile into the second, and of each into the
    // next.
    Stats.ChiSquare fit =
        Stats.chiSquare(
            deciles, new double[] {0.095, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.105});
    assertThat(fit.statistic()).as("%s", fit).isLessThan(fit.critical());
    double[] extraValues = rows.column("extra").numbers();
    assertThat(Stats.ks(extraValues, new NormalDistribution(0, 1)::cumulativeProbability))
        .isLessThan(Stats.ksCritical(n));
    for (String other : List.of("price", "quantity", "seen")) {
      assertThat(Stats.pearson(extraValues, rows.column(other).numbers()))
          .as("extra ~ %s", other)
          .isCloseTo(0.0, within(0.03));
    }
  }

  @Test
  void aFittedDependenceCannotTakeSpecComponents() throws IOException {
    JsonNode root = YAML.readTree(SpecWriter.toYaml(TableFixtures.everyKind()));
    ((ObjectNode) root).putArray("components").addObject().put("weight", 1.0);

    assertThatThrownBy(() -> SpecCompiler.read(YAML.writeValueAsString(root), "edited.yaml", 3, 0))
        .hasMessageContaining(
            "edited.yaml: components: cannot be combined with a fitted dependence (dependence.type)");
  }
}
