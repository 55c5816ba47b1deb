package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.JsonFields;
import io.synthlake.core.model.TableSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The check step of a table-set spec ({@code tables: […]}): names, relations, cycles, fan-outs and
 * {@code given} columns across tables; then each table is rewritten as a single-table spec and
 * checked by {@link SpecChecker}. A column {@code given: customers.segment} makes the tables from
 * customers down to it split by segment: one mixture component per segment value, weighted by its
 * share, which the parent link hands on unchanged from parent to child (a child row's component is
 * its parent's segment), and each given column's distributions become that component's overrides.
 * Errors name the file and the field path.
 */
final class TableSetChecker {
  static final int MAX_TABLES = 64;

  /**
   * Most rows of any table per row of its root table, on average: a task generates the rows under
   * 4096 root rows together, so this bounds a task's rows.
   */
  static final double MAX_ROWS_PER_ROOT_ROW = 1_000;

  /** A root table's size when its entry gives no {@code rows}. */
  static final long DEFAULT_ROWS = 1_000;

  private static final long MAX_DECLARED_ROWS = 1_000_000_000_000L;
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * A foreign key of a table: {@code column} holds values of key column {@code key} of {@code
   * table}; a further key picks its parent row by Zipf's law of exponent {@code zipf} (0:
   * uniformly).
   */
  record ForeignKey(String column, String table, String key, double zipf) {}

  /**
   * One table as the check step leaves it.
   *
   * @param spec its columns, as a single-table spec (count columns of its children included)
   * @param parent the foreign key to its parent, or null for a root
   * @param count how many rows each parent row has, or null for a root
   * @param split the column that splits it into components, or null
   * @param declaredRows a root's size relative to the other roots
   * @param referenceRows expected rows when every root has its declared size
   * @param keys its key columns
   * @param sequence how its rows follow each other within their parent row, or null
   */
  record Table(
      String name,
      String path,
      SpecPlan spec,
      ForeignKey parent,
      ChildCount count,
      List<ForeignKey> further,
      Split split,
      long declaredRows,
      double referenceRows,
      Set<String> keys,
      SpecSequence sequence) {}

  /** A checked table-set spec: the tables, every parent before its children. */
  record Plan(String source, List<Table> tables, Map<String, String> properties) {
    Table table(String name) {
      for (Table table : tables) {
        if (table.name().equals(name)) {
          return table;
        }
      }

      return null;
    }

    Table root(Table table) {
      Table current = table;
      while (current.parent() != null) {
        current = table(current.parent().table());
      }

      return current;
    }
  }

  /** What is gathered about a table entry while checking. */
  private static final class Entry {
    final String path;
    final String name;
    final JsonNode node;
    final JsonNode columns;
    final Map<String, Integer> columnIndex = new LinkedHashMap<>();
    final Set<String> keys = new HashSet<>();
    final Set<String> members = new HashSet<>();
    ForeignKey parent;
    final List<ForeignKey> further = new ArrayList<>();
    Split split;
    ChildCount count;
    SpecSequence sequence;
    double[] rowsByCategory;

    Entry(String path, String name, JsonNode node, JsonNode columns) {
      this.path = path;
      this.name = name;
      this.node = node;
      this.columns = columns;
    }
  }

  /** A {@code given}: table {@code reader} needs to be split by {@code column} of {@code owner}. */
  private record Need(Entry reader, Entry owner, String column, String where) {}

  private final String source;
  private final JsonFields fields;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private TableSetChecker(String source) {
    this.source = source;
    this.fields = new JsonFields(source);
  }

  static Plan check(JsonNode root, String source) {
    return new TableSetChecker(source).plan(root);
  }

  private Plan plan(JsonNode root) {
    fields.onlyFields(root, "", "properties", "tables");
    JsonNode tables = fields.array(root, "", "tables");
    if (tables.size() == 0 || tables.size() > MAX_TABLES) {
      throw fields.error(
          "tables", "must list 1 to " + MAX_TABLES + " tables, got " + tables.size());
    }

    for (int i = 0; i < tables.size(); i++) {
      readEntry(tables.get(i), "tables[" + i + "]");
    }

    for (Entry entry : entries.values()) {
      readRelations(entry);
    }

    checkCycles();
    for (Entry entry : entries.values()) {
      readFurtherKeys(entry);
      readSequence(entry);
    }

    resolveSplits(findNeeds());
    List<Entry> ordered = parentsFirst();
    for (Entry entry : ordered) {
      if (entry.parent != null) {
        Entry parent = entries.get(entry.parent.table());
        JsonNode count = entry.node.get("count");
        entry.count =
            ChildCount.read(
                count, entry.path + ".count", fields, count.has("given") ? parent.split : null);
      }
    }

    sizeTables(ordered);
    List<Table> result = new ArrayList<>();
    for (Entry entry : ordered) {
      result.add(table(entry, ordered));
    }

    Map<String, String> properties = new LinkedHashMap<>();
    if (root.has("properties")) {
      root.get("properties")
          .fields()
          .forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
    } else {
      properties.put("created-by", "synthlake spec " + source);
    }

    return new Plan(source, result, properties);
  }

  // ---------------------------------------------------------------- tables and relations

  private void readEntry(JsonNode node, String path) {
    if (!node.isObject()) {
      throw fields.error(path, "must be a mapping with a name and columns");
    }

    fields.onlyFields(
        node,
        path,
        "name",
        "rows",
        "parent",
        "count",
        "foreign-keys",
        "columns",
        "dependence",
        "components",
        "constraints",
        "rebalance",
        "sequence");
    String name = fields.string(node, path, "name");
    if (!TABLE_NAME.matcher(name).matches()) {
      throw fields.error(
          path + ".name",
          "'"
              + SynthlakeException.shown(name)
              + "' is not a table name; use 1 to 64 letters, digits, _ and -, starting with a "
              + "letter or _");
    }

    if (entries.containsKey(name)) {
      throw fields.error(
          path + ".name", "'" + name + "' is used by two tables; table names must be unique");
    }

    Entry entry = new Entry(path, name, node, fields.array(node, path, "columns"));
    for (int j = 0; j < entry.columns.size(); j++) {
      JsonNode column = entry.columns.get(j);
      if (column.has("combination")) {
        for (JsonNode member : column.path("combination").path("columns")) {
          if (member.path("name").isTextual()) {
            entry.members.add(member.get("name").asText());
            entry.columnIndex.putIfAbsent(member.get("name").asText(), j);
          }
        }
      } else if (column.path("name").isTextual()) {
        entry.columnIndex.putIfAbsent(column.get("name").asText(), j);
        if (column.has("key")) {
          entry.keys.add(column.get("name").asText());
        }
      }
    }

    entries.put(name, entry);
  }

  private void readRelations(Entry entry) {
    JsonNode node = entry.node;
    String path = entry.path;
    if (node.has("parent")) {
      entry.parent = foreignKey(entry, node.get("parent"), path + ".parent", false);
      if (!node.has("count")) {
        throw fields.error(
            path + ".count",
            "is missing; a table with a parent needs a count: how many of its rows each "
                + "parent row has, such as {type: poisson, mean: 2}");
      }

      if (node.has("rows")) {
        throw fields.error(
            path + ".rows",
            "a table with a parent has as many rows as its parents' counts give; remove rows");
      }
    } else if (node.has("count")) {
      throw fields.error(
          path + ".count", "is a count of rows per parent row, but the table has no parent");
    }
  }

  /** A table's {@code sequence}, which needs a parent: the entity whose history its rows are. */
  private void readSequence(Entry entry) {
    if (!entry.node.has("sequence")) {
      for (int j = 0; j < entry.columns.size(); j++) {
        String field = SpecSequence.sequenceField(entry.columns.get(j));
        if (field != null) {
          throw fields.error(
              entry.path + ".columns[" + j + "]." + field,
              "runs along the rows of an entity's history, but "
                  + entry.name
                  + " is no sequence; give the table a sequence: {order, start, gap} "
                  + "(docs/spec-format.md section 11.9)");
        }
      }

      return;
    }

    if (entry.parent == null) {
      throw fields.error(
          entry.path + ".sequence",
          "orders a table's rows within their parent row (the entity whose history they are), "
              + "but "
              + entry.name
              + " has no parent; give it a parent and a count (the length of each history)");
    }

    Entry parent = entries.get(entry.parent.table());
    entry.sequence =
        SpecSequence.read(fields, entry.path, entry.name, entry.node, parent.name, parent.node);
  }

  private void readFurtherKeys(Entry entry) {
    if (!entry.node.has("foreign-keys")) {
      return;
    }

    JsonNode keys = fields.array(entry.node, entry.path, "foreign-keys");
    for (int i = 0; i < keys.size(); i++) {
      entry.further.add(
          foreignKey(entry, keys.get(i), entry.path + ".foreign-keys[" + i + "]", true));
    }
  }

  /**
   * {@code {column, table, key}} (and for a further key {@code popularity}); {@code key} may be
   * left out when the table has one key column.
   */
  private ForeignKey foreignKey(Entry entry, JsonNode node, String path, boolean further) {
    if (!node.isObject()) {
      throw fields.error(
          path,
          "must be a mapping such as {column: customer_id, table: customers, key: customer_id}");
    }

    if (further) {
      fields.onlyFields(node, path, "column", "table", "key", "popularity");
    } else {
      fields.onlyFields(node, path, "column", "table", "key");
    }

    String column = fields.string(node, path, "column");
    String table = fields.string(node, path, "table");
    Entry target = entries.get(table);
    if (target == null) {
      throw fields.error(
          path + ".table",
          "names no table of the spec: '"
              + SynthlakeException.shown(table)
              + "'; its tables are "
              + String.join(", ", entries.keySet()));
    }

    if (!further && target == entry) {
      throw fields.error(path + ".table", "a table cannot be its own parent");
    }

    String key;
    if (node.has("key")) {
      key = fields.string(node, path, "key");
      if (!target.keys.contains(key)) {
        throw fields.error(
            path + ".key",
            "'"
                + SynthlakeException.shown(key)
                + "' is not a key column of "
                + table
                + (target.columnIndex.containsKey(key) ? "" : " (it has no such column)")
                + "; a foreign key references a column with a key, here "
                + describeKeys(target));
      }
    } else if (target.keys.size() == 1) {
      key = target.keys.iterator().next();
    } else {
      throw fields.error(
          path + ".key",
          "is missing; " + table + " has " + describeKeys(target) + ": name the one referenced");
    }

    if (entry.columnIndex.containsKey(column)) {
      throw fields.error(
          path + ".column",
          "'"
              + SynthlakeException.shown(column)
              + "' is also a column of "
              + entry.name
              + "; a foreign key column takes its values from the referenced key, so leave it "
              + "out of columns");
    }

    if (entry.parent != null && entry.parent.column().equals(column)
        || entry.further.stream().anyMatch(k -> k.column().equals(column))) {
      throw fields.error(
          path + ".column",
          "'"
              + SynthlakeException.shown(column)
              + "' is used by two foreign keys of "
              + entry.name);
    }

    double zipf = further ? popularity(node.get("popularity"), path + ".popularity") : 0;
    return new ForeignKey(column, table, key, zipf);
  }

  private static String describeKeys(Entry table) {
    return table.keys.isEmpty()
        ? "no key column"
        : "key columns " + String.join(", ", new TreeSet<>(table.keys));
  }

  /** {@code uniform} (or left out) gives 0, {@code {zipf: s}} gives s. */
  private double popularity(JsonNode node, String path) {
    if (node == null || node.isTextual() && node.asText().equals("uniform")) {
      return 0;
    }

    if (!node.isObject()) {
      throw fields.error(path, "must be uniform or {zipf: s}, got " + JsonFields.show(node));
    }

    fields.onlyFields(node, path, "zipf");
    double s = fields.number(node, path, "zipf");
    if (!(s > 0 && s <= 10)) {
      throw fields.error(path + ".zipf", "must be a finite number > 0 and at most 10, got " + s);
    }

    return s;
  }

  private void checkCycles() {
    for (Entry entry : entries.values()) {
      List<String> chain = new ArrayList<>(List.of(entry.name));
      for (Entry current = entry; current.parent != null; ) {
        current = entries.get(current.parent.table());
        chain.add(current.name);
        if (current == entry) {
          throw fields.error(
              entry.path + ".parent.table",
              "the parents "
                  + String.join(" -> ", chain)
                  + " form a cycle; one of these tables must be a root, with no parent");
        }

        if (chain.size() > entries.size() + 1) {
          break; // a cycle further up, reported from its own tables
        }
      }
    }
  }

  /** The tables with every parent before its children, otherwise in the order written. */
  private List<Entry> parentsFirst() {
    List<Entry> ordered = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    while (ordered.size() < entries.size()) {
      for (Entry entry : entries.values()) {
        if (!placed.contains(entry.name)
            && (entry.parent == null || placed.contains(entry.parent.table()))) {
          ordered.add(entry);
          placed.add(entry.name);
        }
      }
    }

    return ordered;
  }

  // ---------------------------------------------------------------- given columns and splits

  private List<Need> findNeeds() {
    List<Need> needs = new ArrayList<>();
    for (Entry entry : entries.values()) {
      for (int j = 0; j < entry.columns.size(); j++) {
        JsonNode column = entry.columns.get(j);
        String path = entry.path + ".columns[" + j + "]";
        if (column.has("given") && !column.has("combination")) {
          needs.add(need(entry, entry, column.get("given"), path + ".given", true));
        } else if (column.has("distributions") && !column.has("combination")) {
          throw fields.error(
              path + ".distributions",
              "needs given: TABLE.COLUMN, the categories column whose values the distributions "
                  + "are for");
        }
      }

      JsonNode count = entry.node.get("count");
      if (entry.parent != null && count.isObject() && count.has("given")) {
        Entry parent = entries.get(entry.parent.table());
        needs.add(need(parent, entry, count.get("given"), entry.path + ".count.given", false));
      }
    }

    return needs;
  }

  /**
   * A {@code given} written in {@code writer}'s entry, read by table {@code reader}: {@code
   * TABLE.COLUMN} of the reader or one of its parents, or for a count ({@code qualifiedOnly} false)
   * a bare column of the parent.
   */
  private Need need(
      Entry reader, Entry writer, JsonNode given, String where, boolean qualifiedOnly) {
    if (!given.isTextual()) {
      throw fields.error(where, "must be TABLE.COLUMN, such as customers.segment");
    }

    String text = given.asText();
    int dot = text.indexOf('.');
    if (dot < 0 && qualifiedOnly) {
      throw fields.error(
          where,
          "must be TABLE.COLUMN, such as customers.segment, got '"
              + SynthlakeException.shown(text)
              + "' (a given within one table is written in its distribution: "
              + "{type: categories, given: COLUMN, weights: …})");
    }

    Entry owner = dot < 0 ? reader : entries.get(text.substring(0, dot));
    String column = text.substring(dot + 1);
    List<String> line = new ArrayList<>();
    boolean related = false;
    for (Entry current = reader; current != null; ) {
      line.add(current.name);
      if (current == owner) {
        related = true;
        break;
      }

      current = current.parent == null ? null : entries.get(current.parent.table());
    }

    if (owner == null || !related) {
      throw fields.error(
          where,
          "names table '"
              + SynthlakeException.shown(dot < 0 ? reader.name : text.substring(0, dot))
              + "', which is not "
              + (reader == writer ? reader.name + " or one of its parents" : "the parent")
              + " ("
              + String.join(", ", line)
              + "); a column can be given only a column of its own table or of a parent");
    }

    if (!owner.columnIndex.containsKey(column)) {
      throw fields.error(
          where,
          "'"
              + SynthlakeException.shown(column)
              + "' is no column of "
              + owner.name
              + "; its columns are "
              + String.join(", ", owner.columnIndex.keySet()));
    }

    return new Need(reader, owner, column, where);
  }

  /**
   * Marks every table from each given column's table down to the table reading it as split by that
   * column; a table follows one column at most.
   */
  private void resolveSplits(List<Need> needs) {
    Map<String, Split> splits = new HashMap<>();
    for (Need need : needs) {
      String qualified = need.owner().name + "." + need.column();
      Split split = splits.get(qualified);
      if (split == null) {
        split = split(need);
        splits.put(qualified, split);
      }

      for (Entry current = need.reader(); ; current = entries.get(current.parent.table())) {
        if (current.split != null && current.split != split) {
          throw fields.error(
              need.where(),
              "table "
                  + current.name
                  + " already follows "
                  + current.split.qualified()
                  + " ("
                  + current.split.where()
                  + "); the tables between a given column and the tables that read it follow "
                  + "that one column, so give them all the same column");
        }

        current.split = split;
        if (current == need.owner()) {
          break;
        }
      }
    }

    for (Entry entry : entries.values()) {
      if (entry.split == null) {
        continue;
      }

      for (String field : List.of("components", "rebalance")) {
        if (entry.node.has(field)) {
          throw fields.error(
              entry.path + "." + field,
              "cannot be used in a table that follows "
                  + entry.split.qualified()
                  + " ("
                  + entry.split.where()
                  + "), which makes one mixture component per value of it");
        }
      }

      if (entry.node.path("dependence").has("type")) {
        throw fields.error(
            entry.path + ".dependence.type",
            "a fitted dependence brings its own components, which a table that follows "
                + entry.split.qualified()
                + " cannot have");
      }
    }

    for (Entry entry : entries.values()) {
      if (entry.parent != null && entry.node.has("rebalance")) {
        throw fields.error(
            entry.path + ".rebalance",
            "a table with a parent draws its mixture components from its parent rows; "
                + "rebalance root tables only");
      }
    }
  }

  /** The column a {@code given} names, which must be a plain {@code categories} spec column. */
  private Split split(Need need) {
    Entry owner = need.owner();
    String column = need.column();
    int index = owner.columnIndex.get(column);
    JsonNode node = owner.columns.get(index);
    JsonNode distribution = node.path("distribution");
    String qualified = owner.name + "." + column;
    boolean categories =
        !owner.members.contains(column)
            && !node.has("given")
            && !node.has("key")
            && !node.has("expression")
            && distribution.isObject()
            && "categories".equals(distribution.path("type").asText())
            && !distribution.has("given")
            && distribution.path("weights").isObject();
    if (!categories) {
      throw fields.error(
          need.where(),
          qualified
              + " is not a column with a categories distribution (such as {type: categories, "
              + "weights: {retail: 0.8, premium: 0.2}}); only such a column can be given");
    }

    if (node.has("null-share") && node.get("null-share").asDouble() != 0) {
      throw fields.error(
          need.where(),
          qualified + " has a null-share; a given column must have a value in every row");
    }

    for (JsonNode other : owner.columns) {
      if (column.equals(other.path("distribution").path("given").asText(null))) {
        throw fields.error(
            need.where(),
            qualified
                + " heads a given-chain of its own table ("
                + other.path("name").asText()
                + "), which cannot be split per value yet");
      }
    }

    List<String> values = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double total = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = distribution.get("weights").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> weight = it.next();
      double value = weight.getValue().asDouble(-1);
      if (!weight.getValue().isNumber() || !(value >= 0) || !Double.isFinite(value)) {
        throw fields.error(
            owner.path + ".columns[" + index + "].distribution.weights." + weight.getKey(),
            "must be a probability >= 0, got " + JsonFields.show(weight.getValue()));
      }

      if (value > 0) {
        values.add(weight.getKey());
        weights.add(value);
        total += value;
      }
    }

    if (values.isEmpty()) {
      throw fields.error(
          owner.path + ".columns[" + index + "].distribution.weights",
          "at least one weight must be positive");
    }

    double[] shares = new double[values.size()];
    for (int c = 0; c < shares.length; c++) {
      shares[c] = weights.get(c) / total;
    }

    return new Split(owner.name, column, values, shares, need.where());
  }

  // ---------------------------------------------------------------- sizes

  /**
   * Each table's expected rows by category of its split when every root has its declared rows, and
   * the bound on rows per root row.
   */
  private void sizeTables(List<Entry> ordered) {
    for (Entry entry : ordered) {
      if (entry.parent == null) {
        long rows = DEFAULT_ROWS;
        if (entry.node.has("rows")) {
          double value = fields.number(entry.node, entry.path, "rows");
          if (value != Math.rint(value) || value < 1 || value > MAX_DECLARED_ROWS) {
            throw fields.error(
                entry.path + ".rows",
                "must be a whole number from 1 to " + MAX_DECLARED_ROWS + ", got " + value);
          }

          rows = (long) value;
        }

        entry.rowsByCategory = spread(rows, entry.split);
        continue;
      }

      Entry parent = entries.get(entry.parent.table());
      double[] byParent = new double[parent.rowsByCategory.length];
      double total = 0;
      for (int c = 0; c < byParent.length; c++) {
        byParent[c] = parent.rowsByCategory[c] * entry.count.mean(c);
        total += byParent[c];
      }

      entry.rowsByCategory =
          entry.split != null && entry.split == parent.split
              ? byParent
              : spread(total, entry.split);
      Entry root = entry;
      while (root.parent != null) {
        root = entries.get(root.parent.table());
      }

      double perRoot = total / sum(root.rowsByCategory);
      if (perRoot > MAX_ROWS_PER_ROOT_ROW) {
        throw fields.error(
            entry.path + ".count",
            String.format(
                Locale.ROOT,
                "gives about %.1f rows of %s per row of %s on average (the counts down from %s "
                    + "multiply); at most %d are allowed, since the rows under a block of root "
                    + "rows are generated together",
                perRoot,
                entry.name,
                root.name,
                root.name,
                (long) MAX_ROWS_PER_ROOT_ROW));
      }
    }
  }

  private static double[] spread(double rows, Split split) {
    if (split == null) {
      return new double[] {rows};
    }

    double[] byCategory = split.shares().clone();
    for (int c = 0; c < byCategory.length; c++) {
      byCategory[c] *= rows;
    }

    return byCategory;
  }

  private static double sum(double[] values) {
    return Arrays.stream(values).sum();
  }

  // ---------------------------------------------------------------- the single-table specs

  /**
   * The entry as a single-table spec: given columns lose {@code given} and {@code distributions},
   * which become per-component overrides; the count column of each child is added; a split table
   * gets one component per value of its column.
   */
  private Table table(Entry entry, List<Entry> ordered) {
    ObjectNode doc = NODES.objectNode();
    ArrayNode columns = doc.putArray("columns");
    Map<String, JsonNode> givenColumns = new LinkedHashMap<>();
    Map<String, Integer> givenIndex = new HashMap<>();
    for (int j = 0; j < entry.columns.size(); j++) {
      JsonNode column = entry.columns.get(j);
      if (column.isObject() && column.has("given") && !column.has("combination")) {
        String path = entry.path + ".columns[" + j + "]";
        if (column.has("key")
            || column.has("expression")
            || column.has("components")
            || column.has("categories")) {
          throw fields.error(
              path + ".given",
              "only a column with distributions can be given; this one is a key, an expression "
                  + "or a fitted column");
        }

        JsonNode byCategory = fields.field(column, path, "distributions");
        givenColumns.put(fields.string(column, path, "name"), byCategory);
        givenIndex.put(column.get("name").asText(), j);
        checkCategories(byCategory, path, entry.split, column.has("distribution"));
        ObjectNode copy = ((ObjectNode) column).deepCopy();
        copy.remove(List.of("given", "distributions"));
        copy.remove(SpecSequence.COLUMN_FIELDS);
        columns.add(copy);
      } else if (column.isObject()
          && !column.has("balance")
          && SpecSequence.sequenceField(column) != null) {
        // ar, season and transitions are the sequence's (SpecSequence read them), not the model's.
        columns.add(((ObjectNode) column).deepCopy().without(SpecSequence.COLUMN_FIELDS));
      } else {
        columns.add(column);
      }
    }

    if (entry.sequence != null) {
      columns.add(entry.sequence.gapColumn());
    }

    List<Entry> children = new ArrayList<>();
    for (Entry child : ordered) {
      if (child.parent != null && child.parent.table().equals(entry.name)) {
        children.add(child);
        ObjectNode count =
            columns.addObject().put("name", TableSet.countColumn(child.name)).put("type", "long");
        if (child.count.given() == null) {
          count.set("distribution", child.count.law(0).distribution());
        }

        if (child.sequence != null) {
          child.sequence.parentColumns().forEach(columns::add);
        }
      }
    }

    for (String field : List.of("dependence", "components", "constraints", "rebalance")) {
      if (entry.node.has(field)) {
        doc.set(field, entry.node.get(field));
      }
    }

    List<Map<String, String>> overridePaths = new ArrayList<>();
    Split split = entry.split;
    if (split != null) {
      ArrayNode components = doc.putArray("components");
      for (int c = 0; c < split.categories().size(); c++) {
        String category = split.categories().get(c);
        ObjectNode component = components.addObject();
        component.put("name", category).put("weight", split.shares()[c]);
        ObjectNode distributions = component.putObject("distributions");
        Map<String, String> paths = new HashMap<>();
        if (split.table().equals(entry.name)) {
          distributions
              .putObject(split.column())
              .put("type", "categories")
              .putObject("weights")
              .put(category, 1.0);
        }

        for (Map.Entry<String, JsonNode> given : givenColumns.entrySet()) {
          if (given.getValue().has(category)) {
            distributions.set(given.getKey(), given.getValue().get(category));
            paths.put(
                given.getKey(),
                "columns[" + givenIndex.get(given.getKey()) + "].distributions." + category);
          }
        }

        for (Entry child : children) {
          if (child.count.given() != null) {
            distributions.set(TableSet.countColumn(child.name), child.count.law(c).distribution());
          }
        }

        overridePaths.add(paths);
      }
    }

    SpecPlan spec =
        SpecChecker.check(
            SpecDocument.ofTable(
                source,
                entry.path,
                doc,
                overridePaths,
                entry.sequence == null ? Set.of() : entry.sequence.setColumns()));
    long declared = entry.parent == null ? Math.round(sum(entry.rowsByCategory)) : 0;
    return new Table(
        entry.name,
        entry.path,
        spec,
        entry.parent,
        entry.count,
        entry.further,
        split,
        declared,
        sum(entry.rowsByCategory),
        Set.copyOf(entry.keys),
        entry.sequence);
  }

  /**
   * A given column's {@code distributions}: keyed by values of the split column, with every value
   * covered unless a {@code distribution} serves the others.
   */
  private void checkCategories(JsonNode byCategory, String path, Split split, boolean fallback) {
    String where = path + ".distributions";
    split.checkKeys(byCategory, where, fields, "a distribution", "{type: normal, mean: 0, sd: 1}");
    if (!fallback) {
      for (String category : split.categories()) {
        if (!byCategory.has(category)) {
          throw fields.error(
              where,
              "has no distribution for "
                  + split.qualified()
                  + " '"
                  + SynthlakeException.shown(category)
                  + "'; give one, or a distribution for the values left out");
        }
      }
    }
  }
}
