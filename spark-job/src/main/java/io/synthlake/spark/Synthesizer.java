package io.synthlake.spark;

import io.synthlake.core.fit.FitResult;
import io.synthlake.core.fit.ModelFitter;
import io.synthlake.core.fit.NameMatch;
import io.synthlake.core.fit.SampleTable;
import io.synthlake.core.types.DataType;
import io.synthlake.spark.internal.MllibClusterer;
import io.synthlake.spark.internal.ModelledColumns;
import io.synthlake.spark.internal.SampleCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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
    ModelledColumns modelled = ModelledColumns.of(input, options, true, "the input");
    List<String> names = modelled.names();
    List<DataType> types = modelled.types();
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
            // Times of day are read on the wall clock the user reads the table on.
            options
                .settings()
                .withTimeZone(input.sparkSession().conf().get("spark.sql.session.timeZone")),
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

  /**
   * Fits a set of related tables: each table's columns as {@link #fit} does, the keys that join
   * them, how many children each parent row has (depending on the parent's columns) and how a
   * child's columns depend on its parent's. Root tables (those no relation names as the child) are
   * sampled to {@link FitOptions#sampleRows()} rows; every other table contributes all the rows of
   * its sampled parents, so that their counts are true.
   *
   * <pre>{@code
   * TableSetModel shop = Synthesizer.fitTables(
   *     Map.of("customers", spark.table("customers"), "orders", spark.table("orders")),
   *     List.of("orders.customer_id=customers.id"), FitOptions.defaults());
   * }</pre>
   *
   * @param tables the real tables, by the names relations use (letters, digits and underscores)
   * @param relations foreign keys as {@code child.column=parent.key}; a table's first names its
   *     parent, its rows generated beside the parent's
   * @param options what to sample and how to model the columns (settings naming a column apply to
   *     every table that has it)
   * @return the fitted set
   */
  public static TableSetModel fitTables(
      Map<String, Dataset<Row>> tables, List<String> relations, FitOptions options) {
    return fitTables(tables, relations, List.of(), options);
  }

  /**
   * Fits related tables some of which are histories: each {@link EntitySequence} is a child table
   * of its entity (the parent its first relation names, or a table of the distinct entity values
   * derived here, {@code TABLE_ENTITY}), its rows ordered within each entity. The fit keeps the
   * gaps between an entity's rows and when it starts, and how each column's value follows its
   * earlier values (an autoregressive process on its normal scores, order by BIC, lags up to 8).
   *
   * <pre>{@code
   * TableSetModel weather = Synthesizer.fitTables(Map.of("weather", spark.table("weather")),
   *     List.of(), List.of(new EntitySequence("weather", "location", "date")), FitOptions.defaults());
   * }</pre>
   */
  public static TableSetModel fitTables(
      Map<String, Dataset<Row>> tables,
      List<String> relations,
      List<EntitySequence> sequences,
      FitOptions options) {
    EntitySequence.Inputs inputs = EntitySequence.withEntities(tables, relations, sequences);
    Map<String, String> orders = new LinkedHashMap<>();
    sequences.forEach(sequence -> orders.put(sequence.table(), sequence.order()));
    return new TableSetModel(
        TableSetFitting.fit(inputs.tables(), inputs.relations(), orders, options));
  }

  /**
   * Proposes the foreign keys between {@code tables} from their names and values, for a person to
   * check before {@link #fitTables} uses them. A key is a text or whole-number column whose
   * non-null values are all distinct (exact counts, one aggregate pass per table). A column of
   * another table holding the same kind of value is joined with it (left semi, one Spark job per
   * pair, at most 200 pairs) when its name relates to the key's or the table's ({@link NameMatch}),
   * or, with no such name, when it has at least 10 distinct values, no more than the key, within
   * the key's range. It is proposed when at least 99% of its non-null rows find their value among
   * the key's (all of them without a name match). A column references one key; a key that is itself
   * a foreign key, or a relation that closes a cycle, is left out in favour of the stronger one.
   *
   * <pre>{@code
   * List<RelationProposal> found = Synthesizer.detectRelations(Map.of("airports", a, "flights", f));
   * // flights.origin=airports.iata, flights.destination=airports.iata
   * TableSetModel routes = Synthesizer.fitTables(Map.of("airports", a, "flights", f),
   *     found.stream().map(RelationProposal::relation).toList(), FitOptions.defaults());
   * }</pre>
   *
   * @param tables the real tables, by the names relations use (letters, digits and underscores); at
   *     least two
   * @return the proposals, each child table's together (tables in the map's order) and the
   *     strongest first: the strongest name match, then the highest inclusion, then the column that
   *     comes first in the child table. A child's first proposal names its parent in {@link
   *     #fitTables}
   */
  public static List<RelationProposal> detectRelations(Map<String, Dataset<Row>> tables) {
    return RelationDetection.detect(tables);
  }
}
