package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthlake.core.InvalidModelException;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.JsonFields;
import io.synthlake.core.math.AutoRegression;
import io.synthlake.core.model.RunningBalance;
import io.synthlake.core.model.Seasonality;
import io.synthlake.core.model.StateTransitions;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sequence of a table-set spec entry (docs/spec-format.md section 11.9): a child table whose
 * rows are its parent row's history, ordered by column {@code sequence.order}, which starts at
 * {@code sequence.start} per entity and moves on by {@code sequence.gap} (in {@code gap-unit}) per
 * row; columns with {@code ar} coefficients, whose values follow their earlier values; and columns
 * with a {@code balance}, carried from row to row. It is checked here, with the field paths, and
 * becomes the model's own constructs: the hidden gap column of the table, the hidden start columns
 * of the parent, {@link AutoRegression} processes and {@link RunningBalance}s of a {@link
 * TableSet.Sequence}. Immutable once read.
 */
final class SpecSequence {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long MICROS_PER_SECOND = 1_000_000L;

  /** Timestamp gap units, in microseconds. */
  private static final Map<String, Double> TIME_UNITS =
      Map.of(
          "seconds", 1e6,
          "minutes", 6e7,
          "hours", 3.6e9,
          "days", 8.64e10,
          "weeks", 6.048e11);

  /** Date gap units, in days. */
  private static final Map<String, Double> DATE_UNITS = Map.of("days", 1.0, "weeks", 7.0);

  /**
   * One balance as the spec writes it.
   *
   * @param start the parent's column it starts from, or null when {@code startDistribution} is
   *     drawn in a hidden column of the parent
   */
  record Balance(
      String column,
      DataType type,
      String start,
      JsonNode startDistribution,
      List<String> add,
      List<String> subtract,
      double floor,
      RunningBalance.WhenBelow whenBelow) {
    /** The parent's model column the balance starts from. */
    String startColumn(String table) {
      return start != null ? start : RunningBalance.startColumn(table, column);
    }
  }

  private final String table;
  private final String order;
  private final DataType orderType;
  private final JsonNode start;
  private final JsonNode gap;
  private final Map<String, AutoRegression> processes;
  private final Map<String, Seasonality> seasons;
  private final Map<String, SpecTransitions> chains;
  private final List<Balance> balances;

  private SpecSequence(
      String table,
      String order,
      DataType orderType,
      JsonNode start,
      JsonNode gap,
      Map<String, AutoRegression> processes,
      Map<String, Seasonality> seasons,
      Map<String, SpecTransitions> chains,
      List<Balance> balances) {
    this.table = table;
    this.order = order;
    this.orderType = orderType;
    this.start = start;
    this.gap = gap;
    this.processes = processes;
    this.seasons = seasons;
    this.chains = chains;
    this.balances = balances;
  }

  /**
   * Reads and checks the {@code sequence} of table {@code table} (entry {@code node} at {@code
   * path}), whose parent {@code parent} has entry {@code parentNode}.
   */
  static SpecSequence read(
      JsonFields fields,
      String path,
      String table,
      JsonNode node,
      String parent,
      JsonNode parentNode) {
    return new Reader(fields, path, table, node, parent, parentNode).read();
  }

  /** The fields of a column entry that only a sequence table reads. */
  static final List<String> COLUMN_FIELDS =
      List.of("ar", "balance", "season", "transitions", "first");

  /** The first field of column entry {@code column} that needs a sequence, or null. */
  static String sequenceField(JsonNode column) {
    for (String field : COLUMN_FIELDS) {
      if (column.has(field)) {
        return field;
      }
    }

    return null;
  }

  /** The output columns the set writes beside the model's: the order and the balances. */
  Set<String> setColumns() {
    Set<String> columns = new LinkedHashSet<>();
    columns.add(order);
    balances.forEach(balance -> columns.add(balance.column()));
    return columns;
  }

  /** The hidden gap column of the table's own spec, in the order's number form. */
  ObjectNode gapColumn() {
    LogicalType logical = orderType.logicalType();
    boolean whole = logical.isTemporal() || logical.isIntegral();
    ObjectNode column = NODES.objectNode();
    column.put("name", TableSet.GAP_COLUMN).put("type", whole ? "long" : "double").put("min", 0);
    // Dates and whole-number orders move by whole days or units, timestamps by whole seconds.
    column.put(
        "step",
        logical == LogicalType.DATE || logical.isIntegral()
            ? 1
            : logical.isTemporal() ? MICROS_PER_SECOND : 0);
    column.set("distribution", gap);
    return column;
  }

  /** The hidden columns the parent's spec draws for this table: its starts and balance starts. */
  List<ObjectNode> parentColumns() {
    List<ObjectNode> columns = new ArrayList<>();
    ObjectNode starts = NODES.objectNode();
    starts.put("name", TableSet.startColumn(table)).put("type", orderType.toString());
    LogicalType logical = orderType.logicalType();
    if (logical.isTemporal() && logical != LogicalType.DATE) {
      starts.put("step", MICROS_PER_SECOND);
    }

    starts.set("distribution", start);
    columns.add(starts);
    for (Balance balance : balances) {
      if (balance.startDistribution() != null) {
        ObjectNode column = NODES.objectNode();
        column
            .put("name", balance.startColumn(table))
            .put("type", balance.type().toString())
            .set("distribution", balance.startDistribution());
        columns.add(column);
      }
    }

    return columns;
  }

  /** The model's sequence for the table, whose compiled model is {@code model}. */
  TableSet.Sequence sequence(TableModel model) {
    List<RunningBalance> running = new ArrayList<>();
    for (Balance balance : balances) {
      running.add(
          RunningBalance.of(
              balance.column(),
              balance.type(),
              balance.startColumn(table),
              balance.add(),
              balance.subtract(),
              balance.floor(),
              balance.whenBelow()));
    }

    Map<String, StateTransitions> transitions = new LinkedHashMap<>();
    chains.forEach((column, chain) -> transitions.put(column, chain.build(model)));
    return TableSet.Sequence.of(order, orderType, processes)
        .withSeasons(seasons, null)
        .withTransitions(transitions)
        .withBalances(running);
  }

  /** The checks of one entry's sequence, with its field paths. */
  private static final class Reader {
    private final JsonFields fields;
    private final String path;
    private final String table;
    private final JsonNode node;
    private final JsonNode columns;
    private final String parent;
    private final JsonNode parentNode;

    Reader(
        JsonFields fields,
        String path,
        String table,
        JsonNode node,
        String parent,
        JsonNode parentNode) {
      this.fields = fields;
      this.path = path;
      this.table = table;
      this.node = node;
      this.columns = node.get("columns");
      this.parent = parent;
      this.parentNode = parentNode;
    }

    SpecSequence read() {
      String where = path + ".sequence";
      JsonNode sequence = node.get("sequence");
      if (!sequence.isObject()) {
        throw fields.error(
            where,
            "must be a mapping such as {order: ts, start: {type: uniform, min: 2025-01-01, max: "
                + "2025-12-31}, gap: {type: exponential, rate: 0.5}, gap-unit: days}");
      }

      fields.onlyFields(sequence, where, "order", "start", "gap", "gap-unit");
      String order = fields.string(sequence, where, "order");
      int orderIndex = index(columns, order);
      if (orderIndex < 0) {
        throw fields.error(
            where + ".order",
            "'"
                + SynthlakeException.shown(order)
                + "' is not a column of "
                + table
                + "; list it in columns with its name and type, such as {name: "
                + SynthlakeException.shown(order)
                + ", type: timestamp}");
      }

      String orderPath = path + ".columns[" + orderIndex + "]";
      JsonNode orderNode = columns.get(orderIndex);
      checkOnlyNameAndType(
          orderNode, orderPath, "the sequence's order column, made from its " + "start and gaps");
      DataType orderType =
          DataType.parse(
              fields.string(orderNode, orderPath, "type"), fields.where(orderPath + ".type"));
      LogicalType logical = orderType.logicalType();
      if (!logical.isNumeric() || logical == LogicalType.DECIMAL) {
        throw fields.error(
            orderPath + ".type",
            "an order column is a date, a timestamp or a number, not "
                + orderType
                + "; use date, timestamp, timestamp-ntz, an integer type or double");
      }

      JsonNode start = fields.field(sequence, where, "start");
      DistributionReader reader = new DistributionReader(fields, 0, 0);
      double startStep =
          logical == LogicalType.DATE || logical.isIntegral()
              ? 1
              : logical.isTemporal() ? MICROS_PER_SECOND : 0;
      checkDistribution(reader, start, where + ".start", orderType, startStep);
      JsonNode gap = fields.field(sequence, where, "gap");
      double unit = gapUnit(sequence, where, logical);
      DataType gapType = DataType.of(LogicalType.DOUBLE);
      checkDistribution(reader, gap, where + ".gap", gapType, 0);
      JsonNode scaled = scale(gap, unit, where + ".gap");
      Set<String> setColumns = new LinkedHashSet<>(List.of(order));
      List<Balance> balances = new ArrayList<>();
      Map<String, AutoRegression> processes = new LinkedHashMap<>();
      Map<String, Seasonality> seasons = new LinkedHashMap<>();
      Map<String, SpecTransitions> chains = new LinkedHashMap<>();
      for (int j = 0; j < columns.size(); j++) {
        JsonNode column = columns.get(j);
        String columnPath = path + ".columns[" + j + "]";
        if (column.has("balance")) {
          Balance balance = balance(column, columnPath, reader);
          if (!setColumns.add(balance.column())) {
            throw fields.error(
                columnPath + ".name",
                "'" + balance.column() + "' is used by two columns; column names must be unique");
          }

          balances.add(balance);
        } else if (SpecTransitions.has(column)) {
          chains.put(
              fields.string(column, columnPath, "name"),
              SpecTransitions.read(fields, node, column, columnPath));
        } else if (column.has("ar")) {
          processes.put(fields.string(column, columnPath, "name"), process(column, columnPath));
        }

        if (column.has("season")) {
          if (!isNumber(column)) {
            throw fields.error(
                columnPath + ".season",
                "only a number column with a distribution moves with the seasons; this one is a "
                    + "key, an expression, a combination, a fitted, categorical or date column");
          }

          seasons.put(
              fields.string(column, columnPath, "name"),
              SpecSeason.read(fields, reader, column, columnPath, table, order, orderType));
        }
      }

      checkConstraints(node, path, setColumns, balances);
      return new SpecSequence(
          table, order, orderType, start, scaled, processes, seasons, chains, balances);
    }

    private void checkOnlyNameAndType(JsonNode column, String where, String what) {
      Iterator<String> names = column.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (!name.equals("name") && !name.equals("type")) {
          throw fields.error(
              where + "." + name,
              "cannot be given here: this is " + what + "; give it only name and type");
        }
      }
    }

    private void checkDistribution(
        DistributionReader reader,
        JsonNode distribution,
        String where,
        DataType type,
        double step) {
      if (!distribution.isObject()) {
        throw fields.error(
            where, "must be a distribution such as {type: uniform, min: 0, max: 10}");
      }

      String kind = fields.string(distribution, where, "type");
      if (kind.equals("categories") || kind.equals("faker")) {
        throw fields.error(where + ".type", "must be a numeric distribution, not " + kind);
      }

      reader.numeric(
          distribution, where, type, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, step);
    }

    /** The gap unit in the order's number form: microseconds for timestamps, days for dates. */
    private double gapUnit(JsonNode sequence, String where, LogicalType order) {
      if (!sequence.has("gap-unit")) {
        return order.isTemporal() && order != LogicalType.DATE ? MICROS_PER_SECOND : 1;
      }

      String unit = fields.string(sequence, where, "gap-unit");
      Map<String, Double> units =
          order == LogicalType.DATE ? DATE_UNITS : order.isTemporal() ? TIME_UNITS : Map.of();
      Double factor = units.get(unit);
      if (factor == null) {
        throw fields.error(
            where + ".gap-unit",
            units.isEmpty()
                ? "a number order takes gaps in its own unit; remove gap-unit"
                : "unknown unit '"
                    + SynthlakeException.shown(unit)
                    + "' for a "
                    + order.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + " order; use "
                    + (order == LogicalType.DATE
                        ? "days or weeks"
                        : "seconds, minutes, hours, days or weeks"));
      }

      return factor;
    }

    /**
     * The gap distribution in the order's number form: its parameters times {@code unit} (a
     * log-normal's mu moved by log unit, an exponential's rate divided by it).
     */
    private JsonNode scale(JsonNode gap, double unit, String where) {
      ObjectNode scaled = ((ObjectNode) gap).deepCopy();
      String kind = gap.get("type").asText();
      switch (kind) {
        case "constant" -> times(scaled, where, unit, "value");
        case "uniform" -> times(scaled, where, unit, "min", "max");
        case "normal" -> times(scaled, where, unit, "mean", "sd");
        case "log-normal" -> scaled.put("mu", gap.get("mu").asDouble() + Math.log(unit));
        case "exponential" -> scaled.put("rate", gap.get("rate").asDouble() / unit);
        case "gaussian-mixture" -> times(scaled, where, unit, "means", "deviations");
        case "histogram" -> times(scaled, where, unit, "edges");
        case "poisson", "zipf" -> {
          if (unit != 1) {
            throw fields.error(
                where + ".type",
                "a "
                    + kind
                    + " gap counts whole units of the order's own number form (days for dates, "
                    + "microseconds for timestamps); with a gap-unit use a continuous family, "
                    + "such as exponential or log-normal");
          }
        }
        default ->
            throw fields.error(
                where + ".type",
                "a gap cannot be a "
                    + kind
                    + "; use constant, uniform, normal, log-normal, exponential, "
                    + "gaussian-mixture, histogram, poisson or zipf");
      }

      return scaled;
    }

    private void times(ObjectNode node, String where, double unit, String... names) {
      for (String name : names) {
        JsonNode value = node.get(name);
        if (value.isArray()) {
          ArrayNode array = NODES.arrayNode();
          for (int i = 0; i < value.size(); i++) {
            array.add(number(value.get(i), where + "." + name + "[" + i + "]") * unit);
          }

          node.set(name, array);
        } else {
          node.put(name, number(value, where + "." + name) * unit);
        }
      }
    }

    private double number(JsonNode value, String where) {
      if (!value.isNumber()) {
        throw fields.error(where, "must be a number (in gap-unit), got " + JsonFields.show(value));
      }

      return value.asDouble();
    }

    /** A column's {@code ar} coefficients: the process its normal scores follow. */
    private AutoRegression process(JsonNode column, String where) {
      if (!isGenerated(column)) {
        throw fields.error(
            where + ".ar",
            "only a column with a distribution follows an AR process; this one is a key, an "
                + "expression, a combination or a fitted column");
      }

      double[] phi = fields.numbers(column, where, "ar");
      try {
        return AutoRegression.ofCoefficients(phi);
      } catch (InvalidModelException e) {
        throw fields.error(where + ".ar", e.getMessage());
      }
    }

    private Balance balance(JsonNode column, String where, DistributionReader reader) {
      fields.onlyFields(column, where, "name", "type", "balance");
      String name = fields.string(column, where, "name");
      DataType type =
          DataType.parse(fields.string(column, where, "type"), fields.where(where + ".type"));
      LogicalType logical = type.logicalType();
      if (!logical.isNumeric() || logical.isTemporal()) {
        throw fields.error(
            where + ".type",
            "a balance is a number, not "
                + type
                + "; use an integer, floating or decimal type such as decimal(14,2)");
      }

      String at = where + ".balance";
      JsonNode balance = column.get("balance");
      if (!balance.isObject()) {
        throw fields.error(
            at,
            "must be a mapping such as {start: customers.opening_balance, add: [deposit], "
                + "subtract: [amount], floor: 0, when-below: decline}");
      }

      fields.onlyFields(balance, at, "start", "add", "subtract", "floor", "when-below");
      List<String> add = balance.has("add") ? fields.strings(balance, at, "add") : List.of();
      List<String> subtract =
          balance.has("subtract") ? fields.strings(balance, at, "subtract") : List.of();
      if (add.isEmpty() && subtract.isEmpty()) {
        throw fields.error(
            at, "adds and subtracts nothing; name the columns it moves by in add and subtract");
      }

      for (int i = 0; i < add.size(); i++) {
        checkMove(add.get(i), at + ".add[" + i + "]", name);
      }

      for (int i = 0; i < subtract.size(); i++) {
        checkMove(subtract.get(i), at + ".subtract[" + i + "]", name);
      }

      double floor = balance.has("floor") ? fields.number(balance, at, "floor") : 0;
      RunningBalance.WhenBelow whenBelow = RunningBalance.WhenBelow.DECLINE;
      if (balance.has("when-below")) {
        String text = fields.string(balance, at, "when-below");
        whenBelow = RunningBalance.WhenBelow.parse(text);
        if (whenBelow == null) {
          throw fields.error(
              at + ".when-below",
              "unknown rule '"
                  + SynthlakeException.shown(text)
                  + "'; use decline (the row's subtracted columns become 0) or clip (they are "
                  + "cut to what the balance holds)");
        }
      }

      JsonNode startNode = fields.field(balance, at, "start");
      String start = null;
      JsonNode distribution = null;
      if (startNode.isTextual()) {
        start = parentColumn(startNode.asText(), at + ".start");
      } else if (startNode.isNumber()) {
        distribution =
            NODES.objectNode().put("type", "constant").put("value", startNode.asDouble());
      } else {
        checkDistribution(reader, startNode, at + ".start", type, 0);
        distribution = startNode;
      }

      try {
        RunningBalance.of(
            name,
            type,
            start == null ? RunningBalance.startColumn(table, name) : start,
            add,
            subtract,
            floor,
            whenBelow);
      } catch (InvalidModelException e) {
        throw fields.error(at, e.getMessage());
      }

      return new Balance(name, type, start, distribution, add, subtract, floor, whenBelow);
    }

    /** A column a balance moves by: a number with a distribution, never below 0. */
    private void checkMove(String move, String where, String balance) {
      int index = index(columns, move);
      JsonNode column = index < 0 ? null : columns.get(index);
      if (column == null || !isGenerated(column) || isCategorical(column) || !isAmount(column)) {
        throw fields.error(
            where,
            "'"
                + SynthlakeException.shown(move)
                + "' is not a number column of "
                + table
                + " with a distribution; a balance moves by such columns");
      }

      JsonNode min = column.get("min");
      if (min == null || !(min.isNumber() && min.asDouble() >= 0 || min.isTextual())) {
        throw fields.error(
            where,
            "'"
                + move
                + "' can be negative; give it min: 0 (or more), so that "
                + balance
                + " goes up only by what it adds and down only by what it subtracts");
      }
    }

    /** {@code PARENT.COLUMN}: a number column of the parent with a distribution. */
    private String parentColumn(String text, String where) {
      int dot = text.indexOf('.');
      if (dot < 0 || !text.substring(0, dot).equals(parent)) {
        throw fields.error(
            where,
            "must be "
                + parent
                + ".COLUMN, a number column of the parent (the entity), or a distribution; got '"
                + SynthlakeException.shown(text)
                + "'");
      }

      String name = text.substring(dot + 1);
      JsonNode parentColumns = parentNode.get("columns");
      int index = index(parentColumns, name);
      JsonNode column = index < 0 ? null : parentColumns.get(index);
      if (column == null
          || !(isGenerated(column) || column.has("components"))
          || isCategorical(column)
          || !isAmount(column)) {
        throw fields.error(
            where,
            text
                + " is not a number column of "
                + parent
                + " with a distribution; a balance starts from such a column (not a key, an "
                + "expression, a combination member or a date)");
      }

      for (JsonNode constraint : parentNode.path("constraints")) {
        for (JsonNode member : constraint.path("order")) {
          if (name.equals(member.asText())) {
            throw fields.error(
                where,
                text
                    + " is sorted by the constraints of "
                    + parent
                    + ", so its written values are not the drawn ones; start from another column");
          }
        }
      }

      return name;
    }

    private void checkConstraints(
        JsonNode entry, String where, Set<String> setColumns, List<Balance> balances) {
      Set<String> fixed = new LinkedHashSet<>(setColumns);
      balances.forEach(balance -> fixed.addAll(balance.add()));
      balances.forEach(balance -> fixed.addAll(balance.subtract()));
      JsonNode constraints = entry.path("constraints");
      for (int k = 0; k < constraints.size(); k++) {
        for (JsonNode member : constraints.get(k).path("order")) {
          if (fixed.contains(member.asText())) {
            throw fields.error(
                where + ".constraints[" + k + "]",
                "sorts "
                    + member.asText()
                    + ", which the sequence writes (its order, a balance or a column a balance "
                    + "moves by); a sorted value would no longer match its balance");
          }
        }
      }
    }
  }

  /** The index of the column entry named {@code name} (not a combination member), or -1. */
  static int index(JsonNode columns, String name) {
    for (int j = 0; j < columns.size(); j++) {
      if (name.equals(columns.get(j).path("name").asText(null))) {
        return j;
      }
    }

    return -1;
  }

  /** A spec column drawn from a distribution (or per-category distributions). */
  private static boolean isGenerated(JsonNode column) {
    return (column.has("distribution") || column.has("distributions"))
        && !column.has("key")
        && !column.has("expression")
        && !column.has("combination")
        && !column.has("components")
        && !column.has("categories")
        && !column.has("balance");
  }

  private static boolean isCategorical(JsonNode column) {
    String kind = column.path("distribution").path("type").asText("");
    return kind.equals("categories") || kind.equals("faker") || column.has("categories");
  }

  /**
   * A number column with a distribution, or distributions per category of a given column, none of
   * them categorical; dates and times excluded.
   */
  private static boolean isNumber(JsonNode column) {
    for (JsonNode distribution : column.path("distributions")) {
      String kind = distribution.path("type").asText("");
      if (kind.equals("categories") || kind.equals("faker")) {
        return false;
      }
    }

    return isGenerated(column) && !isCategorical(column) && isAmount(column);
  }

  private static boolean isAmount(JsonNode column) {
    try {
      LogicalType type = DataType.parse(column.path("type").asText(""), "").logicalType();
      return type.isNumeric() && !type.isTemporal();
    } catch (RuntimeException e) {
      return false;
    }
  }
}
