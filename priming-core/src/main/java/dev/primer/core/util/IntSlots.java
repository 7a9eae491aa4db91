package dev.primer.core.util;

import java.util.Arrays;

/**
 * Maps int keys to dense slots 0, 1, 2, ... with open addressing: the counters of a snapshot live
 * in plain arrays indexed by slot, with no boxing on the hot path of feature extraction.
 */
public final class IntSlots {
  private int[] keys;
  private int[] slots;
  private int[] keyBySlot;
  private int size;
  private int mask;

  public IntSlots(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    keys = new int[capacity];
    slots = new int[capacity];
    Arrays.fill(slots, -1);
    mask = capacity - 1;
    keyBySlot = new int[Math.max(16, expected)];
  }

  /** The slot of {@code key}, or -1 when it has none. */
  public int get(int key) {
    int i = mix(key) & mask;
    while (slots[i] >= 0) {
      if (keys[i] == key) {
        return slots[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** The slot of {@code key}, giving it the next one when it has none. */
  public int slotOf(int key) {
    int i = mix(key) & mask;
    while (slots[i] >= 0) {
      if (keys[i] == key) {
        return slots[i];
      }
      i = (i + 1) & mask;
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
      return slotOf(key);
    }
    keys[i] = key;
    slots[i] = size;
    if (size == keyBySlot.length) {
      keyBySlot = Arrays.copyOf(keyBySlot, size * 2);
    }
    keyBySlot[size] = key;
    return size++;
  }

  public int size() {
    return size;
  }

  /** The key held in {@code slot}. */
  public int keyOf(int slot) {
    return keyBySlot[slot];
  }

  private void grow() {
    int[] oldKeys = keys;
    int[] oldSlots = slots;
    keys = new int[oldKeys.length * 2];
    slots = new int[oldKeys.length * 2];
    Arrays.fill(slots, -1);
    mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldSlots[i] >= 0) {
        int j = mix(oldKeys[i]) & mask;
        while (slots[j] >= 0) {
          j = (j + 1) & mask;
        }
        keys[j] = oldKeys[i];
        slots[j] = oldSlots[i];
      }
    }
  }

  private static int mix(int key) {
    int h = key * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
