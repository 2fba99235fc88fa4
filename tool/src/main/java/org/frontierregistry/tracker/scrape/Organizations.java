package org.frontierregistry.tracker.scrape;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Organisation names as sources write them (arena's "Google", OpenRouter's "meta-llama") mapped to
 * Epoch AI's spelling, which records use. Unknown names pass through unchanged.
 */
public final class Organizations {
    private static final Map<String, String> EPOCH_NAME = new TreeMap<>();

    static {
        put("OpenAI", "openai");
        put("Anthropic", "anthropic");
        put("Google DeepMind", "google", "google deepmind", "deepmind", "google-deepmind");
        put("Meta AI", "meta", "meta-llama", "meta ai", "facebook");
        put("xAI", "x-ai", "xai", "x.ai");
        put("DeepSeek", "deepseek", "deepseek-ai");
        put("Alibaba", "qwen", "alibaba", "alibaba cloud", "alibaba-nlp");
        put("Mistral AI", "mistralai", "mistral", "mistral ai");
        put("Moonshot", "moonshotai", "moonshot", "moonshot ai", "kimi");
        put("Z.ai (Zhipu AI)", "z-ai", "z.ai", "zhipu", "zhipu ai", "thudm", "zai-org", "z ai", "zai");
        put("MiniMax", "minimax", "minimaxai");
        put("Amazon", "amazon", "amazon nova", "aws");
        put("Microsoft", "microsoft", "microsoft azure", "azure");
        put("NVIDIA", "nvidia");
        put("ByteDance", "bytedance", "bytedance-seed", "bytedance seed");
        put("Tencent", "tencent");
        put("Baidu", "baidu");
        put("Cohere", "cohere", "cohereforai");
        put("Xiaomi", "xiaomi", "xiaomimimo", "xiaomi corp");
        put("Ant Group", "inclusionai", "ant group");
        put("IBM", "ibm", "ibm-granite");
        put("StepFun", "stepfun", "stepfun-ai");
        put("01.AI", "01-ai", "01 ai", "01.ai");
        put("Inflection AI", "inflection");
        put("AI21 Labs", "ai21");
        put("Reka AI", "rekaai", "reka");
        put("Allen Institute for AI", "allenai", "ai2");
        put("Perplexity", "perplexity");
        put("Nous Research", "nousresearch");
        put("Arcee AI", "arcee-ai");
        put("Meituan", "meituan");
        put("Kuaishou Technology", "kwaipilot", "kuaishou");
        put("LG AI Research", "lgai-exaone", "lg");
    }

    private Organizations() {
    }

    private static void put(String epoch, String... aliases) {
        EPOCH_NAME.put(epoch.toLowerCase(Locale.ROOT), epoch);
        for (String alias : aliases) {
            EPOCH_NAME.put(alias.toLowerCase(Locale.ROOT), epoch);
        }
    }

    /** Epoch's spelling of an organisation a source names, or the name itself when unknown. */
    public static String epochName(String sourceName) {
        if (sourceName == null) {
            return null;
        }
        String trimmed = sourceName.trim();
        return EPOCH_NAME.getOrDefault(trimmed.toLowerCase(Locale.ROOT), trimmed);
    }

    /** Whether a source's account name (a Hugging Face owner) is a developer this table knows. */
    public static boolean isDeveloperAccount(String account) {
        return account != null && EPOCH_NAME.containsKey(account.trim().toLowerCase(Locale.ROOT));
    }

    public static List<String> epochNames(List<String> names) {
        return names.stream().map(Organizations::epochName).distinct().toList();
    }
}
