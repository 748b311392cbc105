package org.ecmsim.grid;

/** The three axes of a {@link Grid3D}; {@link #Z} is depth into the skin. */
public enum Axis {
    /** The first lateral axis, the fastest-varying index. */
    X,
    /** The second lateral axis. */
    Y,
    /** Depth into the tissue; z = 0 is the skin surface. */
    Z
}
