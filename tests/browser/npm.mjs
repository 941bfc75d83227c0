// npm.mjs - imported first by each walk, before lib.mjs (which reads
// axe-core as it loads): installs node_modules from package-lock.json
// when they are missing (npm ci), or prints a failed TAP plan and exits.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

if (!existsSync(join(HERE, 'node_modules', 'playwright-core')) ||
    !existsSync(join(HERE, 'node_modules', 'axe-core'))) {
	process.stdout.write('# installing node_modules (npm ci)\n');
	try {
		execFileSync('npm', ['ci', '--no-audit', '--no-fund'],
		    { cwd: HERE, stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (e) {
		process.stdout.write('not ok 1 - npm ci in tests/browser\n' +
		    String(e.stderr || e.message).split('\n').map((l) =>
		    `# ${l}\n`).join('') + '1..1\n');
		process.exit(1);
	}
}
