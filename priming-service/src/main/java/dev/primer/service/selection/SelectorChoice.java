package dev.primer.service.selection;

import dev.primer.core.selection.Selector;

/**
 * The selector in force: the active model's, or a fallback baseline while none is active.
 *
 * @param modelId the active model's id, or empty for a fallback
 * @param name {@code model} or {@code fallback:<baseline>}
 * @param note what a reader of the manifest should know about the choice
 */
public record SelectorChoice(String modelId, String name, String note, Selector selector) {
  /** Whether a model (not a baseline) selects. */
  public boolean isModel() {
    return !modelId.isEmpty();
  }
}
