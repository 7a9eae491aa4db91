/**
 * Ties appointments to CRM accounts: {@link dev.primer.core.appointments.link.AppointmentLinker}
 * gives each occurrence its {@link dev.primer.core.appointments.link.AccountLink}s, using an {@link
 * dev.primer.core.appointments.link.AccountLocator} for positions.
 */
package dev.primer.core.appointments.link;
