package io.synthlake.core.fit;

import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Shared fitted models for tests that need many column kinds at once. */
public final class TableFixtures {
  public static final int ROWS = 1200;
  public static final int COMPONENTS = 3;

  private TableFixtures() {}

  /**
   * A model with every column kind, fitted on 1200 rows with three fixed mixture components: keys
   * of every style (sequence, uuid, code), continuous with the empirical and the Gaussian-mixture
   * marginal and with nulls, decimal, integer, categorical with rare values, boolean, date,
   * timestamp and text.
   */
  public static TableModel everyKind() {
    SplittableRandom random = new SplittableRandom(2024);
    int n = ROWS;
    double[] id = new double[n];
    String[] ref = new String[n];
    String[] account = new String[n];
    double[] amount = new double[n];
    boolean[] amountNull = new boolean[n];
    double[] score = new double[n];
    double[] price = new double[n];
    double[] quantity = new double[n];
    String[] city = new String[n];
    boolean[] active = new boolean[n];
    double[] signup = new double[n];
    double[] seen = new double[n];
    String[] note = new String[n];
    int[] labels = new int[n];
    String[] words = {
      "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"
    };
    String[] cities = {"Lima", "Quito", "Bogota", "Cusco"};
    long firstDay = LocalDate.of(2021, 1, 1).toEpochDay();
    for (int i = 0; i < n; i++) {
      int k = i % COMPONENTS;
      labels[i] = k;
      id[i] = i + 1;
      ref[i] =
          new UUID(
                  random.nextLong() & ~0xF000L | 0x4000L,
                  random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L)
              .toString();
      account[i] = String.format("B%04d", 3 * i + 11);
      amountNull[i] = random.nextDouble() < 0.1;
      amount[i] =
          random.nextDouble() < 0.3
              ? 0.0
              : Math.round(Math.exp(3 + k + random.nextGaussian()) * 100) / 100.0;
      score[i] =
          random.nextBoolean() ? -2 + 0.5 * random.nextGaussian() : 3 + random.nextGaussian();
      price[i] = Math.round((10 + 5 * k + 2 * random.nextGaussian()) * 100) / 100.0;
      quantity[i] = 1 + random.nextInt(5 + 5 * k);
      city[i] = i < 6 ? "Hamlet" + i : cities[(k + random.nextInt(3)) % cities.length];
      active[i] = random.nextDouble() < 0.3 + 0.2 * k;
      signup[i] = firstDay + random.nextInt(1000);
      seen[i] = (1_650_000_000L + random.nextInt(10_000_000)) * 1_000_000L;
      if (i % 10 == 0) {
        note[i] = "no comment";
      } else if (i % 17 == 0) {
        note[i] = null;
      } else {
        StringBuilder text = new StringBuilder();
        int count = 2 + random.nextInt(4);
        for (int w = 0; w < count; w++) {
          text.append(w == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }

        note[i] = i == 7 ? text + " unique" + i : text.toString();
      }
    }

    List<SampleColumn> columns =
        List.of(
            Samples.ints("id", id),
            Samples.strings("ref", ref),
            Samples.strings("account", account),
            SampleColumn.numbers("amount", DataType.of(LogicalType.DOUBLE), amount, amountNull),
            Samples.doubles("score", score),
            Samples.numbers("price", DataType.decimal(10, 2), price),
            Samples.ints("quantity", quantity),
            Samples.strings("city", city),
            Samples.booleans("active", active),
            Samples.numbers("signup", DataType.of(LogicalType.DATE), signup),
            Samples.numbers("seen", DataType.of(LogicalType.TIMESTAMP), seen),
            Samples.strings("note", note));
    FitSettings settings =
        FitSettings.builder()
            // The token option, so the every-kind model keeps a model file's token category.
            .rareToken("_RARE_")
            .marginal("score", MarginalFamily.GAUSSIAN_MIXTURE)
            .maxModes(4)
            .build();
    return ModelFitter.fit(SampleTable.of(columns), settings, Samples.fixedLabels(labels)).model();
  }

  /** Column names of {@link #everyKind()}, in order. */
  public static List<String> everyKindColumns() {
    return Arrays.asList(
        "id",
        "ref",
        "account",
        "amount",
        "score",
        "price",
        "quantity",
        "city",
        "active",
        "signup",
        "seen",
        "note");
  }
}
