package dev.primer.core.appointments.link;

/** Why an appointment was tied to an account, strongest evidence first. */
public enum LinkRule {
  /**
   * X-PRIMER-ACCOUNT-ID, a URL ending in /accounts/{id}, or "CRM: {id}" or such a URL in
   * DESCRIPTION.
   */
  CRM_ID,
  /** GEO, or a LOCATION that is "lat,lon", within the radius of the account's location. */
  PROXIMITY,
  /** LOCATION equal to the account's street address after normalisation. */
  ADDRESS,
  /** An attendee's email domain is the account's domain. */
  ATTENDEE_DOMAIN,
  /** The account's name appears as whole words in the summary. */
  NAME_IN_SUMMARY
}
