package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.TableSetFitter.Relation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * A table whose rows are histories: {@code entity} tells whose history a row belongs to (an
 * account, a city) and {@code order} orders the rows within it (a date, a timestamp, a sequence
 * number). A sequence is a child table of its entity: when a relation {@code
 * table.entity=parent.key} is given the parent is the entity table; otherwise the fit derives one,
 * {@code TABLE_ENTITY}, holding the distinct entity values (which {@code generate} writes as a
 * table of its own). Without an entity the table is one long series (hourly readings of one
 * sensor), a table without parent, generated in chunks as long as asked.
 *
 * @param table the table of the histories
 * @param entity its column naming the entity, or null for a single series
 * @param order its column ordering each entity's rows
 */
public record EntitySequence(String table, String entity, String order) {
  public EntitySequence {
    SynthlakeException.check(
        table != null && order != null && !order.equals(entity),
        "a sequence needs a table, an order column and an entity column other than the order, "
            + "got %s.%s ordered by %s",
        table,
        entity,
        order);
  }

  /** A single series: {@code table}'s rows ordered by {@code order}, with no entity. */
  public static EntitySequence series(String table, String order) {
    return new EntitySequence(table, null, order);
  }

  /** Whether the table is one series rather than histories of entities. */
  public boolean isSeries() {
    return entity == null;
  }

  /**
   * Reads the command line's {@code --sequence TABLE.ENTITY} and {@code --order TABLE.COLUMN}
   * lists, paired by table.
   */
  public static List<EntitySequence> parse(List<String> sequences, List<String> orders) {
    Map<String, String> orderOf = new LinkedHashMap<>();
    for (String text : orders) {
      String[] parts = split(text, "--order", "--order tx.ts");
      SynthlakeException.check(
          orderOf.put(parts[0], parts[1]) == null,
          "--order: table '%s' is ordered twice; give one --order per sequence",
          parts[0]);
    }

    List<EntitySequence> parsed = new ArrayList<>();
    for (String text : sequences) {
      // A table alone is a single series: its rows are one history.
      String[] parts =
          text.contains(".")
              ? split(text, "--sequence", "--sequence tx.account_id")
              : new String[] {text.trim(), null};
      String order = orderOf.remove(parts[0]);
      SynthlakeException.check(
          order != null,
          "--sequence %s needs --order %s.COLUMN, the column that orders %s",
          text,
          parts[0],
          parts[1] == null ? "the series' rows" : "each entity's rows");
      parsed.add(new EntitySequence(parts[0], parts[1], order));
    }

    SynthlakeException.check(
        orderOf.isEmpty(),
        "--order names %s, which no --sequence TABLE.ENTITY (or TABLE, for a single series) "
            + "names: add the --sequence",
        String.join(", ", orderOf.keySet()));
    return parsed;
  }

  private static String[] split(String text, String flag, String example) {
    int dot = text.indexOf('.');
    SynthlakeException.check(
        dot > 0 && dot < text.length() - 1,
        "%s: '%s' is not TABLE.COLUMN; for example %s",
        flag,
        SynthlakeException.shown(text),
        example);
    return new String[] {text.substring(0, dot).trim(), text.substring(dot + 1).trim()};
  }

  /** The table the fit derives for the entities when no relation names a parent. */
  public String entityTable() {
    return table + "_" + entity;
  }

  /**
   * {@code tables} and {@code relations} with each sequence's entity table: the parent its first
   * relation names, or a derived table of its distinct entity values and a relation to it, put
   * first among the table's relations.
   */
  public static Inputs withEntities(
      Map<String, Dataset<Row>> tables, List<String> relations, List<EntitySequence> sequences) {
    Map<String, Dataset<Row>> withEntities = new LinkedHashMap<>();
    List<String> allRelations = new ArrayList<>(relations);
    for (EntitySequence sequence : sequences) {
      Dataset<Row> rows = tables.get(sequence.table());
      SynthlakeException.check(
          rows != null,
          "sequence %s.%s names table '%s', which is not among the tables given (%s)",
          sequence.table(),
          sequence.entity(),
          sequence.table(),
          String.join(", ", tables.keySet()));
      List<String> named = new ArrayList<>();
      named.add(sequence.order());
      if (!sequence.isSeries()) {
        named.add(sequence.entity());
      }

      for (String column : named) {
        SynthlakeException.check(
            Arrays.asList(rows.columns()).contains(column),
            "sequence of table '%s': it has no column '%s'; its columns are %s",
            sequence.table(),
            column,
            String.join(", ", rows.columns()));
      }

      Relation first =
          relations.stream()
              .map(text -> Relation.parse(text, "relation"))
              .filter(relation -> relation.child().equals(sequence.table()))
              .findFirst()
              .orElse(null);
      if (sequence.isSeries()) {
        SynthlakeException.check(
            first == null,
            "series '%s' has a parent relation (%s), but a single series has no entity: give "
                + "--sequence %s.ENTITY to make its rows histories of the parent's rows",
            sequence.table(),
            first,
            sequence.table());
        continue;
      }

      if (first != null) {
        SynthlakeException.check(
            first.columns().equals(List.of(sequence.entity())),
            "sequence of table '%s' by '%s': the table's first relation (%s) names its parent, "
                + "so it must be the entity's: list %s.%s=… first",
            sequence.table(),
            sequence.entity(),
            first,
            sequence.table(),
            sequence.entity());
        continue;
      }

      String entities = sequence.entityTable();
      SynthlakeException.check(
          !tables.containsKey(entities),
          "sequence of table '%s': the entity table it derives, '%s', is also given; name the "
              + "relation to it instead (--relation %s.%s=%s.KEY)",
          sequence.table(),
          entities,
          sequence.table(),
          sequence.entity(),
          entities);
      String quoted = "`" + sequence.entity().replace("`", "``") + "`";
      withEntities.put(
          entities,
          rows.select(functions.col(quoted)).where(functions.col(quoted).isNotNull()).distinct());
      allRelations.add(
          0, sequence.table() + "." + sequence.entity() + "=" + entities + "." + sequence.entity());
    }

    withEntities.putAll(tables);
    return new Inputs(withEntities, allRelations);
  }

  /** Tables and relations with the sequences' entity tables. */
  public record Inputs(Map<String, Dataset<Row>> tables, List<String> relations) {}
}
