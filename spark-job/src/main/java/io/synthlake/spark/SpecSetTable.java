package io.synthlake.spark;

import io.synthlake.core.generate.AncestorColumns;
import io.synthlake.core.spec.AncestorReads;
import io.synthlake.core.spec.DerivedColumn;
import io.synthlake.core.spec.Spec;
import io.synthlake.core.spec.TableSetSpec;
import io.synthlake.spark.source.SynthlakeSource;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * One table of a table-set spec built for a run, checked before any job: the ancestors' columns its
 * derived columns read (generated beside its rows) and how its generated rows become the spec's
 * (derived columns, ordering constraints, the spec's column order). {@link
 * SpecGenerator#generateTables} finishes whole tables with it, and the data source's stream of a
 * table of a set spec each micro-batch. Not part of the public API.
 */
public final class SpecSetTable {
  private final AncestorReads reads;
  private final List<DerivedColumn> ordered;
  private final Spec spec;

  private SpecSetTable(AncestorReads reads, List<DerivedColumn> ordered, Spec spec) {
    this.reads = reads;
    this.ordered = ordered;
    this.spec = spec;
  }

  /** Table {@code table} of {@code built}, its expressions checked by the same policy as ever. */
  public static SpecSetTable of(SparkSession spark, TableSetSpec built, String table) {
    Spec spec = built.tables().get(table);
    AncestorReads reads = AncestorReads.check(built, table, AncestorFrames.names(spark, spec));
    StructType base =
        AncestorFrames.schema(SynthlakeSource.schema(built.set(), table), reads, built.set());
    List<DerivedColumn> ordered = SpecGenerator.resolveOrder(spark, spec, base);
    SpecGenerator.probe(spark, base, ordered, spec);
    return new SpecSetTable(reads, ordered, spec);
  }

  /** The ancestors' columns to generate beside the table's rows. */
  public List<AncestorColumns.Column> carried() {
    return reads.columns();
  }

  /** The spec's rows from the generated rows (with the {@link #carried} columns after them). */
  public Dataset<Row> finish(Dataset<Row> generated) {
    return SpecGenerator.finish(AncestorFrames.attach(generated, reads), ordered, spec);
  }
}
