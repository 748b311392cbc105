package org.ecmsim.scenario;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecmsim.biology.BiologyParameters;

/**
 * Keys for the biology rate constants: {@code biology.<group>.<parameter>} with the group and parameter named as the
 * components of {@link BiologyParameters} and its group records, in snake_case
 * ({@code biology.fibroblasts.activation_by_heat_shock}, {@code biology.wound.time}); values in SI (s, 1/s, or
 * dimensionless), plain numbers without a unit. A scenario file sets them in its {@code biology} section
 * ({@code biology: {wound: {time: 1814400}}}) and a study varies them under the same names. Defaults: those of
 * {@link BiologyParameters#defaults()}; valid ranges and sources: the groups' own constructors, which check every
 * value, and docs/model.md. The names follow the records by reflection, so a renamed parameter renames its key.
 */
public final class BiologyKeys {

    /** The prefix of biology keys. */
    public static final String PREFIX = "biology.";

    private BiologyKeys() {
    }

    /**
     * @param key a study key
     * @return true if it names a biology parameter (by its prefix)
     */
    public static boolean isBiology(String key) {
        return key.startsWith(PREFIX);
    }

    /** @return every biology key, in record order */
    public static List<String> all() {
        List<String> out = new ArrayList<>();
        for (RecordComponent g : BiologyParameters.class.getRecordComponents()) {
            for (RecordComponent c : g.getType().getRecordComponents()) {
                if (c.getType() == double.class) {
                    out.add(PREFIX + snake(g.getName()) + "." + snake(c.getName()));
                }
            }
        }
        return out;
    }

    /**
     * @param p parameters
     * @param key a biology key
     * @return its value (SI)
     * @throws IllegalArgumentException if there is no such key
     */
    public static double get(BiologyParameters p, String key) {
        RecordComponent[] gc = find(key);
        try {
            Object group = gc[0].getAccessor().invoke(p);
            return (double) gc[1].getAccessor().invoke(group);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param p parameters
     * @param key a biology key
     * @param value its new value (SI)
     * @return a copy of the parameters with it
     * @throws IllegalArgumentException if there is no such key or the group refuses the value
     */
    public static BiologyParameters with(BiologyParameters p, String key, double value) {
        RecordComponent[] gc = find(key);
        try {
            Object group = gc[0].getAccessor().invoke(p);
            Object newGroup = replace(group, gc[1].getName(), value);
            return (BiologyParameters) replace(p, gc[0].getName(), newGroup);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException(key + " = " + value + ": " + iae.getMessage(), iae);
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object replace(Object record, String name, Object value) throws ReflectiveOperationException {
        RecordComponent[] rc = record.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[rc.length];
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            args[i] = rc[i].getName().equals(name) ? value : rc[i].getAccessor().invoke(record);
        }
        Constructor<?> c = record.getClass().getDeclaredConstructor(types);
        return c.newInstance(args);
    }

    private static RecordComponent[] find(String key) {
        String[] parts = key.split("\\.");
        if (parts.length == 3 && parts[0].equals("biology")) {
            for (RecordComponent g : BiologyParameters.class.getRecordComponents()) {
                if (snake(g.getName()).equals(parts[1])) {
                    for (RecordComponent c : g.getType().getRecordComponents()) {
                        if (snake(c.getName()).equals(parts[2]) && c.getType() == double.class) {
                            return new RecordComponent[] {g, c};
                        }
                    }
                }
            }
        }
        throw new IllegalArgumentException("unknown key " + key + "; biology keys are biology.<group>.<parameter>,"
                + " e.g. " + String.join(", ", all().subList(0, 3)) + " (" + all().size() + " in all)");
    }

    /**
     * @param values biology keys to SI values (may be empty)
     * @return the default parameters with those values set, in the map's order
     * @throws IllegalArgumentException if a key does not exist or a group refuses a value
     */
    public static BiologyParameters apply(java.util.Map<String, Double> values) {
        BiologyParameters p = BiologyParameters.defaults();
        for (java.util.Map.Entry<String, Double> e : values.entrySet()) {
            p = with(p, e.getKey(), e.getValue());
        }
        return p;
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
