package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.ModelJson;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.TableModel;
import io.synthlake.spark.internal.ModelFiles;
import io.synthlake.spark.internal.SparkTypes;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The {@code synthlake} data source: {@code spark.read().format("synthlake").option("model", path).option("rows", n)
 * .load()} generates n rows from a model file, with optional {@code seed}, {@code partitions} and {@code first-row} (the
 * run gives rows first-row to first-row + n - 1 of the seed's stream, default 0). The model is read on
 * the driver and broadcast; executors generate their blocks independently, with no shuffle.
 */
public final class SynthlakeSource implements TableProvider, DataSourceRegister {
  public static final String NAME = "synthlake";

  private String loadedKey;
  private String loadedJson;
  private TableModel loadedModel;

  @Override
  public String shortName() {
    return NAME;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return schema(load(options));
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    CaseInsensitiveStringMap options = new CaseInsensitiveStringMap(properties);
    TableModel model = load(options);
    SparkSession spark = SparkSession.active();
    SourceOptions parsed = SourceOptions.parse(options, spark.sparkContext().defaultParallelism());
    TableSampler.of(model, parsed.seed).checkCapacity(parsed.firstRow, parsed.rows);
    return new SynthlakeTable(model, loadedJson, parsed, schema(model));
  }

  /** The output schema of a model: its columns, in order, every one nullable. */
  public static StructType schema(TableModel model) {
    StructField[] fields = new StructField[model.columns().size()];
    for (int i = 0; i < fields.length; i++) {
      ColumnModel column = model.columns().get(i);
      fields[i] = DataTypes.createStructField(column.name(), SparkTypes.toSpark(column.type()), true);
    }

    return DataTypes.createStructType(fields);
  }

  private TableModel load(CaseInsensitiveStringMap options) {
    String path = options.get(SourceOptions.MODEL);
    String inline = options.get(SourceOptions.MODEL_JSON);
    SynthlakeException.check(path != null ^ inline != null,
        "the synthlake data source needs exactly one of the options 'model' (a model file path) and 'model-json'");
    String key = path != null ? "path:" + path : "json:" + inline.hashCode() + ":" + inline.length();
    if (!key.equals(loadedKey)) {
      String json = path != null
          ? ModelFiles.read(path, SparkSession.active().sparkContext().hadoopConfiguration())
          : inline;
      loadedModel = ModelJson.fromJson(json, path != null ? path : "option model-json");
      loadedJson = json;
      loadedKey = key;
    }

    return loadedModel;
  }
}
