package io.synthlake.spark.sql;

import io.synthlake.spark.PublicApi;
import org.apache.spark.sql.SparkSessionExtensions;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import scala.Tuple3;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * The session extension that lets SQL generate rows: with {@code
 * spark.sql.extensions=io.synthlake.spark.sql.SynthlakeExtensions} (and the job jar on the class
 * path), {@code SELECT * FROM synthlake_generate('…/orders.json', 1000000)} reads a model or a spec
 * as a table.
 */
@PublicApi
public final class SynthlakeExtensions
    extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {
  /** Spark makes the extension from its class name, with this constructor. */
  public SynthlakeExtensions() {}

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    ExpressionInfo info =
        new ExpressionInfo(
            GenerateFunction.class.getName(),
            null,
            GenerateFunction.NAME,
            "_FUNC_(path, rows[, seed]) - rows 0 to rows - 1 generated from the model or spec at "
                + "path (seed 42 unless given)",
            "");
    extensions.injectTableFunction(
        new Tuple3<>(
            FunctionIdentifier.apply(GenerateFunction.NAME), info, new GenerateFunction()));
    return BoxedUnit.UNIT;
  }
}
