import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { COMPOSE_CONFIG_DIR, composeTemporalFiles } from '../src/cluster/composeTemporalConfig.js';

// `npm run cluster:compose-config`: writes the Temporal server configuration docker-compose.yml
// mounts, from the same renderer as the local cluster's.
for (const [name, text] of Object.entries(composeTemporalFiles())) {
  const file = path.join(COMPOSE_CONFIG_DIR, name);
  await writeFile(file, text);
  console.log(`wrote ${file}`);
}
