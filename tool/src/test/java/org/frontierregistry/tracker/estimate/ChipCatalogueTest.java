package org.frontierregistry.tracker.estimate;

import static org.frontierregistry.tracker.estimate.TestRecords.inputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChipCatalogueTest {
    private final ChipCatalogue catalogue = ChipCatalogue.standard();

    /** Peaks as Epoch AI's hardware CSV gives them (bf16 tensor column; Ascend 910B only has the FP16 column). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            H100 SXM              | NVIDIA H100 SXM5 80GB        | 989400000000000
            NVIDIA H100 SXM5 80GB | NVIDIA H100 SXM5 80GB        | 989400000000000
            nvidia h100 sxm5 80gb | NVIDIA H100 SXM5 80GB        | 989400000000000
            H800                  | NVIDIA H800 SXM5             | 989000000000000
            A100                  | NVIDIA A100                  | 312000000000000
            V100                  | NVIDIA V100                  | 125000000000000
            TPU v4                | Google TPU v4                | 275000000000000
            Google TPU v4         | Google TPU v4                | 275000000000000
            TPU v5p               | Google TPU v5p               | 459000000000000
            TPU v6e               | Google TPU v6e Trillium      | 918000000000000
            B200                  | NVIDIA B200                  | 2250000000000000
            GB200                 | NVIDIA GB200                 | 2500000000000000
            MI300X                | AMD Instinct MI300X          | 1307400000000000
            Ascend 910B           | Huawei Ascend 910B           | 376000000000000
            Trainium2             | Amazon Trainium2             | 667000000000000
            """)
    void commonNamesResolveToEpochsChipAndItsPeak(String name, String epochName, double peak) {
        Chip chip = catalogue.find(name).orElseThrow();
        assertEquals(epochName, chip.name());
        assertEquals(peak, chip.peakFlops(Precision.BF16).orElseThrow());
    }

    /** chips × peak × seconds × utilization, for each chip named above, 10000 chips for 30 days at 40%. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            H100 SXM    | 1.02581e25
            A100        | 3.2348e24
            V100        | 1.296e24
            TPU v4      | 2.8512e24
            TPU v5p     | 4.7589e24
            TPU v6e     | 9.5178e24
            B200        | 2.3328e25
            GB200       | 2.592e25
            MI300X      | 1.35551e25
            Ascend 910B | 3.89837e24
            Trainium2   | 6.91546e24
            """)
    void aHardwareEstimateIsChipsTimesPeakTimesSecondsTimesUtilization(String chip, double expected) {
        MethodResult r = HardwareMethod.compute(inputs("{\"chip\": \"" + chip + "\", \"count\": 10000, \"days\": 30, \"utilization\": 0.4}"), catalogue);
        assertEquals(expected, r.flop(), expected * 1e-4);
    }

    @Test
    void hoursAndThePrecisionAreHonoured() {
        MethodResult r = HardwareMethod.compute(inputs(
                "{\"chip\": \"H100 SXM\", \"count\": 16384, \"hours\": 2142, \"utilization\": 0.38, \"precision\": \"tf32\"}"), catalogue);
        assertEquals(16384 * 4.947e14 * 2142 * 3600 * 0.38, r.flop(), 1e12);
        assertEquals("16384 chips × 4.947e14 FLOP/s × 2142 h × 3600 s/h × 0.38", r.formula());
    }

    @Test
    void anUnknownChipSuggestsTheClosestName() {
        EstimateException e = assertThrows(EstimateException.class, () -> catalogue.require("H100 SMX", "/chip"));
        assertEquals("unknown chip 'H100 SMX'", e.getMessage());
        assertTrue(e.hint().startsWith("Did you mean 'H100 SXM'?"), e.hint());
        assertEquals("/chip", e.pointer());
    }

    @Test
    void aPrecisionEpochDoesNotListForTheChipIsAClearError() {
        EstimateException e = assertThrows(EstimateException.class, () -> HardwareMethod.compute(
                inputs("{\"chip\": \"H100 SXM\", \"count\": 8, \"days\": 1, \"utilization\": 0.4, \"precision\": \"fp8\"}"), catalogue));
        assertEquals("/precision", e.pointer());
        assertTrue(e.getMessage().contains("no fp8 peak for NVIDIA H100 SXM5 80GB"), e.getMessage());
        assertTrue(e.hint().contains("bf16"), e.hint());
    }

    @Test
    void utilizationAboveOneAndBothTimeFieldsAreRejected() {
        assertEquals("/utilization", assertThrows(EstimateException.class, () -> HardwareMethod.compute(
                inputs("{\"chip\": \"A100\", \"count\": 8, \"days\": 1, \"utilization\": 40}"), catalogue)).pointer());
        assertEquals("/days", assertThrows(EstimateException.class, () -> HardwareMethod.compute(
                inputs("{\"chip\": \"A100\", \"count\": 8, \"days\": 1, \"hours\": 24, \"utilization\": 0.4}"), catalogue)).pointer());
        assertEquals("/count", assertThrows(EstimateException.class, () -> HardwareMethod.compute(
                inputs("{\"chip\": \"A100\", \"count\": -8, \"days\": 1, \"utilization\": 0.4}"), catalogue)).pointer());
    }

    @Test
    void everyAliasNamesARowOfEpochsFile() throws IOException {
        try (InputStream in = ChipCatalogue.class.getResourceAsStream(ChipCatalogue.ALIASES)) {
            assertNotNull(in);
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
                Chip chip = catalogue.find(row.get("alias")).orElseThrow(() -> new AssertionError(row.get("alias")));
                assertEquals(row.get("epoch_name"), chip.name());
            }
        }
    }

    @Test
    void theWholeEpochFileIsLoaded() {
        assertEquals(175, catalogue.chips().size());
    }

    @Test
    void aCostEstimateDividesDollarsByThePriceOfAFlop() {
        MethodResult given = CostMethod.compute(inputs("{\"dollars\": 1e8, \"dollars_per_flop\": 2e-18}"), catalogue);
        assertEquals(5e25, given.flop(), 5e25 * 1e-12);
        MethodResult chip = CostMethod.compute(inputs("{\"dollars\": 1e8, \"chip\": \"H100 SXM\", \"year\": 2024}"), catalogue);
        double perFlop = 33600.0 * 2 / (4 * 365.25 * 86400 * 9.894e14 * 0.4);
        assertEquals(1e8 / perFlop, chip.flop(), 1e8 / perFlop * 1e-12);
        EstimateException early = assertThrows(EstimateException.class,
                () -> CostMethod.compute(inputs("{\"dollars\": 1e8, \"chip\": \"H100 SXM\", \"year\": 2020}"), catalogue));
        assertEquals("/year", early.pointer());
        EstimateException noPrice = assertThrows(EstimateException.class,
                () -> CostMethod.compute(inputs("{\"dollars\": 1e8, \"chip\": \"TPU v4\", \"year\": 2022}"), catalogue));
        assertTrue(noPrice.getMessage().contains("no release price"), noPrice.getMessage());
    }
}
