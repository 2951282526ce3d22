package vn.herald.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Min, median and max of one figure over repeated runs, as docs/benchmarks.md records them. */
public final class Summary {

    private final String name;
    private final String unit;
    private final List<Double> values = new ArrayList<>();

    public Summary(String name, String unit) {
        this.name = name;
        this.unit = unit;
    }

    public void add(double value) {
        values.add(value);
    }

    public double median() {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    @Override
    public String toString() {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return String.format(Locale.ROOT, "%s over %d runs: min %.1f, median %.1f, max %.1f %s", name, sorted.size(),
                sorted.get(0), median(), sorted.get(sorted.size() - 1), unit);
    }

    /** The value at {@code percent} of sorted values (nearest rank). */
    public static long percentile(List<Long> sorted, double percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
