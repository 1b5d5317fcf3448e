// Loaded with `node --import` into every process the supervisor starts (lib/process/supervisor.ts).
// The supervisor starts its children in their own process groups, so a terminal's Ctrl-C reaches
// only the supervisor, which then stops them in order. The price is that a child no longer dies
// with its terminal: if the supervisor itself is killed (SIGKILL, a crashed terminal), this
// watchdog notices the child was orphaned and stops it, so no web server, worker or database is
// left running. Plain JavaScript so it also loads into processes started without tsx (Next.js).
// Not lib/env.ts: this file loads before any TypeScript and reads one variable the supervisor sets.
// eslint-disable-next-line no-restricted-properties
const supervisorPid = Number(process.env.WAYMARK_SUPERVISOR_PID);

// Only the supervisor's direct children watch: processes they start themselves inherit the
// variable (and Node's execArgv) but have another parent, which stops them its own way.
if (supervisorPid > 0 && process.ppid === supervisorPid) {
  setInterval(() => {
    if (process.ppid !== supervisorPid) process.kill(process.pid, 'SIGTERM');
  }, 500).unref();
}
