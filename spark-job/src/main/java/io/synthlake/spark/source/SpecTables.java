package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.spark.internal.ModelFiles;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.execution.streaming.Source;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The option {@code spec} of the data source. A spec's derived columns are Spark expressions over
 * the generated columns, so its rows are a DataFrame ({@link io.synthlake.spark.SpecGenerator}),
 * which Spark's older source interfaces take: the data source hands Spark a table that reads
 * nothing ({@link #FALLBACK}), and Spark then reads a batch through {@link CatalogRelation} and a
 * stream through {@link SpecStream}.
 */
final class SpecTables {
  /** A table without capabilities, so that Spark reads the spec through the older interfaces. */
  static final Table FALLBACK =
      new Table() {
        @Override
        public String name() {
          return "synthlake spec";
        }

        @Override
        public StructType schema() {
          return new StructType();
        }

        @Override
        public Set<TableCapability> capabilities() {
          return EnumSet.noneOf(TableCapability.class);
        }
      };

  private SpecTables() {}

  /**
   * The stream of the spec the options name, checked before the query starts: of a spec of one
   * table ({@link SpecStream}), or of the table of a set spec the option 'table' names ({@link
   * SpecSetStream}).
   */
  static Source stream(
      SparkSession spark, scala.collection.immutable.Map<String, String> parameters) {
    CaseInsensitiveStringMap options =
        new CaseInsensitiveStringMap(CollectionConverters.asJava(parameters));
    String path = options.get(SourceOptions.SPEC);
    if (path == null) {
      // Only a read without a pace comes here without a spec: a model's stream is a StreamTable.
      throw StreamOptions.noPace();
    }

    checkOneSource(options);
    SynthlakeException.check(
        !EdgeCaseOptions.asked(options),
        "the option 'edge-cases' is for batch reads (spark.read()): a synthlake stream gives the "
            + "spec's rows, with its own edge-cases block if it has one; leave the option out of "
            + "the stream");
    StreamOptions stream = StreamOptions.parse(options);
    String text = ModelFiles.readSpec(path, spark.sparkContext().hadoopConfiguration());
    if (SpecCompiler.isTableSet(text, path)) {
      for (String option :
          List.of(
              SourceOptions.WHERE,
              SourceOptions.ROWS_OF,
              SourceOptions.EXACT_ROWS,
              SourceOptions.FIRST_ROW,
              SourceOptions.ANCESTOR_COLUMNS)) {
        SynthlakeException.check(
            !options.containsKey(option),
            "the option '%s' is not for a stream of a set spec: it streams root rows of the "
                + "table's root from the first (its pace and 'rows' are root rows); leave it out",
            option);
      }

      return SpecSetStream.of(spark, path, text, options.get(SourceOptions.TABLE), stream);
    }

    return SpecStream.of(
        spark,
        path,
        text,
        SpecCompiler.compile(text, path),
        stream,
        options.get(SourceOptions.WHERE));
  }

  /** Fails in one line when the options name a model as well as a spec. */
  static void checkOneSource(CaseInsensitiveStringMap options) {
    SynthlakeException.check(
        !options.containsKey(SourceOptions.MODEL)
            && !options.containsKey(SourceOptions.MODEL_JSON)
            && !options.containsKey(SourceOptions.MODEL_KEY),
        "options 'model' and 'spec' contradict each other: rows are generated from a model file "
            + "or from a spec, keep one of them");
  }
}
