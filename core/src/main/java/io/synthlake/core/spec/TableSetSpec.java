package io.synthlake.core.spec;

import io.synthlake.core.model.TableSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table-set spec built for one seed and size: the related tables to generate, and for each table
 * its derived columns, ordering constraints and output order ({@link Spec}, whose model is the
 * table's model in the set and whose column order places the foreign keys after the leading key
 * columns).
 *
 * @param set the tables and the foreign keys between them
 * @param tables each table's spec, in set order
 */
public record TableSetSpec(TableSet set, Map<String, Spec> tables) {
  public TableSetSpec {
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }
}
