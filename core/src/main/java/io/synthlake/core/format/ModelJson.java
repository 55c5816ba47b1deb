package io.synthlake.core.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.InvalidModelException;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.SynthlakeVersion;
import io.synthlake.core.marginal.EmpiricalMarginal;
import io.synthlake.core.marginal.GaussianMixtureMarginal;
import io.synthlake.core.marginal.HistogramMarginal;
import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.marginal.ParametricMarginal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.DependenceModel;
import io.synthlake.core.model.Derivation;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.RebalancedMixture;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TextComposer;
import io.synthlake.core.model.TimeOfDay;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the model file: versioned JSON, documented field by field in {@code
 * docs/model-format.md}. The one place that knows the layout; every key is a constant here.
 */
public final class ModelJson {
  public static final String FORMAT = "synthlake-model";

  /**
   * The newest model version this release writes and reads. A model is written with the lowest
   * version that holds all it uses ({@link #versionFor}), so models without the newer fields still
   * read on earlier releases.
   */
  public static final int FORMAT_VERSION = 2;

  /** The oldest model version this release reads. */
  public static final int OLDEST_VERSION = 1;

  private static final String FORMAT_KEY = "format";
  private static final String VERSION_KEY = "format-version";
  private static final String PROPERTIES = "properties";
  private static final String COLUMNS = "columns";
  private static final String NAME = "name";
  private static final String TYPE = "type";
  private static final String KIND = "kind";
  private static final String NUMBER_FORMAT = "format";
  private static final String MIN = "min";
  private static final String MAX = "max";
  private static final String STEP = "step";
  private static final String DECIMALS = "decimals";
  private static final String COMPONENTS = "components";
  private static final String NULL_SHARE = "null-share";
  private static final String MARGINAL = "marginal";
  private static final String FAMILY = "family";
  private static final String POINT_MASSES = "point-masses";
  private static final String VALUES = "values";
  private static final String SHARES = "shares";
  private static final String KNOTS = "knots";
  private static final String WEIGHTS = "weights";
  private static final String MEANS = "means";
  private static final String DEVIATIONS = "deviations";
  private static final String CATEGORIES = "categories";
  private static final String PROBABILITIES = "probabilities";
  private static final String TEXT = "text";
  private static final String WORDS = "words";
  private static final String WORD_WEIGHTS = "word-weights";
  private static final String WORD_COUNT_SHARES = "word-count-shares";
  private static final String KEY = "key";
  private static final String STYLE = "style";
  private static final String START = "start";
  private static final String PREFIX = "prefix";
  private static final String WIDTH = "width";
  private static final String TEMPLATE = "template";
  private static final String DEPENDENCE = "dependence";
  private static final String GAUSSIAN_COPULA_MIXTURE = "gaussian-copula-mixture";
  private static final String WEIGHT = "weight";
  private static final String CORRELATION = "correlation";
  private static final String EMPIRICAL = "empirical";
  private static final String GAUSSIAN_MIXTURE = "gaussian-mixture";
  private static final String PARAMETRIC = "parametric";
  private static final String HISTOGRAM = "histogram";
  private static final String DISTRIBUTION = "distribution";
  private static final String PARAMETERS = "parameters";
  private static final String EDGES = "edges";
  private static final String REBALANCE = "rebalance";
  private static final String COLUMN = "column";
  private static final String DERIVED = "derived";
  private static final String FORM = "form";
  private static final String INPUTS = "inputs";
  private static final String COEFFICIENTS = "coefficients";
  private static final String CONSTANT = "constant";
  private static final String TOLERANCE = "tolerance";
  private static final String TIME_OF_DAY = "time-of-day";
  private static final String ZONE = "zone";

  private static final JsonFactory FACTORY = new JsonFactory();

  private ModelJson() {}

  // ---------------------------------------------------------------- writing

  public static String toJson(TableModel model) {
    return document(json -> writeModel(json, model));
  }

  /** What writes a document's content to a generator. */
  interface Content {
    void write(JsonGenerator json) throws IOException;
  }

  /**
   * A whole document: pretty-printed with fixed "\n" line ends, so that model files and golden
   * files are the same bytes on every platform, and ending in a line end.
   */
  static String document(Content content) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setPrettyPrinter(
          new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
      content.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    return out + "\n";
  }

  /** Opens a document's object and writes its format, version and properties. */
  static void writeHeader(
      JsonGenerator json, String format, int version, Map<String, String> properties)
      throws IOException {
    json.writeStartObject();
    json.writeStringField(FORMAT_KEY, format);
    json.writeNumberField(VERSION_KEY, version);
    json.writeObjectFieldStart(PROPERTIES);
    for (Map.Entry<String, String> property : properties.entrySet()) {
      json.writeStringField(property.getKey(), property.getValue());
    }

    json.writeEndObject();
  }

  /** A document's properties, as text; none when the field is absent. */
  static Map<String, String> readProperties(JsonNode root) {
    Map<String, String> properties = new LinkedHashMap<>();
    JsonNode propertiesNode = root.get(PROPERTIES);
    if (propertiesNode != null) {
      Iterator<Map.Entry<String, JsonNode>> entries = propertiesNode.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        properties.put(entry.getKey(), entry.getValue().asText());
      }
    }

    return properties;
  }

  /**
   * Writes the model as one JSON object: a model file's whole content, or one table of a table set.
   */
  static void writeModel(JsonGenerator json, TableModel model) throws IOException {
    writeHeader(json, FORMAT, versionFor(model), model.properties());
    json.writeArrayFieldStart(COLUMNS);
    for (ColumnModel column : model.columns()) {
      writeColumn(json, column);
    }

    json.writeEndArray();
    GroupJson.write(json, model);
    writeDependence(json, model);
    writeDerivations(json, model);
    json.writeEndObject();
  }

  /** The derived columns, in computing order; written only when the model has some (version 2). */
  private static void writeDerivations(JsonGenerator json, TableModel model) throws IOException {
    if (model.derivations().isEmpty()) {
      return;
    }

    json.writeArrayFieldStart(DERIVED);
    for (Derivation derivation : model.derivations()) {
      json.writeStartObject();
      json.writeStringField(COLUMN, derivation.target());
      json.writeStringField(FORM, derivation.form().jsonName());
      writeStrings(json, INPUTS, derivation.inputs());
      writeNumbers(json, COEFFICIENTS, derivation.coefficients());
      json.writeNumberField(CONSTANT, derivation.constant());
      json.writeNumberField(TOLERANCE, derivation.tolerance());
      json.writeEndObject();
    }

    json.writeEndArray();
  }

  /** The {@code derived} entries of a model or spec document; none when the field is absent. */
  public static List<Derivation> readDerivations(JsonNode root, JsonFields fields) {
    JsonNode node = root.get(DERIVED);
    if (node == null) {
      return List.of();
    }

    JsonNode array = fields.array(root, "", DERIVED);
    List<Derivation> derivations = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      String path = DERIVED + "[" + i + "]";
      fields.onlyFields(item, path, COLUMN, FORM, INPUTS, COEFFICIENTS, CONSTANT, TOLERANCE);
      String form = fields.string(item, path, FORM);
      Derivation.Form parsed = null;
      for (Derivation.Form candidate : Derivation.Form.values()) {
        if (candidate.jsonName().equals(form)) {
          parsed = candidate;
        }
      }

      if (parsed == null) {
        throw fields.error(
            JsonFields.join(path, FORM),
            "is '" + SynthlakeException.shown(form) + "'; use linear or log-linear");
      }

      try {
        derivations.add(
            Derivation.of(
                fields.string(item, path, COLUMN),
                parsed,
                fields.strings(item, path, INPUTS),
                fields.numbers(item, path, COEFFICIENTS),
                fields.number(item, path, CONSTANT),
                fields.number(item, path, TOLERANCE)));
      } catch (InvalidModelException e) {
        throw fields.error(path, e.getMessage());
      }
    }

    return derivations;
  }

  /**
   * The lowest format version that holds everything {@code model} uses: 2 for a model with any
   * field that version 2 added (docs/model-format.md, section 11), else 1.
   */
  static int versionFor(TableModel model) {
    if (!model.groups().isEmpty()) {
      return 2;
    }

    if (!model.derivations().isEmpty()) {
      return 2;
    }

    for (ColumnModel column : model.columns()) {
      if (column instanceof NumericColumn && ((NumericColumn) column).timeOfDay() != null) {
        return 2;
      }
    }

    return OLDEST_VERSION;
  }

  private static void writeColumn(JsonGenerator json, ColumnModel column) throws IOException {
    json.writeStartObject();
    json.writeStringField(NAME, column.name());
    json.writeStringField(TYPE, column.type().toString());
    json.writeStringField(KIND, column.kind().jsonName());
    if (column instanceof NumericColumn) {
      NumericColumn numeric = (NumericColumn) column;
      NumericFormat format = numeric.format();
      json.writeObjectFieldStart(NUMBER_FORMAT);
      json.writeNumberField(MIN, format.min());
      json.writeNumberField(MAX, format.max());
      json.writeNumberField(STEP, format.step());
      json.writeNumberField(DECIMALS, format.decimals());
      json.writeEndObject();
      writeDistributions(json, numeric.components());
      if (numeric.timeOfDay() != null) {
        json.writeObjectFieldStart(TIME_OF_DAY);
        json.writeStringField(ZONE, numeric.timeOfDay().zone());
        json.writeNumberField(STEP, numeric.timeOfDay().step());
        writeDistributions(json, numeric.timeOfDay().components());
        json.writeEndObject();
      }
    } else if (column instanceof CategoricalColumn) {
      CategoricalColumn categorical = (CategoricalColumn) column;
      writeStrings(json, CATEGORIES, categorical.categories());
      json.writeArrayFieldStart(COMPONENTS);
      for (int k = 0; k < categorical.componentCount(); k++) {
        json.writeStartObject();
        json.writeNumberField(NULL_SHARE, categorical.nullShare(k));
        writeNumbers(json, PROBABILITIES, categorical.probabilities(k));
        json.writeEndObject();
      }

      json.writeEndArray();
      if (categorical.composer() != null) {
        TextComposer composer = categorical.composer();
        json.writeObjectFieldStart(TEXT);
        writeStrings(json, WORDS, composer.words());
        writeNumbers(json, WORD_WEIGHTS, composer.wordWeights());
        writeNumbers(json, WORD_COUNT_SHARES, composer.wordCountShares());
        json.writeEndObject();
      }
    } else {
      KeyColumn key = (KeyColumn) column;
      json.writeObjectFieldStart(KEY);
      json.writeStringField(STYLE, key.style().jsonName());
      if (key.style() == KeyColumn.Style.SEQUENCE) {
        json.writeNumberField(START, key.start());
        json.writeNumberField(STEP, key.step());
        json.writeStringField(PREFIX, key.prefix());
        json.writeNumberField(WIDTH, key.width());
      } else if (key.style() == KeyColumn.Style.CODE) {
        json.writeStringField(PREFIX, key.prefix());
        json.writeStringField(TEMPLATE, key.template());
      }

      json.writeEndObject();
    }

    json.writeEndObject();
  }

  private static void writeDistributions(
      JsonGenerator json, List<NumericDistribution> distributions) throws IOException {
    json.writeArrayFieldStart(COMPONENTS);
    for (NumericDistribution distribution : distributions) {
      json.writeStartObject();
      json.writeNumberField(NULL_SHARE, distribution.nullShare());
      if (distribution.marginal() != null) {
        json.writeFieldName(MARGINAL);
        writeMarginal(json, distribution.marginal());
      }

      json.writeEndObject();
    }

    json.writeEndArray();
  }

  private static void writeMarginal(JsonGenerator json, Marginal marginal) throws IOException {
    json.writeStartObject();
    if (marginal instanceof EmpiricalMarginal) {
      EmpiricalMarginal empirical = (EmpiricalMarginal) marginal;
      json.writeStringField(FAMILY, EMPIRICAL);
      json.writeObjectFieldStart(POINT_MASSES);
      writeNumbers(json, VALUES, empirical.massValues());
      writeNumbers(json, SHARES, empirical.massShares());
      json.writeEndObject();
      writeNumbers(json, KNOTS, empirical.knots());
    } else if (marginal instanceof ParametricMarginal) {
      ParametricMarginal parametric = (ParametricMarginal) marginal;
      json.writeStringField(FAMILY, PARAMETRIC);
      json.writeStringField(DISTRIBUTION, parametric.family().jsonName());
      json.writeObjectFieldStart(PARAMETERS);
      String[] names = parametric.family().parameters();
      double[] values = parametric.parameters();
      for (int i = 0; i < names.length; i++) {
        json.writeNumberField(names[i], values[i]);
      }

      json.writeEndObject();
      if (Double.isFinite(parametric.lower())) {
        json.writeNumberField(MIN, parametric.lower());
      }

      if (Double.isFinite(parametric.upper())) {
        json.writeNumberField(MAX, parametric.upper());
      }
    } else if (marginal instanceof HistogramMarginal) {
      HistogramMarginal histogram = (HistogramMarginal) marginal;
      json.writeStringField(FAMILY, HISTOGRAM);
      writeNumbers(json, EDGES, histogram.edges());
      writeNumbers(json, WEIGHTS, histogram.weights());
    } else {
      GaussianMixtureMarginal mixture = (GaussianMixtureMarginal) marginal;
      json.writeStringField(FAMILY, GAUSSIAN_MIXTURE);
      writeNumbers(json, WEIGHTS, mixture.weights());
      writeNumbers(json, MEANS, mixture.means());
      writeNumbers(json, DEVIATIONS, mixture.deviations());
      json.writeNumberField(MIN, mixture.min());
      json.writeNumberField(MAX, mixture.max());
    }

    json.writeEndObject();
  }

  private static void writeDependence(JsonGenerator json, TableModel model) throws IOException {
    DependenceModel dependence = model.dependence();
    RebalancedMixture rebalanced =
        dependence instanceof RebalancedMixture ? (RebalancedMixture) dependence : null;
    if (rebalanced != null) {
      dependence = rebalanced.base();
    }

    if (!(dependence instanceof GaussianCopulaMixture)) {
      throw new IllegalArgumentException(
          "cannot write dependence model " + dependence.getClass().getName());
    }

    GaussianCopulaMixture mixture = (GaussianCopulaMixture) dependence;
    json.writeObjectFieldStart(DEPENDENCE);
    json.writeStringField(TYPE, GAUSSIAN_COPULA_MIXTURE);
    writeStrings(json, COLUMNS, model.copulaNames());
    json.writeArrayFieldStart(COMPONENTS);
    double[] weights = mixture.weights();
    for (int k = 0; k < weights.length; k++) {
      json.writeStartObject();
      json.writeNumberField(WEIGHT, weights[k]);
      json.writeArrayFieldStart(CORRELATION);
      for (double[] row : mixture.correlation(k)) {
        json.writeArray(row, 0, row.length);
      }

      json.writeEndArray();
      json.writeEndObject();
    }

    json.writeEndArray();
    if (rebalanced != null) {
      CategoricalColumn column = (CategoricalColumn) model.column(rebalanced.column());
      double[] shares = rebalanced.shares();
      json.writeObjectFieldStart(REBALANCE);
      json.writeStringField(COLUMN, rebalanced.column());
      json.writeObjectFieldStart(SHARES);
      for (int c = 0; c < shares.length; c++) {
        json.writeNumberField(column.categories().get(c), shares[c]);
      }

      json.writeEndObject();
      json.writeEndObject();
    }

    json.writeEndObject();
  }

  /**
   * Wraps {@code base} so that {@code rebalance: {column, shares: {category: share}}} holds;
   * categories left out get share 0. Used by model files and the spec compiler alike.
   */
  public static DependenceModel rebalance(
      GaussianCopulaMixture base,
      List<ColumnModel> columns,
      JsonNode node,
      String path,
      JsonFields fields) {
    fields.onlyFields(node, path, COLUMN, SHARES);
    String name = fields.string(node, path, COLUMN);
    int copulaIndex = 0;
    for (ColumnModel column : columns) {
      if (column.name().equals(name)) {
        if (!(column instanceof CategoricalColumn) || column.kind() == ColumnKind.TEXT) {
          throw fields.error(
              path + "." + COLUMN,
              "'"
                  + SynthlakeException.shown(name)
                  + "' is not a categorical or boolean column, so it has no shares to rebalance");
        }

        CategoricalColumn categorical = (CategoricalColumn) column;
        JsonNode sharesNode = fields.field(node, path, SHARES);
        double[] shares = new double[categorical.categories().size()];
        Iterator<Map.Entry<String, JsonNode>> entries = sharesNode.fields();
        while (entries.hasNext()) {
          Map.Entry<String, JsonNode> entry = entries.next();
          int c = categorical.categories().indexOf(entry.getKey());
          if (c < 0) {
            throw fields.error(
                path + "." + SHARES + "." + entry.getKey(),
                "is not a category of '"
                    + SynthlakeException.shown(name)
                    + "'; its categories are "
                    + SynthlakeException.shown(categorical.categories(), 100));
          }

          shares[c] = fields.number(sharesNode, path + "." + SHARES, entry.getKey());
        }

        try {
          return RebalancedMixture.of(base, categorical, copulaIndex, shares);
        } catch (InvalidModelException e) {
          throw fields.error(path, e.getMessage());
        }
      }

      if (column.kind().inCopula()) {
        copulaIndex++;
      }

      if (column instanceof NumericColumn && ((NumericColumn) column).timeOfDay() != null) {
        copulaIndex++;
      }
    }

    throw fields.error(
        path + "." + COLUMN,
        "names no column of the model: '" + SynthlakeException.shown(name) + "'");
  }

  private static void writeNumbers(JsonGenerator json, String name, double[] values)
      throws IOException {
    json.writeFieldName(name);
    json.writeArray(values, 0, values.length);
  }

  static void writeStrings(JsonGenerator json, String name, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(name);
    for (String value : values) {
      json.writeString(value);
    }

    json.writeEndArray();
  }

  // ---------------------------------------------------------------- reading

  /**
   * Parses a model file's text. {@code source} names the file in error messages, which also give
   * the field path: {@code /tmp/m.json: columns[2].components[0].null-share: must be a number}.
   */
  public static TableModel fromJson(String text, String source) {
    return fromNode(
        DocumentParser.parse(
            text,
            source,
            false,
            "JSON",
            "the file may be truncated or not a model; write it again with synthlake fit"),
        source);
  }

  /** Reads a parsed model file; see {@link #fromJson}. */
  static TableModel fromNode(JsonNode root, String source) {
    JsonFields fields = new JsonFields(source);
    if (root != null && TableSetJson.FORMAT.equals(root.path(FORMAT_KEY).asText())) {
      throw SynthlakeException.of(
          "%s holds a set of related tables, not one table's model: read it as a table set "
              + "(synthlake describe and generate do)",
          source);
    }

    if (root == null || !root.isObject() || !FORMAT.equals(root.path(FORMAT_KEY).asText())) {
      throw SynthlakeException.of(
          "%s is not a synthlake model: it lacks \"format\": \"%s\"; pass a file written by synthlake fit",
          source, FORMAT);
    }

    long version = fields.longNumber(root, "", VERSION_KEY);
    if (version < OLDEST_VERSION || version > FORMAT_VERSION) {
      throw SynthlakeException.of(
          "%s has format-version %d, but this synthlake %s reads versions %d to %d: use the synthlake "
              + "release that wrote it, or fit the model again",
          source, version, SynthlakeVersion.current(), OLDEST_VERSION, FORMAT_VERSION);
    }

    try {
      return readModel(root, fields);
    } catch (InvalidModelException
        | IllegalArgumentException e) { // IllegalArgumentException: from the JDK's parsers
      throw SynthlakeException.of(
          e,
          "%s: %s; the file is inconsistent: write it again with synthlake fit",
          source,
          e.getMessage());
    } catch (SynthlakeException e) {
      if (e.getMessage().startsWith(source)) {
        throw e;
      }

      throw e.within(source);
    }
  }

  /**
   * One table's model inside a larger document, read with {@code fields} nested at its path: errors
   * name the file and the full path.
   */
  static TableModel readEmbedded(JsonNode node, JsonFields fields) {
    if (!node.isObject() || !FORMAT.equals(node.path(FORMAT_KEY).asText())) {
      throw fields.error("", "must be a model object with \"format\": \"" + FORMAT + "\"");
    }

    long version = fields.longNumber(node, "", VERSION_KEY);
    if (version < OLDEST_VERSION || version > FORMAT_VERSION) {
      throw fields.error(
          VERSION_KEY,
          "is "
              + version
              + ", but this synthlake reads model versions "
              + OLDEST_VERSION
              + " to "
              + FORMAT_VERSION
              + ": fit the model again");
    }

    try {
      return readModel(node, fields);
    } catch (InvalidModelException
        | IllegalArgumentException e) { // IllegalArgumentException: from the JDK's parsers
      throw fields.error(
          "", e.getMessage() + "; the file is inconsistent: write it again with synthlake fit");
    }
  }

  private static TableModel readModel(JsonNode root, JsonFields fields) {
    fields.onlyFields(
        root,
        "",
        FORMAT_KEY,
        VERSION_KEY,
        PROPERTIES,
        COLUMNS,
        GroupJson.GROUPS,
        DEPENDENCE,
        DERIVED);
    Map<String, String> properties = readProperties(root);

    JsonNode columnsNode = fields.array(root, "", COLUMNS);
    List<ColumnModel> columns = new ArrayList<>();
    for (int i = 0; i < columnsNode.size(); i++) {
      columns.add(readColumn(columnsNode.get(i), "columns[" + i + "]", fields));
    }

    List<ColumnGroup> groups = GroupJson.read(root, fields);
    DependenceModel dependence =
        readDependence(fields.field(root, "", DEPENDENCE), columns, groups, fields);
    return TableModel.of(columns, dependence, properties, groups)
        .withDerivations(readDerivations(root, fields));
  }

  /**
   * One fitted column object; also used by the spec compiler, where a fitted column may stand among
   * spec columns.
   */
  public static ColumnModel readColumn(JsonNode node, String path, JsonFields fields) {
    String name = fields.string(node, path, NAME);
    DataType type =
        DataType.parse(fields.string(node, path, TYPE), fields.source() + ": " + path + "." + TYPE);
    ColumnKind kind =
        ColumnKind.parse(
            fields.string(node, path, KIND), fields.source() + ": " + path + "." + KIND);
    if (kind.isNumeric()) {
      fields.onlyFields(node, path, NAME, TYPE, KIND, NUMBER_FORMAT, COMPONENTS, TIME_OF_DAY);
      JsonNode format = fields.field(node, path, NUMBER_FORMAT);
      String formatPath = path + "." + NUMBER_FORMAT;
      fields.onlyFields(format, formatPath, MIN, MAX, STEP, DECIMALS);
      NumericFormat numberFormat =
          NumericFormat.of(
              fields.number(format, formatPath, MIN),
              fields.number(format, formatPath, MAX),
              fields.number(format, formatPath, STEP),
              fields.intNumber(format, formatPath, DECIMALS));
      NumericColumn column =
          NumericColumn.of(name, type, kind, numberFormat, readDistributions(node, path, fields));
      JsonNode timeOfDay = node.get(TIME_OF_DAY);
      if (timeOfDay == null) {
        return column;
      }

      String timePath = path + "." + TIME_OF_DAY;
      fields.onlyFields(timeOfDay, timePath, ZONE, STEP, COMPONENTS);
      try {
        return column.withTimeOfDay(
            TimeOfDay.of(
                fields.string(timeOfDay, timePath, ZONE),
                fields.number(timeOfDay, timePath, STEP),
                readDistributions(timeOfDay, timePath, fields)));
      } catch (InvalidModelException e) {
        throw fields.error(timePath, e.getMessage());
      }
    }

    if (kind == ColumnKind.KEY) {
      fields.onlyFields(node, path, NAME, TYPE, KIND, KEY);
      JsonNode key = fields.field(node, path, KEY);
      String keyPath = path + "." + KEY;
      return KeyJson.read(key, keyPath, name, type, fields, KeyJson.Form.MODEL);
    }

    fields.onlyFields(node, path, NAME, TYPE, KIND, CATEGORIES, COMPONENTS, TEXT);
    List<String> categories = fields.strings(node, path, CATEGORIES);
    JsonNode componentsNode = fields.array(node, path, COMPONENTS);
    List<double[]> probabilities = new ArrayList<>();
    double[] nullShares = new double[componentsNode.size()];
    for (int k = 0; k < componentsNode.size(); k++) {
      String componentPath = path + ".components[" + k + "]";
      fields.onlyFields(componentsNode.get(k), componentPath, NULL_SHARE, PROBABILITIES);
      nullShares[k] = fields.number(componentsNode.get(k), componentPath, NULL_SHARE);
      probabilities.add(fields.numbers(componentsNode.get(k), componentPath, PROBABILITIES));
    }

    TextComposer composer = null;
    if (kind == ColumnKind.TEXT) {
      JsonNode text = fields.field(node, path, TEXT);
      String textPath = path + "." + TEXT;
      fields.onlyFields(text, textPath, WORDS, WORD_WEIGHTS, WORD_COUNT_SHARES);
      composer =
          TextComposer.of(
              fields.strings(text, textPath, WORDS),
              fields.numbers(text, textPath, WORD_WEIGHTS),
              fields.numbers(text, textPath, WORD_COUNT_SHARES));
    }

    return CategoricalColumn.of(name, type, kind, categories, probabilities, nullShares, composer);
  }

  /** The {@code components} array of numeric distributions under {@code node}. */
  private static List<NumericDistribution> readDistributions(
      JsonNode node, String path, JsonFields fields) {
    JsonNode componentsNode = fields.array(node, path, COMPONENTS);
    List<NumericDistribution> components = new ArrayList<>();
    for (int k = 0; k < componentsNode.size(); k++) {
      JsonNode component = componentsNode.get(k);
      String componentPath = path + ".components[" + k + "]";
      fields.onlyFields(component, componentPath, NULL_SHARE, MARGINAL);
      JsonNode marginal = component.get(MARGINAL);
      components.add(
          NumericDistribution.of(
              fields.number(component, componentPath, NULL_SHARE),
              marginal == null
                  ? null
                  : readMarginal(marginal, componentPath + "." + MARGINAL, fields)));
    }

    return components;
  }

  static Marginal readMarginal(JsonNode node, String path, JsonFields fields) {
    String family = fields.string(node, path, FAMILY);
    if (EMPIRICAL.equals(family)) {
      fields.onlyFields(node, path, FAMILY, POINT_MASSES, KNOTS);
      JsonNode masses = fields.field(node, path, POINT_MASSES);
      fields.onlyFields(masses, path + "." + POINT_MASSES, VALUES, SHARES);
      return EmpiricalMarginal.of(
          fields.numbers(masses, path + "." + POINT_MASSES, VALUES),
          fields.numbers(masses, path + "." + POINT_MASSES, SHARES),
          fields.numbers(node, path, KNOTS));
    }

    if (GAUSSIAN_MIXTURE.equals(family)) {
      fields.onlyFields(node, path, FAMILY, WEIGHTS, MEANS, DEVIATIONS, MIN, MAX);
      return GaussianMixtureMarginal.of(
          fields.numbers(node, path, WEIGHTS),
          fields.numbers(node, path, MEANS),
          fields.numbers(node, path, DEVIATIONS),
          fields.number(node, path, MIN),
          fields.number(node, path, MAX));
    }

    if (PARAMETRIC.equals(family)) {
      fields.onlyFields(node, path, FAMILY, DISTRIBUTION, PARAMETERS, MIN, MAX);
      String name = fields.string(node, path, DISTRIBUTION);
      ParametricMarginal.Family parametric = ParametricMarginal.Family.parse(name);
      if (parametric == null) {
        throw fields.error(
            path + "." + DISTRIBUTION,
            "unknown distribution '"
                + SynthlakeException.shown(name)
                + "'; use constant, uniform, normal, log-normal, exponential, poisson or zipf");
      }

      Map<String, Double> parameters = new LinkedHashMap<>();
      JsonNode parametersNode = fields.field(node, path, PARAMETERS);
      parametersNode
          .fieldNames()
          .forEachRemaining(
              key ->
                  parameters.put(key, fields.number(parametersNode, path + "." + PARAMETERS, key)));
      return ParametricMarginal.of(
          parametric,
          parameters,
          node.has(MIN) ? fields.number(node, path, MIN) : Double.NEGATIVE_INFINITY,
          node.has(MAX) ? fields.number(node, path, MAX) : Double.POSITIVE_INFINITY,
          path + "." + PARAMETERS);
    }

    if (HISTOGRAM.equals(family)) {
      fields.onlyFields(node, path, FAMILY, EDGES, WEIGHTS);
      return HistogramMarginal.of(
          fields.numbers(node, path, EDGES), fields.numbers(node, path, WEIGHTS), path);
    }

    throw fields.error(
        path + "." + FAMILY,
        "unknown marginal family '"
            + SynthlakeException.shown(family)
            + "'; use empirical, gaussian-mixture, parametric or histogram");
  }

  private static DependenceModel readDependence(
      JsonNode node, List<ColumnModel> columns, List<ColumnGroup> groups, JsonFields fields) {
    fields.onlyFields(node, DEPENDENCE, TYPE, COLUMNS, COMPONENTS, REBALANCE);
    String type = fields.string(node, DEPENDENCE, TYPE);
    if (!GAUSSIAN_COPULA_MIXTURE.equals(type)) {
      throw fields.error(
          DEPENDENCE + "." + TYPE,
          "unknown dependence type '"
              + SynthlakeException.shown(type)
              + "'; this version reads "
              + GAUSSIAN_COPULA_MIXTURE);
    }

    List<String> expected = GroupJson.copulaNames(columns, groups);
    List<String> named = fields.strings(node, DEPENDENCE, COLUMNS);
    if (!named.equals(expected)) {
      throw fields.error(
          DEPENDENCE + "." + COLUMNS,
          "must list the non-key columns in order "
              + SynthlakeException.shown(expected, 100)
              + ", got "
              + SynthlakeException.shown(named, 100));
    }

    JsonNode componentsNode = fields.array(node, DEPENDENCE, COMPONENTS);
    double[] weights = new double[componentsNode.size()];
    List<double[][]> correlations = new ArrayList<>();
    for (int k = 0; k < componentsNode.size(); k++) {
      String path = DEPENDENCE + ".components[" + k + "]";
      JsonNode component = componentsNode.get(k);
      fields.onlyFields(component, path, WEIGHT, CORRELATION);
      weights[k] = fields.number(component, path, WEIGHT);
      JsonNode rows = fields.array(component, path, CORRELATION);
      double[][] matrix = new double[rows.size()][];
      for (int r = 0; r < rows.size(); r++) {
        matrix[r] = fields.numberArray(rows.get(r), path + "." + CORRELATION + "[" + r + "]");
      }

      correlations.add(matrix);
    }

    if (weights.length == 0) {
      throw fields.error(DEPENDENCE + "." + COMPONENTS, "must hold at least one component");
    }

    GaussianCopulaMixture mixture = GaussianCopulaMixture.of(weights, correlations);
    if (node.has(REBALANCE) && !groups.isEmpty()) {
      throw fields.error(
          DEPENDENCE + "." + REBALANCE,
          "a model with column groups cannot be rebalanced; remove the field or fit the model again"
              + " with --no-groups");
    }

    return node.has(REBALANCE)
        ? rebalance(mixture, columns, node.get(REBALANCE), DEPENDENCE + "." + REBALANCE, fields)
        : mixture;
  }
}
