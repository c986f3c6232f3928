/** The intro page engine: assemble a signed-in user's first screen from independent sections. */
@NullMarked
package dev.intropage.core;

import org.jspecify.annotations.NullMarked;
