package io.synthlake.core.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.InvalidModelException;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.SynthlakeVersion;
import io.synthlake.core.math.AutoRegression;
import io.synthlake.core.model.KeyAffinity;
import io.synthlake.core.model.ParentLink;
import io.synthlake.core.model.Popularity;
import io.synthlake.core.model.RunningBalance;
import io.synthlake.core.model.Seasonality;
import io.synthlake.core.model.StateTransitions;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the table-set file: versioned JSON holding each table's model (in the model
 * file's own layout) and the foreign keys between them, documented in {@code docs/model-format.md}.
 * The one place that knows its layout.
 */
public final class TableSetJson {
  public static final String FORMAT = "synthlake-table-set";

  /**
   * Version 2 added a further key's {@code affinity}; version 3 a sequence's {@code seasons},
   * {@code transitions}, {@code series}, {@code month-day} and {@code balances}; version 4 tables
   * whose models use the fields of model version 2 (column groups, derived columns, times of day).
   * Files of every earlier version are read too.
   */
  public static final int FORMAT_VERSION = 4;

  /** The version a set whose tables' models all are of model version 1 is written with. */
  private static final int MODEL_V1_VERSION = 3;

  private static final String FORMAT_KEY = "format";
  private static final String VERSION_KEY = "format-version";
  private static final String PROPERTIES = "properties";
  private static final String TABLES = "tables";
  private static final String NAME = "name";
  private static final String INPUT_ROWS = "input-rows";
  private static final String COLUMNS = "columns";
  private static final String FOREIGN_KEYS = "foreign-keys";
  private static final String COLUMN = "column";
  private static final String TABLE = "table";
  private static final String KEY = "key";
  private static final String POPULARITY = "popularity";
  private static final String CHILD_SHARES = "child-shares";
  private static final String PARENT_SHARES = "parent-shares";
  private static final String AFFINITY = "affinity";
  private static final String KEYS = "keys";
  private static final String ORDINAL = "ordinal";
  private static final String TYPE = "type";
  private static final String START = "start";
  private static final String SEQUENCE = "sequence";
  private static final String ORDER = "order";
  private static final String PROCESSES = "processes";
  private static final String SEASONS = "seasons";
  private static final String SCALE = "scale";
  private static final String KNOTS = "knots";
  private static final String LEVELS = "levels";
  private static final String YEAR_COS = "year-cos";
  private static final String YEAR_SIN = "year-sin";
  private static final String WEEK = "week";
  private static final String DAY_COS = "day-cos";
  private static final String DAY_SIN = "day-sin";
  private static final String SERIES = "series";
  private static final String MONTH_DAY = "month-day";
  private static final String SPAN = "span";
  private static final String MIN_GAP = "min-gap";
  private static final String BALANCES = "balances";
  private static final String ADD = "add";
  private static final String SUBTRACT = "subtract";
  private static final String FLOOR = "floor";
  private static final String WHEN_BELOW = "when-below";
  private static final String SHARES = "shares";
  private static final String PARENT_WEIGHTS = "parent-weights";
  private static final String PARENT_LINK = "parent-link";
  private static final String TRANSITIONS = "transitions";
  private static final String MEANS = "means";
  private static final String VARIANCES = "variances";
  private static final String MODEL = "model";

  private TableSetJson() {}

  public static String toJson(TableSet set) {
    return ModelJson.document(
        json -> {
          ModelJson.writeHeader(json, FORMAT, versionFor(set), set.properties());
          json.writeArrayFieldStart(TABLES);
          for (TableSet.Table table : set.tables()) {
            writeTable(json, table);
          }

          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /**
   * The lowest version that holds {@code set}: 4 when a table's model uses a field of model version
   * 2, else 3, so that sets without them read on releases before version 4.
   */
  static int versionFor(TableSet set) {
    for (TableSet.Table table : set.tables()) {
      if (ModelJson.versionFor(table.model()) > ModelJson.OLDEST_VERSION) {
        return FORMAT_VERSION;
      }
    }

    return MODEL_V1_VERSION;
  }

  private static void writeTable(JsonGenerator json, TableSet.Table table) throws IOException {
    json.writeStartObject();
    json.writeStringField(NAME, table.name());
    json.writeNumberField(INPUT_ROWS, table.inputRows());
    ModelJson.writeStrings(json, COLUMNS, table.columns());
    json.writeArrayFieldStart(FOREIGN_KEYS);
    for (TableSet.ForeignKey key : table.foreignKeys()) {
      json.writeStartObject();
      if (key.isComposite()) {
        ModelJson.writeStrings(json, COLUMNS, key.columns());
        json.writeStringField(TABLE, key.parentTable());
        ModelJson.writeStrings(json, KEYS, key.parentKeys());
      } else {
        json.writeStringField(COLUMN, key.column());
        json.writeStringField(TABLE, key.parentTable());
        json.writeStringField(KEY, key.parentKey());
      }

      if (!key.isParent()) {
        writePopularity(json, key.popularity());
      }

      KeyAffinity affinity = key.affinity();
      if (affinity != null) {
        json.writeObjectFieldStart(AFFINITY);
        json.writeArrayFieldStart(SHARES);
        for (int k = 0; k < affinity.componentCount(); k++) {
          writeNumbers(json, null, affinity.shares(k));
        }

        json.writeEndArray();
        writeNumbers(json, PARENT_WEIGHTS, affinity.parentWeights());
        writePopularity(json, affinity.popularity());
        json.writeEndObject();
      }

      json.writeEndObject();
    }

    json.writeEndArray();
    if (table.ordinal() != null) {
      json.writeObjectFieldStart(ORDINAL);
      json.writeStringField(COLUMN, table.ordinal().column());
      json.writeStringField(TYPE, table.ordinal().type().toString());
      json.writeNumberField(START, table.ordinal().start());
      json.writeEndObject();
    }

    TableSet.Sequence sequence = table.sequence();
    if (sequence != null) {
      json.writeObjectFieldStart(SEQUENCE);
      json.writeStringField(ORDER, sequence.order());
      json.writeStringField(TYPE, sequence.orderType().toString());
      if (sequence.monthly()) {
        json.writeNumberField(MONTH_DAY, sequence.monthDay());
      }

      json.writeObjectFieldStart(PROCESSES);
      for (Map.Entry<String, AutoRegression> process : sequence.processes().entrySet()) {
        writeNumbers(json, process.getKey(), process.getValue().autocorrelations());
      }

      json.writeEndObject();
      if (!sequence.seasons().isEmpty()) {
        json.writeObjectFieldStart(SEASONS);
        for (Map.Entry<String, Seasonality> season : sequence.seasons().entrySet()) {
          writeSeasonality(json, season.getKey(), season.getValue());
        }

        json.writeEndObject();
      }

      if (!sequence.transitions().isEmpty()) {
        json.writeObjectFieldStart(TRANSITIONS);
        for (Map.Entry<String, StateTransitions> chain : sequence.transitions().entrySet()) {
          json.writeArrayFieldStart(chain.getKey());
          for (int k = 0; k < chain.getValue().componentCount(); k++) {
            json.writeStartArray();
            for (double[] row : chain.getValue().matrix(k)) {
              writeNumbers(json, null, row);
            }

            json.writeEndArray();
          }

          json.writeEndArray();
        }

        json.writeEndObject();
      }

      if (sequence.series() != null) {
        json.writeObjectFieldStart(SERIES);
        json.writeNumberField(START, sequence.series().start());
        json.writeNumberField(SPAN, sequence.series().span());
        json.writeNumberField(MIN_GAP, sequence.series().minGap());
        json.writeEndObject();
      }

      writeBalances(json, sequence.balances());

      json.writeEndObject();
    }

    ParentLink link = table.link();
    if (link != null) {
      json.writeObjectFieldStart(PARENT_LINK);
      json.writeArrayFieldStart(TRANSITIONS);
      for (int c = 0; c < link.parentComponentCount(); c++) {
        writeNumbers(json, null, link.transitions(c));
      }

      json.writeEndArray();
      json.writeArrayFieldStart(MEANS);
      for (int k = 0; k < link.componentCount(); k++) {
        writeNumbers(json, null, link.means(k));
      }

      json.writeEndArray();
      json.writeArrayFieldStart(VARIANCES);
      for (int k = 0; k < link.componentCount(); k++) {
        writeNumbers(json, null, link.variances(k));
      }

      json.writeEndArray();
      json.writeEndObject();
    }

    json.writeFieldName(MODEL);
    ModelJson.writeModel(json, table.model());
    json.writeEndObject();
  }

  private static void writePopularity(JsonGenerator json, Popularity popularity)
      throws IOException {
    json.writeObjectFieldStart(POPULARITY);
    writeNumbers(json, CHILD_SHARES, popularity.childShares());
    writeNumbers(json, PARENT_SHARES, popularity.parentShares());
    json.writeEndObject();
  }

  private static void writeNumbers(JsonGenerator json, String name, double[] values)
      throws IOException {
    if (name != null) {
      json.writeFieldName(name);
    }

    json.writeArray(values, 0, values.length);
  }

  /** Whether {@code root}, a parsed model document, is a table set. */
  public static boolean isTableSet(JsonNode root) {
    return root != null && root.isObject() && FORMAT.equals(root.path(FORMAT_KEY).asText());
  }

  /**
   * Parses a table-set file's text; {@code source} names the file in error messages, which give the
   * field path.
   */
  public static TableSet fromJson(String text, String source) {
    return fromNode(
        DocumentParser.parse(
            text,
            source,
            false,
            "JSON",
            "the file may be truncated or not a table set; write it again with synthlake fit"),
        source);
  }

  /** Reads a parsed table-set file; see {@link #fromJson}. */
  static TableSet fromNode(JsonNode root, String source) {
    if (!isTableSet(root)) {
      throw SynthlakeException.of(
          "%s is not a synthlake table set: it lacks \"format\": \"%s\"; pass a file written "
              + "by synthlake fit with several inputs",
          source, FORMAT);
    }

    JsonFields fields = new JsonFields(source);
    long version = fields.longNumber(root, "", VERSION_KEY);
    if (version < 1 || version > FORMAT_VERSION) {
      throw SynthlakeException.of(
          "%s has format-version %d, but this synthlake %s reads table-set versions 1 to %d: "
              + "use the synthlake release that wrote it, or fit the tables again",
          source, version, SynthlakeVersion.current(), FORMAT_VERSION);
    }

    fields.onlyFields(root, "", FORMAT_KEY, VERSION_KEY, PROPERTIES, TABLES);
    Map<String, String> properties = ModelJson.readProperties(root);

    JsonNode tablesNode = fields.array(root, "", TABLES);
    List<TableSet.Table> tables = new ArrayList<>();
    for (int i = 0; i < tablesNode.size(); i++) {
      tables.add(readTable(tablesNode.get(i), fields.nested(TABLES + "[" + i + "]")));
    }

    try {
      return TableSet.of(tables, properties);
    } catch (InvalidModelException e) {
      throw fields.error(TABLES, e.getMessage());
    }
  }

  private static TableSet.Table readTable(JsonNode node, JsonFields fields) {
    fields.onlyFields(
        node, "", NAME, INPUT_ROWS, COLUMNS, FOREIGN_KEYS, ORDINAL, SEQUENCE, PARENT_LINK, MODEL);
    String name = fields.string(node, "", NAME);
    long inputRows = fields.longNumber(node, "", INPUT_ROWS);
    if (inputRows < 1) {
      throw fields.error(INPUT_ROWS, "must be at least 1, got " + inputRows);
    }

    List<String> columns = fields.strings(node, "", COLUMNS);
    JsonNode keysNode = fields.array(node, "", FOREIGN_KEYS);
    List<TableSet.ForeignKey> keys = new ArrayList<>();
    for (int k = 0; k < keysNode.size(); k++) {
      JsonFields keyFields = fields.nested(FOREIGN_KEYS + "[" + k + "]");
      JsonNode keyNode = keysNode.get(k);
      keyFields.onlyFields(keyNode, "", COLUMN, COLUMNS, TABLE, KEY, KEYS, POPULARITY, AFFINITY);
      Popularity popularity =
          keyNode.has(POPULARITY) ? readPopularity(keyNode, keyFields, POPULARITY) : null;
      KeyAffinity affinity = null;
      if (keyNode.has(AFFINITY)) {
        JsonNode affinityNode = keyNode.get(AFFINITY);
        keyFields.onlyFields(affinityNode, AFFINITY, SHARES, PARENT_WEIGHTS, POPULARITY);
        JsonFields affinityFields = keyFields.nested(AFFINITY);
        try {
          affinity =
              KeyAffinity.of(
                  matrix(affinityNode, SHARES, keyFields, AFFINITY),
                  keyFields.numbers(affinityNode, AFFINITY, PARENT_WEIGHTS),
                  readPopularity(affinityNode, affinityFields, POPULARITY));
        } catch (InvalidModelException e) {
          throw keyFields.error(AFFINITY, e.getMessage());
        }
      }

      boolean composite = keyNode.has(COLUMNS);
      try {
        keys.add(
            new TableSet.ForeignKey(
                composite
                    ? keyFields.strings(keyNode, "", COLUMNS)
                    : List.of(keyFields.string(keyNode, "", COLUMN)),
                keyFields.string(keyNode, "", TABLE),
                composite
                    ? keyFields.strings(keyNode, "", KEYS)
                    : List.of(keyFields.string(keyNode, "", KEY)),
                popularity,
                affinity));
      } catch (InvalidModelException e) {
        throw keyFields.error(composite ? KEYS : KEY, e.getMessage());
      }
    }

    ParentLink link = null;
    if (node.has(PARENT_LINK)) {
      JsonNode linkNode = node.get(PARENT_LINK);
      fields.onlyFields(linkNode, PARENT_LINK, TRANSITIONS, MEANS, VARIANCES);
      try {
        link =
            ParentLink.of(
                matrix(linkNode, TRANSITIONS, fields),
                matrix(linkNode, MEANS, fields),
                matrix(linkNode, VARIANCES, fields));
      } catch (InvalidModelException e) {
        throw fields.error(PARENT_LINK, e.getMessage());
      }
    }

    TableModel model = ModelJson.readEmbedded(fields.field(node, "", MODEL), fields.nested(MODEL));
    TableSet.Ordinal ordinal = null;
    if (node.has(ORDINAL)) {
      JsonNode ordinalNode = node.get(ORDINAL);
      fields.onlyFields(ordinalNode, ORDINAL, COLUMN, TYPE, START);
      try {
        ordinal =
            new TableSet.Ordinal(
                fields.string(ordinalNode, ORDINAL, COLUMN),
                DataType.parse(
                    fields.string(ordinalNode, ORDINAL, TYPE),
                    fields.source() + ": " + ORDINAL + "." + TYPE),
                fields.longNumber(ordinalNode, ORDINAL, START));
      } catch (InvalidModelException e) {
        throw fields.error(ORDINAL, e.getMessage());
      }
    }

    TableSet.Sequence sequence =
        node.has(SEQUENCE) ? readSequence(node.get(SEQUENCE), fields) : null;
    return new TableSet.Table(name, model, columns, inputRows, link, keys, ordinal, sequence);
  }

  private static void writeSeasonality(JsonGenerator json, String column, Seasonality season)
      throws IOException {
    json.writeObjectFieldStart(column);
    json.writeNumberField(SCALE, season.scale());
    writeNumbers(json, LEVELS, season.levels());
    String[] names = {KNOTS, YEAR_COS, YEAR_SIN, WEEK, DAY_COS, DAY_SIN};
    double[][] values = {
      season.knots(),
      season.yearCos(),
      season.yearSin(),
      season.week(),
      season.dayCos(),
      season.daySin()
    };
    for (int i = 0; i < names.length; i++) {
      if (values[i].length > 0) {
        writeNumbers(json, names[i], values[i]);
      }
    }

    json.writeEndObject();
  }

  private static Seasonality readSeasonality(JsonNode node, JsonFields fields, String path) {
    fields.onlyFields(node, path, SCALE, LEVELS, KNOTS, YEAR_COS, YEAR_SIN, WEEK, DAY_COS, DAY_SIN);
    try {
      return new Seasonality(
          optionalNumbers(node, fields, path, KNOTS),
          fields.numbers(node, path, LEVELS),
          optionalNumbers(node, fields, path, YEAR_COS),
          optionalNumbers(node, fields, path, YEAR_SIN),
          optionalNumbers(node, fields, path, WEEK),
          optionalNumbers(node, fields, path, DAY_COS),
          optionalNumbers(node, fields, path, DAY_SIN),
          fields.number(node, path, SCALE));
    } catch (InvalidModelException e) {
      throw fields.error(path, e.getMessage());
    }
  }

  private static double[] optionalNumbers(
      JsonNode node, JsonFields fields, String path, String name) {
    return node.has(name) ? fields.numbers(node, path, name) : new double[0];
  }

  private static StateTransitions readTransitions(JsonNode node, JsonFields fields, String path) {
    if (!node.isArray() || node.size() == 0 || node.size() > 10_000) {
      throw fields.error(path, "must be an array of 1 to 10000 matrices, one per component");
    }

    double[][][] matrices = new double[node.size()][][];
    for (int k = 0; k < matrices.length; k++) {
      JsonNode rows = node.get(k);
      String where = path + "[" + k + "]";
      if (!rows.isArray() || rows.size() > StateTransitions.MAX_STATES + 1) {
        throw fields.error(
            where, "must be an array of at most " + (StateTransitions.MAX_STATES + 1) + " rows");
      }

      matrices[k] = new double[rows.size()][];
      for (int from = 0; from < rows.size(); from++) {
        matrices[k][from] = fields.numberArray(rows.get(from), where + "[" + from + "]");
      }
    }

    try {
      return StateTransitions.of(matrices);
    } catch (InvalidModelException e) {
      throw fields.error(path, e.getMessage());
    }
  }

  private static TableSet.Series readSeries(JsonNode node, JsonFields fields) {
    String path = SEQUENCE + "." + SERIES;
    fields.onlyFields(node, path, START, SPAN, MIN_GAP);
    try {
      return new TableSet.Series(
          fields.number(node, path, START),
          fields.number(node, path, SPAN),
          fields.number(node, path, MIN_GAP));
    } catch (InvalidModelException e) {
      throw fields.error(path, e.getMessage());
    }
  }

  /** A sequence's running balances, left out when it has none. */
  private static void writeBalances(JsonGenerator json, List<RunningBalance> balances)
      throws IOException {
    if (balances.isEmpty()) {
      return;
    }

    json.writeArrayFieldStart(BALANCES);
    for (RunningBalance balance : balances) {
      json.writeStartObject();
      json.writeStringField(COLUMN, balance.column());
      json.writeStringField(TYPE, balance.type().toString());
      json.writeStringField(START, balance.start());
      ModelJson.writeStrings(json, ADD, balance.add());
      ModelJson.writeStrings(json, SUBTRACT, balance.subtract());
      json.writeNumberField(FLOOR, balance.floor());
      json.writeStringField(WHEN_BELOW, balance.whenBelow().jsonName());
      json.writeEndObject();
    }

    json.writeEndArray();
  }

  private static List<RunningBalance> readBalances(JsonNode node, JsonFields fields) {
    if (!node.has(BALANCES)) {
      return List.of();
    }

    JsonNode array = fields.array(node, SEQUENCE, BALANCES);
    List<RunningBalance> balances = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = SEQUENCE + "." + BALANCES + "[" + i + "]";
      JsonNode entry = array.get(i);
      fields.onlyFields(entry, path, COLUMN, TYPE, START, ADD, SUBTRACT, FLOOR, WHEN_BELOW);
      String whenBelow = fields.string(entry, path, WHEN_BELOW);
      RunningBalance.WhenBelow rule = RunningBalance.WhenBelow.parse(whenBelow);
      if (rule == null) {
        throw fields.error(
            path + "." + WHEN_BELOW,
            "unknown rule '" + SynthlakeException.shown(whenBelow) + "'; use decline or clip");
      }

      try {
        balances.add(
            RunningBalance.of(
                fields.string(entry, path, COLUMN),
                DataType.parse(
                    fields.string(entry, path, TYPE), fields.source() + ": " + path + "." + TYPE),
                fields.string(entry, path, START),
                fields.strings(entry, path, ADD),
                fields.strings(entry, path, SUBTRACT),
                fields.number(entry, path, FLOOR),
                rule));
      } catch (InvalidModelException e) {
        throw fields.error(path, e.getMessage());
      }
    }

    return balances;
  }

  private static TableSet.Sequence readSequence(JsonNode node, JsonFields fields) {
    fields.onlyFields(
        node, SEQUENCE, ORDER, TYPE, MONTH_DAY, PROCESSES, SEASONS, TRANSITIONS, SERIES, BALANCES);
    JsonNode processesNode = fields.field(node, SEQUENCE, PROCESSES);
    Map<String, AutoRegression> processes = new LinkedHashMap<>();
    String path = SEQUENCE + "." + PROCESSES;
    Iterator<Map.Entry<String, JsonNode>> entries = processesNode.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> process = entries.next();
      double[] autocorrelations = fields.numbers(processesNode, path, process.getKey());
      if (autocorrelations.length > AutoRegression.MAX_ORDER) {
        throw fields.error(
            path + "." + process.getKey(),
            "holds "
                + autocorrelations.length
                + " lags; a process has at most "
                + AutoRegression.MAX_ORDER);
      }

      try {
        processes.put(process.getKey(), AutoRegression.of(autocorrelations));
      } catch (InvalidModelException e) {
        throw fields.error(path + "." + process.getKey(), e.getMessage());
      }
    }

    Map<String, Seasonality> seasons = new LinkedHashMap<>();
    if (node.has(SEASONS)) {
      JsonNode seasonsNode = fields.field(node, SEQUENCE, SEASONS);
      Iterator<Map.Entry<String, JsonNode>> columns = seasonsNode.fields();
      while (columns.hasNext()) {
        Map.Entry<String, JsonNode> season = columns.next();
        seasons.put(
            season.getKey(),
            readSeasonality(
                season.getValue(), fields, SEQUENCE + "." + SEASONS + "." + season.getKey()));
      }
    }

    Map<String, StateTransitions> transitions = new LinkedHashMap<>();
    if (node.has(TRANSITIONS)) {
      Iterator<Map.Entry<String, JsonNode>> chains =
          fields.field(node, SEQUENCE, TRANSITIONS).fields();
      while (chains.hasNext()) {
        Map.Entry<String, JsonNode> chain = chains.next();
        transitions.put(
            chain.getKey(),
            readTransitions(
                chain.getValue(), fields, SEQUENCE + "." + TRANSITIONS + "." + chain.getKey()));
      }
    }

    TableSet.Series series =
        node.has(SERIES) ? readSeries(fields.field(node, SEQUENCE, SERIES), fields) : null;
    try {
      return new TableSet.Sequence(
          fields.string(node, SEQUENCE, ORDER),
          DataType.parse(
              fields.string(node, SEQUENCE, TYPE), fields.source() + ": " + SEQUENCE + "." + TYPE),
          node.has(MONTH_DAY) ? fields.intNumber(node, SEQUENCE, MONTH_DAY) : 0,
          processes,
          seasons,
          transitions,
          series,
          readBalances(node, fields));
    } catch (InvalidModelException e) {
      throw fields.error(SEQUENCE, e.getMessage());
    }
  }

  private static Popularity readPopularity(JsonNode node, JsonFields fields, String name) {
    JsonNode curve = fields.field(node, "", name);
    fields.onlyFields(curve, name, CHILD_SHARES, PARENT_SHARES);
    try {
      return Popularity.of(
          fields.numbers(curve, name, CHILD_SHARES), fields.numbers(curve, name, PARENT_SHARES));
    } catch (InvalidModelException e) {
      throw fields.error(name, e.getMessage());
    }
  }

  private static double[][] matrix(JsonNode link, String name, JsonFields fields) {
    return matrix(link, name, fields, PARENT_LINK);
  }

  private static double[][] matrix(JsonNode node, String name, JsonFields fields, String owner) {
    String path = owner.isEmpty() ? name : owner + "." + name;
    JsonNode rows = fields.array(node, owner, name);
    if (rows.size() > 10_000) {
      throw fields.error(
          path, "holds " + rows.size() + " rows; a model has at most 10000 components");
    }

    double[][] matrix = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      matrix[i] = fields.numberArray(rows.get(i), path + "[" + i + "]");
    }

    return matrix;
  }
}
