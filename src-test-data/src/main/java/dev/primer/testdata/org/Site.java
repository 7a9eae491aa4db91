package dev.primer.testdata.org;

import dev.primer.core.dataset.Account;
import java.util.List;

/**
 * A customer account as the simulation sees it.
 *
 * @param activity how much work this customer generates, mean 1 across accounts
 * @param territoryIds the territories that contain it, empty for accounts outside them all
 * @param equipment indexes into the equipment catalogue of the machines installed there
 */
public record Site(
    int index,
    Account account,
    int metroIndex,
    String town,
    double activity,
    List<String> territoryIds,
    List<Integer> equipment) {}
