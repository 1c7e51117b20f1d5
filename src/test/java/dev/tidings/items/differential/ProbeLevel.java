package dev.tidings.items.differential;

/**
 * The constants of the probe's enum fields. Their declaration order (ordinals) differs
 * from the alphabetical order of their names, so an evaluator that compares one while the
 * other compares the other disagrees.
 */
enum ProbeLevel {

	LOW, MEDIUM, HIGH, CRITICAL

}
