package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.marginal.EmpiricalMarginal;
import io.synthlake.core.marginal.GaussianMixtureMarginal;
import io.synthlake.core.marginal.HistogramMarginal;
import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.marginal.ParametricMarginal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.RebalancedMixture;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The second golden file of format-version 1, {@code golden/model-v1-every-feature.json}: one model
 * that holds every feature the version has (every storage type and kind, every marginal family and
 * parametric distribution with and without truncation bounds, every key style, text columns,
 * categories of every non-string type, null shares up to an all-null component, two mixture
 * components with their own correlations and marginals, and {@code rebalance}), so that the
 * format's compatibility is pinned whole; {@code model-v1.json} and {@link GoldenModelTest} pin the
 * first release's subset. The rules are those of {@link GoldenModelTest}: the file reads with the
 * values it holds, writes back byte for byte, and generates the same rows as when it was committed.
 * A failure here means a change breaks model files or output that users already have: bump the
 * format version or fix the change, never the golden file.
 *
 * <p>The file is also a coverage list: {@link #theFileHoldsEveryNameTheFormatOffers} fails when the
 * reader, the code's enums or docs/model-format.md name a type, kind, key style, marginal family or
 * distribution that the file does not hold (add it to {@link GoldenEveryFeatureModel} and to a new
 * golden file), and when {@code ModelJson} has a key the file never uses.
 */
class GoldenEveryFeatureTest {
  private static final String GOLDEN = "golden/model-v1-every-feature.json";
  private static final long SEED = 11;
  private static final int FINGERPRINT_ROWS = 5_000;

  /**
   * What format-version 1 offers, written out: the file must hold exactly these, and so must the
   * reader and the doc.
   */
  private static final Set<String> TYPES =
      Set.of(
          "boolean",
          "byte",
          "short",
          "int",
          "long",
          "float",
          "double",
          "decimal",
          "string",
          "date",
          "timestamp",
          "timestamp-ntz");

  private static final Set<String> KINDS =
      Set.of("continuous", "integer", "categorical", "boolean", "date", "timestamp", "key", "text");
  private static final Set<String> KEY_STYLES = Set.of("sequence", "uuid", "code", "random");
  private static final Set<String> FAMILIES =
      Set.of("empirical", "gaussian-mixture", "parametric", "histogram");
  private static final Set<String> DISTRIBUTIONS =
      Set.of("constant", "uniform", "normal", "log-normal", "exponential", "poisson", "zipf");
  private static final Set<String> DEPENDENCE_TYPES = Set.of("gaussian-copula-mixture");

  private static String golden() throws IOException {
    try (InputStream in =
        GoldenEveryFeatureTest.class.getClassLoader().getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN + " on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static TableModel model() throws IOException {
    return ModelJson.fromJson(golden(), GOLDEN);
  }

  // ---------------------------------------------------------------- (1) it reads, with the values
  // it holds

  @Test
  void theFileReadsWithTheValuesItHolds() throws IOException {
    TableModel model = model();

    assertThat(model.columns().stream().map(ColumnModel::name).collect(Collectors.toList()))
        .containsExactly(
            "id",
            "amount",
            "ref",
            "score",
            "price",
            "big",
            "qty",
            "level",
            "rank",
            "wait_ms",
            "half",
            "code",
            "day",
            "at",
            "uuid",
            "local_at",
            "segment",
            "is_fraud",
            "tier",
            "opened",
            "cutoff",
            "slot",
            "rate",
            "factor",
            "note",
            "rnd",
            "tag",
            "countdown",
            "dec_key");
    assertThat(model.properties())
        .containsEntry("created-by", "synthlake 0.1.0")
        .containsEntry(
            "note", "golden file for format-version 1 with every feature, written by hand");
    assertThat(model.column("price").type()).isEqualTo(DataType.decimal(10, 2));
    assertThat(model.column("big").type()).isEqualTo(DataType.decimal(20, 4));
    assertThat(model.column("local_at").type()).isEqualTo(DataType.of(LogicalType.TIMESTAMP_NTZ));
    assertThat(model.column("half").kind()).isEqualTo(ColumnKind.INTEGER);
    assertThat(numeric(model, "half").format().step()).isEqualTo(0.5);
    assertThat(numeric(model, "score").format().decimals()).isEqualTo(3);
    assertThat(numeric(model, "at").format().min()).isEqualTo(1_704_067_200_000_000.0);

    // Keys: every style, sequences numeric (also decreasing, also decimal) and string.
    KeyColumn id = (KeyColumn) model.column("id");
    assertThat(List.of(id.style(), id.start(), id.step()))
        .containsExactly(KeyColumn.Style.SEQUENCE, 1000L, 1L);
    KeyColumn ref = (KeyColumn) model.column("ref");
    assertThat(List.of(ref.start(), ref.step(), ref.prefix(), ref.width()))
        .containsExactly(5000L, 5L, "ORD-", 8);
    KeyColumn code = (KeyColumn) model.column("code");
    assertThat(List.of(code.style(), code.prefix(), code.template()))
        .containsExactly(KeyColumn.Style.CODE, "C-", "9AaXx9");
    assertThat(((KeyColumn) model.column("uuid")).style()).isEqualTo(KeyColumn.Style.UUID);
    KeyColumn rnd = (KeyColumn) model.column("rnd");
    assertThat(List.of(rnd.style(), rnd.type()))
        .containsExactly(KeyColumn.Style.RANDOM, DataType.of(LogicalType.LONG));
    assertThat(((KeyColumn) model.column("countdown")).step()).isEqualTo(-3);
    KeyColumn decKey = (KeyColumn) model.column("dec_key");
    assertThat(List.of(decKey.type(), decKey.start(), decKey.step()))
        .containsExactly(DataType.decimal(18, 0), 100_000_000_000L, 7L);

    // Empirical: point masses and knots, knots only, point masses only.
    EmpiricalMarginal withMasses = (EmpiricalMarginal) marginal(model, "amount", 0);
    assertThat(withMasses.massValues()).containsExactly(0, 9.99);
    assertThat(withMasses.massShares()).containsExactly(0.1, 0.05);
    assertThat(withMasses.knots()).containsExactly(1.5, 20, 75.25, 310, 4999.5);
    assertThat(((EmpiricalMarginal) marginal(model, "amount", 1)).massValues()).isEmpty();
    EmpiricalMarginal massesOnly = (EmpiricalMarginal) marginal(model, "level", 1);
    assertThat(massesOnly.knots()).isEmpty();
    assertThat(massesOnly.massShares()).containsExactly(0.5, 0.3, 0.2);
    assertThat(((EmpiricalMarginal) marginal(model, "at", 1)).massValues())
        .containsExactly(1_717_200_000_000_000.0);

    GaussianMixtureMarginal mixture = (GaussianMixtureMarginal) marginal(model, "score", 0);
    assertThat(mixture.weights()).containsExactly(0.3, 0.7);
    assertThat(mixture.means()).containsExactly(-2, 1.5);
    assertThat(mixture.deviations()).containsExactly(0.5, 1.25);
    assertThat(List.of(mixture.min(), mixture.max())).containsExactly(-10.0, 10.0);

    // Parametric: every distribution, with no bound, a lower, an upper and both.
    assertParametric(marginal(model, "score", 1), "normal", new double[] {0, 2}, null, null);
    assertParametric(
        marginal(model, "price", 0), "log-normal", new double[] {3, 0.75}, 1.0, 5000.0);
    assertParametric(marginal(model, "price", 1), "uniform", new double[] {10, 20}, null, null);
    assertParametric(
        marginal(model, "big", 0), "normal", new double[] {1234.5678, 100}, 1000.0, null);
    assertParametric(marginal(model, "qty", 0), "poisson", new double[] {3.5}, 1.0, null);
    assertParametric(marginal(model, "qty", 1), "zipf", new double[] {1000, 1.1}, null, 100.0);
    assertParametric(marginal(model, "level", 0), "constant", new double[] {7}, null, null);
    assertParametric(marginal(model, "rank", 1), "zipf", new double[] {20000, 0.8}, 2.0, 500.0);
    assertParametric(
        marginal(model, "wait_ms", 0), "exponential", new double[] {0.001}, 10.0, 1_000_000.0);
    assertParametric(marginal(model, "half", 0), "uniform", new double[] {0.25, 9.75}, 0.25, 9.75);

    HistogramMarginal histogram = (HistogramMarginal) marginal(model, "rank", 0);
    assertThat(histogram.edges()).containsExactly(0.5, 10.5, 100.5, 1000.5);
    assertThat(histogram.weights()).containsExactly(5, 0, 1);
    assertThat(((HistogramMarginal) marginal(model, "at", 0)).edges()[1])
        .isEqualTo(1_704_070_799_500_000.0);

    // Null shares, up to a component that is all null and has no marginal.
    assertThat(numeric(model, "amount").components().get(0).nullShare()).isEqualTo(0.02);
    NumericDistribution allNull = numeric(model, "local_at").components().get(1);
    assertThat(allNull.nullShare()).isEqualTo(1.0);
    assertThat(allNull.marginal()).isNull();

    CategoricalColumn segment = (CategoricalColumn) model.column("segment");
    assertThat(segment.categories()).containsExactly("retail", "business", "_RARE_");
    assertThat(segment.probabilities(1)).containsExactly(0.2, 0.75, 0.05);
    assertThat(segment.nullShare(1)).isEqualTo(0.1);
    assertThat(((CategoricalColumn) model.column("is_fraud")).probabilities(1))
        .containsExactly(0.8, 0.2);
    assertThat(((CategoricalColumn) model.column("tier")).nullShare(1)).isEqualTo(1.0);
    assertThat(((CategoricalColumn) model.column("cutoff")).categories())
        .containsExactly("2024-03-01T00:00:00Z", "2024-03-01T12:30:15.250Z");
    assertThat(((CategoricalColumn) model.column("slot")).categories())
        .containsExactly("2024-03-01T09:30", "2024-03-01T17:45:30");
    assertThat(((CategoricalColumn) model.column("rate")).categories())
        .containsExactly("0.50", "12.30");
    assertThat(((CategoricalColumn) model.column("factor")).categories())
        .containsExactly("3.5", "1.0E-4");

    CategoricalColumn note = (CategoricalColumn) model.column("note");
    assertThat(note.kind()).isEqualTo(ColumnKind.TEXT);
    assertThat(note.categories()).containsExactly("ok", "late delivery", "(composed text)");
    assertThat(note.composer().words())
        .containsExactly("box", "damaged", "late", "missing", "refund");
    assertThat(note.composer().wordWeights()).containsExactly(12, 7, 7, 5, 3);
    assertThat(note.composer().wordCountShares()).containsExactly(0.5, 0.3, 0.2);
    CategoricalColumn tag = (CategoricalColumn) model.column("tag");
    assertThat(tag.composer().words()).isEmpty();
    assertThat(tag.composer().wordCountShares()).containsExactly(0, 1);

    // Two components with correlations of their own, rebalanced on is_fraud.
    assertThat(model.dependence()).isInstanceOf(RebalancedMixture.class);
    RebalancedMixture rebalanced = (RebalancedMixture) model.dependence();
    assertThat(rebalanced.column()).isEqualTo("is_fraud");
    assertThat(rebalanced.shares()).containsExactly(0.7, 0.3);
    GaussianCopulaMixture base = rebalanced.base();
    assertThat(base.weights()).containsExactly(0.55, 0.45);
    assertThat(base.correlation(0)[0][13]).isEqualTo(0.4);
    assertThat(base.correlation(0)[9][10]).isEqualTo(0.5);
    assertThat(base.correlation(1)[0][13]).isEqualTo(0.1);
    assertThat(base.correlation(1)[21][16]).isEqualTo(-0.25);
  }

  private static NumericColumn numeric(TableModel model, String name) {
    return (NumericColumn) model.column(name);
  }

  private static Marginal marginal(TableModel model, String name, int component) {
    return numeric(model, name).components().get(component).marginal();
  }

  private static void assertParametric(
      Marginal marginal, String distribution, double[] parameters, Double lower, Double upper) {
    assertThat(marginal).isInstanceOf(ParametricMarginal.class);
    ParametricMarginal parametric = (ParametricMarginal) marginal;
    assertThat(parametric.family().jsonName()).isEqualTo(distribution);
    assertThat(parametric.parameters()).containsExactly(parameters);
    assertThat(parametric.lower()).isEqualTo(lower == null ? Double.NEGATIVE_INFINITY : lower);
    assertThat(parametric.upper()).isEqualTo(upper == null ? Double.POSITIVE_INFINITY : upper);
  }

  // ---------------------------------------------------------------- (2) it writes back byte for
  // byte

  @Test
  void theFileWritesBackByteForByte() throws IOException {
    String text = golden();

    assertThat(ModelJson.toJson(ModelJson.fromJson(text, GOLDEN))).isEqualTo(text);
    // The hand-built model it was first written from still writes the same file.
    assertThat(ModelJson.toJson(GoldenEveryFeatureModel.build())).isEqualTo(text);
  }

  // ---------------------------------------------------------------- (3) it generates the same rows

  private static long fingerprint(TableModel model, boolean dictionaries) {
    return RowFingerprint.of(model, SEED, FINGERPRINT_ROWS, dictionaries);
  }

  @Test
  void theFileGeneratesTheSameRowsAsWhenItWasCommitted() throws IOException {
    TableModel model = model();

    // Every value of the first 5,000 rows (a full block and a partial one), strings as bytes and as
    // dictionary codes.
    assertThat(List.of(fingerprint(model, false), fingerprint(model, true)))
        .containsExactly(FINGERPRINT, FINGERPRINT);

    // The first rows spelled out, so that a failure shows which column moved. Decimals are unscaled
    // longs, dates epoch
    // days, timestamps epoch microseconds (as the sinks receive them).
    Generated rows = Generated.of(model, SEED, FIRST_ROWS.size());
    for (int row = 0; row < FIRST_ROWS.size(); row++) {
      assertThat(rows.row(row)).as("row %d", row).isEqualTo(FIRST_ROWS.get(row));
    }
  }

  // Written when the file was committed (synthlake 0.1.0, before release). A change to these rows
  // changes every user's
  // output: make it on purpose, with a new format version or a release note, never by editing the
  // numbers to pass.
  private static final long FINGERPRINT = -1596862362302307823L;
  // Columns in file order: id, amount, ref, score, price, big, qty, level, rank, wait_ms, half,
  // code, day, at, uuid,
  // local_at, segment, is_fraud, tier, opened, cutoff, slot, rate, factor, note, rnd, tag,
  // countdown, dec_key.
  private static final List<List<Object>> FIRST_ROWS =
      List.of(
          Arrays.asList(
              1000L,
              272.3,
              "ORD-00005000",
              -2.285,
              5296L,
              13757530L,
              1L,
              7L,
              4L,
              939L,
              2.0,
              "C-3JzEi2",
              19359L,
              1704072241000000L,
              "11054d78-8359-4886-938d-b95909625ffc",
              1704082080000000L,
              "retail",
              false,
              1L,
              19723L,
              1709251200000000L,
              1709315130000000L,
              1230L,
              1.0E-4,
              null,
              6037127316959330384L,
              "lmzymxl uot",
              1000000L,
              100000000000L),
          Arrays.asList(
              1001L,
              9.99,
              "ORD-00005005",
              2.303,
              1194L,
              12462059L,
              5L,
              7L,
              7L,
              875L,
              2.0,
              "C-3IoIw1",
              19359L,
              1704068312000000L,
              "7d497c8e-5309-41d4-a589-2c497b52e5c0",
              null,
              "retail",
              false,
              1L,
              19905L,
              1709251200000000L,
              1709315130000000L,
              1230L,
              1.0E-4,
              "box damaged late",
              8547186255745599636L,
              "wxaykpmo tqu",
              999997L,
              100000000007L),
          Arrays.asList(
              1002L,
              1620.58,
              "ORD-00005010",
              0.827,
              1623L,
              -2610855L,
              1L,
              3L,
              46L,
              12L,
              8.5,
              "C-3HdNa0",
              19776L,
              1707992613000000L,
              "0670eeb8-f122-4864-a161-dfbd1b721663",
              null,
              "_RARE_",
              false,
              null,
              19905L,
              1709251200000000L,
              1709285400000000L,
              null,
              3.5,
              "late late",
              6234937259571575119L,
              null,
              999994L,
              100000000014L),
          Arrays.asList(
              1003L,
              2335.37,
              "ORD-00005015",
              1.115,
              3135L,
              11874812L,
              5L,
              7L,
              2L,
              86L,
              6.5,
              "C-3FsRn9",
              19359L,
              1704073471000000L,
              "99a24d63-48bf-410a-9849-2f76b66167bd",
              1704069360000000L,
              "retail",
              false,
              1L,
              19723L,
              1709296215250000L,
              1709285400000000L,
              50L,
              3.5,
              "ok",
              5482085857936473555L,
              "mvyjpo skma",
              999991L,
              100000000021L),
          Arrays.asList(
              1004L,
              1371.89,
              "ORD-00005020",
              0.68,
              1325L,
              -2486657L,
              2L,
              1L,
              59L,
              33L,
              9.5,
              "C-3EhW18",
              19670L,
              1707334175000000L,
              "ae7399e6-f47e-4822-82fa-bbe703b2b555",
              null,
              "business",
              false,
              null,
              19905L,
              1709251200000000L,
              1709285400000000L,
              50L,
              3.5,
              "box",
              2434946818165828077L,
              null,
              999988L,
              100000000028L));

  // ---------------------------------------------------------------- (4) it covers everything the
  // format offers

  @Test
  void theFileHoldsEveryNameTheFormatOffers()
      throws IOException, URISyntaxException, IllegalAccessException {
    JsonNode root = new ObjectMapper().readTree(golden());
    Set<String> types = new TreeSet<>();
    Set<String> kinds = new TreeSet<>();
    Set<String> styles = new TreeSet<>();
    Set<String> families = new TreeSet<>();
    Set<String> distributions = new TreeSet<>();
    for (JsonNode column : root.get("columns")) {
      types.add(column.get("type").asText().replaceAll("\\(.*", ""));
      kinds.add(column.get("kind").asText());
      if (column.has("key")) {
        styles.add(column.get("key").get("style").asText());
      }

      for (JsonNode component : column.path("components")) {
        JsonNode marginal = component.path("marginal");
        if (marginal.has("family")) {
          families.add(marginal.get("family").asText());
        }

        if (marginal.has("distribution")) {
          distributions.add(marginal.get("distribution").asText());
        }
      }
    }

    // The file holds exactly the complete lists above.
    assertThat(types).as("types in " + GOLDEN).isEqualTo(new TreeSet<>(TYPES));
    assertThat(kinds).as("kinds in " + GOLDEN).isEqualTo(new TreeSet<>(KINDS));
    assertThat(styles).as("key styles in " + GOLDEN).isEqualTo(new TreeSet<>(KEY_STYLES));
    assertThat(families).as("marginal families in " + GOLDEN).isEqualTo(new TreeSet<>(FAMILIES));
    assertThat(distributions)
        .as("distributions in " + GOLDEN)
        .isEqualTo(new TreeSet<>(DISTRIBUTIONS));
    assertThat(Set.of(root.get("dependence").get("type").asText())).isEqualTo(DEPENDENCE_TYPES);

    // The code names no more than the lists: its enums, and the names ModelJson dispatches on (as
    // its errors list them).
    assertThat(names(Arrays.stream(LogicalType.values()).map(LogicalType::jsonName)))
        .isEqualTo(new TreeSet<>(TYPES));
    assertThat(names(Arrays.stream(ColumnKind.values()).map(ColumnKind::jsonName)))
        .isEqualTo(new TreeSet<>(KINDS));
    assertThat(names(Arrays.stream(KeyColumn.Style.values()).map(KeyColumn.Style::jsonName)))
        .isEqualTo(new TreeSet<>(KEY_STYLES));
    assertThat(
            names(
                Arrays.stream(ParametricMarginal.Family.values())
                    .map(ParametricMarginal.Family::jsonName)))
        .isEqualTo(new TreeSet<>(DISTRIBUTIONS));
    assertThat(readerNames("\"type\" : \"byte\"", "\"type\" : \"no-such\""))
        .isEqualTo(new TreeSet<>(TYPES));
    assertThat(readerNames("\"kind\" : \"text\"", "\"kind\" : \"no-such\""))
        .isEqualTo(new TreeSet<>(KINDS));
    assertThat(readerNames("\"style\" : \"uuid\"", "\"style\" : \"no-such\""))
        .isEqualTo(new TreeSet<>(KEY_STYLES));
    assertThat(readerNames("\"family\" : \"histogram\"", "\"family\" : \"no-such\""))
        .isEqualTo(new TreeSet<>(FAMILIES));
    assertThat(readerNames("\"distribution\" : \"zipf\"", "\"distribution\" : \"no-such\""))
        .isEqualTo(new TreeSet<>(DISTRIBUTIONS));
    assertThat(readerNames("\"type\" : \"gaussian-copula-mixture\"", "\"type\" : \"no-such\""))
        .isEqualTo(new TreeSet<>(DEPENDENCE_TYPES));

    // Every Marginal class (a new family needs one) is in the file.
    assertThat(marginalClasses()).isEqualTo(usedMarginalClasses(model()));

    // Every key ModelJson reads or writes (its String constants) occurs in the file as a field name
    // or a value.
    Set<String> inFile = new TreeSet<>();
    collectNamesAndStrings(root, inFile);
    // Fields that format-version 2 added live in its own golden files.
    for (String v2 :
        List.of(
            "golden/model-v2-derived.json",
            "golden/model-v2-groups.json",
            "golden/model-v2-time-of-day.json")) {
      try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream(v2)) {
        if (in != null) {
          collectNamesAndStrings(new ObjectMapper().readTree(in), inFile);
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (Field field : ModelJson.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        field.setAccessible(true);
        String key = (String) field.get(null);
        if (!inFile.contains(key)) {
          missing.add(field.getName() + " = \"" + key + "\"");
        }
      }
    }

    assertThat(missing).as("ModelJson keys that " + GOLDEN + " never uses").isEmpty();
  }

  @Test
  void theListsAreTheOnesDocsModelFormatNames() throws IOException {
    // Tests run in core/.
    String doc = Files.readString(Path.of("..", "docs", "model-format.md"));

    assertThat(docNames(doc, "unknown type '<t>'; use one of ([^`]+)`"))
        .isEqualTo(new TreeSet<>(TYPES));
    assertThat(docNames(doc, "unknown column kind '<k>'; use one of ([^`]+)`"))
        .isEqualTo(new TreeSet<>(KINDS));
    assertThat(docNames(doc, "unknown key style '<s>'; use ([^`]+)`"))
        .isEqualTo(new TreeSet<>(KEY_STYLES));
    assertThat(docNames(doc, "unknown marginal family '<f>'; use ([^`]+)`"))
        .isEqualTo(new TreeSet<>(FAMILIES));
    assertThat(
            docNames(
                doc,
                "\\| `distribution` \\| string \\| yes \\| (.+?) \\(exactly these spellings\\)"))
        .isEqualTo(new TreeSet<>(DISTRIBUTIONS));
    assertThat(docNames(doc, "\\| `key.style` \\| string \\| yes \\| (.+?)\\. \\|"))
        .isEqualTo(new TreeSet<>(KEY_STYLES));
    assertThat(docNames(doc, "this version reads ([a-z-]+)`"))
        .isEqualTo(new TreeSet<>(DEPENDENCE_TYPES));
    // The parameter table of section 4: one row per distribution.
    int table = doc.indexOf("| `distribution` | `parameters` |");
    assertThat(table).as("the distribution table of docs/model-format.md").isPositive();
    String rows = doc.substring(doc.indexOf('\n', table), doc.indexOf("\n\n", table));
    Set<String> parameterRows = new TreeSet<>();
    Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\|").matcher(rows);
    while (row.find()) {
      parameterRows.add(row.group(1));
    }

    assertThat(parameterRows).isEqualTo(new TreeSet<>(DISTRIBUTIONS));
    assertThat(doc)
        .as("docs/model-format.md names the golden file")
        .contains("model-v1-every-feature.json");
  }

  private static Set<String> names(Stream<String> names) {
    return names.collect(Collectors.toCollection(TreeSet::new));
  }

  /** Splits "a, b, c or d" (backticks and a trailing "(p,s)" dropped) into names. */
  private static Set<String> split(String list) {
    return names(
        Arrays.stream(list.replace("`", "").replaceAll("\\([^)]*\\)", "").split(",\\s*|\\s+or\\s+"))
            .map(String::trim)
            .filter(name -> !name.isEmpty()));
  }

  private static Set<String> docNames(String doc, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(doc);
    assertThat(matcher.find()).as("docs/model-format.md has /%s/", regex).isTrue();
    return split(matcher.group(1));
  }

  /**
   * The names the reader's error lists when the first {@code known} in the file becomes {@code
   * unknown}.
   */
  private static Set<String> readerNames(String known, String unknown) throws IOException {
    String text = golden();
    assertThat(text).contains(known);
    String edited = text.replaceFirst(Pattern.quote(known), unknown);
    Throwable error =
        org.assertj.core.api.Assertions.catchThrowable(() -> ModelJson.fromJson(edited, GOLDEN));
    assertThat(error).isInstanceOf(SynthlakeException.class).hasMessageContaining("'no-such'");
    Matcher matcher =
        Pattern.compile("'no-such'; (?:use one of |use |this version reads )(.+?)(?:;|$)")
            .matcher(error.getMessage());
    assertThat(matcher.find()).as("names listed in: %s", error.getMessage()).isTrue();
    return split(matcher.group(1));
  }

  private static Set<Class<?>> marginalClasses() throws URISyntaxException, IOException {
    Path directory =
        Path.of(Marginal.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(Marginal.class.getPackageName().replace('.', '/'));
    Set<Class<?>> classes = new java.util.HashSet<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          try {
            Class<?> type =
                Class.forName(
                    Marginal.class.getPackageName() + "." + name.substring(0, name.length() - 6));
            if (Marginal.class.isAssignableFrom(type)
                && !type.isInterface()
                && !Modifier.isAbstract(type.getModifiers())) {
              classes.add(type);
            }
          } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
          }
        }
      }
    }

    assertThat(classes).as("Marginal classes in " + directory).isNotEmpty();
    return classes;
  }

  private static Set<Class<?>> usedMarginalClasses(TableModel model) {
    Set<Class<?>> classes = new java.util.HashSet<>();
    for (ColumnModel column : model.columns()) {
      if (column instanceof NumericColumn) {
        for (NumericDistribution component : ((NumericColumn) column).components()) {
          if (component.marginal() != null) {
            classes.add(component.marginal().getClass());
          }
        }
      }
    }

    return classes;
  }

  private static void collectNamesAndStrings(JsonNode node, Set<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    } else if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.add(field.getKey());
        collectNamesAndStrings(field.getValue(), out);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collectNamesAndStrings(element, out);
      }
    }
  }

  @Test
  void theFileHoldsEveryShapeOfEachFeature() throws IOException {
    TableModel model = model();
    Set<String> shapes = new TreeSet<>();
    for (ColumnModel column : model.columns()) {
      if (column instanceof KeyColumn) {
        KeyColumn key = (KeyColumn) column;
        shapes.add(
            "key "
                + key.style().jsonName()
                + " "
                + key.type().logicalType().jsonName()
                + (key.step() < 0 ? " decreasing" : "")
                + (key.width() > 0 ? " width" : "")
                + (key.prefix().isEmpty() ? "" : " prefix"));
      } else if (column instanceof NumericColumn) {
        for (NumericDistribution component : ((NumericColumn) column).components()) {
          shapes.add(nullShape(component.nullShare()));
          Marginal marginal = component.marginal();
          if (marginal instanceof EmpiricalMarginal) {
            EmpiricalMarginal empirical = (EmpiricalMarginal) marginal;
            shapes.add(
                "empirical"
                    + (empirical.massValues().length > 0 ? " masses" : "")
                    + (empirical.knots().length > 0 ? " knots" : ""));
          } else if (marginal instanceof ParametricMarginal) {
            ParametricMarginal parametric = (ParametricMarginal) marginal;
            shapes.add("parametric " + parametric.family().jsonName());
            shapes.add(
                "parametric bounds"
                    + (Double.isFinite(parametric.lower()) ? " min" : "")
                    + (Double.isFinite(parametric.upper()) ? " max" : ""));
          } else if (marginal instanceof HistogramMarginal) {
            shapes.add(
                "histogram"
                    + (Arrays.stream(((HistogramMarginal) marginal).weights()).anyMatch(w -> w == 0)
                        ? " empty bin"
                        : ""));
          } else if (marginal instanceof GaussianMixtureMarginal) {
            shapes.add(
                "gaussian-mixture "
                    + (((GaussianMixtureMarginal) marginal).modes() > 1 ? "modes" : "mode"));
          }
        }
      } else {
        CategoricalColumn categorical = (CategoricalColumn) column;
        shapes.add(
            categorical.kind().jsonName() + " " + categorical.type().logicalType().jsonName());
        for (int k = 0; k < categorical.componentCount(); k++) {
          shapes.add(nullShape(categorical.nullShare(k)));
        }

        if (categorical.composer() != null) {
          shapes.add(
              categorical.composer().words().isEmpty() ? "text without words" : "text with words");
        }
      }
    }

    assertThat(shapes)
        .containsExactlyInAnyOrder(
            "key sequence long",
            "key sequence string width prefix",
            "key sequence int decreasing",
            "key sequence decimal",
            "key code string prefix",
            "key uuid string",
            "key random long",
            "null none",
            "null some",
            "null all",
            "empirical masses knots",
            "empirical knots",
            "empirical masses",
            "gaussian-mixture modes",
            "gaussian-mixture mode",
            "parametric constant",
            "parametric uniform",
            "parametric normal",
            "parametric log-normal",
            "parametric exponential",
            "parametric poisson",
            "parametric zipf",
            "parametric bounds",
            "parametric bounds min",
            "parametric bounds max",
            "parametric bounds min max",
            "histogram",
            "histogram empty bin",
            "categorical string",
            "categorical int",
            "categorical date",
            "categorical timestamp",
            "categorical timestamp-ntz",
            "categorical decimal",
            "categorical double",
            "boolean boolean",
            "text string",
            "text with words",
            "text without words");
    assertThat(((RebalancedMixture) model.dependence()).base().componentCount()).isEqualTo(2);
  }

  private static String nullShape(double share) {
    return share == 0 ? "null none" : share == 1 ? "null all" : "null some";
  }
}
