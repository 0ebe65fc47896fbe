// npm start: install what is missing, build, then start the database and the portal.
import { spawn } from 'node:child_process';
import { ensureBuild, ensureDependencies, root } from './setup-steps.mjs';

ensureDependencies();
ensureBuild();
const portal = spawn(process.execPath, ['--import', 'tsx', 'db/start-portal.ts'], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => portal.kill(signal));
portal.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
