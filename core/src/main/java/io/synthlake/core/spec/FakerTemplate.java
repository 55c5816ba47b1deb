package io.synthlake.core.spec;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.datafaker.Faker;
import net.datafaker.providers.base.AbstractProvider;

/**
 * A spec's Datafaker provider, checked before Datafaker sees it. Datafaker resolves {@code #{a.b
 * 'x'}} by calling any public method {@code a} of its {@code Faker} and then any public method
 * {@code b} of the result, with arguments: {@code #{getClass.forName 'x'}} loads any class on the
 * class path and runs its static initializer. A spec is a shared file, so only provider methods are
 * let through: {@code Provider.method}, or a template of {@code #{Provider.method}} parts and plain
 * text, where {@code Provider} is one of Faker's providers and {@code method} a public method of it
 * that takes no arguments and returns text, a number or a boolean.
 */
public final class FakerTemplate {
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z][A-Za-z0-9_]*\\.[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern PART = Pattern.compile("#\\{([^{}]*)}");
  private static final Set<Class<?>> RESULT_TYPES =
      Set.of(
          String.class,
          int.class,
          long.class,
          double.class,
          boolean.class,
          Integer.class,
          Long.class,
          Double.class,
          Boolean.class);
  private static final Set<String> OBJECT_METHODS =
      Arrays.stream(Object.class.getMethods())
          .map(method -> method.getName().toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
  private static final String FIX =
      "use a provider method such as Name.fullName, Address.city, PhoneNumber.cellPhone, "
          + "Company.name or Finance.iban, or a template of them like \"#{Name.firstName}.#{Name.lastName}@example.com\"";

  private FakerTemplate() {}

  /**
   * The Datafaker expression for {@code provider}, after checking every part of it.
   *
   * @throws IllegalArgumentException naming {@code where} when a part is not a provider method
   */
  public static String expression(String provider, String where) {
    if (!provider.contains("#{")) {
      checkMethod(provider.strip(), where);
      return "#{" + provider.strip() + "}";
    }

    Matcher parts = PART.matcher(provider);
    StringBuilder text = new StringBuilder();
    while (parts.find()) {
      checkMethod(parts.group(1).strip(), where);
      parts.appendReplacement(text, "");
    }

    parts.appendTail(text);
    if (text.indexOf("#{") >= 0) {
      throw new IllegalArgumentException(
          where + ": '" + provider + "' has an unclosed or nested #{…} part; " + FIX);
    }

    return provider;
  }

  private static void checkMethod(String name, String where) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          where
              + ": '"
              + name
              + "' is not a Datafaker provider method (Provider.method, "
              + "without arguments); "
              + FIX);
    }

    int dot = name.indexOf('.');
    Method accessor = find(Faker.class, name.substring(0, dot));
    if (accessor == null || !AbstractProvider.class.isAssignableFrom(accessor.getReturnType())) {
      throw new IllegalArgumentException(
          where + ": Datafaker has no provider '" + name.substring(0, dot) + "'; " + FIX);
    }

    Method method = find(accessor.getReturnType(), name.substring(dot + 1));
    if (method == null
        || !RESULT_TYPES.contains(method.getReturnType())
        || OBJECT_METHODS.contains(method.getName().toLowerCase(Locale.ROOT))
        || !method.getDeclaringClass().getPackageName().startsWith("net.datafaker.providers")) {
      throw new IllegalArgumentException(
          where
              + ": Datafaker's "
              + name.substring(0, dot)
              + " provider has no method '"
              + name.substring(dot + 1)
              + "' that takes no arguments and returns a value; "
              + FIX);
    }
  }

  /**
   * The public instance method without parameters that Datafaker would pick: case and underscores
   * ignored.
   */
  private static Method find(Class<?> type, String name) {
    String wanted = name.replace("_", "").toLowerCase(Locale.ROOT);
    for (Method method : type.getMethods()) {
      if (method.getParameterCount() == 0
          && !Modifier.isStatic(method.getModifiers())
          && method.getName().toLowerCase(Locale.ROOT).equals(wanted)) {
        return method;
      }
    }

    return null;
  }
}
