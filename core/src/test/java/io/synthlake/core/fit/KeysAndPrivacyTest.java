package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Real keys, rare categories and rare text are never reproduced. */
class KeysAndPrivacyTest {
  /** More than two blocks, so uniqueness is checked across block boundaries. */
  private static final int GENERATED = 10_000;

  private static double[] noise(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] values = new double[n];
    Arrays.setAll(values, i -> random.nextGaussian());
    return values;
  }

  private static Set<String> strings(CollectingSink sink) {
    Set<String> values = new HashSet<>();
    for (int row = 0; row < sink.size(); row++) {
      values.add(sink.string(row));
    }

    return values;
  }

  @Test
  void anIntegerIdColumnStartsAtThePowerOfTenAboveTheLargestRealId() {
    double[] ids = new double[500];
    Arrays.setAll(ids, i -> (i * 211) % 500 + 1);

    TableModel model =
        Samples.fitSingle(Samples.ints("id", ids), Samples.doubles("x", noise(500, 1))).model();

    assertThat(model.column("id").kind()).isEqualTo(ColumnKind.KEY);
    assertThat(model.dependence().dimension()).isEqualTo(1);
    assertThat(((KeyColumn) model.column("id")).start())
        .as("not 501, which would reveal the real maximum")
        .isEqualTo(1000);
    CollectingSink generated = Generated.of(model, 1, GENERATED).column("id");
    Set<Long> seen = new HashSet<>();
    for (int row = 0; row < GENERATED; row++) {
      long id = generated.longValue(row);
      assertThat(id).isGreaterThan(500);
      assertThat(seen.add(id)).as("id %d is unique", id).isTrue();
    }
  }

  @Test
  void steppedIdsKeepTheirStep() {
    double[] ids = new double[200];
    Arrays.setAll(ids, i -> 10L * (i + 1));

    KeyColumn key =
        (KeyColumn)
            Samples.fitSingle(Samples.ints("id", ids), Samples.doubles("x", noise(200, 2)))
                .model()
                .column("id");

    assertThat(key.style()).isEqualTo(KeyColumn.Style.SEQUENCE);
    assertThat(key.start()).isEqualTo(10_000);
    assertThat(key.step()).isEqualTo(10);
  }

  @Test
  void codesOfLettersAndDigitsGetLongerUniqueCodes() {
    String[] codes = new String[500];
    Arrays.setAll(codes, i -> String.format("A%03d", i + 1));

    TableModel model =
        Samples.fitSingle(Samples.strings("account", codes), Samples.doubles("x", noise(500, 3)))
            .model();

    KeyColumn key = (KeyColumn) model.column("account");
    assertThat(key.style()).isEqualTo(KeyColumn.Style.CODE);
    assertThat(key.template()).isEqualTo("A9999");
    Set<String> generated = strings(Generated.of(model, 1, GENERATED).column("account"));
    assertThat(generated).hasSize(GENERATED).doesNotContainAnyElementsOf(List.of(codes));
    assertThat(generated).allMatch(code -> code.matches("[A-Z][0-9]{4}"));
  }

  @Test
  void prefixedNumbersContinueTheSequence() {
    String[] codes = new String[300];
    Arrays.setAll(codes, i -> String.format("TX-%04d", 3 * i + 7));

    TableModel model =
        Samples.fitSingle(
                Samples.strings("transaction", codes), Samples.doubles("x", noise(300, 4)))
            .model();

    KeyColumn key = (KeyColumn) model.column("transaction");
    assertThat(key.style()).isEqualTo(KeyColumn.Style.SEQUENCE);
    assertThat(key.prefix()).isEqualTo("TX-");
    CollectingSink sink = Generated.of(model, 1, GENERATED).column("transaction");
    Set<String> generated = strings(sink);
    assertThat(generated).hasSize(GENERATED).doesNotContainAnyElementsOf(List.of(codes));
    assertThat(sink.string(0)).as("the largest real number is 904").isEqualTo("TX-1000");
    assertThat(generated).allMatch(code -> code.matches("TX-[0-9]{4,}"));
  }

  @Test
  void uuidsGetFreshValidUuids() {
    SplittableRandom random = new SplittableRandom(5);
    String[] uuids = new String[300];
    Arrays.setAll(
        uuids,
        i ->
            new UUID(
                    random.nextLong() & ~0xF000L | 0x4000L,
                    random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
                .toString());

    TableModel model =
        Samples.fitSingle(Samples.strings("ref", uuids), Samples.doubles("x", noise(300, 5)))
            .model();

    assertThat(((KeyColumn) model.column("ref")).style()).isEqualTo(KeyColumn.Style.UUID);
    Set<String> generated = strings(Generated.of(model, 1, GENERATED).column("ref"));
    assertThat(generated).hasSize(GENERATED).doesNotContainAnyElementsOf(List.of(uuids));
    for (String text : generated) {
      UUID uuid = UUID.fromString(text);
      assertThat(uuid.toString()).isEqualTo(text);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
    }
  }

  @Test
  void withTheTokenOptionRareStringCategoriesBecomeTheToken() {
    // 1000 rows: three frequent values and 12 rare ones seen 1 to 4 times each (30 rows in all,
    // 3%).
    String[] city = new String[1000];
    int row = 0;
    Set<String> rare = new HashSet<>();
    for (int r = 0; r < 12; r++) {
      String name = "village" + r;
      rare.add(name);
      for (int copy = 0; copy <= r % 4; copy++) {
        city[row++] = name;
      }
    }

    while (row < 1000) {
      city[row] = row % 3 == 0 ? "Lima" : row % 3 == 1 ? "Quito" : "Bogota";
      row++;
    }

    TableModel model =
        ModelFitter.fit(
                Samples.table(Samples.strings("city", city), Samples.doubles("x", noise(1000, 6))),
                FitSettings.builder().rareToken("_RARE_").build(),
                ScoreClusterer.single())
            .model();

    CategoricalColumn column = (CategoricalColumn) model.column("city");
    assertThat(column.kind()).isEqualTo(ColumnKind.CATEGORICAL);
    assertThat(column.categories()).containsExactlyInAnyOrder("Lima", "Quito", "Bogota", "_RARE_");
    assertThat(column.probabilities(0)[column.categories().indexOf("_RARE_")]).isEqualTo(0.03);
    Map<String, Integer> counts = new HashMap<>();
    CollectingSink sink = Generated.of(model, 1, GENERATED).column("city");
    for (int r = 0; r < GENERATED; r++) {
      counts.merge(sink.string(r), 1, Integer::sum);
    }

    assertThat(counts.keySet()).doesNotContainAnyElementsOf(rare);
    // The token stands in for the 3%: 300 expected, sd 17.
    assertThat(counts.get("_RARE_")).isBetween(200, 400);
  }

  @Test
  void withTheTokenOptionRareNumericCategoriesFoldIntoTheMostFrequentOne() {
    double[] rating = new double[500];
    Arrays.setAll(rating, i -> i < 3 ? 9 : i % 2 == 0 ? 1 : i % 4 == 1 ? 2 : 3);
    // A number column cannot hold the token, so the token option folds its rare values instead.
    FitSettings settings =
        FitSettings.builder().kind("rating", ColumnKind.CATEGORICAL).rareToken("_RARE_").build();

    TableModel model =
        ModelFitter.fit(
                Samples.table(Samples.ints("rating", rating), Samples.doubles("x", noise(500, 7))),
                settings,
                ScoreClusterer.single())
            .model();

    CategoricalColumn column = (CategoricalColumn) model.column("rating");
    assertThat(column.categories()).containsExactlyInAnyOrder("1", "2", "3");
    // The three 9s are folded into the most frequent value: 248 + 3 of 500.
    assertThat(column.probabilities(0)[column.categories().indexOf("1")]).isEqualTo(0.502);
    CollectingSink sink = Generated.of(model, 1, GENERATED).column("rating");
    for (int r = 0; r < GENERATED; r++) {
      assertThat(sink.longValue(r)).isBetween(1L, 3L);
    }
  }

  @Test
  void textNeverEmitsRareValuesOrRareWords() {
    SplittableRandom random = new SplittableRandom(9);
    String[] vocabulary = new String[40];
    Arrays.setAll(vocabulary, i -> "word" + (char) ('a' + i % 26) + (i / 26));
    Set<String> rareWords = new HashSet<>();
    String[] notes = new String[300];
    for (int i = 0; i < notes.length; i++) {
      if (i < 20) {
        notes[i] = "see attached";
      } else if (i < 35) {
        notes[i] = "call back later";
      } else {
        StringBuilder note = new StringBuilder();
        int words = 6 + random.nextInt(4);
        for (int w = 0; w < words; w++) {
          note.append(w == 0 ? "" : " ").append(vocabulary[random.nextInt(vocabulary.length)]);
        }

        if (i % 25 == 0) {
          String rareWord = "secret" + i;
          rareWords.add(rareWord);
          note.append(' ').append(rareWord);
        }

        notes[i] = note.toString();
      }
    }

    Map<String, Integer> inputCounts = new HashMap<>();
    for (String note : notes) {
      inputCounts.merge(note, 1, Integer::sum);
    }

    TableModel model =
        Samples.fitSingle(Samples.strings("note", notes), Samples.doubles("x", noise(300, 8)))
            .model();

    CategoricalColumn column = (CategoricalColumn) model.column("note");
    assertThat(column.kind()).isEqualTo(ColumnKind.TEXT);
    assertThat(rareWords).hasSize(10);
    assertThat(column.composer().words())
        .doesNotContainAnyElementsOf(rareWords)
        .isSubsetOf(List.of(vocabulary));
    CollectingSink sink = Generated.of(model, 1, GENERATED).column("note");
    int composed = 0;
    for (int r = 0; r < GENERATED; r++) {
      String note = sink.string(r);
      // A composed value could equal a real one only by chance: 6 to 9 words drawn from 40 of
      // similar frequency make
      // the expected number of such coincidences in 10,000 rows about 1e-4.
      assertThat(inputCounts.getOrDefault(note, 5))
          .as("'%s' was seen fewer than 5 times", note)
          .isGreaterThanOrEqualTo(5);
      assertThat(note.split(" ")).doesNotContainAnyElementsOf(rareWords);
      composed += inputCounts.containsKey(note) ? 0 : 1;
    }

    // About 88% of rows are composed (265 of 300 real values were rare).
    assertThat(composed).isBetween(8400, 9200);
  }
}
