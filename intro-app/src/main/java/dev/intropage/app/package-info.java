/** The runnable Intro Page: for now a console demo of the engine on in-memory demo data. */
@NullMarked
package dev.intropage.app;

import org.jspecify.annotations.NullMarked;
