/** Entry of the `waymark` CLI (`npm run --silent waymark -- <command>`; bin/waymark.js when installed). */
import { nodeIo } from '../lib/cli/node-io';
import { runCli } from '../lib/cli/run-cli';

process.exitCode = runCli(process.argv.slice(2), nodeIo());
