package dev.intropage.rest;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Binds {@link PageHeadersFilter} to a resource method that answers with a {@link PageJson.Tagged}
 * page: its validator, caching directives and {@code Server-Timing}.
 */
@NameBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
@interface PageHeaders {}
