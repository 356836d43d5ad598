package io.huida.engine.nlu.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of Chinese administrative divisions ({@code locations.tsv}): the 34 province-level divisions,
 * the prefecture-level cities, prefectures and leagues, and the districts of the municipalities and of
 * major cities, each with its aliases (short names, English names). An alias marked {@code ~} counts only
 * right after its parent (深圳南山, not 南山 alone).
 */
final class Gazetteer {

    /** One division: its canonical name, its parent's, its level (P, C or D) and its full path (广东省深圳市南山区). */
    record Unit(String name, String parent, char level, String path) {
    }

    /** An alias of a unit; {@code chainOnly} when it counts only right after the unit's parent. */
    record Alias(Unit unit, boolean chainOnly) {
    }

    private static final Gazetteer BUILT_IN = load();

    private final Map<String, Unit> units;
    private final Map<String, List<Alias>> aliases;
    private final int maxAliasLength;

    private Gazetteer(Map<String, Unit> units, Map<String, List<Alias>> aliases) {
        this.units = units;
        this.aliases = aliases;
        this.maxAliasLength = aliases.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    static Gazetteer builtIn() {
        return BUILT_IN;
    }

    /** Returns the aliases equal to {@code key} (lower case), or an empty list. */
    List<Alias> lookup(String key) {
        return aliases.getOrDefault(key, List.of());
    }

    int maxAliasLength() {
        return maxAliasLength;
    }

    /** Returns true when {@code ancestor} is the parent or grandparent of {@code unit}. */
    boolean isAncestor(Unit ancestor, Unit unit) {
        Unit parent = units.get(unit.parent());
        return parent != null && (parent.equals(ancestor) || parent.parent().equals(ancestor.name()));
    }

    private static Gazetteer load() {
        String resource = "locations.tsv";
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", -1));
                }
            }
            return build(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Gazetteer build(List<String[]> rows) {
        Map<String, Unit> units = new HashMap<>();
        Map<String, List<Alias>> aliases = new HashMap<>();
        for (String[] row : rows) {
            if (row.length != 4) {
                throw new IllegalStateException("locations.tsv: expected 4 columns, got " + String.join("|", row));
            }
            Unit parent = units.get(row[2]);
            if (!row[2].isEmpty() && parent == null) {
                throw new IllegalStateException("locations.tsv: unknown parent '" + row[2] + "' of '" + row[1] + "'");
            }
            Unit unit = new Unit(row[1], row[2], row[0].charAt(0), (parent == null ? "" : parent.path()) + row[1]);
            units.put(unit.name(), unit);
            aliases.computeIfAbsent(unit.name(), k -> new ArrayList<>()).add(new Alias(unit, false));
            for (String a : row[3].split("\\|")) {
                if (!a.isEmpty()) {
                    boolean chainOnly = a.startsWith("~");
                    String key = (chainOnly ? a.substring(1) : a).toLowerCase(Locale.ROOT);
                    aliases.computeIfAbsent(key, k -> new ArrayList<>()).add(new Alias(unit, chainOnly));
                }
            }
        }
        return new Gazetteer(units, aliases);
    }
}
