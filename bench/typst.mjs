// bench/typst.mjs IN.typ OUT.pdf: compiles Typst markup to a PDF with the
// npm package @myriaddreamin/typst-ts-node-compiler (a native build of Typst,
// installed by bench/run into bench/.node). Fonts: Charis SIL and Open Sans
// from Debian's font folders, so Typst sets the same faces as bookbuild.
// Prints the page count and the time of compile and PDF export on stderr.
import { createRequire } from "node:module";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(resolve(here, ".node", "package.json"));
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node bench/typst.mjs IN.typ OUT.pdf");
  process.exit(2);
}
const t0 = performance.now();
const compiler = NodeCompiler.create({
  workspace: dirname(resolve(input)),
  fontArgs: [{ fontPaths: ["/usr/share/fonts/truetype/charis", "/usr/share/fonts/truetype/open-sans"] }],
});
const t1 = performance.now();
const result = compiler.compile({ mainFileContent: readFileSync(input, "utf8") });
const doc = result.result;
if (!doc) {
  const diags = compiler.fetchDiagnostics(result.takeDiagnostics());
  console.error(JSON.stringify(diags, null, 1).slice(0, 4000));
  process.exit(1);
}
const t2 = performance.now();
const pdf = compiler.pdf(doc);
const t3 = performance.now();
writeFileSync(output, pdf);
console.error(
  `typst: ${doc.numOfPages} pages, fonts ${(t1 - t0).toFixed(0)} ms, ` +
    `layout ${(t2 - t1).toFixed(0)} ms, pdf ${(t3 - t2).toFixed(0)} ms`,
);
