/**
 * The REST adapter: JAX-RS resources over the engine, JWT security, RFC 9457 problem details and
 * OpenAPI, registered in a host's Jersey application as one feature.
 *
 * <p>Null-marked: parameters and results are never null unless annotated.
 */
@NullMarked
package dev.intropage.rest;

import org.jspecify.annotations.NullMarked;
