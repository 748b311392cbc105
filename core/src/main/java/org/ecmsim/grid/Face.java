package org.ecmsim.grid;

/**
 * The six faces of the box a {@link Grid3D} covers. {@link #Z_MIN} is the skin surface, {@link #Z_MAX} the deep
 * face.
 */
public enum Face {
    /** The face at x = 0. */
    X_MIN(Axis.X),
    /** The face at x = nx·dx. */
    X_MAX(Axis.X),
    /** The face at y = 0. */
    Y_MIN(Axis.Y),
    /** The face at y = ny·dy. */
    Y_MAX(Axis.Y),
    /** The face at z = 0: the skin surface. */
    Z_MIN(Axis.Z),
    /** The face at z = nz·dz: the deep face. */
    Z_MAX(Axis.Z);

    private final Axis axis;

    Face(Axis axis) {
        this.axis = axis;
    }

    /** @return the axis this face is normal to */
    public Axis axis() {
        return axis;
    }
}
