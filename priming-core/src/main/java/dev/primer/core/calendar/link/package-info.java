/**
 * Ties appointments to CRM accounts: {@link dev.primer.core.calendar.link.AppointmentLinker} gives
 * each occurrence its {@link dev.primer.core.calendar.link.AccountLink}s, using an {@link
 * dev.primer.core.calendar.link.AccountLocator} for positions.
 */
package dev.primer.core.calendar.link;
