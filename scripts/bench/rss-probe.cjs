// Preloaded (`node -r`) into a measured process: on exit it writes the process's peak RSS in KiB
// to the file named by BENCH_RSS_FILE, which the bench reads back (Node cannot get a child's rusage).
const fs = require('fs'); // eslint-disable-line @typescript-eslint/no-require-imports -- a CommonJS preload
const file = process.env.BENCH_RSS_FILE;
delete process.env.BENCH_RSS_FILE; // not inherited by anything the process spawns
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
