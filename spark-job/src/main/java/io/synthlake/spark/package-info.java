/**
 * synthlake's public Java API, for notebooks (Databricks, Jupyter with Spark) and applications: fit
 * a model on a Spark table, save and load it, generate any number of rows as a DataFrame, write
 * them safely, and evaluate them.
 *
 * <p>The public types carry {@link PublicApi}:
 *
 * <ul>
 *   <li>{@link Synthesizer}: {@code fit(table, FitOptions)} gives a {@link SynthesisModel}.
 *   <li>{@link SynthesisModel}: {@code load(spark, path)}, {@code save(spark, path)}, {@code
 *       generate(spark, rows, GenerateOptions)}, {@code describe()}.
 *   <li>{@link FitOptions} and {@link GenerateOptions}: the options of fitting and generating.
 *   <li>{@link TableWriter} with {@link WriteOptions} ({@link OutputFormat}, {@link WriteMode},
 *       {@link DeltaStatistics}): atomic writes to a path or a catalog table.
 *   <li>{@link Evaluation}: fidelity, ML utility and privacy of synthetic rows against training and
 *       holdout rows.
 *   <li>{@link SpecGenerator}: rows from a YAML spec instead of a fitted model.
 * </ul>
 *
 * <p>Generated rows are also the Spark data source {@code synthlake} ({@code
 * spark.read().format("synthlake")}, options {@code model} or {@code model-json}, {@code rows},
 * {@code seed}, {@code partitions}, {@code first-row}).
 *
 * <p>Everything else is internal and may change in any release: the unmarked types of this package,
 * and the packages {@code internal}, {@code source}, {@code write} and {@code cli}. Settings,
 * results and enums from synthlake's core that the API takes or returns ({@code ColumnKind}, {@code
 * MarginalFamily}, {@code DegeneratePolicy}, {@code EvaluationSettings}, {@code EvaluationResult})
 * are part of it.
 */
package io.synthlake.spark;
