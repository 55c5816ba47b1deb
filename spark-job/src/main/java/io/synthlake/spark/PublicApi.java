package io.synthlake.spark;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type of synthlake's public Java API: what notebook and application code may use,
 * documented with Javadoc, changed only with notice in the release notes. Everything not marked
 * (the {@code internal}, {@code source}, {@code write} and {@code cli} packages included) is an
 * implementation detail that may change in any release.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PublicApi {}
