/**
 * The one quote engine, on the device and on the service: checks a configuration against the
 * product rules, prices it from the price book and the account's price list, with the rules'
 * expressions in CEL.
 */
@NullMarked
package dev.primer.cpq.engine;

import org.jspecify.annotations.NullMarked;
