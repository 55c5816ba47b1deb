package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.SynthlakeException;
import java.util.function.Supplier;

/**
 * Compiles specs: YAML or JSON documents in the model format, where a column may also be written by
 * hand as a {@code distribution}, a {@code key} or a Spark SQL {@code expression}, and mixture
 * {@code components} may override distributions per component. A fitted model file is a valid spec;
 * editing one replaces, adds or drops columns. Documented in docs/spec-format.md.
 *
 * <p>Compiling runs in three steps, each a class of this package:
 *
 * <ol>
 *   <li><b>parse</b> ({@code SpecDocument}): the text becomes a tree whose column entries carry
 *       their field paths;
 *   <li><b>check</b> ({@code SpecChecker}): everything that holds for any seed and row count —
 *       known fields, the format and version, unique column names, keys, fitted columns,
 *       expressions, components, given-chains and combinations — giving a {@link CompiledSpec};
 *   <li><b>build</b> ({@code SpecBuilder}): {@link CompiledSpec#spec(long, long)} makes the {@link
 *       Spec} for one seed and row count, which is when values written as {@code rows / 10} and
 *       Datafaker pools (drawn with the seed) are known.
 * </ol>
 *
 * <p>Every error names the field path: {@code conf/banking.yaml: columns[3].distribution.sigma:
 * must be > 0, got -1}.
 */
public final class SpecCompiler {
  private SpecCompiler() {}

  /**
   * Parses and checks a spec once; generate it at any seed and size with {@link
   * CompiledSpec#spec(long, long)}.
   */
  public static CompiledSpec compile(String text, String source) {
    SpecDocument document = SpecDocument.parse(text, source);
    return named(source, () -> new CompiledSpec(SpecChecker.check(document)));
  }

  /**
   * Whether the text is a table-set spec (a mapping with {@code tables}) rather than a spec of one
   * table; text that does not parse is an error.
   */
  public static boolean isTableSet(String text, String source) {
    JsonNode root = SpecDocument.parse(text, source).root();
    return root.has("tables");
  }

  /**
   * Parses and checks a table-set spec ({@code tables: […]}, docs/spec-format.md section 11) once;
   * build it at any seed and size with {@link CompiledTableSet#build}.
   */
  public static CompiledTableSet compileSet(String text, String source) {
    SpecDocument document = SpecDocument.parse(text, source);
    return named(
        source, () -> new CompiledTableSet(TableSetChecker.check(document.root(), source)));
  }

  /**
   * Compiles and builds in one call, for a spec used once: {@code compile(text, source).spec(seed,
   * rows)}.
   *
   * @param seed seeds Datafaker pools, so that a spec and a seed fix every generated value
   * @param rows the row count of this generation, for values written as {@code rows / 10} (0 when
   *     unknown)
   */
  public static Spec read(String text, String source, long seed, long rows) {
    return compile(text, source).spec(seed, rows);
  }

  /**
   * Runs a step so that every error it throws is one {@link SynthlakeException} whose message
   * starts with the source.
   */
  static <T> T named(String source, Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw SynthlakeException.of("%s: %s", source, e.getMessage());
    } catch (SynthlakeException e) {
      throw e.getMessage().startsWith(source) ? e : e.within(source);
    }
  }
}
