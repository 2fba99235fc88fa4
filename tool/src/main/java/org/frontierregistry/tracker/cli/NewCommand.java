package org.frontierregistry.tracker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.io.RegistryLock;
import org.frontierregistry.tracker.record.RecordTemplate;
import org.frontierregistry.tracker.record.RegistryLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Write a new record, models/<id>.yaml, with the required fields and comments showing what to fill.",
                "The lines still to fill are marked TODO; 'tracker validate' points at each until it is filled.",
                "Never overwrites an existing file. --print-template prints the blank template (docs/model-template.yaml) instead."})
public final class NewCommand implements Callable<Integer> {
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "NAME", description = "The model's name as its developer writes it, e.g. \"Llama 3.1 405B\".")
    String name;

    @Option(names = "--org", paramLabel = "ORG",
            description = "A developing organisation as Epoch AI names it (repeat for several), e.g. \"Meta AI\".")
    List<String> organizations = new ArrayList<>();

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Publication date (first announcement or release). Left as TODO when omitted.")
    String date;

    @Option(names = "--id", paramLabel = "ID", description = "The record id and file name (default: derived from --name, e.g. llama-3-1-405b).")
    String id;

    @Option(names = "--created-by", paramLabel = "WHO", defaultValue = "contractor",
            description = "contractor, maintainer, bot or import. Default: ${DEFAULT-VALUE}.")
    String createdBy;

    @Option(names = "--print-template",
            description = "Print the blank template, as the browser link of docs/contributing.md opens it, and write nothing. "
                    + "docs/model-template.yaml is this output.")
    boolean printTemplate;

    @Override
    public Integer call() throws IOException {
        RegistryLayout layout = registry.layout();
        if (printTemplate) {
            if (name != null || !organizations.isEmpty() || date != null || id != null) {
                throw TrackerException.usage("--print-template prints the blank template: give it without --name, --org, --date or --id");
            }
            spec.commandLine().getOut().print(RecordTemplate.render(RecordTemplate.Fields.blank(), readSchema(layout)));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        if (name == null || organizations.isEmpty()) {
            throw TrackerException.usage("give the model's name and developer: --name \"Llama 3.1 405B\" --org \"Meta AI\" "
                    + "(or --print-template for the blank template)");
        }
        String recordId = id != null ? id : RecordTemplate.idFor(name);
        if (name.isBlank()) {
            throw TrackerException.usage("--name is empty; give the model's name");
        }
        if (recordId.isEmpty()) {
            throw TrackerException.usage("cannot make an id from the name '" + name + "'; give one with --id, e.g. --id my-model");
        }
        if (!ID.matcher(recordId).matches() || recordId.length() > 80) {
            throw TrackerException.usage("--id '" + recordId + "' is not lowercase kebab-case (letters, digits, single dashes, "
                    + "at most 80 characters), e.g. " + RecordTemplate.idFor(recordId.isBlank() ? name : recordId));
        }
        if (organizations.stream().anyMatch(String::isBlank)) {
            throw TrackerException.usage("--org is empty; give the developer's name, e.g. --org \"Meta AI\"");
        }
        JsonNode schema = readSchema(layout);
        List<String> creators = new ArrayList<>();
        schema.at("/properties/provenance/properties/created_by/enum").forEach(v -> creators.add(v.asText()));
        if (!creators.contains(createdBy)) {
            throw TrackerException.usage("--created-by '" + createdBy + "' is not one of " + String.join(", ", creators));
        }
        RecordTemplate.Fields fields = new RecordTemplate.Fields(recordId, name.strip(),
                organizations.stream().map(String::strip).toList(), parseDate(), createdBy);

        Path file = layout.modelsDir().resolve(recordId + ".yaml");
        Files.createDirectories(file.getParent());
        try (RegistryLock lock = WriteLock.take(layout, spec)) {
            AtomicFiles.create(file, RecordTemplate.render(fields, schema));
        } catch (FileAlreadyExistsException e) {
            throw TrackerException.failure(layout.display(file) + " already exists and was left as it is; edit it, "
                    + "or choose another id with --id");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + layout.display(file) + ".");
        out.println("Still to fill (marked TODO in the file): " + String.join(", ", RecordTemplate.stillToFill(fields)) + ".");
        out.println("Then add an estimate of the training compute and check the file: ./tracker validate " + layout.display(file));
        return ExitCodes.OK;
    }

    private static JsonNode readSchema(RegistryLayout layout) throws IOException {
        return new ObjectMapper().readTree(layout.schemaFile().toFile());
    }

    private LocalDate parseDate() {
        if (date == null) {
            return null;
        }
        try {
            LocalDate parsed = LocalDate.parse(date);
            if (parsed.isAfter(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1))) {
                throw TrackerException.usage("--date " + date + " is in the future");
            }
            return parsed;
        } catch (DateTimeParseException e) {
            throw TrackerException.usage("--date '" + date + "' is not a date; write it as YYYY-MM-DD, e.g. 2024-07-23");
        }
    }
}
