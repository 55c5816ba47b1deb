package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.fit.TableSetFitter.Input;
import io.synthlake.core.fit.TableSetFitter.Relation;
import io.synthlake.core.format.TableSetJson;
import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.TableSetRun;
import io.synthlake.core.model.KeyAffinity;
import io.synthlake.core.model.TableSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Airports and routes: a fifth of the airports are hubs, a hub has eight routes out on average and
 * a regional airport one, and a route from a hub goes to a hub 80% of the time, one from a regional
 * airport 20%. The destination is a further key, so keeping "hubs fly to hubs" needs its affinity.
 * Seeds are fixed; the bounds sit at least four standard errors from the planted values, which
 * would put the false-failure rate of a fresh seed below 1 in 10,000 per bound.
 */
class KeyAffinityTest {
  private static final int AIRPORTS = 600;
  private static final long GENERATED_AIRPORTS = 3000;

  private static TableSet set;
  private static Map<String, CollectingSink[]> generated;

  @BeforeAll
  static void fitAndGenerate() {
    SplittableRandom random = new SplittableRandom(3);
    String[] codes = new String[AIRPORTS];
    String[] kinds = new String[AIRPORTS];
    double[] runways = new double[AIRPORTS];
    List<Integer> hubs = new ArrayList<>();
    List<Integer> regionals = new ArrayList<>();
    for (int a = 0; a < AIRPORTS; a++) {
      boolean hub = random.nextDouble() < 0.2;
      codes[a] = String.format("A%03d", a);
      kinds[a] = hub ? "hub" : "regional";
      runways[a] = hub ? 4 + random.nextInt(3) : 1 + random.nextInt(2);
      (hub ? hubs : regionals).add(a);
    }

    List<String> origins = new ArrayList<>();
    List<String> destinations = new ArrayList<>();
    List<Double> seats = new ArrayList<>();
    for (int a = 0; a < AIRPORTS; a++) {
      boolean hub = kinds[a].equals("hub");
      int routes = poisson(hub ? 8 : 1, random);
      for (int r = 0; r < routes; r++) {
        boolean toHub = random.nextDouble() < (hub ? 0.8 : 0.2);
        List<Integer> pool = toHub ? hubs : regionals;
        origins.add(codes[a]);
        destinations.add(codes[pool.get(random.nextInt(pool.size()))]);
        seats.add(
            hub && toHub ? 300 + 30 * random.nextGaussian() : 90 + 10 * random.nextGaussian());
      }
    }

    FitSettings settings = FitSettings.builder().seed(5).build();
    List<Input> inputs =
        List.of(
            new Input(
                "airports",
                Samples.table(
                    Samples.strings("code", codes),
                    Samples.strings("kind", kinds),
                    Samples.ints("runways", runways)),
                AIRPORTS,
                settings),
            new Input(
                "routes",
                Samples.table(
                    Samples.strings("origin", origins.toArray(new String[0])),
                    Samples.strings("destination", destinations.toArray(new String[0])),
                    Samples.doubles(
                        "seats", seats.stream().mapToDouble(Double::doubleValue).toArray())),
                origins.size(),
                settings));
    List<Relation> relations =
        List.of(
            new Relation("routes", "origin", "airports", "code"),
            new Relation("routes", "destination", "airports", "code"));
    set = TableSetFitter.fit(inputs, relations, OrphanPolicy.FAIL, new KMeans(4)).set();
    generated = TableSetRun.generate(set, 9, "airports", GENERATED_AIRPORTS, false);
  }

  @Test
  void theDestinationKeyLearnsAnAffinity() {
    KeyAffinity affinity = set.table("routes").foreignKey("destination").affinity();
    assertThat(affinity).isNotNull();
    assertThat(affinity.parentComponentCount())
        .isEqualTo(set.table("airports").model().dependence().componentCount());
    assertThat(set.table("routes").foreignKey("origin").affinity()).isNull();
  }

  @Test
  void hubsFlyToHubsAndRegionalAirportsToRegionalOnes() {
    double[] shares = hubShares(generated);
    // Planted: 0.8 and 0.2.
    assertThat(shares[1]).isBetween(0.68, 0.92);
    assertThat(shares[0]).isBetween(0.08, 0.34);
  }

  @Test
  void withoutTheAffinityTheDestinationForgetsTheOrigin() {
    List<TableSet.Table> tables = new ArrayList<>();
    for (TableSet.Table table : set.tables()) {
      List<TableSet.ForeignKey> keys = new ArrayList<>();
      for (TableSet.ForeignKey key : table.foreignKeys()) {
        keys.add(
            new TableSet.ForeignKey(
                key.column(), key.parentTable(), key.parentKey(), key.popularity()));
      }

      tables.add(
          new TableSet.Table(
              table.name(), table.model(), table.columns(), table.inputRows(), table.link(), keys));
    }

    TableSet plain = TableSet.of(tables, set.properties());
    double[] shares =
        hubShares(TableSetRun.generate(plain, 9, "airports", GENERATED_AIRPORTS, false));
    // Both near the hubs' share of destinations by popularity alone.
    assertThat(Math.abs(shares[1] - shares[0])).isLessThan(0.15);
  }

  /** The share of routes to a hub, from regional airports [0] and from hubs [1]. */
  private static double[] hubShares(Map<String, CollectingSink[]> tables) {
    Map<Object, String> kind = kinds(tables);
    CollectingSink[] routes = tables.get("routes");
    int origin = set.table("routes").columns().indexOf("origin");
    int destination = set.table("routes").columns().indexOf("destination");
    int[][] counts = new int[2][2]; // [origin is hub][destination is hub]
    for (int r = 0; r < routes[0].size(); r++) {
      int from = "hub".equals(kind.get(routes[origin].value(r))) ? 1 : 0;
      int to = "hub".equals(kind.get(routes[destination].value(r))) ? 1 : 0;
      counts[from][to]++;
    }

    return new double[] {
      (double) counts[0][1] / (counts[0][0] + counts[0][1]),
      (double) counts[1][1] / (counts[1][0] + counts[1][1])
    };
  }

  @Test
  void hubsGetMoreArrivalsPerAirport() {
    Map<Object, String> kind = kinds(generated);
    CollectingSink[] routes = generated.get("routes");
    int destination = set.table("routes").columns().indexOf("destination");
    Map<String, Integer> arrivals = new HashMap<>();
    for (int r = 0; r < routes[0].size(); r++) {
      arrivals.merge(kind.get(routes[destination].value(r)), 1, Integer::sum);
    }

    Map<String, Integer> airports = new HashMap<>();
    kind.values().forEach(k -> airports.merge(k, 1, Integer::sum));
    double hub = (double) arrivals.get("hub") / airports.get("hub");
    double regional = (double) arrivals.get("regional") / airports.get("regional");
    // Planted: 7.2 arrivals per hub and 1.2 per regional airport, a ratio of 6.
    assertThat(hub / regional).isBetween(3.5, 9.0);
  }

  @Test
  void theAffinityRoundTripsThroughTheFile() {
    String json = TableSetJson.toJson(set);
    assertThat(json).contains("\"affinity\"");
    assertThat(TableSetJson.toJson(TableSetJson.fromJson(json, "routes.json"))).isEqualTo(json);
  }

  private static Map<Object, String> kinds(Map<String, CollectingSink[]> tables) {
    CollectingSink[] airports = tables.get("airports");
    int code = set.table("airports").columns().indexOf("code");
    int kind = set.table("airports").columns().indexOf("kind");
    Map<Object, String> kinds = new HashMap<>();
    for (int r = 0; r < airports[0].size(); r++) {
      kinds.put(airports[code].value(r), (String) airports[kind].value(r));
    }

    return kinds;
  }

  private static int poisson(double mean, SplittableRandom random) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }

    return count;
  }
}
