package io.synthlake.spark;

import io.synthlake.core.Errors;
import io.synthlake.core.Setting;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.FitResult;
import io.synthlake.core.fit.ModelFitter;
import io.synthlake.core.fit.SampleTable;
import io.synthlake.core.types.DataType;
import io.synthlake.spark.internal.MllibClusterer;
import io.synthlake.spark.internal.SampleCollector;
import io.synthlake.spark.internal.SparkJobErrors;
import io.synthlake.spark.internal.SparkTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits synthesis models on Spark tables: samples rows, brings them to the driver, fits marginals
 * and a mixture of Gaussian copulas (clusters chosen with MLlib's GaussianMixture).
 *
 * <pre>{@code
 * SynthesisModel model = Synthesizer.fit(spark.table("sales"), FitOptions.builder().sampleRows(200_000).build());
 * model.save(spark, "s3a://bucket/models/sales.json");
 * Dataset<Row> synthetic = model.generate(spark, 1_000_000_000L, GenerateOptions.defaults());
 * }</pre>
 */
@PublicApi
public final class Synthesizer {
  private static final Logger LOG = LoggerFactory.getLogger(Synthesizer.class);

  private Synthesizer() {}

  /**
   * Fits a model on {@code input}: a sample of {@link FitOptions#sampleRows()} rows is brought to
   * the driver, every column of a supported type is modelled (others are skipped or rejected,
   * {@link FitOptions#unsupported()}), and the dependence between columns is fitted as a mixture of
   * Gaussian copulas. Fails with a one-line message naming the column on input it cannot model.
   *
   * @param input the real table
   * @param options what to sample and how to model the columns
   * @return the fitted model
   */
  public static SynthesisModel fit(Dataset<Row> input, FitOptions options) {
    List<String> available = Arrays.asList(input.columns());
    Set<String> seen = new HashSet<>();
    for (String name : available) {
      SynthlakeException.check(
          seen.add(name),
          "the input has two columns named '%s': rename one (for example with "
              + "withColumnRenamed or a select with aliases) before fitting",
          name);
    }

    for (String excluded : options.exclude()) {
      if (!available.contains(excluded)) {
        throw Errors.unknownColumn(Setting.EXCLUDE, excluded, available);
      }
    }

    List<String> names = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (StructField field : input.schema().fields()) {
      if (options.exclude().contains(field.name())) {
        continue;
      }

      DataType type = SparkTypes.toCore(field.dataType());
      if (type == null) {
        unsupported.add(field.name() + " (" + field.dataType().simpleString() + ")");
      } else {
        names.add(field.name());
        types.add(type);
      }
    }

    if (!unsupported.isEmpty()) {
      String list = String.join(", ", unsupported);
      if (options.unsupported() == FitOptions.UnsupportedColumns.FAIL) {
        throw SparkJobErrors.unsupportedColumns(list);
      }

      LOG.warn("Skipping columns of types synthlake cannot model: {}", list);
    }

    SynthlakeException.check(
        !names.isEmpty(),
        "the input has no column synthlake can model (its columns: %s)",
        String.join(", ", available));
    long start = System.nanoTime();
    SampleTable sample =
        SampleCollector.collect(input, names, types, options.sampleRows(), options.seed());
    LOG.info(
        "Sampled {} rows of {} columns in {} ms",
        sample.rows(),
        names.size(),
        (System.nanoTime() - start) / 1_000_000);
    FitResult result =
        ModelFitter.fit(
            sample,
            options.settings(),
            new MllibClusterer(input.sparkSession(), options.clusterRows()));
    result.warnings().forEach(warning -> LOG.warn(warning));
    LOG.info(
        "Fitted {} columns with {} components in {} ms: {}",
        result.model().columns().size(),
        result.model().dependence().componentCount(),
        (System.nanoTime() - start) / 1_000_000,
        result.model().properties().get("component-selection"));
    return new SynthesisModel(result.model());
  }
}
