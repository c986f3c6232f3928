/**
 * The shared kernel of every section: who the viewer is, and the exception root.
 *
 * <p>Every type here is null-marked: parameters and results are never null; a value that may be
 * missing is an {@link java.util.Optional}, a collection that may be empty is empty.
 */
@NullMarked
package dev.intropage.core.model;

import org.jspecify.annotations.NullMarked;
