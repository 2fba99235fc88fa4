package org.frontierregistry.tracker.imputation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.frontierregistry.tracker.scrape.EpochSource;
import org.frontierregistry.tracker.scrape.NameNormaliser;
import org.frontierregistry.tracker.scrape.Sighting;
import org.frontierregistry.tracker.scrape.SourceShapeException;

/**
 * Builds the training table from saved public snapshots. Models are matched across files by the
 * scrapers' loose name key ({@link NameNormaliser}). Compute comes from the first Epoch AI models file
 * that gives the model a figure (then from the capability-index file's own column), and is kept only
 * when Epoch rates it Confident or Likely: Speculative figures are often themselves imputed from
 * benchmarks, and learning from them would learn Epoch's imputation. A model listed once per
 * reasoning setting keeps its best score; a model on several Arena files keeps the score of the first
 * file given.
 */
public final class TrainingTableBuilder {
    static final Set<String> TRUSTED = Set.of("Confident", "Likely");

    /**
     * The snapshot files, each as given on the command line.
     *
     * @param epochModels Epoch AI model datasets (notable, large-scale), first given first trusted
     * @param arena       LMArena snapshots, first given first trusted (give the newest first)
     */
    public record Snapshots(Path capabilityIndex, List<Path> epochModels, Path artificialAnalysis, List<Path> arena) {
        public Snapshots {
            epochModels = List.copyOf(epochModels);
            arena = List.copyOf(arena);
        }
    }

    /**
     * The table, what happened in lines for a person, and every model's scores by loose name key
     * (with or without known compute), for filling in records.
     */
    public record Build(TrainingTable table, List<String> summary, Map<String, Map<String, Double>> scoresByKey) {
    }

    private static final class Model {
        String name;
        LocalDate date;
        boolean computeDecided;
        Double flop;
        String confidence;
        String from;
        final Map<String, Double> scores = new TreeMap<>();
    }

    private final Map<String, Model> models = new TreeMap<>();
    private final List<String> summary = new ArrayList<>();

    private TrainingTableBuilder() {
    }

    /**
     * @throws IOException when a file cannot be read
     * @throws SourceShapeException when a file is not the shape expected (names the file and what is missing)
     */
    public static Build build(Snapshots snapshots) throws IOException, SourceShapeException {
        TrainingTableBuilder builder = new TrainingTableBuilder();
        for (Path file : snapshots.epochModels()) {
            builder.addEpochModels(file);
        }
        builder.addScores(snapshots.capabilityIndex(), SnapshotReaders.capabilityIndex(read(snapshots.capabilityIndex()),
                snapshots.capabilityIndex().toString()), true);
        if (snapshots.artificialAnalysis() != null) {
            builder.addScores(snapshots.artificialAnalysis(), SnapshotReaders.artificialAnalysis(read(snapshots.artificialAnalysis()),
                    snapshots.artificialAnalysis().toString()), true);
        }
        for (Path file : snapshots.arena()) {
            builder.addScores(file, SnapshotReaders.arena(read(file), file.toString()), false);
        }
        return builder.finish();
    }

    private static byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }

    private void addEpochModels(Path file) throws IOException, SourceShapeException {
        List<Sighting> sightings = new EpochSource().parse(read(file), file.toString());
        Map<String, List<Sighting>> byKey = new TreeMap<>();
        for (Sighting s : sightings) {
            String key = NameNormaliser.key(s.name());
            if (!key.isEmpty()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            }
        }
        int trusted = 0;
        int ambiguous = 0;
        for (Map.Entry<String, List<Sighting>> entry : byKey.entrySet()) {
            List<Sighting> same = entry.getValue();
            Sighting first = same.get(0);
            Model model = models.computeIfAbsent(entry.getKey(), k -> new Model());
            if (model.name == null) {
                model.name = first.name();
                model.date = first.date();
            }
            Set<Double> figures = new HashSet<>();
            same.stream().filter(s -> s.flop() != null).forEach(s -> figures.add(s.flop()));
            if (model.computeDecided || figures.isEmpty()) {
                continue;
            }
            model.computeDecided = true;
            if (figures.size() > 1) {
                ambiguous++; // two different models under one loose name: learn from neither
                continue;
            }
            Sighting withFigure = same.stream().filter(s -> s.flop() != null).findFirst().orElseThrow();
            if (TRUSTED.contains(withFigure.flopConfidence())) {
                model.flop = withFigure.flop();
                model.confidence = withFigure.flopConfidence();
                model.from = file.getFileName().toString();
                trusted++;
            }
        }
        summary.add(file.getFileName() + ": " + sightings.size() + " models, " + trusted
                + " newly with a Confident or Likely compute figure" + (ambiguous == 0 ? "" : ", " + ambiguous
                + " name keys skipped because rows sharing them give different figures"));
    }

    private void addScores(Path file, List<ScoreSighting> sightings, boolean keepBest) {
        Map<String, Map<String, Double>> fileScores = new TreeMap<>();
        for (ScoreSighting s : sightings) {
            String key = NameNormaliser.key(s.name());
            if (key.isEmpty()) {
                continue;
            }
            Model model = models.computeIfAbsent(key, k -> new Model());
            if (model.name == null) {
                model.name = s.name();
            }
            if (model.date == null) {
                model.date = s.date();
            }
            if (!model.computeDecided && s.flop() != null) {
                model.computeDecided = true;
                if (TRUSTED.contains(s.confidence())) {
                    model.flop = s.flop();
                    model.confidence = s.confidence();
                    model.from = file.getFileName().toString();
                }
            }
            Map<String, Double> scores = fileScores.computeIfAbsent(key, k -> new TreeMap<>());
            s.scores().forEach((k, v) -> scores.merge(k, v, Math::max));
        }
        int matched = 0;
        for (Map.Entry<String, Map<String, Double>> entry : fileScores.entrySet()) {
            Model model = models.get(entry.getKey());
            if (model.flop != null) {
                matched++;
            }
            entry.getValue().forEach((k, v) -> {
                if (keepBest) {
                    model.scores.merge(k, v, Math::max);
                } else {
                    model.scores.putIfAbsent(k, v);
                }
            });
        }
        summary.add(file.getFileName() + ": " + fileScores.size() + " models with scores, " + matched
                + " of them with a Confident or Likely compute figure");
    }

    private Build finish() {
        List<TrainingRow> rows = new ArrayList<>();
        models.forEach((key, m) -> {
            if (m.flop != null && m.date != null && !m.scores.isEmpty()) {
                rows.add(new TrainingRow(key, m.name, m.date, m.flop, m.confidence, m.from, m.scores));
            }
        });
        TrainingTable table = new TrainingTable(rows);
        List<String> lines = new ArrayList<>(summary);
        lines.add("training table: " + rows.size() + " models with compute and at least one score");
        for (Predictor p : Predictor.values()) {
            long n = rows.stream().filter(r -> r.scores().containsKey(p.key())).count();
            lines.add("  " + p.key() + ": " + n);
        }
        Map<String, Map<String, Double>> scores = new TreeMap<>();
        models.forEach((key, m) -> {
            if (!m.scores.isEmpty()) {
                scores.put(key, Map.copyOf(m.scores));
            }
        });
        return new Build(table, lines, scores);
    }
}
