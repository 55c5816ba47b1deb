package io.synthlake.bench.spark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import net.datafaker.Faker;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The approaches users would pick instead of synthlake, each generating conf/banking.yaml's table
 * with the same columns and distributions: Spark SQL expressions as Databricks Labs' dbldatagen
 * writes them (and a hand-tuned variant), a hand-written mapPartitions generator, and Datafaker row
 * by row.
 */
final class BankingPeers {
  static final StructType SCHEMA =
      new StructType()
          .add("customer_id", DataTypes.LongType)
          .add("transaction_id", DataTypes.StringType)
          .add("timestamp", DataTypes.TimestampType)
          .add("amount", DataTypes.createDecimalType(12, 2))
          .add("balance", DataTypes.createDecimalType(14, 2))
          .add("merchant_category", DataTypes.StringType)
          .add("city", DataTypes.StringType)
          .add("is_fraud", DataTypes.BooleanType);
  static final String[] CATEGORIES = {
    "Grocery", "Restaurant", "Gas", "Online", "Entertainment", "Travel", "Healthcare"
  };
  static final double[] CATEGORY_WEIGHTS = {0.28, 0.18, 0.12, 0.22, 0.08, 0.07, 0.05};
  static final long YEAR_START_SECONDS = 1_735_689_600L;
  static final long YEAR_SECONDS = 31_536_000L;
  static final int CITIES = 2000;

  private BankingPeers() {}

  /**
   * City names drawn once, like the spec's Datafaker pool, so that every peer picks from the same
   * list.
   */
  static List<String> cities() {
    Faker faker = new Faker(Locale.US, new Random(42));
    List<String> cities = new ArrayList<>();
    for (int i = 0; i < CITIES; i++) {
      cities.add(faker.address().city());
    }

    return cities;
  }

  /**
   * Spark SQL expressions over {@code spark.range(n)}, the way dbldatagen generates: {@code
   * rand}/{@code randn} per column, array lookups, {@code uuid()}, and {@code round(x, 2)} (or,
   * hand-tuned, {@code rint(x * 100) / 100}, which avoids Spark's BigDecimal path for rounding
   * doubles).
   */
  static Dataset<Row> expressions(
      SparkSession spark, long rows, int partitions, List<String> cities, boolean rint) {
    StringBuilder cityArray = new StringBuilder("array(");
    for (int i = 0; i < cities.size(); i++) {
      cityArray
          .append(i > 0 ? ", " : "")
          .append('\'')
          .append(cities.get(i).replace("'", "\\'"))
          .append('\'');
    }

    cityArray.append(')');
    StringBuilder category = new StringBuilder("case");
    double cumulative = 0;
    for (int i = 0; i < CATEGORIES.length - 1; i++) {
      cumulative += CATEGORY_WEIGHTS[i];
      category.append(
          String.format(
              Locale.ROOT, " when r_category < %.4f then '%s'", cumulative, CATEGORIES[i]));
    }

    category.append(" else '").append(CATEGORIES[CATEGORIES.length - 1]).append("' end");
    String amount =
        rint
            ? "rint(exp(3.4 + 1.0 * randn(3)) * 100) / 100"
            : "round(exp(3.4 + 1.0 * randn(3)), 2)";
    String balance =
        rint
            ? "rint(exp(7.6 + 1.4 * randn(4)) * 100) / 100"
            : "round(exp(7.6 + 1.4 * randn(4)), 2)";
    return spark
        .range(0, rows, 1, partitions)
        .selectExpr("id", "rand(5) as r_category")
        .selectExpr(
            "cast(floor(rand(1) * " + Math.max(1, rows / 10) + ") + 1 as bigint) as customer_id",
            "uuid() as transaction_id",
            "timestamp_seconds("
                + YEAR_START_SECONDS
                + " + cast(rand(2) * "
                + YEAR_SECONDS
                + " as bigint)) as timestamp",
            "cast(greatest(0.01, " + amount + ") as decimal(12,2)) as amount",
            "cast(" + balance + " as decimal(14,2)) as balance",
            category + " as merchant_category",
            "element_at("
                + cityArray
                + ", cast(rand(6) * "
                + cities.size()
                + " as int) + 1) as city",
            "rand(7) < 0.01 as is_fraud");
  }

  /**
   * What a team would write in an afternoon: one SplittableRandom per partition, one Row per row.
   */
  static Dataset<Row> mapPartitions(
      SparkSession spark, long rows, int partitions, List<String> cities) {
    String[] cityArray = cities.toArray(new String[0]);
    long customers = Math.max(1, rows / 10);
    MapPartitionsFunction<Long, Row> generator =
        ids ->
            new Iterator<Row>() {
              private SplittableRandom random;

              @Override
              public boolean hasNext() {
                return ids.hasNext();
              }

              @Override
              public Row next() {
                long id = ids.next();
                if (random == null) {
                  random = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
                }

                return row(random, customers, cityArray);
              }
            };
    return spark
        .range(0, rows, 1, partitions)
        .as(Encoders.LONG())
        .mapPartitions(generator, Encoders.row(SCHEMA));
  }

  static Row row(SplittableRandom random, long customers, String[] cities) {
    double pick = random.nextDouble();
    int category = 0;
    double cumulative = CATEGORY_WEIGHTS[0];
    while (pick >= cumulative && category < CATEGORIES.length - 1) {
      cumulative += CATEGORY_WEIGHTS[++category];
    }

    return RowFactory.create(
        1 + random.nextLong(customers),
        new UUID(random.nextLong(), random.nextLong()).toString(),
        new Timestamp((YEAR_START_SECONDS + random.nextLong(YEAR_SECONDS)) * 1000L),
        BigDecimal.valueOf(Math.max(0.01, Math.exp(3.4 + random.nextGaussian())))
            .setScale(2, RoundingMode.HALF_EVEN),
        BigDecimal.valueOf(Math.exp(7.6 + 1.4 * random.nextGaussian()))
            .setScale(2, RoundingMode.HALF_EVEN),
        CATEGORIES[category],
        cities[random.nextInt(cities.length)],
        random.nextDouble() < 0.01);
  }

  /**
   * Datafaker row by row in one thread, the Java twin of the Python Faker baseline; returns a
   * checksum.
   */
  static long datafakerRows(long rows) {
    Random random = new Random(1);
    Faker faker = new Faker(Locale.US, random);
    long checksum = 0;
    long customers = Math.max(1, rows / 10);
    for (long i = 0; i < rows; i++) {
      long customer = faker.number().numberBetween(1L, customers + 1);
      String transaction = faker.internet().uuid();
      long timestamp =
          faker.number().numberBetween(YEAR_START_SECONDS, YEAR_START_SECONDS + YEAR_SECONDS);
      double amount = Math.max(0.01, Math.exp(3.4 + random.nextGaussian()));
      double balance = Math.exp(7.6 + 1.4 * random.nextGaussian());
      String category = CATEGORIES[faker.number().numberBetween(0, CATEGORIES.length)];
      String city = faker.address().city();
      boolean fraud = random.nextDouble() < 0.01;
      checksum +=
          customer
              + transaction.length()
              + timestamp
              + (long) amount
              + (long) balance
              + category.length()
              + city.length()
              + (fraud ? 1 : 0);
    }

    return checksum;
  }
}
