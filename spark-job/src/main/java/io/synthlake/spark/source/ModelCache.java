package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.format.ModelDocuments;
import io.synthlake.core.generate.Condition;
import io.synthlake.core.generate.ConditionalModel;
import io.synthlake.core.generate.ConditionalTableSet;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The models the data source knows on this driver, keyed on their content: the SHA-256 of the model
 * JSON. Two models share an entry only when their JSON is the same. Entries are held weakly;
 * whoever reads a model (a {@code SynthesisModel}, the tables of a query) holds its {@link Entry},
 * so the cache never keeps a model alive by itself.
 *
 * <p>In-process callers hand a model over with {@link #share}: the data source then finds it by its
 * key (the {@code model-key} option) instead of parsing JSON for every read. Internal: not part of
 * the public API.
 */
public final class ModelCache {
  private static final String PREFIX = "sha256:";
  private static final Map<String, WeakReference<Entry>> ENTRIES = new HashMap<>();

  private ModelCache() {}

  /**
   * A model, its JSON and its content key; the gzipped JSON (what executors receive) is made once,
   * when first needed.
   */
  public static final class Entry {
    private final ModelDocuments.Content content;
    private final String json;
    private final String key;

    /** The condition every generated row satisfies (the option 'where'), or null. */
    private final String where;

    private byte[] gzipped;

    private Entry(ModelDocuments.Content content, String json, String key) {
      this(content, json, key, null);
    }

    private Entry(ModelDocuments.Content content, String json, String key, String where) {
      this.content = content;
      this.json = json;
      this.key = key;
      this.where = where;
    }

    /**
     * This table's model, or set of related tables, conditioned on {@code where} (see {@link
     * ConditionalModel}, {@link ConditionalTableSet}), checked here on the driver: executors
     * receive the model's JSON and the condition, and condition it again. Its key tells it apart
     * from the unconditioned model's. Not cached: a condition is cheap to apply and a read holds
     * its entry.
     */
    public Entry conditioned(String where) {
      SynthlakeException.check(
          this.where == null, "the model is already conditioned on \"%s\"", this.where);
      Condition condition = Condition.parse(where);
      return new Entry(
          content.isTableSet()
              ? new ModelDocuments.Content(
                  null, ConditionalTableSet.of(content.tableSet(), condition))
              : new ModelDocuments.Content(ConditionalModel.of(content.model(), condition), null),
          json,
          keyOf(key + "\nwhere " + condition),
          condition.toString());
    }

    /** The condition every row satisfies, in canonical form, or null. */
    public String where() {
      return where;
    }

    /** The model of one table; fails when the entry holds a set of related tables. */
    public TableModel model() {
      SynthlakeException.check(
          !content.isTableSet(),
          "the model holds a set of related tables (%s): name the one to read with the option "
              + "'table'",
          content.isTableSet() ? String.join(", ", content.tableSet().names()) : "");
      return content.model();
    }

    public boolean isTableSet() {
      return content.isTableSet();
    }

    /** The set of related tables; only when {@link #isTableSet()}. */
    public TableSet tableSet() {
      return content.tableSet();
    }

    /**
     * The content key, {@code sha256:} and the hex digest of the JSON: the value of the {@code
     * model-key} option.
     */
    public String key() {
      return key;
    }

    synchronized byte[] gzippedJson() {
      if (gzipped == null) {
        gzipped = GzipText.gzip(json);
      }

      return gzipped;
    }
  }

  /**
   * The content key of a model's JSON: {@code sha256:} followed by the SHA-256 of its UTF-8 bytes,
   * in hex.
   */
  public static String keyOf(String json) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return PREFIX
          + HexFormat.of().formatHex(digest.digest(json.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /**
   * Makes {@code model}, whose JSON is {@code json}, known to the data source; the caller keeps the
   * entry for as long as it may read the model and passes {@link Entry#key()} as the {@code
   * model-key} option.
   */
  public static Entry share(TableModel model, String json) {
    return share(new ModelDocuments.Content(model, null), json);
  }

  /** Like {@link #share(TableModel, String)}, for a set of related tables. */
  public static Entry share(TableSet set, String json) {
    return share(new ModelDocuments.Content(null, set), json);
  }

  private static Entry share(ModelDocuments.Content content, String json) {
    String key = keyOf(json);
    synchronized (ENTRIES) {
      Entry known = lookup(key);
      if (known != null) {
        return known;
      }

      Entry entry = new Entry(content, json, key);
      purge();
      ENTRIES.put(key, new WeakReference<>(entry));
      return entry;
    }
  }

  /** The model of {@code json}, parsed unless a model with exactly this JSON is already known. */
  static Entry fromJson(String json, String origin) {
    String key = keyOf(json);
    synchronized (ENTRIES) {
      Entry known = lookup(key);
      if (known != null) {
        return known;
      }
    }

    return share(ModelDocuments.read(json, origin), json);
  }

  /**
   * The model handed over under {@code key}; fails when no model with that key is known on this
   * driver.
   */
  static Entry byKey(String key) {
    synchronized (ENTRIES) {
      Entry known = lookup(key);
      SynthlakeException.check(
          known != null,
          "the synthlake data source knows no model with key %s on this driver: the "
              + "option 'model-key' is for models handed over in the same JVM (SynthesisModel.generate); pass 'model' "
              + "(a model file path) or 'model-json' instead",
          key);
      return known;
    }
  }

  private static Entry lookup(String key) {
    WeakReference<Entry> reference = ENTRIES.get(key);
    return reference == null ? null : reference.get();
  }

  private static void purge() {
    ENTRIES.values().removeIf(reference -> reference.get() == null);
  }
}
