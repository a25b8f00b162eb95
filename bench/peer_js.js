// Peers in JavaScript over a newsfilter TSV on stdin (header row; id in column 1, the text or
// page in the column named text or html, escaped as newsfilter TSV). One output row per unit.
//   node peer_js.js sbd          npm sbd: one row per sentence
//   node peer_js.js compromise-sentences | compromise-entities | compromise-quotes
//   node peer_js.js wink-sentences | wink-entities
//   node peer_js.js readability  @mozilla/readability + jsdom: one row per page (title, text)
// Run by bench/run.sh with NODE_PATH set to bench/peers/node_modules.
'use strict';
const mode = process.argv[2] || 'sbd';
const readline = require('readline');
const unesc = s => s.replace(/\\([tnr\\])/g, (m, c) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[c]);
const flat = s => String(s).replace(/[\t\n\r]+/g, ' ');

let fn;
if (mode === 'sbd') {
	const sbd = require('sbd');
	fn = t => sbd.sentences(t, { newline_boundaries: true });
} else if (mode.startsWith('compromise')) {
	const nlp = require('compromise');
	const what = mode.split('-')[1];
	fn = t => {
		const doc = nlp(t);
		if (what === 'sentences')
			return doc.sentences().out('array');
		if (what === 'quotes')
			return doc.quotations().out('array');
		return [].concat(doc.people().out('array').map(x => 'PER\t' + flat(x)),
			doc.places().out('array').map(x => 'LOC\t' + flat(x)),
			doc.organizations().out('array').map(x => 'ORG\t' + flat(x)));
	};
} else if (mode.startsWith('wink')) {
	const winkNLP = require('wink-nlp');
	const model = require('wink-eng-lite-web-model');
	const nlp = winkNLP(model);
	const its = nlp.its;
	const what = mode.split('-')[1];
	fn = t => {
		const doc = nlp.readDoc(t);
		if (what === 'sentences')
			return doc.sentences().out();
		return doc.entities().out(its.detail).map(e => e.type + '\t' + flat(e.value));
	};
} else if (mode === 'readability') {
	const { JSDOM, VirtualConsole } = require('jsdom');
	const { Readability } = require('@mozilla/readability');
	const vc = new VirtualConsole();   // pages' CSS and script errors are not ours to print
	fn = t => {
		const dom = new JSDOM(t, { virtualConsole: vc });
		const a = new Readability(dom.window.document).parse();
		dom.window.close();
		return a ? [flat(a.title || '') + '\t' + flat(a.textContent || '')] : [];
	};
} else {
	process.stderr.write(`peer_js: unknown mode ${mode}\n`);
	process.exit(2);
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let first = true, col = 1, out = [], n = 0, docs = 0;
rl.on('line', line => {
	const f = line.split('\t');
	if (first) {
		first = false;
		col = f.indexOf('text');
		if (col < 0) col = f.indexOf('html');
		if (col < 0) col = 1;
		return;
	}
	docs++;
	for (const s of fn(unesc(f[col] || ''))) {
		out.push(f[0] + '\t' + flat(s));
		n++;
	}
	if (out.length > 4096) { process.stdout.write(out.join('\n') + '\n'); out = []; }
});
rl.on('close', () => {
	if (out.length) process.stdout.write(out.join('\n') + '\n');
	process.stderr.write(`${mode}: ${docs} documents, ${n} rows\n`);
});
