package dev.primer.testdata.org;

import dev.primer.core.dataset.User;

/** A field rep as the simulation sees them: the data set user plus what shapes their habits. */
public record Rep(int index, User user, int metroIndex, CalendarStyle style, String firstName) {}
