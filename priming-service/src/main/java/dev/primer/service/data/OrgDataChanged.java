package dev.primer.service.data;

/**
 * CDI event fired after a change to org data has been committed: an import, a calendar, a territory
 * or a user's territories. Observers refresh what they derived from that data.
 *
 * @param what users, accounts, records, interactions, calendars, territories, user-territories or
 *     content
 */
public record OrgDataChanged(String what) {}
