// The npm registry reachable from this workplace lacks some platform-only optional packages
// (e.g. Tailwind's oxide binaries for macOS and Windows), so `npm install` here writes a lock
// without them and `npm ci` then refuses it. This adds the missing entries, marked optional
// with their os/cpu, exactly as npm writes them: on Linux npm ci skips them; elsewhere npm
// fetches them by name and version. Run after changing dependencies: `npm run lock`.
import { readFileSync, writeFileSync } from "node:fs";

const PLATFORM = /-(android|darwin|freebsd|linux|win32|wasm32)-(arm64|x64|arm|ia32|wasi)/;
const OS = { android: "android", darwin: "darwin", freebsd: "freebsd", linux: "linux", win32: "win32" };
const CPU = { arm64: "arm64", x64: "x64", arm: "arm", ia32: "ia32" };

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const added = [];
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const where = `node_modules/${name}`;
    const match = name.match(PLATFORM);
    if (lock.packages[where] || !match) continue;
    const [, os, cpu] = match;
    const stub = { version, dev: entry.dev, optional: true };
    if (os === "wasm32") stub.cpu = ["wasm32"];
    else Object.assign(stub, { os: [OS[os]], cpu: [CPU[cpu]] });
    if (entry.engines) stub.engines = entry.engines;
    if (!stub.dev) delete stub.dev;
    lock.packages[where] = stub;
    added.push(`${name}@${version} (for ${key || "root"})`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added to the lock:\n  ${added.join("\n  ")}` : "lock already complete");
