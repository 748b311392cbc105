package org.ecmsim.simulation.course;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecmsim.biology.BiologyKinetics;
import org.ecmsim.biology.BiologyParameters;
import org.ecmsim.biology.BiologyState;
import org.ecmsim.biology.BiologyStepper;
import org.ecmsim.grid.CellMask;
import org.ecmsim.grid.Grid3D;
import org.ecmsim.grid.ScalarField;
import org.ecmsim.numerics.StepClock;
import org.ecmsim.parallel.ParallelExecutor;

/**
 * Writes and reads the pieces of a {@link CourseState}, generically so that a field or a species added to the
 * biology later is saved without a change here.
 *
 * <p>Two codecs: <em>values</em> (records, lists, enum maps, arrays, fields, masks: written whole and read back
 * through the canonical constructors) and <em>live objects</em> (the biology models: every instance field is
 * written, in name order, and read back into the existing object — arrays in place, lengths checked). A live
 * object's fields of the configuration types (grid, parameters, kinetics, stepper, threads) are not state and are
 * skipped; a field of any other type that the codec does not know is refused with a message naming it, so that a
 * new kind of state cannot be left out silently.
 */
final class StateCodec {

    /** Types that configure a model and are rebuilt from the scenario, not saved. */
    private static final Set<Class<?>> CONFIGURATION = Set.of(Grid3D.class, BiologyParameters.class,
            BiologyKinetics.class, BiologyStepper.class, ParallelExecutor.class);
    /** Types whose fields are walked as live state. */
    private static final Set<Class<?>> LIVE = Set.of(BiologyState.class, StepClock.class);

    private StateCodec() {
    }

    // ---- live objects --------------------------------------------------------------------------------------

    static void writeLive(DataOutputStream out, Object o) throws IOException {
        for (Field f : stateFields(o.getClass())) {
            out.writeUTF(f.getName());
            Object v = get(f, o);
            Class<?> t = f.getType();
            if (LIVE.contains(t)) {
                writeLive(out, v);
            } else {
                writeValue(out, v, f.getGenericType(), f);
            }
        }
    }

    static void readLive(DataInputStream in, Object o) throws IOException {
        for (Field f : stateFields(o.getClass())) {
            String name = in.readUTF();
            if (!name.equals(f.getName())) {
                throw new IOException("the checkpoint holds field '" + name + "' where " + o.getClass().getSimpleName()
                        + " has '" + f.getName() + "' (written by a different ecmsim version)");
            }
            Class<?> t = f.getType();
            Object current = get(f, o);
            if (LIVE.contains(t)) {
                readLive(in, current);
                continue;
            }
            Object v = readValue(in, f.getGenericType(), f);
            boolean fin = Modifier.isFinal(f.getModifiers());
            if (current != null && t.isArray()) {
                copyInto(v, current, f);
            } else if (current instanceof Map<?, ?> m && fin) {
                @SuppressWarnings("unchecked")
                Map<Object, Object> target = (Map<Object, Object>) m;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    Object old = target.get(e.getKey());
                    if (old != null && old.getClass().isArray()) {
                        copyInto(e.getValue(), old, f);
                    } else {
                        target.put(e.getKey(), e.getValue());
                    }
                }
            } else if (fin) {
                if (!java.util.Objects.equals(v, current)) {
                    throw new IOException("the checkpoint's " + f.getName() + " = " + v + " differs from this run's "
                            + current + " (a different scenario)");
                }
            } else {
                set(f, o, v);
            }
        }
    }

    private static List<Field> stateFields(Class<?> c) {
        List<Field> out = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                    continue;
                }
                if (CONFIGURATION.stream().anyMatch(x -> x.isAssignableFrom(f.getType()))) {
                    continue;
                }
                f.setAccessible(true);
                out.add(f);
            }
        }
        out.sort(Comparator.comparing((Field f) -> f.getDeclaringClass().getName()).thenComparing(Field::getName));
        return out;
    }

    private static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + f, e);
        }
    }

    private static void set(Field f, Object o, Object v) {
        try {
            f.set(o, v);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot restore " + f, e);
        }
    }

    private static void copyInto(Object from, Object to, Object where) throws IOException {
        if (from instanceof double[][] a && to instanceof double[][] b) {
            if (a.length != b.length) {
                throw mismatch(where, a.length, b.length);
            }
            for (int i = 0; i < a.length; i++) {
                copyInto(a[i], b[i], where);
            }
            return;
        }
        int n = java.lang.reflect.Array.getLength(from);
        int m = java.lang.reflect.Array.getLength(to);
        if (n != m) {
            throw mismatch(where, n, m);
        }
        System.arraycopy(from, 0, to, 0, n);
    }

    private static IOException mismatch(Object where, int saved, int now) {
        return new IOException("the checkpoint's " + name(where) + " has " + saved + " values where this run has "
                + now + " (a different grid or scenario)");
    }

    private static String name(Object where) {
        return where instanceof Field f ? f.getDeclaringClass().getSimpleName() + "." + f.getName() : String.valueOf(where);
    }

    // ---- values --------------------------------------------------------------------------------------------

    static void writeValue(DataOutputStream out, Object v, Type type, Object where) throws IOException {
        Class<?> c = raw(type);
        if (c == double.class || c == Double.class) {
            out.writeDouble((Double) v);
        } else if (c == int.class || c == Integer.class) {
            out.writeInt((Integer) v);
        } else if (c == long.class || c == Long.class) {
            out.writeLong((Long) v);
        } else if (c == boolean.class || c == Boolean.class) {
            out.writeBoolean((Boolean) v);
        } else if (v == null) {
            out.writeBoolean(false);
        } else {
            out.writeBoolean(true);
            if (c == String.class) {
                writeString(out, (String) v);
            } else if (c == double[].class) {
                double[] a = (double[]) v;
                out.writeInt(a.length);
                // Bulk, in the byte order of DataOutput.writeDouble (big-endian).
                byte[] b = new byte[8 * a.length];
                java.nio.ByteBuffer.wrap(b).asDoubleBuffer().put(a);
                out.write(b);
            } else if (c == double[][].class) {
                double[][] a = (double[][]) v;
                out.writeInt(a.length);
                for (double[] x : a) {
                    writeValue(out, x, double[].class, where);
                }
            } else if (c == int[].class) {
                int[] a = (int[]) v;
                out.writeInt(a.length);
                for (int x : a) {
                    out.writeInt(x);
                }
            } else if (c == long[].class) {
                long[] a = (long[]) v;
                out.writeInt(a.length);
                for (long x : a) {
                    out.writeLong(x);
                }
            } else if (c == boolean[].class) {
                boolean[] a = (boolean[]) v;
                out.writeInt(a.length);
                for (boolean x : a) {
                    out.writeBoolean(x);
                }
            } else if (c.isEnum()) {
                out.writeUTF(((Enum<?>) v).name());
            } else if (List.class.isAssignableFrom(c)) {
                Type e = argument(type, 0, where);
                List<?> l = (List<?>) v;
                out.writeInt(l.size());
                for (Object x : l) {
                    writeValue(out, x, e, where);
                }
            } else if (Map.class.isAssignableFrom(c)) {
                Type k = argument(type, 0, where);
                Type e = argument(type, 1, where);
                Map<?, ?> m = (Map<?, ?>) v;
                out.writeInt(m.size());
                for (Map.Entry<?, ?> x : m.entrySet()) {
                    writeValue(out, x.getKey(), k, where);
                    writeValue(out, x.getValue(), e, where);
                }
            } else if (c == ScalarField.class) {
                ScalarField f = (ScalarField) v;
                writeValue(out, f.grid(), Grid3D.class, where);
                writeValue(out, f.values(), double[].class, where);
            } else if (c == CellMask.class) {
                CellMask f = (CellMask) v;
                writeValue(out, f.grid(), Grid3D.class, where);
                writeValue(out, f.toArray(), boolean[].class, where);
            } else if (c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    Object x;
                    try {
                        x = rc.getAccessor().invoke(v);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + c.getSimpleName() + "." + rc.getName(), e);
                    }
                    writeValue(out, x, rc.getGenericType(), c.getSimpleName() + "." + rc.getName());
                }
            } else {
                throw unsupported(c, where);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object readValue(DataInputStream in, Type type, Object where) throws IOException {
        Class<?> c = raw(type);
        if (c == double.class || c == Double.class) {
            return in.readDouble();
        } else if (c == int.class || c == Integer.class) {
            return in.readInt();
        } else if (c == long.class || c == Long.class) {
            return in.readLong();
        } else if (c == boolean.class || c == Boolean.class) {
            return in.readBoolean();
        }
        if (!in.readBoolean()) {
            return null;
        }
        if (c == String.class) {
            return readString(in);
        } else if (c == double[].class) {
            double[] a = new double[length(in)];
            byte[] b = new byte[8 * a.length];
            in.readFully(b);
            java.nio.ByteBuffer.wrap(b).asDoubleBuffer().get(a);
            return a;
        } else if (c == double[][].class) {
            double[][] a = new double[length(in)][];
            for (int i = 0; i < a.length; i++) {
                a[i] = (double[]) readValue(in, double[].class, where);
            }
            return a;
        } else if (c == int[].class) {
            int[] a = new int[length(in)];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readInt();
            }
            return a;
        } else if (c == long[].class) {
            long[] a = new long[length(in)];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readLong();
            }
            return a;
        } else if (c == boolean[].class) {
            boolean[] a = new boolean[length(in)];
            for (int i = 0; i < a.length; i++) {
                a[i] = in.readBoolean();
            }
            return a;
        } else if (c.isEnum()) {
            String n = in.readUTF();
            try {
                return Enum.valueOf((Class) c, n);
            } catch (IllegalArgumentException e) {
                throw new IOException("the checkpoint names " + c.getSimpleName() + " '" + n + "', which this"
                        + " ecmsim version does not know");
            }
        } else if (List.class.isAssignableFrom(c)) {
            Type e = argument(type, 0, where);
            int n = length(in);
            List<Object> l = new ArrayList<>(Math.min(n, 1024));
            for (int i = 0; i < n; i++) {
                l.add(readValue(in, e, where));
            }
            return l;
        } else if (Map.class.isAssignableFrom(c)) {
            Type k = argument(type, 0, where);
            Type e = argument(type, 1, where);
            Class<?> kc = raw(k);
            Map<Object, Object> m = kc.isEnum() ? new EnumMap(kc) : new LinkedHashMap<>();
            int n = length(in);
            for (int i = 0; i < n; i++) {
                Object key = readValue(in, k, where);
                m.put(key, readValue(in, e, where));
            }
            return m;
        } else if (c == ScalarField.class) {
            Grid3D g = (Grid3D) readValue(in, Grid3D.class, where);
            return new ScalarField(g, (double[]) readValue(in, double[].class, where));
        } else if (c == CellMask.class) {
            Grid3D g = (Grid3D) readValue(in, Grid3D.class, where);
            boolean[] b = (boolean[]) readValue(in, boolean[].class, where);
            CellMask mask = new CellMask(g);
            for (int i = 0; i < b.length; i++) {
                if (b[i]) {
                    mask.add(i);
                }
            }
            return mask;
        } else if (c.isRecord()) {
            RecordComponent[] rcs = c.getRecordComponents();
            Object[] args = new Object[rcs.length];
            Class<?>[] types = new Class<?>[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                types[i] = rcs[i].getType();
                args[i] = readValue(in, rcs[i].getGenericType(), c.getSimpleName() + "." + rcs[i].getName());
            }
            try {
                Constructor<?> k = c.getDeclaredConstructor(types);
                k.setAccessible(true);
                return k.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot rebuild " + c.getSimpleName() + " from the checkpoint: "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
            }
        }
        throw unsupported(c, where);
    }

    private static int length(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) {
            throw new IOException("the checkpoint is damaged (a length of " + n + ")");
        }
        return n;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] b = new byte[length(in)];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof java.lang.reflect.WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        throw new IllegalStateException("checkpoint: cannot save a value of type " + t);
    }

    private static Type argument(Type t, int i, Object where) {
        if (t instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[i];
        }
        throw new IllegalStateException("checkpoint: " + name(where) + " is a raw " + t + "; give its element type");
    }

    private static IllegalStateException unsupported(Class<?> c, Object where) {
        return new IllegalStateException("checkpoint: " + name(where) + " is a " + c.getName() + ", which the"
                + " checkpoint codec (org.ecmsim.simulation.course.StateCodec) cannot save; add it there, or to its"
                + " configuration types if it is not state");
    }
}
