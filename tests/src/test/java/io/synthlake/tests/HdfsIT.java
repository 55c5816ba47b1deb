package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SynthesisModel;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fit, generate and spec mode against HDFS: a MiniDFSCluster (a name node and a data node in this
 * JVM, on 127.0.0.1) holds the input, the model, the spec and the Parquet and Delta output, all
 * named by hdfs:// URIs.
 */
class HdfsIT {
  @TempDir static Path temp;

  private static MiniDFSCluster cluster;
  private static FileSystem hdfs;
  private static String root;
  private static SparkSession spark;

  @BeforeAll
  static void startHdfs() throws IOException {
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, temp.resolve("dfs").toString());
    conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
    cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
    cluster.waitActive();
    hdfs = cluster.getFileSystem();
    root = hdfs.getUri() + "/synthlake";
    hdfs.copyFromLocalFile(
        new org.apache.hadoop.fs.Path(SharedSpark.dataset("penguins.csv")),
        new org.apache.hadoop.fs.Path(root + "/in/penguins.csv"));
    hdfs.copyFromLocalFile(
        new org.apache.hadoop.fs.Path(
            Path.of("..", "conf", "banking.yaml").toAbsolutePath().toString()),
        new org.apache.hadoop.fs.Path(root + "/specs/banking.yaml"));
    spark = SharedSpark.session();
  }

  @AfterAll
  static void stopHdfs() {
    if (cluster != null) {
      cluster.shutdown(true);
    }
  }

  @Test
  void fitsAndGeneratesParquetAndDeltaOnHdfs() throws IOException {
    String model = root + "/models/penguins.json";
    Cli.Result fit =
        Cli.run("fit", "--input", root + "/in/penguins.csv", "--model", model, "--seed", "5");
    assertThat(fit.status()).as(fit.err()).isZero();
    assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(model))).isTrue();

    Dataset<Row> expected =
        SynthesisModel.load(spark, model)
            .generate(spark, 20_000, GenerateOptions.defaults().withSeed(9));
    for (String format : new String[] {"parquet", "delta"}) {
      String output = root + "/out/penguins-" + format;
      Cli.Result generate =
          Cli.run(
              "generate",
              "--model",
              model,
              "--rows",
              "20000",
              "--seed",
              "9",
              "--output",
              output,
              "--format",
              format,
              "--partitions",
              "3");
      assertThat(generate.status()).as(generate.err()).isZero();
      Dataset<Row> written = spark.read().format(format).load(output);
      assertThat(written.count()).as(format).isEqualTo(20_000);
      assertThat(written.exceptAll(expected).count())
          .as("%s rows that local generation does not give", format)
          .isZero();

      Cli.Result append =
          Cli.run(
              "generate",
              "--model",
              model,
              "--rows",
              "500",
              "--seed",
              "10",
              "--output",
              output,
              "--format",
              format,
              "--mode",
              "append");
      assertThat(append.status()).as(append.err()).isZero();
      assertThat(spark.read().format(format).load(output).count())
          .as(format + " after the append")
          .isEqualTo(20_500);
    }

    assertThat(hdfs.listStatus(new org.apache.hadoop.fs.Path(root + "/out")))
        .as("no staging directories left beside the output")
        .allSatisfy(status -> assertThat(status.getPath().getName()).doesNotStartWith("."));
  }

  @Test
  void generatesFromASpecOnHdfs() {
    String output = root + "/out/banking";
    Cli.Result generate =
        Cli.run(
            "generate",
            "--spec",
            root + "/specs/banking.yaml",
            "--rows",
            "10000",
            "--output",
            output,
            "--format",
            "delta");
    assertThat(generate.status()).as(generate.err()).isZero();
    Dataset<Row> written = spark.read().format("delta").load(output);
    assertThat(written.count()).isEqualTo(10_000);
    assertThat(written.select("transaction_id").distinct().count()).isEqualTo(10_000);
  }

  @Test
  void aMissingHdfsFileIsAOneLineError() {
    Cli.Result missing =
        Cli.run(
            "generate",
            "--model",
            root + "/models/none.json",
            "--rows",
            "10",
            "--output",
            root + "/out/none");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err().strip())
        .startsWith("synthlake: error:")
        .contains("none.json")
        .doesNotContain("\n");
  }
}
