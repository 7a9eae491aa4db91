/**
 * Quotes on the wire: what a rep asked for, the price book, rules and price list versions that
 * priced it, and the priced result, as the device claims it and the service re-evaluates it.
 */
package dev.primer.protocol.quotes;
