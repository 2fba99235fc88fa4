package org.frontierregistry.tracker.estimate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Number formats whose peak throughput the chip catalogue knows (the {@code precision} input of hardware estimates). */
public enum Precision {
    FP32, TF32, BF16, FP16, FP8, FP4, INT8;

    public static final Precision DEFAULT = BF16;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Precision> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key().equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(Precision::key).toList();
    }
}
