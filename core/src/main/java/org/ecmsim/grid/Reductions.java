package org.ecmsim.grid;

/**
 * Means of a field over parts of its grid, summed in cell order (so the result is reproducible bit for bit): over
 * each z plane (a depth profile) and over the cells of one material (a layer mean).
 */
public final class Reductions {

    private Reductions() {
    }

    /**
     * @param values a field on {@code grid}, x fastest
     * @param grid its grid
     * @return the mean over each z plane, surface first (length nz)
     */
    public static double[] planeMeans(double[] values, Grid3D grid) {
        if (values.length != grid.cellCount()) {
            throw new IllegalArgumentException("field length " + values.length + " differs from the grid's "
                    + grid.cellCount() + " cells");
        }
        int plane = grid.strideZ();
        double[] mean = new double[grid.nz()];
        for (int k = 0; k < grid.nz(); k++) {
            double sum = 0;
            for (int c = k * plane; c < (k + 1) * plane; c++) {
                sum += values[c];
            }
            mean[k] = sum / plane;
        }
        return mean;
    }

    /**
     * @param values a field on the map's grid
     * @param map the material of every cell
     * @param material a material index
     * @return the mean over the cells of that material; NaN if it has none
     */
    public static double materialMean(double[] values, MaterialMap map, int material) {
        if (values.length != map.grid().cellCount()) {
            throw new IllegalArgumentException("field length " + values.length + " differs from the grid's "
                    + map.grid().cellCount() + " cells");
        }
        double sum = 0;
        int count = 0;
        for (int c = 0; c < values.length; c++) {
            if (map.get(c) == material) {
                sum += values[c];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
