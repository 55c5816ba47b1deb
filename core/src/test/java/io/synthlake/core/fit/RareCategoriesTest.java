package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.format.ModelJson;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * By default a rare category's rows are drawn as the frequent categories of their own component: no
 * token and no rare real value is ever generated.
 */
class RareCategoriesTest {
  private static final int ROWS = 1200;
  private static final int GENERATED = 20_000;

  /**
   * Two kinds of row told apart by x (near −5 or near +5): the first 600 are Lima 3 : Quito 1, the
   * last 600 Quito 1 : Bogota 1, and each kind has 40 rows of rare villages (each seen 1 to 4
   * times).
   */
  private static SampleTable twoKinds() {
    String[] city = new String[ROWS];
    double[] x = new double[ROWS];
    SplittableRandom random = new SplittableRandom(3);
    for (int row = 0; row < ROWS; row++) {
      boolean first = row < ROWS / 2;
      int i = row % (ROWS / 2);
      x[row] = (first ? -5 : 5) + random.nextGaussian() * 0.5;
      if (i < 40) {
        // Villages 0..15 seen 1, 2, 3, 4, 1, ... times: never 5.
        city[row] = "village" + (first ? "a" : "b") + villageOf(i);
      } else if (first) {
        city[row] = i % 4 == 0 ? "Quito" : "Lima";
      } else {
        city[row] = i % 2 == 0 ? "Quito" : "Bogota";
      }
    }

    return Samples.table(Samples.strings("city", city), Samples.doubles("x", x));
  }

  /** Row i of 40 belongs to the village whose block (1, 2, 3, 4, 1, 2, ... rows long) holds i. */
  private static int villageOf(int i) {
    int village = 0;
    int start = 0;
    while (start + village % 4 + 1 <= i) {
      start += village % 4 + 1;
      village++;
    }

    return village;
  }

  private static int[] twoLabels() {
    int[] labels = new int[ROWS];
    Arrays.fill(labels, ROWS / 2, ROWS, 1);
    return labels;
  }

  private static TableModel fit(SampleTable table, FitSettings settings) {
    return ModelFitter.fit(table, settings, Samples.fixedLabels(twoLabels())).model();
  }

  private static double share(CategoricalColumn column, int component, String category) {
    return column.probabilities(component)[column.categories().indexOf(category)];
  }

  @Test
  void rareRowsAreDrawnAsTheFrequentCategoriesOfTheirOwnComponent() {
    TableModel model = fit(twoKinds(), FitSettings.defaults());

    CategoricalColumn city = (CategoricalColumn) model.column("city");
    assertThat(city.categories()).containsExactlyInAnyOrder("Lima", "Quito", "Bogota");
    // Component 0 had Lima 420, Quito 140, Bogota 0 of 600 (40 rare): 3 : 1 : 0 kept exactly.
    assertThat(share(city, 0, "Lima")).isCloseTo(0.75, within(1e-12));
    assertThat(share(city, 0, "Quito")).isCloseTo(0.25, within(1e-12));
    assertThat(share(city, 0, "Bogota")).isZero();
    assertThat(share(city, 1, "Quito")).isCloseTo(0.5, within(1e-12));
    assertThat(share(city, 1, "Bogota")).isCloseTo(0.5, within(1e-12));
    assertThat(share(city, 1, "Lima")).isZero();

    // Generated rows keep the mix of their own kind, told by x. 5,000 Quito expected in each half
    // of 10,000: binomial sd 43 (0.0043 of a share); 0.02 is more than four sd.
    Generated generated = Generated.of(model, 5, GENERATED);
    CollectingSink cities = generated.column("city");
    CollectingSink xs = generated.column("x");
    Map<String, Integer> low = new HashMap<>();
    Map<String, Integer> high = new HashMap<>();
    for (int row = 0; row < GENERATED; row++) {
      String value = cities.string(row);
      (xs.doubleValue(row) < 0 ? low : high).merge(value, 1, Integer::sum);
    }

    assertThat(low.keySet()).containsExactlyInAnyOrder("Lima", "Quito");
    assertThat(high.keySet()).containsExactlyInAnyOrder("Quito", "Bogota");
    double lowTotal = low.values().stream().mapToInt(Integer::intValue).sum();
    double highTotal = high.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(low.get("Quito") / lowTotal).isCloseTo(0.25, within(0.02));
    assertThat(high.get("Quito") / highTotal).isCloseTo(0.5, within(0.02));
  }

  @Test
  void everyGeneratedValueIsARealCategorySeenAtLeastRareCountTimes() {
    SampleTable table = twoKinds();
    Map<String, Integer> seen = new HashMap<>();
    SampleColumn sample = table.columns().get(0);
    for (int row = 0; row < sample.size(); row++) {
      seen.merge(sample.string(row), 1, Integer::sum);
    }

    FitSettings settings = FitSettings.builder().rareCount(5).build();
    CollectingSink cities = Generated.of(fit(table, settings), 7, GENERATED).column("city");
    for (int row = 0; row < GENERATED; row++) {
      assertThat(seen.getOrDefault(cities.string(row), 0))
          .as("sampled rows of '%s'", cities.string(row))
          .isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void theTokenOptionPoolsRareValuesIntoTheToken() {
    TableModel model = fit(twoKinds(), FitSettings.builder().rareToken("(rare)").build());

    CategoricalColumn city = (CategoricalColumn) model.column("city");
    assertThat(city.categories()).containsExactlyInAnyOrder("Lima", "Quito", "Bogota", "(rare)");
    assertThat(share(city, 0, "(rare)")).isCloseTo(40.0 / 600, within(1e-12));
    assertThat(share(city, 0, "Lima")).isCloseTo(420.0 / 600, within(1e-12));
    Map<String, Integer> counts = new HashMap<>();
    CollectingSink cities = Generated.of(model, 5, GENERATED).column("city");
    for (int row = 0; row < GENERATED; row++) {
      counts.merge(cities.string(row), 1, Integer::sum);
    }

    // 1,333 expected (1/15 of the rows), sd 35.
    assertThat(counts.keySet()).containsExactlyInAnyOrder("Lima", "Quito", "Bogota", "(rare)");
    assertThat(counts.get("(rare)")).isBetween(1150, 1500);
  }

  @Test
  void aModelWithMergedRareCategoriesRoundTripsByteForByte() {
    TableModel model = fit(twoKinds(), FitSettings.defaults());

    String json = ModelJson.toJson(model);
    TableModel read = ModelJson.fromJson(json, "rare.json");

    assertThat(ModelJson.toJson(read)).isEqualTo(json);
    assertThat(json).doesNotContain("_RARE_", "village", "null ]", "null,");
    assertThat(((CategoricalColumn) read.column("city")).categories())
        .containsExactlyInAnyOrder("Lima", "Quito", "Bogota");
  }

  @Test
  void reorderedCategoriesLeaveThePoolOut() {
    // Five frequent categories tied to x, so the copula reorders them, and 3% rare values.
    int n = 1000;
    String[] grade = new String[n];
    double[] x = new double[n];
    SplittableRandom random = new SplittableRandom(11);
    for (int row = 0; row < n; row++) {
      int level = row % 5;
      x[row] = level + random.nextGaussian() * 0.3;
      grade[row] = row < 30 ? "once" + row : "EDCAB".substring(level, level + 1);
    }

    TableModel model =
        ModelFitter.fit(
                Samples.table(Samples.strings("grade", grade), Samples.doubles("x", x)),
                FitSettings.defaults(),
                ScoreClusterer.single())
            .model();

    CategoricalColumn column = (CategoricalColumn) model.column("grade");
    assertThat(column.categories()).containsExactly("E", "D", "C", "A", "B");
    assertThat(Arrays.stream(column.probabilities(0)).sum()).isCloseTo(1, within(1e-12));
  }

  @Test
  void rareNumericCategoriesAreDrawnAsTheFrequentOnes() {
    double[] rating = new double[500];
    Arrays.setAll(rating, i -> i < 3 ? 9 : i % 2 == 0 ? 1 : i % 4 == 1 ? 2 : 3);
    double[] x = new double[500];
    Arrays.setAll(x, i -> Math.sin(i));
    FitSettings settings = FitSettings.builder().kind("rating", ColumnKind.CATEGORICAL).build();

    TableModel model =
        ModelFitter.fit(
                Samples.table(Samples.ints("rating", rating), Samples.doubles("x", x)),
                settings,
                ScoreClusterer.single())
            .model();

    CategoricalColumn column = (CategoricalColumn) model.column("rating");
    assertThat(column.categories()).containsExactlyInAnyOrder("1", "2", "3");
    // 248, 124 and 125 of the 497 frequent rows: the three 9s no longer swell the 1s.
    assertThat(share(column, 0, "1")).isCloseTo(248.0 / 497, within(1e-12));
    assertThat(share(column, 0, "2")).isCloseTo(124.0 / 497, within(1e-12));
  }

  @Test
  void booleanAndTextColumnsAreUnchanged() {
    boolean[] flag = new boolean[300];
    for (int i = 0; i < 2; i++) {
      flag[i] = true;
    }

    String[] note = new String[300];
    Arrays.setAll(note, i -> i < 150 ? "see attached" : "note number " + i);
    SampleTable table =
        Samples.table(
            Samples.booleans("flag", flag),
            Samples.strings("note", note),
            Samples.doubles("x", new SplittableRandom(2).doubles(300).toArray()));

    TableModel model =
        ModelFitter.fit(table, FitSettings.defaults(), ScoreClusterer.single()).model();

    CategoricalColumn flags = (CategoricalColumn) model.column("flag");
    assertThat(flags.categories()).containsExactly("false", "true");
    CategoricalColumn notes = (CategoricalColumn) model.column("note");
    assertThat(notes.kind()).isEqualTo(ColumnKind.TEXT);
    assertThat(notes.categories()).containsExactly("see attached", CategoricalPlan.COMPOSED);
    assertThat(share(notes, 0, CategoricalPlan.COMPOSED)).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aCategoricalStringColumnOfOnlyRareValuesFailsNamingTheColumnAndTheFlag() {
    String[] code = new String[200];
    Arrays.setAll(code, i -> "c" + i / 2);
    SampleTable table =
        Samples.table(
            Samples.strings("code", code),
            Samples.doubles("x", new SplittableRandom(4).doubles(200).toArray()));
    FitSettings settings = FitSettings.builder().kind("code", ColumnKind.CATEGORICAL).build();

    assertThatThrownBy(() -> ModelFitter.fit(table, settings, ScoreClusterer.single()))
        .hasMessageContaining("column 'code': every value occurs in fewer than 5 rows")
        .hasMessageContaining("FitOptions.kind(\"code\", ColumnKind.TEXT)")
        .hasMessageContaining("FitOptions.rareToken(\"_RARE_\")");

    TableModel withToken =
        ModelFitter.fit(
                table,
                FitSettings.builder()
                    .kind("code", ColumnKind.CATEGORICAL)
                    .rareToken("_RARE_")
                    .build(),
                ScoreClusterer.single())
            .model();
    assertThat(((CategoricalColumn) withToken.column("code")).categories())
        .containsExactly("_RARE_");
  }
}
