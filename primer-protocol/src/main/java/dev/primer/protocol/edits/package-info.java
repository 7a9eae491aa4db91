/**
 * Offline edits on the wire: the operations a device uploads, the receipts the service answers, the
 * merge policies and the review queue's items.
 */
package dev.primer.protocol.edits;
