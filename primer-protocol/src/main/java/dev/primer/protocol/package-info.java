/**
 * The {@code /v1} wire of Primer: every type that crosses it, its media types and headers, the
 * manifest delta algorithm and one HTTP client. It depends on Jackson alone, so the device agent
 * and every tool can carry it.
 */
package dev.primer.protocol;
