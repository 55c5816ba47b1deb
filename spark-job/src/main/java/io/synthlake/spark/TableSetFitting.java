package io.synthlake.spark;

import io.synthlake.core.Errors;
import io.synthlake.core.Setting;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.SampleColumn;
import io.synthlake.core.fit.SampleTable;
import io.synthlake.core.fit.TableSetFitter;
import io.synthlake.core.fit.TableSetFitter.Input;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.core.model.TableSet;
import io.synthlake.spark.internal.MllibClusterer;
import io.synthlake.spark.internal.ModelledColumns;
import io.synthlake.spark.internal.SampleCollector;
import io.synthlake.spark.internal.SparkTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples related tables so that their counts stay true, then fits them as a set: root tables are
 * sampled like single tables; every other table gives all the rows whose parent was sampled (a
 * semi-join on the sampled keys), at most {@link #CHILD_ROWS_FACTOR} times the sample size.
 */
final class TableSetFitting {
  /** A child table's sample may hold this many times the root's sample rows. */
  static final int CHILD_ROWS_FACTOR = 20;

  private static final Logger LOG = LoggerFactory.getLogger(TableSetFitting.class);
  private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private TableSetFitting() {}

  /**
   * @param orders each sequence table's order column, by table (its entity is its parent)
   */
  static TableSet fit(
      Map<String, Dataset<Row>> tables,
      List<String> relationTexts,
      Map<String, String> orders,
      FitOptions options) {
    SynthlakeException.check(!tables.isEmpty(), "a table set needs at least one table");
    Map<String, ModelledColumns> modelled = new LinkedHashMap<>();
    Map<String, List<String>> columns = new LinkedHashMap<>();
    Set<String> everyColumn = new HashSet<>();
    for (Map.Entry<String, Dataset<Row>> table : tables.entrySet()) {
      checkTableName(table.getKey());
      ModelledColumns columnsOfTable =
          ModelledColumns.of(table.getValue(), options, false, "table '" + table.getKey() + "'");
      modelled.put(table.getKey(), columnsOfTable);
      columns.put(table.getKey(), columnsOfTable.names());
      everyColumn.addAll(Arrays.asList(table.getValue().columns()));
    }

    for (String excluded : options.exclude()) {
      if (!everyColumn.contains(excluded)) {
        throw Errors.unknownColumn(Setting.EXCLUDE, excluded, everyColumn);
      }
    }

    List<Relation> relations = new ArrayList<>();
    for (String text : relationTexts) {
      relations.add(Relation.parse(text, "relation"));
    }

    List<String> order = TableSetFitter.checkRelations(columns, relations);
    Map<String, SampleTable> samples = new LinkedHashMap<>();
    Map<String, Boolean> complete = new LinkedHashMap<>();
    Map<String, Long> inputRows = new LinkedHashMap<>();
    long start = System.nanoTime();
    for (String name : order) {
      Relation parent = parentRelation(name, relations);
      Dataset<Row> input = tables.get(name);
      ModelledColumns table = modelled.get(name);
      SampleCollector.Counted counted;
      if (parent == null && orders.containsKey(name)) {
        counted = seriesSample(name, input, table, orders.get(name), options);
        complete.put(name, counted.sample().rows() == counted.inputRows());
        inputRows.put(name, counted.inputRows());
      } else if (parent == null) {
        counted =
            SampleCollector.collectCounted(
                input, table.names(), table.types(), options.sampleRows(), options.seed());
        complete.put(name, counted.sample().rows() == counted.inputRows());
        inputRows.put(name, counted.inputRows());
      } else {
        // A child gives every row of its sampled parents, so that the counts per parent are true:
        // the whole table when the parent was taken whole.
        boolean parentWhole = complete.get(parent.parent());
        counted =
            childrenOf(
                parentWhole ? input : semiJoin(input, table, parent, samples.get(parent.parent())),
                table,
                parent,
                samples.get(parent.parent()).rows(),
                options);
        complete.put(name, parentWhole);
        inputRows.put(name, parentWhole ? counted.inputRows() : input.count());
      }

      samples.put(name, counted.sample());
      LOG.info("Sampled {} rows of table '{}'", counted.sample().rows(), name);
    }

    // Times of day are read on the wall clock the user reads the tables on.
    SparkSession spark = tables.values().iterator().next().sparkSession();
    String zone = spark.conf().get("spark.sql.session.timeZone");
    List<Input> inputs = new ArrayList<>();
    for (String name : tables.keySet()) {
      SampleTable sample = samples.get(name);
      Set<String> names = new HashSet<>(modelled.get(name).names());
      inputs.add(
          new Input(
              name,
              sample,
              inputRows.get(name),
              options.settings().forColumns(names).withTimeZone(zone),
              complete.get(name)));
    }

    TableSetFitter.Result result =
        TableSetFitter.fit(
            inputs,
            relations,
            orders,
            options.orphans(),
            new MllibClusterer(spark, options.clusterRows()));
    result.warnings().forEach(LOG::warn);
    LOG.info(
        "Fitted {} related tables in {} ms",
        tables.size(),
        (System.nanoTime() - start) / 1_000_000);
    return result.set();
  }

  /** Refuses a name that relations could not name: letters, digits and underscores only. */
  static void checkTableName(String name) {
    SynthlakeException.check(
        TABLE_NAME.matcher(name).matches(),
        "'%s' is not a table name synthlake can use: use letters, digits and underscores, "
            + "starting with a letter",
        SynthlakeException.shown(name));
  }

  private static Relation parentRelation(String table, List<Relation> relations) {
    return relations.stream().filter(r -> r.child().equals(table)).findFirst().orElse(null);
  }

  /**
   * A single series' sample: its first rows in order, as many as the sample takes, since rows drawn
   * here and there would lose the gaps and the steps between neighbours.
   */
  private static SampleCollector.Counted seriesSample(
      String name, Dataset<Row> input, ModelledColumns table, String order, FitOptions options) {
    long rows = input.count();
    Dataset<Row> window = input;
    if (rows > options.sampleRows()) {
      LOG.warn(
          "Series '{}' has {} rows: the fit reads its first {} by '{}' (raise the sample rows to "
              + "read more)",
          name,
          rows,
          options.sampleRows(),
          order);
      window =
          input
              .orderBy(functions.col("`" + order.replace("`", "``") + "`").asc_nulls_last())
              .limit(options.sampleRows());
    }

    SampleCollector.Counted counted =
        SampleCollector.collectCounted(
            window, table.names(), table.types(), options.sampleRows(), options.seed());
    return new SampleCollector.Counted(counted.sample(), rows);
  }

  /** The rows of {@code input} whose parent key is among the sampled parent rows. */
  private static Dataset<Row> semiJoin(
      Dataset<Row> input, ModelledColumns table, Relation parent, SampleTable parentSample) {
    SampleColumn keys =
        parentSample.columns().stream()
            .filter(column -> column.name().equals(parent.key()))
            .findFirst()
            .orElseThrow();
    boolean strings = keys.isString();
    List<Row> values = new ArrayList<>();
    for (int row = 0; row < keys.size(); row++) {
      if (!keys.isNull(row)) {
        values.add(RowFactory.create(strings ? keys.string(row) : (Object) keys.number(row)));
      }
    }

    StructType schema =
        DataTypes.createStructType(
            List.of(
                DataTypes.createStructField(
                    "synthlake_parent_key",
                    strings ? DataTypes.StringType : DataTypes.DoubleType,
                    false)));
    Dataset<Row> parentKeys = input.sparkSession().createDataFrame(values, schema);
    int index = table.names().indexOf(parent.column());
    return input.join(
        functions.broadcast(parentKeys),
        SparkTypes.toSampleForm(parent.column(), table.types().get(index))
            .equalTo(parentKeys.col("synthlake_parent_key")),
        "left_semi");
  }

  /**
   * All of {@code children}, the rows of the sampled parents' families: refused when they exceed
   * {@link #CHILD_ROWS_FACTOR} times the sample rows, since a sample of them would undercount.
   */
  private static SampleCollector.Counted childrenOf(
      Dataset<Row> children,
      ModelledColumns table,
      Relation parent,
      int parentRows,
      FitOptions options) {
    long limit = (long) options.sampleRows() * CHILD_ROWS_FACTOR;
    int cap = (int) Math.min(Integer.MAX_VALUE - 8, limit);
    SampleCollector.Counted counted =
        SampleCollector.collectCounted(children, table.names(), table.types(), cap, options.seed());
    SynthlakeException.check(
        counted.inputRows() <= cap,
        "table '%s' has %d rows under the %d sampled rows of '%s', more than the %d the driver "
            + "takes (%d times the sample rows): lower %s",
        parent.child(),
        counted.inputRows(),
        parentRows,
        parent.parent(),
        cap,
        CHILD_ROWS_FACTOR,
        Setting.SAMPLE_ROWS);
    return counted;
  }
}
