import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a registry of N realistic synthetic records (for benchmarks only; never committed data).
 * Usage: java tool/bench/SyntheticRegistry.java TARGET_DIR COUNT SCHEMA_FILE
 * Same arguments, same files: the generator is seeded.
 */
public class SyntheticRegistry {
    private static final String[] ORGS = {"OpenAI", "Google DeepMind", "Meta AI", "Anthropic", "xAI", "Mistral AI",
            "Alibaba", "DeepSeek", "Baidu", "ByteDance", "NVIDIA", "Microsoft", "Amazon", "Cohere", "Z.ai (Zhipu AI)"};
    private static final String[] COUNTRIES = {"United States of America", "United States of America", "United States of America",
            "United States of America", "United States of America", "France", "China", "China", "China", "China",
            "United States of America", "United States of America", "United States of America", "Canada", "China"};
    private static final String[] DOMAINS = {"Language", "Multimodal", "Vision", "Video", "Image generation"};
    private static final String[] ACCESS = {"API access", "Open weights (unrestricted)", "Open weights (restricted use)", "Unreleased"};
    private static final String[] CONFIDENCE = {"Confident", "Likely", "Speculative"};

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        Path models = Files.createDirectories(root.resolve("models"));
        Files.createDirectories(root.resolve("schema"));
        Files.copy(Path.of(args[2]), root.resolve("schema/model.schema.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Random random = new Random(42);
        for (int i = 0; i < count; i++) {
            int org = random.nextInt(ORGS.length);
            String id = "synthetic-" + ORGS[org].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "") + "-" + i;
            double params = Math.pow(10, 9 + random.nextDouble() * 3);
            double tokens = Math.pow(10, 11.5 + random.nextDouble() * 2);
            double flop = 6 * params * tokens;
            String confidence = CONFIDENCE[random.nextInt(3)];
            int year = 2020 + random.nextInt(6);
            String date = String.format(Locale.ROOT, "%d-%02d-%02d", year, 1 + random.nextInt(12), 1 + random.nextInt(28));
            String yaml = String.format(Locale.ROOT, """
                    # yaml-language-server: $schema=../schema/model.schema.json
                    id: %1$s
                    name: Synthetic %2$s Model %3$d
                    aliases: [%1$s-instruct, synthetic-%3$d-chat]
                    organizations: [%2$s]
                    countries: [%4$s]
                    publication_date: %5$s
                    domains: [%6$s]
                    accessibility: %7$s
                    parameters: %8$.4e
                    training_tokens: %9$.4e
                    benchmarks: {mmlu: %10$.1f}
                    training_compute:
                      estimates:
                        - method: parameters_tokens
                          confidence: %11$s
                          inputs: {parameters: %8$.4e, tokens: %9$.4e}
                          reasoning: Synthetic benchmark record; six times parameters times tokens.
                          sources: [announcement]
                        - method: reported
                          confidence: %11$s
                          inputs: {reported_flop: %12$.4e}
                          reasoning: Synthetic benchmark record; a figure as a developer would state it.
                          sources: [announcement]
                    status: uncertain
                    sources:
                      - {id: announcement, url: "https://example.org/%1$s", title: Synthetic announcement}
                    review: {verified: false}
                    provenance: {created_by: contractor}
                    """, id, ORGS[org], i, COUNTRIES[org], date, DOMAINS[random.nextInt(DOMAINS.length)],
                    ACCESS[random.nextInt(ACCESS.length)], params, tokens, 40 + random.nextDouble() * 50, confidence, flop);
            Files.writeString(models.resolve(id + ".yaml"), yaml.replace("e+", "e"), StandardCharsets.UTF_8);
        }
    }
}
