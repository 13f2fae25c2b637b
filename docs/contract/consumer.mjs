// Writes generated/consumer.ts: for every operation of every service and each of its success bodies, a function
// that reads one member of the body through the types openapi-typescript generated. A body typed `unknown` (an
// operation without a response schema) cannot be read under `tsc --strict`, so the check fails on it.
import { readFileSync, writeFileSync } from "node:fs";

const services = process.argv.slice(2); // e.g. application-service ...
const lines = [];
let uses = 0;
for (const service of services) {
  const doc = JSON.parse(readFileSync(`generated/${service}.json`, "utf8"));
  const alias = service.replace(/-service$/, "").replace(/-/g, "_");
  lines.push(`import type { operations as ${alias} } from "./${service}";`);
  const schemas = doc.components?.schemas ?? {};
  const resolve = (s) => (s && s.$ref ? schemas[s.$ref.split("/").pop()] : s);
  const member = (s) => {
    s = resolve(s);
    if (!s) return null;
    const props = Object.keys(s.properties ?? {});
    const pick = (s.required ?? []).find((p) => props.includes(p)) ?? props[0];
    return pick ? `[${JSON.stringify(pick)}]` : null;
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op.operationId) throw new Error(`${service} ${method} ${path}: no operationId`);
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (!status.startsWith("2") || !response.content) continue;
        for (const [media, { schema }] of Object.entries(response.content)) {
          const body = `${alias}[${JSON.stringify(op.operationId)}]["responses"][${status}]["content"][${JSON.stringify(media)}]`;
          const s = resolve(schema) ?? {};
          const types = [].concat(s.type ?? []);
          let read;
          if (types.includes("array")) {
            const m = member(s.items);
            read = m ? `r[0]?.${m}` : "r.length";
          } else if (types.includes("string")) {
            read = "r.length";
          } else {
            const m = member(s);
            read = m ? `r${m}` : "Object.keys(r)";
          }
          lines.push(`export const ${alias}_${op.operationId}_${status}_${media.replace(/\W/g, "_")} = ` +
            `(r: ${body}) => ${read};`);
          uses++;
        }
      }
    }
  }
}
writeFileSync("generated/consumer.ts", lines.join("\n") + "\n");
console.log(`consumer.ts: ${uses} success bodies of ${services.length} services read`);
