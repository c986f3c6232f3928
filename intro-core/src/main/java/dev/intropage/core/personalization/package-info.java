/**
 * The personalization section: the greeting, theme, density and section layout, resolved from the
 * viewer's stored preferences over the defaults, and the validation of preference updates.
 *
 * <p>Every type here is null-marked: parameters and results are never null; a value that may be
 * missing is an {@link java.util.Optional}, a collection that may be empty is empty.
 */
@NullMarked
package dev.intropage.core.personalization;

import org.jspecify.annotations.NullMarked;
