package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.AncestorColumns;
import io.synthlake.core.generate.EdgeCases;
import io.synthlake.core.spec.CompiledSpec;
import io.synthlake.core.spec.CompiledTableSet;
import io.synthlake.core.spec.DerivedColumn;
import io.synthlake.core.spec.Spec;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.core.spec.TableSetSpec;
import io.synthlake.spark.internal.ModelFiles;
import io.synthlake.spark.internal.SparkTypes;
import io.synthlake.spark.internal.SqlExpressionPolicy;
import io.synthlake.spark.source.SynthlakeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Alias;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * Generates rows from a spec: the spec's model through the {@code synthlake} data source, then its
 * derived columns: the user's Spark SQL expressions, and the members of given-chains and
 * combinations, built here from core's description ({@link DerivedColumn.Lookup}) as Spark columns.
 * Every expression is checked by {@link SqlExpressionPolicy} and by Spark's analyzer against an
 * empty relation, so invalid SQL, unknown columns and cycles between derived columns fail before
 * any Spark job starts. A table-set spec ({@code tables: […]}) gives one DataFrame per table
 * ({@link #generateTables}), each with its own derived columns, which may read its ancestors'
 * columns.
 */
@PublicApi
public final class SpecGenerator {
  private SpecGenerator() {}

  /**
   * Reads the spec at {@code path} (YAML or JSON, any Hadoop file system) and generates {@code
   * rows} rows. The spec's {@code rows} is the row count of the table once this run is done, {@code
   * options.firstRow() + rows}, so that a run from a first row gives the rows a single run from row
   * 0 gives.
   *
   * @param spark the session to generate in
   * @param path the spec file
   * @param rows how many rows, at least 1
   * @param options seed, partitions and first row
   * @return the rows, computed as a query reads them
   */
  public static Dataset<Row> generate(
      SparkSession spark, String path, long rows, GenerateOptions options) {
    SynthlakeException.check(
        rows > 0, "the row count must be a positive whole number, got %d", rows);
    String text = ModelFiles.readSpec(path, spark.sparkContext().hadoopConfiguration());
    return generate(spark, SpecCompiler.compile(text, path), rows, options);
  }

  /**
   * Generates {@code rows} rows from a spec compiled once ({@link SpecCompiler#compile}); the
   * spec's {@code rows} is {@code options.firstRow() + rows}, as for {@link #generate(SparkSession,
   * String, long, GenerateOptions)}.
   *
   * @param spark the session to generate in
   * @param spec the compiled spec, read once for any seed and size
   * @param rows how many rows, at least 1
   * @param options seed, partitions and first row
   * @return the rows, computed as a query reads them
   */
  public static Dataset<Row> generate(
      SparkSession spark, CompiledSpec spec, long rows, GenerateOptions options) {
    SynthlakeException.check(
        rows > 0, "the row count must be a positive whole number, got %d", rows);
    return generate(
        spark, spec.spec(options.seed(), Math.addExact(options.firstRow(), rows)), rows, options);
  }

  /**
   * Generates {@code rows} rows from a spec already built for a seed and size.
   *
   * @param spark the session to generate in
   * @param spec the built spec: its model, derived columns, order and constraints
   * @param rows how many rows, at least 1
   * @param options seed, partitions and first row
   * @return the rows, computed as a query reads them
   */
  public static Dataset<Row> generate(
      SparkSession spark, Spec spec, long rows, GenerateOptions options) {
    StructType base = SynthlakeSource.schema(spec.model());
    List<DerivedColumn> ordered = resolveOrder(spark, spec, base);
    probe(spark, base, ordered, spec);
    return finish(
        SynthesisModel.of(spec.model()).generate(spark, rows, withSpecEdgeCases(options, spec)),
        ordered,
        spec);
  }

  /**
   * The spec's {@code edge-cases} block under {@code options}: a share given in the options (such
   * as {@code --edge-cases}) takes the place of the block's, which keeps its columns.
   */
  private static GenerateOptions withSpecEdgeCases(GenerateOptions options, Spec spec) {
    EdgeCases block = spec.edgeCases();
    if (block == null) {
      return options;
    }

    GenerateOptions result =
        options.edgeCases().isPresent() ? options : options.withEdgeCases(block.share());
    if (options.edgeCaseColumns().isEmpty()) {
      result = result.withEdgeCaseColumns(List.copyOf(block.columns()));
    }

    return options.edgeCaseNotNull().isEmpty()
        ? result.withEdgeCaseNotNull(List.copyOf(block.notNull()))
        : result;
  }

  /**
   * Reads the table-set spec at {@code path} ({@code tables: […]}, YAML or JSON, any Hadoop file
   * system) and generates every table of it, so that each foreign key joins.
   *
   * @param spark the session to generate in
   * @param path the spec file
   * @param table the table whose size {@code rows} sets (the other tables follow as {@link
   *     TableSetModel#generate} describes)
   * @param rows its rows, at least 1
   * @param options seed and partitions (a set has no first row)
   * @return each table's rows, in set order (parents first), computed as a query reads them
   */
  public static Map<String, Dataset<Row>> generateTables(
      SparkSession spark, String path, String table, long rows, GenerateOptions options) {
    String text = ModelFiles.readSpec(path, spark.sparkContext().hadoopConfiguration());
    return generateTables(spark, SpecCompiler.compileSet(text, path), table, rows, options);
  }

  /**
   * Generates every table of a table-set spec compiled once ({@link SpecCompiler#compileSet}): the
   * set through the {@code synthlake} data source, then each table's derived columns, which read
   * the table's own columns and foreign keys, and as {@code TABLE.COLUMN} the columns of its parent
   * and further ancestors, each row those of the rows its foreign keys point at ({@link
   * AncestorFrames}). Every expression is checked before any job.
   *
   * @param spark the session to generate in
   * @param spec the compiled table-set spec
   * @param table the table whose size {@code rows} sets
   * @param rows its rows, at least 1
   * @param options seed and partitions (a set has no first row)
   * @return each table's rows, in set order (parents first), computed as a query reads them
   */
  public static Map<String, Dataset<Row>> generateTables(
      SparkSession spark, CompiledTableSet spec, String table, long rows, GenerateOptions options) {
    SynthlakeException.check(
        rows > 0, "the row count must be a positive whole number, got %d", rows);
    SynthlakeException.check(
        options.where() == null,
        "GenerateOptions.where: a table-set spec cannot be conditioned, since its derived columns"
            + " and constraints are computed after the rows are drawn; condition a fitted set, or"
            + " one table's spec");
    TableSetSpec built = spec.build(options.seed(), table, rows);
    Map<String, SpecSetTable> finishes = new LinkedHashMap<>();
    Map<String, List<AncestorColumns.Column>> carried = new LinkedHashMap<>();
    for (String name : built.tables().keySet()) {
      SpecSetTable finish = SpecSetTable.of(spark, built, name);
      finishes.put(name, finish);
      carried.put(name, finish.carried());
    }

    Map<String, Dataset<Row>> generated =
        new TableSetModel(built.set()).generate(spark, table, rows, options, carried);
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    finishes.forEach((name, finish) -> tables.put(name, finish.finish(generated.get(name))));
    return tables;
  }

  /**
   * Checks the whole projection, constraints included, on an empty relation before generating
   * anything.
   */
  static void probe(SparkSession spark, StructType base, List<DerivedColumn> ordered, Spec spec) {
    Dataset<Row> probe = finish(spark.createDataFrame(List.of(), base), ordered, spec);
    try {
      probe.schema();
    } catch (Exception e) {
      throw SynthlakeException.of(
          "constraints: cannot be applied: %s",
          String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /**
   * Derived columns, then ordering constraints, then the spec's columns in order (hidden helpers
   * dropped).
   */
  static Dataset<Row> finish(Dataset<Row> generated, List<DerivedColumn> ordered, Spec spec) {
    Dataset<Row> result = generated;
    boolean edges = Arrays.asList(generated.columns()).contains(EdgeCases.MARKER);
    for (DerivedColumn column : ordered) {
      result = result.withColumn(column.name(), edges ? edgeSafe(column) : expression(column));
    }

    for (List<String> group : spec.orderConstraints()) {
      result = sortWithinRows(result, group);
    }

    List<Column> columns = new ArrayList<>();
    spec.columnOrder().forEach(name -> columns.add(functions.col(SparkTypes.quote(name))));
    // The edge-case marker, when the run has edge cases, stays the last column.
    if (Arrays.asList(generated.columns()).contains(EdgeCases.MARKER)) {
      columns.add(functions.col(EdgeCases.MARKER));
    }

    return result.select(columns.toArray(Column[]::new));
  }

  /**
   * Makes {@code columns} ascending in every row by sorting their values within the row (rows with
   * a null keep their values): the constraint holds by construction and the row count never
   * changes.
   */
  static Dataset<Row> sortWithinRows(Dataset<Row> frame, List<String> columns) {
    String list = columns.stream().map(SparkTypes::quote).collect(Collectors.joining(", "));
    String anyNull =
        columns.stream()
            .map(c -> SparkTypes.quote(c) + " is null")
            .collect(Collectors.joining(" or "));
    Column[] projection = new Column[frame.columns().length];
    for (int i = 0; i < projection.length; i++) {
      String name = frame.columns()[i];
      int position = columns.indexOf(name);
      projection[i] =
          position < 0
              ? functions.col(SparkTypes.quote(name))
              : functions
                  .expr(
                      "case when "
                          + anyNull
                          + " then "
                          + SparkTypes.quote(name)
                          + " else element_at(array_sort(array("
                          + list
                          + ")), "
                          + (position + 1)
                          + ") end")
                  .cast(frame.schema().apply(name).dataType())
                  .alias(name);
    }

    return frame.select(projection);
  }

  /**
   * Derived columns in an order where each comes after the columns it reads; errors name the spec
   * field. Each expression passes {@link SqlExpressionPolicy} before Spark analyzes it, and again
   * once analyzed.
   */
  static List<DerivedColumn> resolveOrder(SparkSession spark, Spec spec, StructType base) {
    Set<String> columns = new HashSet<>();
    Arrays.stream(base.fieldNames()).forEach(name -> columns.add(name.toLowerCase(Locale.ROOT)));
    spec.derived().forEach(column -> columns.add(column.name().toLowerCase(Locale.ROOT)));
    for (DerivedColumn column : spec.derived()) {
      if (column.lookup() == null) {
        SqlExpressionPolicy.checkParsed(
            SqlExpressionPolicy.parse(spark, column.expression(), column.where()),
            columns,
            column.where());
      }
    }

    Dataset<Row> resolved = spark.createDataFrame(List.of(), base);
    List<DerivedColumn> pending = new ArrayList<>(spec.derived());
    List<DerivedColumn> ordered = new ArrayList<>();
    Map<DerivedColumn, String> errors = new LinkedHashMap<>();
    boolean progress = true;
    while (!pending.isEmpty() && progress) {
      progress = false;
      for (Iterator<DerivedColumn> it = pending.iterator(); it.hasNext(); ) {
        DerivedColumn column = it.next();
        Analysis analysis = analyze(resolved, column);
        if (analysis.error() == null) {
          if (column.lookup() == null) {
            SqlExpressionPolicy.checkResolved(analysis.expression(), column.where());
          }

          checkResultType(analysis.expression().dataType(), column);
          resolved = resolved.withColumn(column.name(), expression(column));
          ordered.add(column);
          it.remove();
          progress = true;
        } else {
          errors.put(column, analysis.error());
        }
      }
    }

    if (pending.isEmpty()) {
      return ordered;
    }

    // With every derived column present as a placeholder, an expression that now resolves only
    // waited on others.
    Dataset<Row> everything = resolved;
    for (DerivedColumn column : pending) {
      everything =
          everything.withColumn(
              column.name(), functions.lit(null).cast(SparkTypes.toSpark(column.type())));
    }

    for (DerivedColumn column : pending) {
      if (analyze(everything, column).error() != null) {
        throw SynthlakeException.of(
            "%s: is not a valid Spark SQL expression over the spec's columns: %s",
            column.where(), errors.get(column));
      }
    }

    throw SynthlakeException.of(
        "%s: derived columns %s refer to each other in a cycle; break it by computing one of them "
            + "from generated columns only",
        pending.get(0).where(),
        pending.stream().map(DerivedColumn::name).collect(Collectors.joining(", ")));
  }

  /**
   * Refuses a result that Spark would cast to the declared type row by row and fail on at run time
   * (text into a number, a date or a boolean): the spec should say the conversion, so that it says
   * what a bad value becomes.
   */
  private static void checkResultType(DataType result, DerivedColumn column) {
    DataType declared = SparkTypes.toSpark(column.type());
    boolean fromText = result instanceof StringType;
    boolean toText = declared instanceof StringType;
    if (fromText && !toText) {
      throw SynthlakeException.of(
          "%s: gives text, but the column is declared %s; convert in the expression, e.g. "
              + "try_cast(... as %s), which gives null for text that is not a %s, or declare the column as string",
          column.where(),
          declared.simpleString(),
          declared.sql().toLowerCase(Locale.ROOT),
          declared.simpleString());
    }

    if (!toText && !Cast.canAnsiCast(result, declared)) {
      throw SynthlakeException.of(
          "%s: gives %s, which does not convert to the declared type %s; change the expression "
              + "or the column's type",
          column.where(), result.simpleString(), declared.simpleString());
    }
  }

  private static Column expression(DerivedColumn column) {
    return uncast(column).cast(SparkTypes.toSpark(column.type()));
  }

  /**
   * The expression in a run with edge cases: in a boundary row a result its declared type cannot
   * hold (a sum of two maxima) is null, as a fitted derived column's is, rather than failing the
   * job; every other row is cast as usual.
   */
  private static Column edgeSafe(DerivedColumn column) {
    return functions
        .when(
            functions.col(EdgeCases.MARKER),
            uncast(column).try_cast(SparkTypes.toSpark(column.type())))
        .otherwise(expression(column));
  }

  /**
   * The user's expression as Spark parses it, or for a member of a given-chain or combination
   * {@code element_at(array(v0, v1, …), hidden + 1)} built from typed literals (no SQL text).
   */
  private static Column uncast(DerivedColumn column) {
    DerivedColumn.Lookup lookup = column.lookup();
    if (lookup == null) {
      return functions.expr(column.expression());
    }

    Column[] values = lookup.values().stream().map(functions::lit).toArray(Column[]::new);
    return functions.element_at(
        functions.array(values), functions.col(SparkTypes.quote(lookup.indexColumn())).plus(1));
  }

  /**
   * The analyzed expression, before its cast to the declared type, or the first line of Spark's
   * complaint.
   */
  private record Analysis(Expression expression, String error) {}

  private static Analysis analyze(Dataset<Row> frame, DerivedColumn column) {
    try {
      LogicalPlan plan = frame.select(uncast(column)).queryExecution().analyzed();
      NamedExpression result = ((Project) plan).projectList().last();
      return new Analysis(
          result instanceof Alias alias ? alias.child() : (Expression) result, null);
    } catch (Exception e) {
      String message = String.valueOf(e.getMessage());
      return new Analysis(null, message.lines().findFirst().orElse(message).trim());
    }
  }
}
