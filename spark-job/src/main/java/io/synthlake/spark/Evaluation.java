package io.synthlake.spark;

import io.synthlake.core.evaluate.EvaluationJson;
import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.evaluate.EvaluationSummary;
import io.synthlake.core.evaluate.HtmlReport;
import io.synthlake.core.evaluate.SequenceSpec;
import io.synthlake.core.evaluate.TableSetEvaluationJson;
import io.synthlake.core.evaluate.TableSetEvaluationResult;
import io.synthlake.core.evaluate.TableSetReport;
import io.synthlake.core.evaluate.TableSetSummary;
import io.synthlake.spark.internal.evaluate.Evaluator;
import io.synthlake.spark.internal.evaluate.TableSetEvaluator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Evaluates a synthetic table against the training table its model was fitted on and a holdout
 * table of real rows the model never saw: fidelity (binned accuracy, correlations, per-column
 * statistics, functional dependencies), ML utility (with a target column) and privacy, each figure
 * beside the holdout's. docs/evaluation.md defines every figure.
 *
 * <pre>{@code
 * Dataset<Row>[] parts = spark.table("sales.orders").randomSplit(new double[] {0.8, 0.2}, 7);
 * SynthesisModel model = Synthesizer.fit(parts[0], FitOptions.defaults());
 * Dataset<Row> synthetic = model.generate(spark, parts[0].count(), GenerateOptions.defaults());
 * EvaluationResult result = Evaluation.evaluate(parts[0], parts[1], synthetic,
 *     EvaluationSettings.defaults().withTarget("returned"));
 * System.out.print(Evaluation.summary(result));
 * }</pre>
 *
 * <p>Memory does not grow with the synthetic table: each table is read in one pass, and every other
 * step works on a sample of stated size.
 */
@PublicApi
public final class Evaluation {
  private Evaluation() {}

  /**
   * Evaluates {@code synthetic} with the given settings (seed, sample sizes, ML utility target).
   *
   * @param train the training table the model was fitted on
   * @param holdout real rows the model never saw, of the same schema
   * @param synthetic the generated rows
   * @param settings seed, sample sizes and ML utility target
   * @return every figure, beside the holdout's
   */
  public static EvaluationResult evaluate(
      Dataset<Row> train,
      Dataset<Row> holdout,
      Dataset<Row> synthetic,
      EvaluationSettings settings) {
    return Evaluator.evaluate(train, holdout, synthetic, settings);
  }

  /**
   * Evaluates {@code synthetic} with the default settings (no ML utility: it needs a target
   * column).
   *
   * @param train the training table the model was fitted on
   * @param holdout real rows the model never saw, of the same schema
   * @param synthetic the generated rows
   * @return every figure, beside the holdout's
   */
  public static EvaluationResult evaluate(
      Dataset<Row> train, Dataset<Row> holdout, Dataset<Row> synthetic) {
    return evaluate(train, holdout, synthetic, EvaluationSettings.defaults());
  }

  /**
   * Evaluates a set of related synthetic tables: each table as {@link #evaluate} does (its foreign
   * keys and the keys they reference set aside), and every relation: referential integrity, key
   * uniqueness, the similarity of children per parent (overall and within the parent's categories)
   * and parent-child pair accuracy, each beside the holdout's. {@link TableSetSplit} makes a
   * holdout set that keeps families whole.
   *
   * @param train the real tables the set was fitted on, by name
   * @param holdout real tables the model never saw, by the same names
   * @param synthetic the generated tables, by the same names
   * @param relations foreign keys as {@code child.column=parent.key}, as the set was fitted with; a
   *     table's first names its parent
   * @param settings seed and sample sizes (without a target: ML utility is for one table)
   * @return every table's figures and the relations', beside the holdout's
   */
  public static TableSetEvaluationResult evaluateTables(
      Map<String, Dataset<Row>> train,
      Map<String, Dataset<Row>> holdout,
      Map<String, Dataset<Row>> synthetic,
      List<String> relations,
      EvaluationSettings settings) {
    return TableSetEvaluator.evaluate(train, holdout, synthetic, relations, settings);
  }

  /**
   * Evaluates a set of related synthetic tables, some of whose tables are histories: as {@link
   * #evaluateTables(Map, Map, Map, List, EvaluationSettings)}, and for each table of histories the
   * similarity of its histories' lengths and gaps, each numeric column's autocorrelation at lags 1
   * to 7, each categorical column's transitions, the accuracy of consecutive values and the share
   * of rows that keep the rules (order never going back, each floor), beside the held-out entities'
   * figures. Give the tables as the set was fitted with, each sequence's entity table included
   * ({@link EntitySequence#withEntities}).
   *
   * <pre>{@code
   * EntitySequence.Inputs inputs = EntitySequence.withEntities(tables, List.of(), List.of(days));
   * TableSetSplit split = TableSetSplit.of(inputs.tables(), inputs.relations(), 0.5, 7);
   * ...
   * Evaluation.evaluateTables(split.train(), split.holdout(), synthetic, inputs.relations(),
   *     List.of(SequenceSpec.of("weather", "location", "date")), EvaluationSettings.defaults());
   * }</pre>
   *
   * @param train the real tables the set was fitted on, by name
   * @param holdout real tables the model never saw (held-out entities), by the same names
   * @param synthetic the generated tables, by the same names
   * @param relations foreign keys as {@code child.column=parent.key}, each sequence's to its entity
   *     table first among its table's
   * @param sequences the tables of histories: table, entity column, order column and floor rules
   * @param settings seed and sample sizes (without a target: ML utility is for one table)
   * @return every table's figures, the relations' and the histories', beside the holdout's
   */
  public static TableSetEvaluationResult evaluateTables(
      Map<String, Dataset<Row>> train,
      Map<String, Dataset<Row>> holdout,
      Map<String, Dataset<Row>> synthetic,
      List<String> relations,
      List<SequenceSpec> sequences,
      EvaluationSettings settings) {
    return TableSetEvaluator.evaluate(train, holdout, synthetic, relations, sequences, settings);
  }

  /**
   * Evaluates a set of related synthetic tables with the default settings, as {@link
   * #evaluateTables(Map, Map, Map, List, EvaluationSettings)}.
   *
   * @param train the real tables the set was fitted on, by name
   * @param holdout real tables the model never saw, by the same names
   * @param synthetic the generated tables, by the same names
   * @param relations foreign keys as {@code child.column=parent.key}
   * @return every table's figures and the relations', beside the holdout's
   */
  public static TableSetEvaluationResult evaluateTables(
      Map<String, Dataset<Row>> train,
      Map<String, Dataset<Row>> holdout,
      Map<String, Dataset<Row>> synthetic,
      List<String> relations) {
    return evaluateTables(train, holdout, synthetic, relations, EvaluationSettings.defaults());
  }

  /**
   * The headline figures as a few lines of plain text, as {@code synthlake evaluate} prints them.
   *
   * @param result an evaluation
   * @return the summary text
   */
  public static String summary(EvaluationResult result) {
    return EvaluationSummary.text(result);
  }

  /**
   * The report as one self-contained HTML page (charts inlined, opens offline), headed {@code
   * title}.
   *
   * @param result an evaluation
   * @param title the report heading
   * @return the HTML page
   */
  public static String htmlReport(EvaluationResult result, String title) {
    return HtmlReport.render(result, title);
  }

  /**
   * Every figure as JSON, as {@code synthlake evaluate --json} writes it.
   *
   * @param result an evaluation
   * @return the JSON text
   */
  public static String json(EvaluationResult result) {
    return EvaluationJson.toJson(result);
  }

  /**
   * A set's figures as plain text, as {@code synthlake evaluate} prints them: each table's summary,
   * then the relations'.
   *
   * @param result an evaluation of a set of tables
   * @return the summary text
   */
  public static String summary(TableSetEvaluationResult result) {
    return TableSetSummary.text(result);
  }

  /**
   * A set's report as one self-contained HTML page: the relations first, then every table.
   *
   * @param result an evaluation of a set of tables
   * @param title the report heading
   * @return the HTML page
   */
  public static String htmlReport(TableSetEvaluationResult result, String title) {
    return TableSetReport.render(result, title);
  }

  /**
   * A set's figures as JSON, as {@code synthlake evaluate --json} writes them.
   *
   * @param result an evaluation of a set of tables
   * @return the JSON text
   */
  public static String json(TableSetEvaluationResult result) {
    return TableSetEvaluationJson.toJson(result);
  }
}
