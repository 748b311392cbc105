package org.ecmsim.grid;

/**
 * The six faces of the box a {@link Grid3D} covers. {@link #Z_MIN} is the skin surface, {@link #Z_MAX} the deep
 * face.
 */
public enum Face {
    /** The face at x = 0. */
    X_MIN(Axis.X, false),
    /** The face at x = nx·dx. */
    X_MAX(Axis.X, true),
    /** The face at y = 0. */
    Y_MIN(Axis.Y, false),
    /** The face at y = ny·dy. */
    Y_MAX(Axis.Y, true),
    /** The face at z = 0: the skin surface. */
    Z_MIN(Axis.Z, false),
    /** The face at z = nz·dz: the deep face. */
    Z_MAX(Axis.Z, true);

    private final Axis axis;
    private final boolean upper;

    Face(Axis axis, boolean upper) {
        this.axis = axis;
        this.upper = upper;
    }

    /** @return the axis this face is normal to */
    public Axis axis() {
        return axis;
    }

    /** @return true for the face at the upper end of its axis */
    public boolean isUpper() {
        return upper;
    }
}
