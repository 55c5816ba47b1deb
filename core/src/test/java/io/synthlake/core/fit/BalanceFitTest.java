package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.fit.TableSetFitter.Input;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.TableSetRun;
import io.synthlake.core.model.RunningBalance;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Accounts whose balance moves by each day's deposit less its purchase, a purchase never taking
 * more than the balance holds. The fit must find that the balance is carried, not drawn: the
 * generated balance is then the previous one plus the deposit less the purchase in every row, and
 * never below the lowest real balance, which a balance drawn from its marginal would break in most
 * rows.
 */
class BalanceFitTest {
  private static final DataType LONGS = DataType.of(LogicalType.LONG);

  private static TableSet set;

  @BeforeAll
  static void fit() {
    SplittableRandom random = new SplittableRandom(23);
    int accounts = 150;
    double[] ids = new double[accounts];
    List<double[]> rows = new ArrayList<>(); // account, day, deposit, amount, balance
    for (int a = 0; a < accounts; a++) {
      ids[a] = a + 1;
      double balance = Math.round(100 + 400 * random.nextDouble());
      for (int day = 0; day < 40; day++) {
        double deposit =
            random.nextDouble() < 0.1 ? Math.round(500 + 500 * random.nextDouble()) : 0;
        double amount = Math.min(balance + deposit, Math.round(5 + 80 * random.nextDouble()));
        balance += deposit - amount;
        rows.add(new double[] {a + 1, day, deposit, amount, balance});
      }
    }

    double[][] columns = new double[5][rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int k = 0; k < 5; k++) {
        columns[k][r] = rows.get(r)[k];
      }
    }

    FitSettings settings = FitSettings.builder().seed(8).build();
    set =
        TableSetFitter.fit(
                List.of(
                    new Input(
                        "accounts",
                        Samples.table(Samples.numbers("id", LONGS, ids)),
                        accounts,
                        settings),
                    new Input(
                        "days",
                        Samples.table(
                            Samples.numbers("account", LONGS, columns[0]),
                            Samples.numbers("day", LONGS, columns[1]),
                            Samples.doubles("deposit", columns[2]),
                            Samples.doubles("amount", columns[3]),
                            Samples.doubles("balance", columns[4])),
                        rows.size(),
                        settings)),
                List.of(new Relation("days", "account", "accounts", "id")),
                Map.of("days", "day"),
                OrphanPolicy.FAIL,
                ScoreClusterer.single())
            .set();
  }

  @Test
  void theBalanceIsFoundAndCarried() {
    List<RunningBalance> balances = set.table("days").sequence().balances();
    assertThat(balances).hasSize(1);
    RunningBalance balance = balances.get(0);
    assertThat(balance.column()).isEqualTo("balance");
    assertThat(balance.add()).containsExactly("deposit");
    assertThat(balance.subtract()).containsExactly("amount");
    assertThat(balance.floor()).isGreaterThanOrEqualTo(0);
    assertThat(set.table("days").model().columnNames()).doesNotContain("balance");
    assertThat(set.table("days").columns()).contains("balance");
    String json = TableSetJson.toJson(set);
    assertThat(TableSetJson.toJson(TableSetJson.fromJson(json, "days.json"))).isEqualTo(json);
  }

  @Test
  void everyGeneratedRowKeepsTheBalanceRule() {
    CollectingSink[] days = TableSetRun.generate(set, 5, "accounts", 300, false).get("days");
    List<String> names = set.table("days").columns();
    CollectingSink account = days[names.indexOf("account")];
    CollectingSink deposit = days[names.indexOf("deposit")];
    CollectingSink amount = days[names.indexOf("amount")];
    CollectingSink balance = days[names.indexOf("balance")];
    double floor = set.table("days").sequence().balances().get(0).floor();
    int checked = 0;
    for (int r = 0; r < balance.size(); r++) {
      assertThat(balance.number(r)).as("row %d", r).isGreaterThanOrEqualTo(floor);
      if (r > 0 && account.value(r).equals(account.value(r - 1))) {
        assertThat(balance.number(r))
            .as("row %d", r)
            .isCloseTo(balance.number(r - 1) + deposit.number(r) - amount.number(r), within(1e-6));
        checked++;
      }
    }

    assertThat(checked).isGreaterThan(5_000);
  }
}
