package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf/agent-transactions.yaml, a spec whose transactions are each customer's history with a
 * running balance, generated through the command line into Delta and Parquet: the balance is never
 * below zero and is the previous row's plus the deposit less the amount in every row, the order
 * never goes back within a customer, some purchases are declined (written as 0), and 1 and 3
 * partitions give the same rows. conf/account-lifecycle.yaml, whose statuses follow transitions and
 * whose amounts follow the calendar, through the command line into Parquet: every account opens,
 * none comes back once closed, and Saturday's amounts are higher than Wednesday's by the shift
 * written.
 */
class SequenceSpecIT {
  private static final String SPEC =
      Path.of("..", "conf", "agent-transactions.yaml").toAbsolutePath().normalize().toString();

  private static void generate(String output, String format, int partitions) {
    Cli.Result result =
        Cli.run(
            "generate",
            "--spec",
            SPEC,
            "--rows",
            "customers=3000",
            "--seed",
            "5",
            "--partitions",
            String.valueOf(partitions),
            "--output",
            output,
            "--format",
            format);
    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out()).contains("customers: 3,000 rows");
  }

  @Test
  void balancesAndOrderHoldInEveryRowWhateverThePartitioning(@TempDir Path dir) {
    SparkSession spark = SharedSpark.session();
    String delta = dir.resolve("delta").toString();
    String parquet = dir.resolve("parquet").toString();
    generate(delta, "delta", 1);
    generate(parquet, "parquet", 3);
    Dataset<Row> customers = spark.read().format("delta").load(delta + "/customers");
    Dataset<Row> transactions = spark.read().format("delta").load(delta + "/transactions");
    assertThat(transactions.columns())
        .containsExactly(
            "transaction_id",
            "customer_id",
            "ts",
            "merchant_category",
            "amount",
            "deposit",
            "balance");
    customers.createOrReplaceTempView("agent_customers");
    transactions.createOrReplaceTempView("agent_transactions");
    // Transaction keys count rows in generation order, which within a customer is the history's.
    Row checks =
        spark
            .sql(
                "select count(*), count_if(balance < 0), count_if(balance is null),"
                    + " count_if(ts < previous_ts),"
                    + " count_if(balance <> coalesce(previous_balance, opening_balance)"
                    + " + deposit - amount),"
                    + " count_if(amount = 0)"
                    + " from (select t.*, c.opening_balance,"
                    + " lag(t.ts) over (partition by t.customer_id order by t.transaction_id)"
                    + " as previous_ts,"
                    + " lag(t.balance) over (partition by t.customer_id order by t.transaction_id)"
                    + " as previous_balance"
                    + " from agent_transactions t join agent_customers c using (customer_id))")
            .first();
    long rows = checks.getLong(0);
    assertThat(rows).isEqualTo(transactions.count()).isGreaterThan(80_000);
    assertThat(checks.getLong(1)).as("rows below zero").isZero();
    assertThat(checks.getLong(2)).as("null balances").isZero();
    assertThat(checks.getLong(3)).as("rows going back in time").isZero();
    assertThat(checks.getLong(4)).as("rows whose balance does not add up").isZero();
    assertThat(checks.getLong(5)).as("declined purchases").isPositive().isLessThan(rows / 5);
    // Same rows with 3 partitions, written as Parquet.
    for (String table : new String[] {"customers", "transactions"}) {
      Dataset<Row> one = spark.read().format("delta").load(delta + "/" + table);
      Dataset<Row> three = spark.read().parquet(parquet + "/" + table);
      assertThat(three.count()).as(table).isEqualTo(one.count());
      assertThat(one.exceptAll(three).count()).as(table).isZero();
    }
  }

  /**
   * About 48,000 events of 2,000 accounts. The status checks are exact. A Saturday shift of 0.4
   * spreads of a log-normal of sigma 0.8 raises the mean log amount by 0.32 over Wednesday's; some
   * 6,800 rows fall on each day, with a log spread near 0.75 and the AR coefficient 0.4 the
   * difference has a standard error below 0.02, so the bound of 0.08 is four of them: a
   * false-failure rate near 1e-4 for a fresh seed (fixed here).
   */
  @Test
  void lifecyclesOpenNeverComeBackFromClosedAndMoveWithTheWeek(@TempDir Path dir) {
    String output = dir.resolve("lifecycle").toString();
    Cli.Result result =
        Cli.run(
            "generate",
            "--spec",
            Path.of("..", "conf", "account-lifecycle.yaml").toAbsolutePath().normalize().toString(),
            "--rows",
            "accounts=2000",
            "--seed",
            "3",
            "--output",
            output,
            "--format",
            "parquet");
    assertThat(result.status()).as(result.err()).isZero();
    SparkSession spark = SharedSpark.session();
    spark.read().parquet(output + "/events").createOrReplaceTempView("lifecycle_events");
    // Event keys count rows in generation order, which within an account is the history's.
    Row checks =
        spark
            .sql(
                "select count(*), count_if(previous is null and status <> 'opened'),"
                    + " count_if(previous = 'closed' and status <> 'closed'),"
                    + " count_if(status = 'dormant'),"
                    + " avg(case when day = 5 then ln(amount) end)"
                    + " - avg(case when day = 2 then ln(amount) end)"
                    + " from (select status, amount,"
                    + " pmod(floor(unix_seconds(ts) / 86400) + 3, 7) as day,"
                    + " lag(status) over (partition by account_id order by event_id) as previous"
                    + " from lifecycle_events)")
            .first();
    assertThat(checks.getLong(0)).isGreaterThan(40_000);
    assertThat(checks.getLong(1)).as("histories not starting opened").isZero();
    assertThat(checks.getLong(2)).as("accounts back from closed").isZero();
    assertThat(checks.getLong(3)).as("dormant rows").isPositive();
    assertThat(checks.getDouble(4)).as("Saturday over Wednesday, log amount").isBetween(0.24, 0.40);
  }
}
