// `npm test` runs on the Node release the image runs (.nvmrc): the Google Cloud SDKs need Node 22, and a
// green run on another major would say nothing about production.
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';

const want = readFileSync(new URL('../.nvmrc', import.meta.url), 'utf8').trim();
const major = want.split('.')[0];
if (process.versions.node.split('.')[0] !== major) {
  process.stderr.write(
    `Node ${process.versions.node} is running; the tests need Node ${major} (.nvmrc: ${want}).\n` +
      'Run them with: PATH="$(bash scripts/node22.sh):$PATH" npm test   (or `nvm use`, or bash .ci/run)\n',
  );
  process.exit(1);
}
