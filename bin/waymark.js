#!/usr/bin/env node
// The installed `waymark` binary: load TypeScript through tsx (a runtime dependency), then run the CLI.
import { register } from 'tsx/esm/api';

register();
await import('../scripts/waymark.ts');
