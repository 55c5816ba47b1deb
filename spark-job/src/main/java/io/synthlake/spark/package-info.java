/**
 * synthlake's public Java API, for notebooks (Databricks, Jupyter with Spark) and applications: fit a model on a Spark
 * table, save and load it, generate any number of rows as a DataFrame, write them safely, and evaluate them.
 *
 * <p>The public types carry {@link io.synthlake.spark.PublicApi}:
 *
 * <ul>
 *   <li>{@link io.synthlake.spark.Synthesizer}: {@code fit(table, FitOptions)} gives a {@link
 *       io.synthlake.spark.SynthesisModel}.
 *   <li>{@link io.synthlake.spark.SynthesisModel}: {@code load(spark, path)}, {@code save(spark, path)}, {@code
 *       generate(spark, rows, GenerateOptions)}, {@code describe()}.
 *   <li>{@link io.synthlake.spark.FitOptions} and {@link io.synthlake.spark.GenerateOptions}: the options of fitting and
 *       generating.
 *   <li>{@link io.synthlake.spark.TableWriter} with {@link io.synthlake.spark.WriteOptions} ({@link
 *       io.synthlake.spark.OutputFormat}, {@link io.synthlake.spark.WriteMode}, {@link
 *       io.synthlake.spark.DeltaStatistics}): atomic writes to a path or a catalog table.
 *   <li>{@link io.synthlake.spark.Evaluation}: fidelity, ML utility and privacy of synthetic rows against training and
 *       holdout rows.
 *   <li>{@link io.synthlake.spark.SpecGenerator}: rows from a YAML spec instead of a fitted model.
 * </ul>
 *
 * <p>Generated rows are also the Spark data source {@code synthlake} ({@code spark.read().format("synthlake")}, options
 * {@code model} or {@code model-json}, {@code rows}, {@code seed}, {@code partitions}, {@code first-row}).
 *
 * <p>Everything else is internal and may change in any release: the unmarked types of this package, and the packages
 * {@code internal}, {@code source}, {@code write} and {@code cli}. Settings, results and enums from synthlake's core
 * that the API takes or returns ({@code ColumnKind}, {@code MarginalFamily}, {@code DegeneratePolicy}, {@code
 * EvaluationSettings}, {@code EvaluationResult}) are part of it.
 */
package io.synthlake.spark;
