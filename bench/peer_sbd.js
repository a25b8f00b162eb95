// Peer: npm "sbd" over a newsfilter TSV (id, text) on stdin; one output line per sentence.
// Run by bench/run.sh with NODE_PATH set to bench/peers/node_modules.
'use strict';
const sbd = require('sbd');
const readline = require('readline');
const unesc = s => s.replace(/\\([tnr\\])/g, (m, c) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c]);
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let first = true, col = 1, out = [], n = 0;
rl.on('line', line => {
	const f = line.split('\t');
	if (first) { first = false; col = Math.max(0, f.indexOf('text')); return; }
	for (const s of sbd.sentences(unesc(f[col] || ''), { newline_boundaries: true })) {
		out.push(f[0] + '\t' + s.replace(/\n/g, ' '));
		n++;
	}
	if (out.length > 4096) { process.stdout.write(out.join('\n') + '\n'); out = []; }
});
rl.on('close', () => { if (out.length) process.stdout.write(out.join('\n') + '\n'); process.stderr.write(`sbd: ${n} sentences\n`); });
