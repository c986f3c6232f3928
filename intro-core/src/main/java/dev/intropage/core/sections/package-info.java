/** The built-in sections of an intro page, registered together. */
@NullMarked
package dev.intropage.core.sections;

import org.jspecify.annotations.NullMarked;
