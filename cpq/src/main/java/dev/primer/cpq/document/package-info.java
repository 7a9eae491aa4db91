/**
 * The quote as a document: a Mustache template from the account's quote template record, filled
 * with the priced quote, laid out as PDF/A-2b with embedded fonts and an empty signature field.
 */
@NullMarked
package dev.primer.cpq.document;

import org.jspecify.annotations.NullMarked;
