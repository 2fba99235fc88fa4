package org.frontierregistry.tracker.estimate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.frontierregistry.tracker.validate.DidYouMean;

/**
 * The accelerators hardware and cost estimates may name: Epoch AI's Machine Learning Hardware
 * dataset (a copy ships in the tool, see SOURCE.md next to it), addressable by Epoch's exact name,
 * by that name without the maker's prefix ("TPU v4" for "Google TPU v4"), or by a listed common
 * alias ("H100 SXM"). Names match ignoring case, spaces and punctuation.
 */
public final class ChipCatalogue {
    public static final String RESOURCE = "ml_hardware_2026-04.csv";
    public static final String ALIASES = "chip_aliases.csv";

    /** Which Epoch column gives each precision's peak; the second column is used only when the first is empty. */
    static final Map<Precision, List<String>> COLUMNS = new EnumMap<>(Map.of(
            Precision.BF16, List.of("Tensor-FP16/BF16 performance (FLOP/s)", "FP16 (half precision) performance (FLOP/s)"),
            Precision.FP16, List.of("Tensor-FP16/BF16 performance (FLOP/s)", "FP16 (half precision) performance (FLOP/s)"),
            Precision.FP8, List.of("FP8 performance (FLOP/s)"),
            Precision.FP4, List.of("FP4 performance (FLOP/s)"),
            Precision.TF32, List.of("TF32 (TensorFloat-32) performance (FLOP/s)"),
            Precision.FP32, List.of("FP32 (single precision) performance (FLOP/s)"),
            Precision.INT8, List.of("INT8 performance (OP/s)")));

    private static volatile ChipCatalogue standard;

    /** The catalogue's lookups, built from the CSV files. */
    private record Tables(Map<String, Chip> byName, Map<String, Chip> byKey, Set<String> addressable) {
    }

    private final java.util.function.Supplier<Tables> source;
    private volatile Tables tables;

    /** A catalogue read when first used: most commands never ask for a chip, and parsing the CSV costs start-up time. */
    private ChipCatalogue(java.util.function.Supplier<Tables> source) {
        this.source = source;
    }

    private ChipCatalogue(List<Chip> chips, Map<String, String> aliases) {
        this.source = null;
        this.tables = tables(chips, aliases);
    }

    private Tables tables() {
        Tables t = tables;
        if (t == null) {
            synchronized (this) {
                if (tables == null) {
                    tables = source.get();
                }
                t = tables;
            }
        }
        return t;
    }

    private static Tables tables(List<Chip> chips, Map<String, String> aliases) {
        Map<String, Chip> names = new LinkedHashMap<>();
        chips.forEach(c -> names.putIfAbsent(c.name(), c));
        Map<String, Chip> keys = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        Set<String> shown = new TreeSet<>();
        for (Chip chip : names.values()) {
            keys.put(key(chip.name()), chip);
            shown.add(chip.name());
        }
        Map<String, Chip> shortKeys = new HashMap<>();
        Map<String, String> shortNames = new HashMap<>();
        for (Chip chip : names.values()) {
            withoutMaker(chip).ifPresent(shortName -> {
                String k = key(shortName);
                if (keys.containsKey(k)) {
                    return;
                }
                if (shortKeys.containsKey(k) && shortKeys.get(k) != chip) {
                    ambiguous.add(k);
                }
                shortKeys.put(k, chip);
                shortNames.put(k, shortName);
            });
        }
        shortKeys.forEach((k, chip) -> {
            if (!ambiguous.contains(k)) {
                keys.put(k, chip);
                shown.add(shortNames.get(k));
            }
        });
        aliases.forEach((alias, target) -> {
            Chip chip = names.get(target);
            if (chip == null) {
                throw new IllegalStateException(ALIASES + ": alias '" + alias + "' names '" + target
                        + "', which is not a Hardware name in " + RESOURCE);
            }
            keys.put(key(alias), chip);
            shown.add(alias);
        });
        return new Tables(names, keys, shown);
    }

    /** The catalogue shipped with the tool. */
    public static ChipCatalogue standard() {
        ChipCatalogue c = standard;
        if (c == null) {
            synchronized (ChipCatalogue.class) {
                if (standard == null) {
                    standard = new ChipCatalogue(() -> load(resource(RESOURCE), resource(ALIASES)).tables());
                }
                c = standard;
            }
        }
        return c;
    }

    /** Reads an Epoch hardware CSV and an alias CSV ({@code alias,epoch_name}). */
    public static ChipCatalogue load(InputStream hardwareCsv, InputStream aliasCsv) {
        try (Reader hw = new InputStreamReader(hardwareCsv, StandardCharsets.UTF_8);
             Reader al = new InputStreamReader(aliasCsv, StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
            List<Chip> chips = new ArrayList<>();
            for (CSVRecord row : format.parse(hw)) {
                chips.add(chip(row));
            }
            Map<String, String> aliases = new LinkedHashMap<>();
            for (CSVRecord row : format.parse(al)) {
                aliases.put(row.get("alias").strip(), row.get("epoch_name").strip());
            }
            return new ChipCatalogue(chips, aliases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Chip chip(CSVRecord row) {
        Map<Precision, Double> peak = new EnumMap<>(Precision.class);
        COLUMNS.forEach((precision, columns) -> {
            for (String column : columns) {
                Double value = number(row, column);
                if (value != null) {
                    peak.put(precision, value);
                    break;
                }
            }
        });
        String date = row.get("Release date").strip();
        return new Chip(row.get("Hardware name").strip(), row.get("Manufacturer").strip(),
                date.isEmpty() ? null : LocalDate.parse(date), peak, number(row, "Release price (USD)"));
    }

    private static Double number(CSVRecord row, String column) {
        if (!row.isMapped(column)) {
            throw new IllegalStateException(RESOURCE + " has no column '" + column + "' (Epoch renamed it?)");
        }
        String text = row.get(column).strip();
        if (text.isEmpty()) {
            return null;
        }
        double value = Double.parseDouble(text);
        return value > 0 ? value : null;
    }

    private static Optional<String> withoutMaker(Chip chip) {
        String name = chip.name();
        int space = name.indexOf(' ');
        if (space < 0 || chip.manufacturer().isEmpty()) {
            return Optional.empty();
        }
        String first = name.substring(0, space);
        String maker = chip.manufacturer().split(" ")[0];
        return first.equalsIgnoreCase(maker) ? Optional.of(name.substring(space + 1).strip()) : Optional.empty();
    }

    /** Compiled once: every chip name and alias is keyed when the catalogue loads. */
    private static final java.util.regex.Pattern NOT_ALPHANUMERIC = java.util.regex.Pattern.compile("[^a-z0-9]");

    static String key(String name) {
        return NOT_ALPHANUMERIC.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static InputStream resource(String name) {
        InputStream in = ChipCatalogue.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the chip catalogue " + name + " is missing from the tool");
        }
        return in;
    }

    public Optional<Chip> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(tables().byKey().get(key(name)));
    }

    /** The chip, or a clear error with the closest name the catalogue knows. */
    public Chip require(String name, String pointer) {
        return find(name).orElseThrow(() -> new EstimateException(pointer,
                "unknown chip '" + name + "'",
                DidYouMean.phrase(name, tables().addressable())
                        + "Use a name from Epoch AI's hardware list (e.g. 'H100 SXM', 'A100', 'TPU v4', 'TPU v5p', 'B200', 'MI300X', 'Ascend 910B'); "
                        + "run 'tracker estimate --chips' to see them all."));
    }

    /** Every chip by Epoch's name, in the file's order. */
    public Collection<Chip> chips() {
        return tables().byName().values();
    }

    /** Every name the catalogue answers to (Epoch names, short names, aliases), sorted. */
    public Set<String> names() {
        return tables().addressable();
    }
}
