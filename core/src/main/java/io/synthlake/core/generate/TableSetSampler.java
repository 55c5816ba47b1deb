package io.synthlake.core.generate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.math.NestedOrder;
import io.synthlake.core.math.Permutation;
import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.KeyAffinity;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.Popularity;
import io.synthlake.core.model.RunningBalance;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

/**
 * Generates a {@link TableSet} without joins or shuffles. Rows are grouped by <em>root block</em>:
 * block b of a root table holds its rows {@code 4096·b} to {@code 4096·b + 4095}, and every
 * descendant row belongs to the root block of its root ancestor. Within a root block a table's rows
 * follow their parents' order, each parent's children together, so a child task regenerates the few
 * ancestor rows it needs instead of reading them: every row is a pure function of (set, seed, root
 * block, position), whatever the partitioning.
 *
 * <p>A table's global row numbers (which its key columns count from) need the rows of the root
 * blocks before: {@link #countBlock} gives a root block's rows per table, a first cheap pass sums
 * them, and {@link Walker#start} takes the sums. Immutable and shareable; each task takes its own
 * {@link Walker}.
 */
public final class TableSetSampler {
  private static final int LINK_STREAM = 401;
  private static final int FOREIGN_KEY_STREAM = 402;
  private static final int PERMUTATION_STREAM = 403;

  private final TableSet set;
  private final long seed;
  private final long[] tableSeeds;
  private final TableSampler[] samplers;

  /**
   * Per table, the sampler its walker writes the table's own rows with: the plain one, or with edge
   * cases. The levels that count children and carry scores draw from the plain ones, so edge rows
   * change no other row and no other table.
   */
  private final TableSampler[] written;

  /** children[t]: the indices of table t's child tables, in set order. */
  private final List<Integer>[] children;

  @SuppressWarnings("unchecked")
  private TableSetSampler(TableSet set, long seed) {
    this.set = set;
    this.seed = seed;
    List<TableSet.Table> tables = set.tables();
    this.tableSeeds = new long[tables.size()];
    this.samplers = new TableSampler[tables.size()];
    for (int t = 0; t < tables.size(); t++) {
      tableSeeds[t] = tableSeed(seed, tables.get(t).name());
      samplers[t] = TableSampler.of(tables.get(t).model(), tableSeeds[t]);
    }

    this.written = samplers.clone();

    this.children = new List[tables.size()];
    for (int t = 0; t < tables.size(); t++) {
      children[t] = new ArrayList<>();
      for (TableSet.Table child : set.children(tables.get(t).name())) {
        children[t].add(set.indexOf(child.name()));
      }
    }
  }

  public static TableSetSampler of(TableSet set, long seed) {
    return new TableSetSampler(set, seed);
  }

  private TableSetSampler(TableSetSampler other, int table, TableSampler sampler) {
    this.set = other.set;
    this.seed = other.seed;
    this.tableSeeds = other.tableSeeds;
    this.samplers = other.samplers;
    this.children = other.children;
    this.written = other.written.clone();
    written[table] = sampler;
  }

  /**
   * The same sampler with {@code edgeCases}' share of table {@code table}'s rows replaced by
   * boundary rows (null: none), in the columns it names or else in every column it may touch: never
   * a key, foreign key, ordinal, sequence order, balance or a column a balance moves by, nor a
   * hidden column, so every join and every other row holds. Fails in one line naming a column it
   * may not touch.
   */
  public TableSetSampler withEdgeCases(String table, EdgeCases edgeCases) {
    TableSet.Table owner = set.table(table);
    int index = set.indexOf(owner.name());
    if (edgeCases == null) {
      return new TableSetSampler(this, index, samplers[index]);
    }

    List<String> touchable = new ArrayList<>();
    for (String column : owner.columns()) {
      if (reason(owner, column) == null) {
        touchable.add(column);
      }
    }

    for (String column : edgeCases.columns()) {
      String reason = owner.columns().contains(column) ? reason(owner, column) : null;
      SynthlakeException.check(
          reason == null,
          "edge-case columns: '%s' of table '%s' is %s, which edge cases leave alone so that the"
              + " tables still join; leave it out",
          column,
          owner.name(),
          reason);
    }

    SynthlakeException.check(
        !touchable.isEmpty(),
        "table '%s' has no column edge cases can change (its columns are keys, ordinals and"
            + " balances); leave the option out for it",
        owner.name());
    EdgeCases chosen = edgeCases.columns().isEmpty() ? edgeCases.withColumns(touchable) : edgeCases;
    return new TableSetSampler(this, index, samplers[index].withEdgeCases(chosen));
  }

  /** Table {@code table}'s edge cases, or null. */
  public EdgeCases edgeCases(String table) {
    return written[set.indexOf(set.table(table).name())].edgeCases();
  }

  /** Why edge cases leave output column {@code column} of {@code table} alone, or null. */
  static String reason(TableSet.Table table, String column) {
    if (table.foreignKey(column) != null) {
      return "a foreign key";
    }

    if (table.ordinal() != null && table.ordinal().column().equals(column)) {
      return "its ordinal";
    }

    TableSet.Sequence sequence = table.sequence();
    if (sequence != null && sequence.order().equals(column)) {
      return "its sequence's order";
    }

    if (sequence != null) {
      for (RunningBalance balance : sequence.balances()) {
        if (balance.column().equals(column) || balance.moves().contains(column)) {
          return "a running balance or a column it moves by";
        }
      }
    }

    if (!table.model().columnNames().contains(column)) {
      return "a key or computed from other columns";
    }

    if (table.model().column(column) instanceof KeyColumn) {
      return "a key";
    }

    return null;
  }

  /**
   * A table's seed follows from the run's seed and the table's name alone, so that adding a table
   * to the set, or resizing a sibling, leaves the other tables' rows as they were.
   */
  static long tableSeed(long seed, String table) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : table.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }

    return Seeds.derive(seed, hash, 400);
  }

  public TableSet set() {
    return set;
  }

  public long seed() {
    return seed;
  }

  /** Root blocks of a root table of {@code rootRows} rows. */
  public static long rootBlocks(long rootRows) {
    return (rootRows + TableSampler.BLOCK_ROWS - 1) / TableSampler.BLOCK_ROWS;
  }

  /**
   * The rows each table of {@code root}'s tree has in root block {@code rootBlock} (indexed as
   * {@link TableSet#tables} is; 0 for tables of other trees), for a root table of {@code rootRows}
   * rows.
   */
  public long[] countBlock(String root, long rootBlock, long rootRows) {
    return countBlock(root, rootBlock, rootRows, null);
  }

  /** Like {@link #countBlock(String, long, long)}, with the rows {@code cut} drops left out. */
  public long[] countBlock(String root, long rootBlock, long rootRows, TableCut cut) {
    long[] counts = new long[samplers.length];
    Walk walk = new Walk(cut);
    countBelow(walk, walk.root(set.indexOf(root), rootBlock, rootRows), counts);
    return counts;
  }

  private void countBelow(Walk walk, Level level, long[] counts) {
    counts[level.table] += level.rows;
    walk.describe(level);
    for (int c = 0; c < children[level.table].size(); c++) {
      int child = children[level.table].get(c);
      if (children[child].isEmpty()) {
        // A leaf's rows are its parents' counts: no need to draw their components.
        long rows = 0;
        for (long count : level.childCounts[c]) {
          rows += count;
        }

        counts[child] += walk.kept(child, level.rootBlock, rows);
      } else {
        countBelow(walk, walk.child(level, child), counts);
      }
    }
  }

  /**
   * How many of the first root rows of root block {@code rootBlock} (a full block) hold the first
   * {@code rows} rows of {@code table} in the block: the root ancestor of its row {@code rows - 1},
   * plus one. Children follow their parents' order, so no fewer root rows would do.
   */
  public int rootRowsFor(String table, long rootBlock, int rows) {
    List<Integer> path = new ArrayList<>();
    for (int t = set.indexOf(table); t >= 0; t = parentIndex(t)) {
      path.add(0, t);
    }

    Walk walk = new Walk(null);
    Level[] levels = new Level[path.size()];
    levels[0] = walk.root(path.get(0), rootBlock, (rootBlock + 1) * TableSampler.BLOCK_ROWS);
    for (int i = 1; i < levels.length; i++) {
      levels[i] = walk.child(levels[i - 1], path.get(i));
    }

    int depth = levels.length - 1;
    if (rows < 1 || rows > levels[depth].rows) {
      throw new IllegalArgumentException(
          "table " + table + " has " + levels[depth].rows + " rows in the block, not " + rows);
    }

    int row = rows - 1;
    for (int d = depth; d > 0; d--) {
      row = levels[d].parentRow[row];
    }

    return row + 1;
  }

  /** A writer of one table's rows, root block by root block; one per task. */
  public Walker newWalker(String table) {
    return new Walker(set.indexOf(table));
  }

  /** Writes one table's rows; not thread-safe. */
  public final class Walker {
    private final int table;
    private final List<Integer> path = new ArrayList<>();
    private final TableSampler.BlockWriter writer;
    private final ColumnSink[] modelSinks;
    private final int[] outputModelColumn;
    private final int[] outputForeignKey;

    /** Per output column written from an ancestor's key or ordinal (the parent key's), or null. */
    private final KeySource[] keySources;

    private final KeyGenerator[] foreignKeyGenerators;
    private final TableSet.ForeignKey[] foreignKeys;
    private final int[] foreignKeyTables;

    /** Per foreign key with an affinity, its root parent's components; null until needed. */
    private final RootComponents[] parentComponents;

    private final long[] foreignRows = new long[TableSampler.BLOCK_ROWS];
    private final int[] givenComponents = new int[TableSampler.BLOCK_ROWS];
    private Level level;
    private Level parentLevel;

    /** The levels of the current root block from the root down to this table. */
    private final Level[] levels;

    /** For a sequence table: its order, the draws' filter and the hidden gap column; else null. */
    private final TableSet.Sequence sequence;

    private SequenceFilter filter;

    /** The sequence's running balances, or null when it has none. */
    private final RunningBalances balances;

    private int orderOutput = -1;

    /** The chunk the sequence's filter and order values are at. */
    private int nextChunk;

    private long rootBlock;
    private long[] rowsBefore;
    private long[] tableRows;

    /** True when further keys pick among a table that grows block by block (a stream's). */
    private boolean growing;

    /** Where the edge-case marker of the rows written goes; null for none. */
    private ColumnSink marker;

    private Walker(int table) {
      this.table = table;
      for (int t = table; t >= 0; t = parentIndex(t)) {
        path.add(0, t);
      }

      this.levels = new Level[path.size()];

      TableSet.Table spec = set.tables().get(table);
      TableModel model = spec.model();
      this.writer = written[table].newBlockWriter();
      this.modelSinks = new ColumnSink[model.columns().size()];
      this.outputModelColumn = new int[spec.columns().size()];
      this.outputForeignKey = new int[spec.columns().size()];
      this.foreignKeys = spec.foreignKeys().toArray(new TableSet.ForeignKey[0]);
      this.foreignKeyGenerators = new KeyGenerator[foreignKeys.length];
      this.foreignKeyTables = new int[foreignKeys.length];
      this.parentComponents = new RootComponents[foreignKeys.length];
      this.sequence = spec.sequence();
      this.balances = RunningBalances.of(spec);
      if (sequence != null) {
        orderOutput = spec.columns().indexOf(sequence.order());
      }

      this.keySources = new KeySource[spec.columns().size()];
      List<String> modelNames = model.columnNames();
      for (int i = 0; i < spec.columns().size(); i++) {
        String name = spec.columns().get(i);
        outputModelColumn[i] = modelNames.indexOf(name);
        outputForeignKey[i] = -1;
        for (int k = 0; k < foreignKeys.length; k++) {
          if (foreignKeys[k].columns().contains(name)) {
            outputForeignKey[i] = k;
          }
        }

        boolean further = outputForeignKey[i] >= 0 && !foreignKeys[outputForeignKey[i]].isParent();
        if (outputModelColumn[i] < 0
            && !further
            && i != orderOutput
            && !RunningBalances.isBalance(spec, name)) {
          keySources[i] = keySource(path.size() - 1, name);
        }
      }

      for (int k = 0; k < foreignKeys.length; k++) {
        int parent = set.indexOf(foreignKeys[k].parentTable());
        foreignKeyTables[k] = parent;
        if (!foreignKeys[k].isParent()) {
          KeyColumn key =
              (KeyColumn) set.tables().get(parent).model().column(foreignKeys[k].parentKey());
          foreignKeyGenerators[k] = new KeyGenerator(key, tableSeeds[parent]);
        }
      }
    }

    /**
     * Where column {@code column} of the table at {@code depth} on the path gets its values: its
     * ordinal, a column of its parent key (the parent's key column or, for a composite key, the
     * parent's own parent key and ordinal, followed up), or one of its key columns.
     */
    private KeySource keySource(int depth, String column) {
      TableSet.Table owner = set.tables().get(path.get(depth));
      if (owner.ordinal() != null && owner.ordinal().column().equals(column)) {
        return new KeySource(depth, null, owner.ordinal().start());
      }

      TableSet.ForeignKey up = owner.parentKey();
      if (up != null && up.columns().contains(column)) {
        return keySource(depth - 1, up.parentKeys().get(up.columns().indexOf(column)));
      }

      KeyColumn key = (KeyColumn) owner.model().column(column);
      return new KeySource(depth, new KeyGenerator(key, tableSeeds[path.get(depth)]), 0);
    }

    /**
     * Sends the following writes' edge-case marker (true for a boundary row) to {@code sink}, row
     * for row like the columns' sinks; null writes none. Only for a table with edge cases.
     */
    public void markEdgeCases(ColumnSink sink) {
      if (sink != null && written[table].edgeCases() == null) {
        throw new IllegalStateException("this table has no edge cases to mark");
      }

      this.marker = sink;
    }

    /**
     * Has further foreign keys pick among tables that grow with the root blocks, as a stream's do:
     * the {@code tableRows} each block starts with are the rows there are by its end, and a parent
     * row keeps its popularity rank as they grow ({@link NestedOrder}) instead of being ranked anew
     * among all the rows.
     */
    public void pickAmongGrowingRows() {
      this.growing = true;
    }

    /** The model column of each output column, or -1 for a foreign key. */
    public int[] outputModelColumns() {
      return outputModelColumn.clone();
    }

    /**
     * For rows {@code 4096·chunk} to {@code 4096·chunk + rows - 1} of the current root block, the
     * position of each row's ancestor {@code generations} tables up (1: its parent row) among that
     * table's rows in the root block, the order its own walker writes them in ({@link
     * AncestorColumns} copies ancestor values by it).
     */
    public void ancestorRows(int chunk, int rows, int generations, int[] into) {
      int depth = levels.length - 1;
      SynthlakeException.check(
          generations >= 1 && generations <= depth,
          "table '%s' has no ancestor %d tables up",
          set.tables().get(table).name(),
          generations);
      for (int r = 0; r < rows; r++) {
        int row = chunk * TableSampler.BLOCK_ROWS + r;
        for (int d = depth; d > depth - generations; d--) {
          row = levels[d].parentRow[row];
        }

        into[r] = row;
      }
    }

    /**
     * Moves to root block {@code rootBlock} and returns how many rows the table has in it.
     *
     * @param rootRows the rows of the table's root
     * @param rowsBefore for each table of the set, its rows in the root blocks before this one (0
     *     for other trees)
     * @param tableRows for each table of the set, its rows in all (the size foreign keys other than
     *     the parent's pick from)
     */
    public long start(long rootBlock, long rootRows, long[] rowsBefore, long[] tableRows) {
      return start(rootBlock, rootRows, rowsBefore, tableRows, null);
    }

    /**
     * Like {@link #start(long, long, long[], long[])} in a run that stops a table at {@code cut}
     * (null for none): the rows before the cut are those of a run without it.
     */
    public long start(
        long rootBlock, long rootRows, long[] rowsBefore, long[] tableRows, TableCut cut) {
      this.rootBlock = rootBlock;
      this.rowsBefore = rowsBefore;
      this.tableRows = tableRows;
      Walk walk = new Walk(cut);
      Level current = walk.root(path.get(0), rootBlock, rootRows);
      Level parent = null;
      levels[0] = current;
      for (int i = 1; i < path.size(); i++) {
        parent = current;
        current = walk.child(current, path.get(i));
        levels[i] = current;
      }

      this.level = current;
      this.parentLevel = parent;
      if (sequence != null) {
        filter = new SequenceFilter(set.tables().get(table).model(), sequence);
        writer.filter(filter);
        nextChunk = 0;
      }

      return current.rows;
    }

    /**
     * Writes rows {@code 4096·chunk} to {@code 4096·chunk + rows - 1} of the table in the current
     * root block into {@code sinks}, one per output column ({@link TableSet.Table#columns}); a null
     * sink skips its column.
     */
    public void write(int chunk, int rows, ColumnSink[] sinks) {
      if (sequence != null) {
        // A sequence's rows follow the entity's earlier rows: chunks skipped are drawn first.
        // They are drawn into sinks that drop the values but stand where the real ones do, so that
        // every column is drawn exactly as it is when written.
        ColumnSink[] dropping = new ColumnSink[sinks.length];
        for (int i = 0; i < sinks.length; i++) {
          dropping[i] = sinks[i] == null ? null : DroppingSink.INSTANCE;
        }

        ColumnSink kept = marker;
        marker = null;
        for (; nextChunk < chunk; nextChunk++) {
          int skipped =
              Math.min(TableSampler.BLOCK_ROWS, level.rows - nextChunk * TableSampler.BLOCK_ROWS);
          write(nextChunk, skipped, dropping);
        }

        marker = kept;

        nextChunk = chunk + 1;
        filter.position(level.ordinals(), level.entityStarts, chunk * TableSampler.BLOCK_ROWS);
      }

      int first = chunk * TableSampler.BLOCK_ROWS;
      for (int i = 0; i < modelSinks.length; i++) {
        modelSinks[i] = null;
      }

      for (int i = 0; i < sinks.length; i++) {
        if (outputModelColumn[i] >= 0) {
          modelSinks[outputModelColumn[i]] = sinks[i];
        }
      }

      if (balances != null) {
        balances.catchMoves(modelSinks);
      }

      long firstRow = rowsBefore[table] + first;
      writer.markEdgeCases(marker);
      if (parentLevel == null) {
        // A series draws every column, so that each column's series goes on whatever is read.
        writer.writeRows(rootBlock, firstRow, rows, null, sequence != null, modelSinks);
      } else {
        System.arraycopy(level.components, first, givenComponents, 0, rows);
        // A sequence draws every column, so that each column's series goes on whatever is read.
        writer.writeRows(
            level.block(chunk), firstRow, rows, givenComponents, sequence != null, modelSinks);
      }

      if (sequence != null && orderOutput >= 0 && sinks[orderOutput] != null) {
        writeOrder(rows, sinks[orderOutput]);
      }

      if (balances != null) {
        balances.write(first, rows, level.ordinals(), level.balanceStarts, sinks);
      }

      for (int i = 0; i < sinks.length; i++) {
        if (sinks[i] == null) {
          continue;
        }

        if (keySources[i] != null) {
          writeKeySource(keySources[i], first, rows, sinks[i]);
        } else if (outputForeignKey[i] >= 0) {
          int k = outputForeignKey[i];
          pickParents(k, chunk, rows);
          foreignKeyGenerators[k].fillAt(foreignRows, rows, sinks[i]);
        }
      }
    }

    /** The order column of the rows just written, from the sequence's filter. */
    private void writeOrder(int rows, ColumnSink sink) {
      boolean whole =
          sequence.orderType().logicalType().isIntegral()
              || sequence.orderType().logicalType().isTemporal();
      for (int r = 0; r < rows; r++) {
        if (whole) {
          sink.putLong(r, Math.round(filter.time(r)));
        } else {
          sink.putDouble(r, filter.time(r));
        }
      }
    }

    /** Rows {@code first..first + rows - 1}'s values from {@code source}, an ancestor's column. */
    private void writeKeySource(KeySource source, int first, int rows, ColumnSink sink) {
      int depth = levels.length - 1;
      for (int r = 0; r < rows; r++) {
        int row = first + r;
        for (int d = depth; d > source.depth(); d--) {
          row = levels[d].parentRow[row];
        }

        foreignRows[r] = row;
      }

      Level owner = levels[source.depth()];
      if (source.key() == null) {
        int[] ordinals = owner.ordinals();
        for (int r = 0; r < rows; r++) {
          sink.putLong(r, source.ordinalStart() + ordinals[(int) foreignRows[r]]);
        }
      } else {
        long before = rowsBefore[owner.table];
        for (int r = 0; r < rows; r++) {
          foreignRows[r] += before;
        }

        source.key().fillAt(foreignRows, rows, sink);
      }
    }

    /**
     * Parent rows for a further foreign key, from the chunk's own generator: by its popularity
     * curve or, with an affinity, proposed by the within-component curve and kept by the child's
     * component's acceptance of the proposed row's component.
     */
    private void pickParents(int k, int chunk, int rows) {
      long parents = tableRows[foreignKeyTables[k]];
      if (parents <= 0 && growing) {
        throw SynthlakeException.of(
            "table '%s' references '%s', which has no rows yet by the end of root block %d of the "
                + "stream, so its key has none to pick; read the table with spark.read() and the "
                + "option 'table'",
            set.tables().get(table).name(), foreignKeys[k].parentTable(), rootBlock);
      }

      if (parents <= 0) {
        throw SynthlakeException.of(
            "table '%s' references '%s', which has no rows in this run: give it rows",
            set.tables().get(table).name(), foreignKeys[k].parentTable());
      }

      LongUnaryOperator order = rankOrder(k, parents);
      long ranks = growing ? NestedOrder.span(parents) : parents;
      SplittableRandom random =
          new SplittableRandom(
              Seeds.derive(
                  tableSeeds[table],
                  parentLevel == null ? rootBlock : level.block(chunk),
                  FOREIGN_KEY_STREAM + k));
      KeyAffinity affinity = foreignKeys[k].affinity();
      RootComponents components = affinity == null ? null : parentComponents(k, parents);
      if (components == null) {
        Popularity popularity = foreignKeys[k].popularity();
        for (int r = 0; r < rows; r++) {
          foreignRows[r] = order.applyAsLong(popularity.parentRank(random.nextDouble(), ranks));
        }

        return;
      }

      Popularity popularity = affinity.popularity();
      int first = chunk * TableSampler.BLOCK_ROWS;
      for (int r = 0; r < rows; r++) {
        int component = parentLevel == null ? writer.component(r) : level.components[first + r];
        long row;
        int tries = 0;
        do {
          row = order.applyAsLong(popularity.parentRank(random.nextDouble(), ranks));
        } while (++tries < KeyAffinity.MAX_TRIES
            && random.nextDouble() >= affinity.acceptance(component, components.component(row)));
        foreignRows[r] = row;
      }
    }

    /**
     * Key {@code k}'s parent row of each popularity rank among {@code parents} rows: a seeded
     * permutation of all of them, or for a growing table the order in which its rows keep their
     * ranks as it grows.
     */
    private LongUnaryOperator rankOrder(int k, long parents) {
      long seed = Seeds.derive(tableSeeds[table], k, PERMUTATION_STREAM);
      if (growing) {
        NestedOrder order = NestedOrder.of(seed);
        return rank -> order.row(rank, parents);
      }

      return Permutation.of(parents, seed)::apply;
    }

    /**
     * The components of key {@code k}'s root parent of {@code parents} rows, or null if too big.
     */
    private RootComponents parentComponents(int k, long parents) {
      RootComponents components = parentComponents[k];
      if (components != null && growing && components.rows() < parents) {
        // A growing table's rows keep their components: those drawn are kept.
        components = components.grownTo(parents);
        parentComponents[k] = components;
      } else if (components == null || !growing && components.rows() != parents) {
        int parent = foreignKeyTables[k];
        components =
            RootComponents.of(
                set.tables().get(parent).model().dependence(), tableSeeds[parent], parents);
        parentComponents[k] = components;
      }

      return components;
    }
  }

  /**
   * An output column written from the table at {@code depth} on a walker's path: its key column
   * ({@code key}), or its ordinal from {@code ordinalStart} when {@code key} is null.
   */
  private record KeySource(int depth, KeyGenerator key, long ordinalStart) {}

  private int parentIndex(int table) {
    String parent = set.tables().get(table).parent();
    return parent == null ? -1 : set.indexOf(parent);
  }

  /**
   * One table's rows in a root block: their parents, components and, for a table with children,
   * their scores.
   */
  private static final class Level {
    final int table;
    final long rootBlock;
    final int rows;

    /** Each row's parent among the level above's rows; null for a root table. */
    final int[] parentRow;

    /**
     * Each row's mixture component: drawn from the parents for a child, by its own copula for a
     * root.
     */
    final int[] components;

    /**
     * childCounts[c][row]: rows of the level's c-th child table under each row; null until
     * described.
     */
    long[][] childCounts;

    /** childStarts[c][row]: where the c-th child's sequence starts under each row; null if not. */
    double[][] childStarts;

    /** For a sequence: where each row's entity starts (read at its first row); else null. */
    double[] entityStarts;

    /** balanceStarts[b][row]: the opening b-th running balance of the row's entity; else null. */
    double[][] balanceStarts;

    /** values[m][row]: model column m in number form where a child's balance starts; else null. */
    double[][] values;

    /**
     * scores[j][row]: normal scores of the copula columns, for the children's components; null if
     * none needs them.
     */
    double[][] scores;

    /** Each row's position among its parent's rows, from 0; null until asked. */
    private int[] ordinals;

    Level(int table, long rootBlock, int rows, int[] parentRow, int[] components) {
      this.table = table;
      this.rootBlock = rootBlock;
      this.rows = rows;
      this.parentRow = parentRow;
      this.components = components;
    }

    /**
     * The level's first {@code kept} rows: what a cut leaves. Taken before the level is described,
     * so its children follow from the rows kept alone.
     */
    Level first(int kept) {
      Level first =
          new Level(
              table,
              rootBlock,
              kept,
              Arrays.copyOf(parentRow, kept),
              Arrays.copyOf(components, kept));
      first.entityStarts = entityStarts == null ? null : Arrays.copyOf(entityStarts, kept);
      if (balanceStarts != null) {
        first.balanceStarts = new double[balanceStarts.length][];
        for (int b = 0; b < balanceStarts.length; b++) {
          first.balanceStarts[b] = Arrays.copyOf(balanceStarts[b], kept);
        }
      }
      return first;
    }

    /**
     * Each row's position among its parent's rows (children follow their parents' order); a root
     * table's position in its root block, a series' chunk.
     */
    int[] ordinals() {
      if (ordinals == null) {
        ordinals = new int[rows];
        for (int r = 1; r < rows; r++) {
          ordinals[r] =
              parentRow == null || parentRow[r] == parentRow[r - 1] ? ordinals[r - 1] + 1 : 0;
        }
      }

      return ordinals;
    }

    /**
     * The random block of chunk {@code chunk}: the root block itself for a root table, a hash of
     * both below.
     */
    long block(int chunk) {
      return parentRow == null ? rootBlock : Seeds.derive(rootBlock, chunk, 404);
    }
  }

  /** The levels of one root block, walked down from the root. */
  private final class Walk {
    private final double[] linkScratch = new double[maxComponents()];

    /** The table a cut stops (-1 for none), in which root block, and its rows kept there. */
    private final int cutTable;

    private final long cutBlock;
    private final int cutRows;

    Walk(TableCut cut) {
      this.cutTable = cut == null ? -1 : set.indexOf(cut.table());
      this.cutBlock = cut == null ? -1 : cut.rootBlock();
      this.cutRows = cut == null ? 0 : cut.rows();
    }

    /** How many of {@code table}'s {@code rows} rows in root block {@code rootBlock} are kept. */
    long kept(int table, long rootBlock, long rows) {
      return table == cutTable && rootBlock == cutBlock ? Math.min(rows, cutRows) : rows;
    }

    /** The root table's rows in {@code rootBlock}. */
    Level root(int table, long rootBlock, long rootRows) {
      long first = rootBlock * TableSampler.BLOCK_ROWS;
      int rows = (int) Math.min(TableSampler.BLOCK_ROWS, Math.max(0, rootRows - first));
      Level level = new Level(table, rootBlock, rows, null, new int[rows]);
      TableSet.Sequence sequence = set.tables().get(table).sequence();
      if (sequence != null) {
        // A series' root block is one chunk, which starts where the chunks before it leave off.
        level.entityStarts = new double[rows];
        Arrays.fill(
            level.entityStarts, sequence.series().start() + rootBlock * sequence.series().span());
      }

      return level;
    }

    /**
     * The rows of {@code child} under {@code parent}'s rows: the parent's counts fix how many, its
     * scores the kinds.
     */
    Level child(Level parent, int child) {
      describe(parent);
      long[] counts = parent.childCounts[children[parent.table].indexOf(child)];
      long total = 0;
      for (int p = 0; p < parent.rows; p++) {
        total += counts[p];
      }

      if (total > Integer.MAX_VALUE - 16) {
        throw SynthlakeException.of(
            "table '%s' would have %d rows under one block of %d rows of '%s', more than one "
                + "task can hold: check the model's child counts",
            set.tables().get(child).name(),
            total,
            TableSampler.BLOCK_ROWS,
            set.tables().get(parent.table).name());
      }

      int rows = (int) total;
      int[] parentRow = new int[rows];
      for (int p = 0, r = 0; p < parent.rows; p++) {
        for (long c = 0; c < counts[p]; c++) {
          parentRow[r++] = p;
        }
      }

      int[] components = new int[rows];
      SplittableRandom random =
          new SplittableRandom(Seeds.derive(tableSeeds[child], parent.rootBlock, LINK_STREAM));
      set.tables()
          .get(child)
          .link()
          .draw(parent.components, parent.scores, parentRow, rows, random, components, linkScratch);
      Level level = new Level(child, parent.rootBlock, rows, parentRow, components);
      if (set.tables().get(child).sequence() != null) {
        // A history's components are kinds of entity: its rows keep its first row's.
        for (int r = 1; r < rows; r++) {
          components[r] = parentRow[r] == parentRow[r - 1] ? components[r - 1] : components[r];
        }

        double[] starts = parent.childStarts[children[parent.table].indexOf(child)];
        level.entityStarts = new double[rows];
        for (int r = 0; r < rows; r++) {
          level.entityStarts[r] = starts[parentRow[r]];
        }

        balanceStarts(parent, level);
      }

      // Every row is drawn before a cut drops some, so the rows kept are those of a run without it.
      int kept = (int) kept(child, parent.rootBlock, rows);
      return kept < rows ? level.first(kept) : level;
    }

    /** Each row's opening balances, from the parent row's values of the balances' start columns. */
    private void balanceStarts(Level parent, Level level) {
      TableSet.Table table = set.tables().get(level.table);
      List<String> names = set.tables().get(parent.table).model().columnNames();
      List<RunningBalance> list = table.sequence().balances();
      level.balanceStarts = new double[list.size()][level.rows];
      for (int b = 0; b < list.size(); b++) {
        double[] values = parent.values[names.indexOf(list.get(b).start())];
        for (int r = 0; r < level.rows; r++) {
          level.balanceStarts[b][r] = values[level.parentRow[r]];
        }
      }
    }

    /**
     * Generates {@code level}'s rows again, keeping only what its children need: the hidden count
     * columns, and the normal scores when a child's components depend on them. Key columns are not
     * written, so row numbers do not matter here.
     */
    void describe(Level level) {
      if (level.childCounts != null) {
        return;
      }

      TableModel model = set.tables().get(level.table).model();
      List<Integer> below = children[level.table];
      List<String> names = model.columnNames();
      CountSink[] counts = new CountSink[below.size()];
      NumberSink[] starts = new NumberSink[below.size()];
      ColumnSink[] sinks = new ColumnSink[names.size()];
      boolean withScores = false;
      level.childCounts = new long[below.size()][level.rows];
      level.childStarts = new double[below.size()][];
      for (int c = 0; c < below.size(); c++) {
        TableSet.Table child = set.tables().get(below.get(c));
        counts[c] = new CountSink();
        sinks[names.indexOf(TableSet.countColumn(child.name()))] = counts[c];
        withScores |= child.link().parentDimension() > 0;
        if (child.sequence() != null) {
          starts[c] = new NumberSink();
          sinks[names.indexOf(TableSet.startColumn(child.name()))] = starts[c];
          level.childStarts[c] = new double[level.rows];
        }
      }

      // The columns children's running balances start from, caught once each.
      NumberSink[] held = new NumberSink[names.size()];
      level.values = new double[names.size()][];
      for (int c = 0; c < below.size(); c++) {
        for (String column : RunningBalances.startColumns(set.tables().get(below.get(c)))) {
          int m = names.indexOf(column);
          held[m] = new NumberSink();
          sinks[m] = held[m];
          level.values[m] = new double[level.rows];
        }
      }

      int dimension = model.dependence().dimension();
      level.scores = withScores ? new double[dimension][level.rows] : new double[0][];
      TableSampler.BlockWriter writer = samplers[level.table].newBlockWriter();
      TableSet.Sequence sequence = set.tables().get(level.table).sequence();
      SequenceFilter filter = sequence == null ? null : new SequenceFilter(model, sequence);
      writer.filter(filter);
      withScores |= sequence != null;
      int[] given = new int[TableSampler.BLOCK_ROWS];
      for (int chunk = 0, first = 0;
          first < level.rows;
          chunk++, first += TableSampler.BLOCK_ROWS) {
        int rows = Math.min(TableSampler.BLOCK_ROWS, level.rows - first);
        boolean root = level.parentRow == null;
        if (!root) {
          System.arraycopy(level.components, first, given, 0, rows);
        }

        if (filter != null) {
          filter.position(level.ordinals(), level.entityStarts, first);
        }

        writer.writeRows(level.block(chunk), 0, rows, root ? null : given, withScores, sinks);
        for (int r = 0; root && r < rows; r++) {
          level.components[first + r] = writer.component(r);
        }

        for (int c = 0; c < below.size(); c++) {
          for (int r = 0; r < rows; r++) {
            level.childCounts[c][first + r] = counts[c].count(r);
          }

          for (int r = 0; starts[c] != null && r < rows; r++) {
            level.childStarts[c][first + r] = starts[c].value(r);
          }
        }

        for (int m = 0; m < held.length; m++) {
          for (int r = 0; held[m] != null && r < rows; r++) {
            level.values[m][first + r] =
                RunningBalances.numberForm(model.columns().get(m).type(), held[m].value(r));
          }
        }

        for (int j = 0; j < level.scores.length; j++) {
          for (int r = 0; r < rows; r++) {
            level.scores[j][first + r] = writer.normalScore(j, r);
          }
        }
      }
    }
  }

  private int maxComponents() {
    int max = 1;
    for (TableSet.Table table : set.tables()) {
      max = Math.max(max, table.model().dependence().componentCount());
    }

    return max;
  }
}
