package org.ecmsim.scenario;

import java.util.List;
import org.ecmsim.scenario.UnitParser.Dimension;

/**
 * One key of the scenario schema: where it lives, what it holds, its default, its valid range and where the numbers
 * come from. The parser checks values against it and {@code ecmsim init} writes the commented default file from it,
 * so the documentation of a key and its check cannot drift apart.
 *
 * @param section the dotted path of the mapping that holds it ("tip.needle"; "treatment.passes[]" for list items)
 * @param name the key
 * @param kind what the value is
 * @param dimension for quantities, their kind; null otherwise
 * @param min the smallest valid value, as written ("0.2 mm", "1"); null for booleans and choices
 * @param max the largest valid value, as written
 * @param defaultText the default, as written in the default scenario
 * @param choices for choices, the valid words; empty otherwise
 * @param doc what it means and where the default and range come from
 */
public record Key(String section, String name, Kind kind, Dimension dimension, String min, String max,
        String defaultText, List<String> choices, String doc) {

    /** What a key's value is. */
    public enum Kind {
        /** A number with a unit. */
        QUANTITY,
        /** A whole number. */
        INTEGER,
        /** true or false. */
        BOOLEAN,
        /** One word of a fixed list. */
        CHOICE,
        /** A list of numbers with units. */
        QUANTITY_LIST
    }

    /**
     * Copies the list.
     *
     * @param section the dotted path of the mapping that holds it ("tip.needle"; "treatment.passes[]" for list items)
     * @param name the key
     * @param kind what the value is
     * @param dimension for quantities, their kind; null otherwise
     * @param min the smallest valid value, as written ("0.2 mm", "1"); null for booleans and choices
     * @param max the largest valid value, as written
     * @param defaultText the default, as written in the default scenario
     * @param choices for choices, the valid words; empty otherwise
     * @param doc what it means and where the default and range come from
     */
    public Key {
        choices = List.copyOf(choices);
    }

    static Key quantity(String section, String name, Dimension dimension, String min, String max,
            String defaultText, String doc) {
        return new Key(section, name, Kind.QUANTITY, dimension, min, max, defaultText, List.of(), doc);
    }

    static Key quantities(String section, String name, Dimension dimension, String min, String max,
            String defaultText, String doc) {
        return new Key(section, name, Kind.QUANTITY_LIST, dimension, min, max, defaultText, List.of(), doc);
    }

    static Key integer(String section, String name, int min, int max, int defaultValue, String doc) {
        return new Key(section, name, Kind.INTEGER, null, String.valueOf(min), String.valueOf(max),
                String.valueOf(defaultValue), List.of(), doc);
    }

    static Key bool(String section, String name, boolean defaultValue, String doc) {
        return new Key(section, name, Kind.BOOLEAN, null, null, null, String.valueOf(defaultValue), List.of(), doc);
    }

    static Key choice(String section, String name, List<String> choices, String defaultText, String doc) {
        return new Key(section, name, Kind.CHOICE, null, null, null, defaultText, choices, doc);
    }

    /** @return the dotted path, e.g. "tip.needle.depth" */
    public String path() {
        return section.isEmpty() ? name : section + "." + name;
    }

    /** @return the smallest valid value in SI (quantities) or as a number (integers) */
    public double minValue() {
        return kind == Kind.INTEGER ? Integer.parseInt(min) : UnitParser.parse(min, dimension);
    }

    /** @return the largest valid value in SI (quantities) or as a number (integers) */
    public double maxValue() {
        return kind == Kind.INTEGER ? Integer.parseInt(max) : UnitParser.parse(max, dimension);
    }

    /** @return the valid values for messages and comments: "0.2 mm – 5 mm", "1–20", "true or false" */
    public String range() {
        return switch (kind) {
            case QUANTITY, QUANTITY_LIST -> min + " – " + max;
            case INTEGER -> min + "–" + max;
            case BOOLEAN -> "true or false";
            case CHOICE -> String.join(" | ", choices);
        };
    }

    /** @return the units accepted, for messages and comments ("mm, um (µm) or m"), or "" without units */
    public String units() {
        return dimension == null ? "" : dimension.accepted();
    }
}
