package org.frontierregistry.tracker.scrape;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Lab news feeds (RSS 2.0). A release post ("Introducing Claude Opus 4.7", "Grok 4.1", "OpenAI o3-mini")
 * is a lead: it says a model exists, its name and its day. Leads join the evidence other sources give
 * (date, link) but never make a proposal on their own. Titles that are not a model's name (news,
 * partnerships, research notes) give no sighting.
 */
public final class FeedsSource implements Source {
    /** A healthy feed has at least this many items (the smallest snapshot has 39). */
    static final int MIN_ITEMS = 10;
    private static final String FEEDS = "https://raw.githubusercontent.com/Olshansk/rss-feeds/main/feeds/";
    private static final Pattern LEAD_IN = Pattern.compile("^(introducing|announcing|hello|meet|open release of)\\s*:?\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILER = Pattern.compile("(\\s+(is|are)\\s+(here|now available|available|out)\\b.*"
            + "|\\s*[:—–|].*|\\s+(system card|beta|release|preview)\\s*$|\\.\\s*$)", Pattern.CASE_INSENSITIVE);
    /** A name is made of capitalised words, versions and model-name tokens: "Claude Opus 4.7", "o3-mini", "GPT-4o". */
    private static final Pattern NAME_WORD = Pattern.compile("([A-Z][A-Za-z0-9.-]*|[a-z]?[0-9][A-Za-z0-9.-]*|[a-z][0-9][a-z0-9.-]*"
            + "|mini|nano|pro|max|flash|lite|fast|turbo|air)");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "Our", "New", "How", "Why", "What", "We");

    @Override
    public String name() {
        return "feeds";
    }

    @Override
    public String description() {
        return "Lab news feeds (RSS 2.0: Anthropic, OpenAI, Meta, Mistral, xAI): release posts as leads, never proposed alone";
    }

    @Override
    public URI defaultUrl() {
        return defaultUrls().get(0);
    }

    @Override
    public List<URI> defaultUrls() {
        return List.of("feed_anthropic_news.xml", "feed_openai_research.xml", "feed_meta_ai.xml", "feed_mistral.xml",
                "feed_xainews.xml").stream().map(f -> URI.create(FEEDS + f)).toList();
    }

    @Override
    public boolean leadsOnly() {
        return true;
    }

    @Override
    public Set<String> contentTypes() {
        return Set.of("application/rss+xml", "application/xml", "text/xml", "text/plain");
    }

    @Override
    public List<Sighting> parse(byte[] body, String origin) throws SourceShapeException {
        Document doc = read(body, origin);
        Element root = doc.getDocumentElement();
        NodeList channels = root.getElementsByTagName("channel");
        if (!root.getTagName().equals("rss") || channels.getLength() == 0) {
            throw new SourceShapeException(name() + ": " + origin + " is not an RSS 2.0 feed (root <" + root.getTagName()
                    + ">, expected <rss><channel>); the feed changed shape. Update FeedsSource before proposing anything.");
        }
        Element channel = (Element) channels.item(0);
        String organization = organization(child(channel, "link"));
        NodeList items = channel.getElementsByTagName("item");
        if (items.getLength() < MIN_ITEMS) {
            throw new SourceShapeException(name() + ": " + origin + " has " + items.getLength() + " items where at least "
                    + MIN_ITEMS + " are expected; the feed looks truncated or emptied, so nothing is proposed.");
        }
        List<Sighting> out = new ArrayList<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String title = child(item, "title");
            if (title == null) {
                continue;
            }
            LocalDate day = day(child(item, "pubDate"));
            String link = child(item, "link");
            for (String model : modelNames(title)) {
                String evidence = (organization == null ? "A news feed" : organization + "'s news feed") + " has the post '"
                        + title.trim() + "'" + (day == null ? "" : " of " + day) + (link == null ? "" : " (" + link + ")") + ".";
                out.add(new Sighting(name(), model + (day == null ? "" : " @" + day), model, List.of(), Map.of(),
                        organization == null ? List.of() : List.of(organization), List.of(), List.of("Language"), null, day,
                        null, null, null, null, null, Map.of(), link, evidence, true));
            }
        }
        return out;
    }

    /**
     * The model names a post title announces, or none: "Introducing Claude Opus 4.7" → [Claude Opus 4.7];
     * "Claude Fable 5 and Claude Mythos 5" → both; "Anthropic raises $30 billion" → none. A name needs a
     * version number unless the title introduces it ("Introducing Muse Spark").
     */
    public static List<String> modelNames(String title) {
        String t = title.trim().replace('’', '\'');
        boolean introduced = LEAD_IN.matcher(t).find();
        t = LEAD_IN.matcher(t).replaceFirst("");
        t = TRAILER.matcher(t).replaceFirst("").trim();
        List<String> names = new ArrayList<>();
        for (String part : t.split("\\s+and\\s+|,\\s*")) {
            String candidate = part.trim().replaceFirst("^(OpenAI|Meta|Anthropic|xAI)\\s+(?=\\S)", "");
            String[] words = candidate.split("\\s+");
            if (candidate.isEmpty() || words.length > 5 || NOT_NAMES.contains(words[0])) {
                continue;
            }
            boolean allNameWords = true;
            for (String w : words) {
                allNameWords &= NAME_WORD.matcher(w).matches();
            }
            boolean versioned = candidate.chars().anyMatch(Character::isDigit);
            if (allNameWords && (versioned || (introduced && words.length <= 3))) {
                names.add(candidate);
            }
        }
        return names;
    }

    /** The developer behind a feed, from its site's address (anthropic.com, ai.meta.com, x.ai). */
    static String organization(String link) {
        if (link == null) {
            return null;
        }
        try {
            String host = URI.create(link.trim()).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            String known = Organizations.epochName(host);
            if (!known.equals(host)) {
                return known;
            }
            String[] labels = host.split("\\.");
            String label = labels.length >= 2 ? labels[labels.length - 2] : host;
            String byLabel = Organizations.epochName(label);
            return byLabel.equals(label) ? null : byLabel;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Document read(byte[] body, String origin) throws SourceShapeException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // No DTDs, no external entities: a feed is data, never instructions to fetch more.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXParseException e) {
            throw new SourceShapeException(name() + ": " + origin + " is not readable XML (" + e.getMessage() + " at line "
                    + e.getLineNumber() + ", column " + e.getColumnNumber() + "); the response may be truncated");
        } catch (SAXException e) {
            throw new SourceShapeException(name() + ": " + origin + " is not readable XML (" + e.getMessage()
                    + "); the response may be truncated");
        } catch (ParserConfigurationException | IOException e) {
            throw new SourceShapeException(name() + ": " + origin + " could not be read: " + e.getMessage());
        }
    }

    private static String child(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                String text = nodes.item(i).getTextContent();
                return text == null || text.isBlank() ? null : text.trim();
            }
        }
        return null;
    }

    private static LocalDate day(String pubDate) {
        if (pubDate == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(pubDate.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
