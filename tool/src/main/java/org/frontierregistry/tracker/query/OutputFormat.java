package org.frontierregistry.tracker.query;

/** How query and stats print: a table for people, or CSV / JSON / Markdown for tools and documents. */
public enum OutputFormat {
    table, csv, json, markdown
}
