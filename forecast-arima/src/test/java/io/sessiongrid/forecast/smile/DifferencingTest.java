package io.sessiongrid.forecast.smile;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DifferencingTest {

    @Test
    void polynomialMultipliesFirstAndSeasonalDifferences() {
        assertArrayEquals(new double[] {1}, new Differencing(0, 0, 1).polynomial());
        assertArrayEquals(new double[] {1, -1}, new Differencing(1, 0, 1).polynomial());
        assertArrayEquals(new double[] {1, 0, 0, -1}, new Differencing(0, 1, 3).polynomial());
        assertArrayEquals(new double[] {1, -1, 0, -1, 1}, new Differencing(1, 1, 3).polynomial());
        assertEquals(4, new Differencing(1, 1, 3).order());
    }

    @Test
    void integrateInvertsApply() {
        double[] y = {5, 3, 8, 1, 9, 4, 7, 2, 6, 10};
        Differencing diff = new Differencing(1, 1, 3);
        double[] w = diff.apply(y);
        assertEquals(y.length - 4, w.length);
        // integrating the true differences of the last 3 points from the 4 before them gives the points back
        double[] tail = java.util.Arrays.copyOfRange(y, 3, 7);
        double[] back = diff.integrate(tail, java.util.Arrays.copyOfRange(w, w.length - 3, w.length));
        assertArrayEquals(new double[] {2, 6, 10}, back, 1e-12);
    }

    @Test
    void refusesOrdersAboveOne() {
        assertThrows(IllegalArgumentException.class, () -> new Differencing(2, 0, 1));
    }
}
