package dev.primer.testdata.org;

/** A machine model customers install; its schematic is the same document at every site. */
public record EquipmentModel(int index, String name, char revision, long schematicBytes) {}
