// Builds Lightbulb's front-end assets into internal/web/static (embedded by
// the Go binary). Run with `npm run build` (or `make assets`).
//
// The CSS step is the sass JS API with the same options as
//   sass --style=compressed --load-path=node_modules --quiet-deps --no-source-map \
//        web/scss/app.scss internal/web/static/app.css
import { compile } from "sass";
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

const started = performance.now();
const root = fileURLToPath(new URL("..", import.meta.url));
const modules = path.join(root, "node_modules");
const web = path.join(root, "web");
const out = path.join(root, "internal", "web", "static");

// Files kept in git inside the otherwise generated output folder.
const META = {
  ".gitignore": "*\n!.gitignore\n!README.txt\n",
  "README.txt":
    "This folder is produced by `make assets` (npm ci && npm run build) from web/\n" +
    "and node_modules. Do not edit or commit its files; see web/README.md.\n",
};

// GOV.UK images we never ship: the crown, the Royal Arms (crest) and the
// GOV.UK icons and favicons, which show the crown. Ours come from web/images.
const SKIP_IMAGE = /crown|crest|govuk-icon|favicon|opengraph/i;

async function clean() {
  await mkdir(out, { recursive: true });
  for (const name of await readdir(out)) {
    if (!(name in META)) await rm(path.join(out, name), { recursive: true, force: true });
  }
  for (const [name, text] of Object.entries(META)) {
    await writeFile(path.join(out, name), text);
  }
}

async function buildCSS() {
  const result = compile(path.join(web, "scss", "app.scss"), {
    style: "compressed",
    loadPaths: [modules],
    quietDeps: true,
    sourceMap: false,
  });
  for (const selector of [".govuk-header", ".lb-card", ".lb-logo", ".lb-tag--absolute"]) {
    if (!result.css.includes(selector)) throw new Error(`app.css has no ${selector} rule`);
  }
  if (/GDS Transport|@font-face/.test(result.css)) {
    throw new Error("app.css still refers to the GOV.UK typeface");
  }
  await writeFile(path.join(out, "app.css"), result.css + "\n");
}

// checkComponents fails the build when a page uses a GOV.UK component that
// web/scss/_govuk.scss leaves out of the stylesheet: the page would show
// it unstyled.
async function checkComponents() {
  const listed = await readFile(path.join(web, "scss", "_govuk.scss"), "utf8");
  const included = new Set([...listed.matchAll(/components\/([a-z-]+)\/index/g)].map((m) => m[1]));
  const all = await readdir(path.join(modules, "govuk-frontend", "dist", "govuk", "components"), { withFileTypes: true });
  const left = all.filter((d) => d.isDirectory() && !included.has(d.name)).map((d) => d.name);
  const uses = new RegExp(`govuk-(${left.join("|")})(?![a-z])`);
  const problems = [];
  async function scan(dir) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (file !== out) await scan(file);
      } else if (/\.(html|go)$/.test(entry.name)) {
        const m = (await readFile(file, "utf8")).match(uses);
        if (m) problems.push(`${path.relative(root, file)} uses ${m[0]}`);
      }
    }
  }
  await scan(path.join(root, "internal", "web"));
  if (problems.length > 0) {
    throw new Error(`a page uses a GOV.UK component the stylesheet leaves out; add it to web/scss/_govuk.scss:\n  ${problems.join("\n  ")}`);
  }
}

// checkHTMX fails the build when a page uses htmx attributes but does not
// load htmx: the layout loads it only for pages that define "scripts" with
// it, so the others do not fetch 15 KB they never run.
async function checkHTMX() {
  const dir = path.join(root, "internal", "web", "templates");
  const missing = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".html")) continue;
    const text = await readFile(path.join(dir, name), "utf8");
    if (/\shx-[a-z]+=/.test(text) && !/{{define "scripts"}}[^]*htmx\.min\.js/.test(text)) missing.push(name);
  }
  if (missing.length > 0) {
    throw new Error(`these pages use htmx but do not load it; add {{define "scripts"}}<script src="{{.Asset "htmx.min.js"}}" defer></script>{{end}}:\n  ${missing.join("\n  ")}`);
  }
}

// Copies a minified script without its sourceMappingURL comment: we ship no maps.
async function copyScript(from, to) {
  const text = await readFile(from, "utf8");
  await writeFile(to, text.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n"));
}

async function buildJS() {
  await copyScript(
    path.join(modules, "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js"),
    path.join(out, "govuk-frontend.min.js"),
  );
  await copyScript(path.join(modules, "htmx.org", "dist", "htmx.min.js"), path.join(out, "htmx.min.js"));
  // app.js imports GOV.UK Frontend by the name with its content hash that the
  // server gives it (the first 8 hex digits of its SHA-256, as
  // internal/web/static.go works out), so browsers keep it for good
  // instead of asking again on every page.
  const govuk = await readFile(path.join(out, "govuk-frontend.min.js"));
  const hash = createHash("sha256").update(govuk).digest("hex").slice(0, 8);
  const app = await readFile(path.join(web, "js", "app.js"), "utf8");
  const hashed = app.replace('from "./govuk-frontend.min.js"', `from "./govuk-frontend.min.${hash}.js"`);
  if (hashed === app) throw new Error('web/js/app.js no longer imports "./govuk-frontend.min.js": update build.mjs');
  await writeFile(path.join(out, "app.js"), hashed);
}

async function copyImages() {
  const dest = path.join(out, "images");
  await mkdir(dest, { recursive: true });
  const govuk = path.join(modules, "govuk-frontend", "dist", "govuk", "assets", "images");
  for (const name of await readdir(govuk)) {
    if (!SKIP_IMAGE.test(name)) await copyFile(path.join(govuk, name), path.join(dest, name));
  }
  const ours = path.join(web, "images");
  for (const name of await readdir(ours)) {
    await copyFile(path.join(ours, name), path.join(dest, name));
  }
}

// Easy Read pictures: only the Health Icons that internal/content/pictures.json
// lists (the ones admins may choose), each as its own SVG with the set's
// licence in it. Health Icons (healthicons.org) are by Resolve to Save Lives,
// MIT licence; they come from npm as @iconify-json/healthicons.
async function copyPictures() {
  const set = JSON.parse(await readFile(path.join(modules, "@iconify-json", "healthicons", "icons.json"), "utf8"));
  const info = JSON.parse(await readFile(path.join(modules, "@iconify-json", "healthicons", "info.json"), "utf8"));
  if (info.license?.spdx !== "MIT") throw new Error(`Health Icons licence is ${info.license?.spdx}, not MIT: check it before shipping`);
  const wanted = JSON.parse(await readFile(path.join(root, "internal", "content", "pictures.json"), "utf8"));
  const dest = path.join(out, "easy-read");
  await mkdir(dest, { recursive: true });
  const note = `<!-- ${info.name} ${info.version} (healthicons.org), by ${info.author.name}, ${info.license.title} licence: ${info.license.url} -->`;
  for (const { name } of wanted) {
    const parent = set.aliases?.[name]?.parent;
    const icon = set.icons[name] ?? set.icons[parent];
    if (!icon) throw new Error(`pictures.json names ${name}, which Health Icons does not have`);
    const w = icon.width ?? set.width ?? 48;
    const h = icon.height ?? set.height ?? 48;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" fill="#0b0c0c" color="#0b0c0c">${note}${icon.body}</svg>\n`;
    await writeFile(path.join(dest, `${name}.svg`), svg);
  }
}

async function report(dir, prefix = "") {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await report(file, `${prefix}${entry.name}/`);
    else console.log(`  ${(await stat(file)).size.toString().padStart(8)}  ${prefix}${entry.name}`);
  }
}

// Writes name.br and name.gz beside each text asset, at the strongest
// settings (done once here, not per request); the server sends whichever the
// browser accepts. Node's own zlib: no extra dependency.
async function compress(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) await compress(file);
    else if (/\.(css|js|svg)$/.test(entry.name)) {
      const data = await readFile(file);
      await writeFile(file + ".gz", gzipSync(data, { level: 9 }));
      await writeFile(
        file + ".br",
        brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } }),
      );
    }
  }
}

await clean();
await Promise.all([checkComponents(), checkHTMX(), buildCSS(), buildJS(), copyImages(), copyPictures()]);
await compress(out);
console.log(`built ${path.relative(root, out)}/ in ${Math.round(performance.now() - started)} ms`);
await report(out);
