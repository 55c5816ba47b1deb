package io.synthlake.spark.internal.evaluate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.TableSetFitter.Relation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The relations between named tables, checked against the tables' columns: every table and column
 * exists, each foreign key column has one relation, and parents (each table's first relation) form
 * no cycle. Used to evaluate and to split a set of real tables; internal.
 */
public final class TableRelations {
  private final List<Relation> relations;
  private final List<String> order;

  private TableRelations(List<Relation> relations, List<String> order) {
    this.relations = List.copyOf(relations);
    this.order = List.copyOf(order);
  }

  /**
   * @param columns each table's column names, by table name, in the order given
   * @param texts relations as {@code child.column=parent.key}
   * @param command what names the errors, "evaluate" or "split"
   */
  public static TableRelations check(
      Map<String, List<String>> columns, List<String> texts, String command) {
    List<Relation> relations = new ArrayList<>();
    Set<String> foreignKeys = new HashSet<>();
    for (String text : texts) {
      Relation relation = Relation.parse(text, command);
      relation.columns().forEach(c -> column(columns, relation, relation.child(), c, command));
      relation.keys().forEach(k -> column(columns, relation, relation.parent(), k, command));
      SynthlakeException.check(
          !relation.child().equals(relation.parent()),
          "%s: relation %s: a table that references itself is not supported; leave the relation "
              + "out",
          command,
          relation);
      SynthlakeException.check(
          foreignKeys.add(relation.child() + "." + relation.column()),
          "%s: relation %s: column '%s' of '%s' already references a table; give each foreign key "
              + "column one relation",
          command,
          relation,
          relation.column(),
          relation.child());
      relations.add(relation);
    }

    TableRelations checked = new TableRelations(relations, List.of());
    List<String> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (String table : columns.keySet()) {
      checked.visit(table, new LinkedHashSet<>(), done, order, command);
    }

    return new TableRelations(relations, order);
  }

  private static void column(
      Map<String, List<String>> columns,
      Relation relation,
      String table,
      String column,
      String command) {
    List<String> names = columns.get(table);
    SynthlakeException.check(
        names != null,
        "%s: relation %s names table '%s', which is not among the tables given (%s): add the "
            + "table, or fix the name",
        command,
        relation,
        table,
        String.join(", ", columns.keySet()));
    SynthlakeException.check(
        names.contains(column),
        "%s: relation %s names column '%s' of table '%s', which has no such column; its columns "
            + "are %s",
        command,
        relation,
        column,
        table,
        String.join(", ", names));
  }

  /** Parents first, depth-first; a cycle of parents is an error that names it. */
  private void visit(
      String table, Set<String> path, Set<String> done, List<String> order, String command) {
    if (done.contains(table)) {
      return;
    }

    SynthlakeException.check(
        path.add(table),
        "%s: the parent relations form a cycle (%s -> %s); a table's first relation names its "
            + "parent, so reorder or drop one of them",
        command,
        String.join(" -> ", path),
        table);
    Relation parent = parentOf(table);
    if (parent != null) {
      visit(parent.parent(), path, done, order, command);
    }

    path.remove(table);
    done.add(table);
    order.add(table);
  }

  /** Every relation, in the order given. */
  public List<Relation> all() {
    return relations;
  }

  /** The tables, every parent before its children. */
  public List<String> order() {
    return order;
  }

  /** A table's first relation, which names its parent; null for a root table. */
  public Relation parentOf(String table) {
    for (Relation relation : relations) {
      if (relation.child().equals(table)) {
        return relation;
      }
    }

    return null;
  }

  /** Whether {@code relation} is its child's first, naming the child's parent. */
  public boolean isParent(Relation relation) {
    return relation.equals(parentOf(relation.child()));
  }

  /** The keys of {@code table} that its children's parent relations reference, in order. */
  public List<String> keysOfChildren(String table) {
    Set<String> keys = new LinkedHashSet<>();
    for (Relation relation : relations) {
      if (relation.parent().equals(table) && isParent(relation)) {
        keys.add(relation.key());
      }
    }

    return new ArrayList<>(keys);
  }

  /**
   * The columns of {@code table} that are foreign keys or keys some relation references: set aside
   * from its own evaluation, since generated keys are fresh by design.
   */
  public Set<String> keyColumns(String table) {
    Set<String> keys = new LinkedHashSet<>();
    for (Relation relation : relations) {
      if (relation.child().equals(table)) {
        keys.addAll(relation.columns());
      }

      if (relation.parent().equals(table)) {
        keys.addAll(relation.keys());
      }
    }

    return keys;
  }

  /** Each table's column names, for {@link #check}. */
  public static Map<String, List<String>> columns(Map<String, Dataset<Row>> tables) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    tables.forEach((name, table) -> columns.put(name, Arrays.asList(table.columns())));
    return columns;
  }
}
