package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frontierregistry.tracker.query.Criteria;
import org.frontierregistry.tracker.query.Field;
import org.frontierregistry.tracker.query.Fields;
import org.frontierregistry.tracker.query.Flops;
import org.frontierregistry.tracker.query.OutputFormat;
import org.frontierregistry.tracker.query.Query;
import org.frontierregistry.tracker.query.QueryException;
import org.frontierregistry.tracker.query.RecordWriter;
import org.frontierregistry.tracker.query.Snapshot;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "query", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Filter, sort and print records. Every filter given must hold; a list (a,b) or a repeated",
                "option matches any of its values. Examples:",
                "  tracker query --country China --status above,likely_above --since 2025 --until 2025",
                "  tracker query --unverified --sort publication_date --columns id,name,created_by",
                "Fields for --sort and --columns: see 'tracker query --list-fields'."})
public final class QueryCommand implements Callable<Integer> {
    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--status", split = ",", paramLabel = "S", description = "above, likely_above, uncertain, likely_below, below, rejected.")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--above", paramLabel = "FLOP", description = "Headline training compute at least FLOP (e.g. 1e25).")
    String above;

    @Option(names = "--below", paramLabel = "FLOP", description = "Headline training compute under FLOP.")
    String below;

    @Option(names = "--min-p-above", paramLabel = "P", description = "Probability of exceeding 1e25 FLOP at least P (0 to 1).")
    Double minPAbove;

    @Option(names = "--org", paramLabel = "TEXT", description = "An organisation contains TEXT (case and punctuation ignored).")
    List<String> orgs = new ArrayList<>();

    @Option(names = "--country", paramLabel = "TEXT", description = "A developer country contains TEXT.")
    List<String> countries = new ArrayList<>();

    @Option(names = "--domain", split = ",", paramLabel = "D", description = "Domain, e.g. Language, Multimodal.")
    List<String> domains = new ArrayList<>();

    @Option(names = "--accessibility", paramLabel = "TEXT", description = "Accessibility contains TEXT, e.g. 'open weights'.")
    List<String> access = new ArrayList<>();

    @Option(names = "--method", split = ",", paramLabel = "M",
            description = "An estimate uses method M: reported, parameters_tokens, hardware, benchmark, comparison, cost.")
    List<String> methods = new ArrayList<>();

    @Option(names = "--since", paramLabel = "DATE", description = "Published on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY).")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Published on or before DATE (YYYY-MM-DD, YYYY-MM or YYYY).")
    String until;

    @ArgGroup(exclusive = true)
    Review review;

    static final class Review {
        @Option(names = "--verified", required = true, description = "Only records a person has verified.")
        boolean verified;

        @Option(names = "--unverified", required = true, description = "Only records nobody has verified yet.")
        boolean unverified;
    }

    @Option(names = "--search", paramLabel = "TEXT", description = "Name, alias or outside id contains TEXT (case, spaces and punctuation ignored).")
    String search;

    @Option(names = "--sort", split = ",", paramLabel = "FIELD[:desc]", description = "Sort keys in priority order (default: publication date, then id).")
    List<String> sort = new ArrayList<>();

    @Option(names = "--columns", split = ",", paramLabel = "FIELD", description = "Columns to print (default: " + "name,organizations,publication_date,flop,p_above,status).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N records.")
    Integer limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, csv, json or markdown. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--list-fields", description = "List the fields usable in --columns and --sort, then stop.")
    boolean listFields;

    @Mixin
    AsOfOption asOf;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        if (listFields) {
            for (Field field : Fields.all()) {
                out.printf("%-18s %s%n", field.name(), field.description());
            }
            return ExitCodes.OK;
        }
        Query query;
        List<Field> shown;
        try {
            query = new Query(criteria(), sort, limit);
            shown = Fields.columns(columns);
        } catch (QueryException e) {
            throw TrackerException.usage(e.getMessage());
        }
        Snapshot snapshot = asOf.load(registry.layout(), Clock.systemDefaultZone(), spec.commandLine().getErr());
        Query.Result result = query.run(snapshot.records().records());
        RecordWriter.write(format, shown, result.rows(), result.matched(), out);
        return ExitCodes.OK;
    }

    Criteria criteria() {
        return new Criteria(Criteria.statuses(statuses),
                above == null ? null : Flops.parse("--above", above),
                below == null ? null : Flops.parse("--below", below),
                minPAbove, orgs, countries, domains, access, Criteria.methods(methods),
                since == null ? null : Criteria.firstDay("--since", since),
                until == null ? null : Criteria.lastDay("--until", until),
                review == null ? null : review.verified,
                search);
    }

}
