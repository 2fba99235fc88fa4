package org.frontierregistry.tracker.testing;

import java.util.Locale;

/** Small schema-valid records for tests, varying only what a test is about. */
public final class RecordYaml {
    private RecordYaml() {
    }

    /** A valid record with the given status and headline FLOP (null: no headline); unverified. */
    public static String of(String id, String name, String status, Double flop) {
        return of(id, name, status, flop, false, "");
    }

    /** A valid record; {@code extra} is appended verbatim (top-level YAML lines ending in a newline). */
    public static String of(String id, String name, String status, Double flop, boolean verified, String extra) {
        String compute = flop == null ? "  estimates: []\n"
                : String.format(Locale.ROOT, """
                          estimates:
                            - method: reported
                              flop: %1$s
                              confidence: Confident
                              inputs: {reported_flop: %1$s}
                              reasoning: The developer's report states this training compute figure directly.
                              sources: [report]
                          flop: %1$s
                          confidence: Confident
                        """, flop.toString().replace("E", "e"));
        String review = verified ? "review: {verified: true, by: a-reviewer, date: 2025-01-02}\n" : "review: {verified: false}\n";
        return "# yaml-language-server: $schema=../schema/model.schema.json\n"
                + "id: " + id + "\n"
                + "name: " + name + "\n"
                + "organizations: [Example Lab]\n"
                + "publication_date: 2024-06-01\n"
                + "domains: [Language]\n"
                + "training_compute:\n" + compute
                + "status: " + status + "\n"
                + "sources:\n  - {id: report, url: \"https://example.org/report\"}\n"
                + review
                + "provenance: {created_by: contractor}\n"
                + extra;
    }

    /** A valid record whose one estimate is twice the compute of {@code reference}'s headline; no headline written. */
    public static String comparing(String id, String name, String reference) {
        return of(id, name, "uncertain", null).replace("  estimates: []\n", """
                  estimates:
                    - method: comparison
                      confidence: Likely
                      inputs: {reference: %s, ratio: 2}
                      reasoning: Twice the compute of its predecessor, as the developer's report compares them.
                      sources: [report]
                """.formatted(reference));
    }
}
