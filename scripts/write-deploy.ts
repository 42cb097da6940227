// Regenerates deploy/agent/ from the manifest code (`npm run deploy:manifests`).
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { kustomizeBase } from 'flotilla';

for (const [file, content] of Object.entries(kustomizeBase())) {
  const path = new URL(`../deploy/agent/${file}`, import.meta.url);
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(content, { ...options, parser: 'yaml' }));
}
