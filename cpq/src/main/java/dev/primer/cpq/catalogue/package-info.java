/**
 * The catalogue as record content: price books (products, options, list prices, discount rules),
 * product rules (table constraints, require/exclude, validations) and each account's price list,
 * read from JSON with every problem named.
 */
@NullMarked
package dev.primer.cpq.catalogue;

import org.jspecify.annotations.NullMarked;
