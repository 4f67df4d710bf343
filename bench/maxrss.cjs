// Preloaded with `node --require`: at exit, writes this process's peak resident memory (kB) to the
// file named by MAXRSS_FILE.
const { writeFileSync } = require('node:fs')
process.on('exit', () => writeFileSync(process.env.MAXRSS_FILE, String(process.resourceUsage().maxRSS)))
