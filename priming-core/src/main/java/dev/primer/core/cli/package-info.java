/** Command lines of priming-core, run through {@code bin/primer}. */
package dev.primer.core.cli;
